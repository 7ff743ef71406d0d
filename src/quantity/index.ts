// Quantities: number phrases and casualty counts. The pipeline calls these.
export { findCasualties } from './find-casualties.ts';
export {
  type CasualtyWord,
  loadQuantityLexicon,
  type NumberWord,
  type Quantifier,
  type QuantityLexicon,
} from './lexicon.ts';
export { lowestCredible } from './lowest-credible.ts';
export {
  digitValue,
  type NumberPhrase,
  parseNumberAt,
  parseNumberWords,
} from './parse-number.ts';
