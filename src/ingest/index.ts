export { arabicShare, checkText, decodeBytes } from './decode.ts';
export { DEFAULT_FETCH, FeedParseError, type FetchOptions, fetchConditional, parseFeed } from './feed.ts';
export { extractPage, fragmentText } from './html.ts';
export { type ItemMeta, type JobPayload, planInputs } from './inputs.ts';
export { createProgress } from './progress.ts';
export { type IngestOptions, type IngestReport, runIngest, workQueue } from './run.ts';
export { handleJob } from './worker.ts';
