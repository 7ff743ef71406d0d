// marsad's public surface: the extractor, its resources and stages, the store, exports and the HTTP app.

export { findActors, loadActorLexicon } from './actors/index.ts';
export { findSources, loadAttributionLexicon } from './attribution/index.ts';
export { ACLED_COLUMNS, formatRows, toAcledCsv, toGeoJson, toPlover } from './export/index.ts';
export { countryName, findPlaceMentions, geocodeName, loadGazetteer } from './geo/index.ts';
export type * from './pipeline/doc.ts';
export { createPipeline, loadResources, MAX_CHARS, type Pipeline, type Resources } from './pipeline/index.ts';
export type { Recognisers } from './pipeline/recognisers.ts';
export { STAGES, type Stage } from './pipeline/stages.ts';
export { findCasualties, loadQuantityLexicon, parseNumberAt } from './quantity/index.ts';
export { createApp } from './server/app.ts';
export { openStore } from './store/index.ts';
export type { EventQuery, Store, StoredEvent } from './store/types.ts';
export { type NormText, normalize, normKey, rawSpan } from './text/normalize.ts';
export { PhraseIndex } from './text/phrase-index.ts';
export { quotes, sentences } from './text/segment.ts';
export { type Token, tokenize } from './text/tokenize.ts';
export { findDates, loadTimeLexicon } from './time/index.ts';
export type { ArticleMeta, ArticleRecord, Claim, Doubt, EventRecord, ExtractionResult, Span } from './types.ts';
