// marsad's public surface: the extractor, its resources and stages, the store, exports and the HTTP app.
export type { ArticleMeta, ArticleRecord, Claim, Doubt, EventRecord, ExtractionResult, Span } from './types.ts';
export { createPipeline, loadResources, MAX_CHARS, type Pipeline, type Resources } from './pipeline/index.ts';
export { STAGES, type Stage } from './pipeline/stages.ts';
export type { Recognisers } from './pipeline/recognisers.ts';
export type * from './pipeline/doc.ts';
export { normalize, normKey, rawSpan, type NormText } from './text/normalize.ts';
export { tokenize, type Token } from './text/tokenize.ts';
export { quotes, sentences } from './text/segment.ts';
export { PhraseIndex } from './text/phrase-index.ts';
export { countryName, findPlaceMentions, geocodeName, loadGazetteer } from './geo/index.ts';
export { findDates, loadTimeLexicon } from './time/index.ts';
export { findCasualties, loadQuantityLexicon, parseNumberAt } from './quantity/index.ts';
export { findActors, loadActorLexicon } from './actors/index.ts';
export { findSources, loadAttributionLexicon } from './attribution/index.ts';
export { openStore } from './store/index.ts';
export type { EventQuery, Store, StoredEvent } from './store/types.ts';
export { formatRows, toAcledCsv, toGeoJson, toPlover, ACLED_COLUMNS } from './export/index.ts';
export { createApp } from './server/app.ts';
