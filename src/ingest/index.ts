export { runIngest, workQueue, type IngestOptions, type IngestReport } from './run.ts';
export { planInputs, type JobPayload, type ItemMeta } from './inputs.ts';
export { handleJob } from './worker.ts';
export { parseFeed, fetchConditional, FeedParseError, DEFAULT_FETCH, type FetchOptions } from './feed.ts';
export { extractPage, fragmentText } from './html.ts';
export { decodeBytes, checkText, arabicShare } from './decode.ts';
export { createProgress } from './progress.ts';
