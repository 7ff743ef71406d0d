// Attribution (who says what): public surface.
export { type AttributionDoc, findSources, sourceCountries } from './find.ts';
export {
  type AttributionLexicon,
  type AttributionLexiconPaths,
  type CueType,
  loadAttributionLexicon,
  outletSource,
  type SourceHit,
  type SourceRow,
  templateName,
} from './lexicon.ts';
