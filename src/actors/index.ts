// Actor dictionary and recognition: public surface.
import type { ActorEntry } from '../pipeline/doc.ts';
import type { Token } from '../text/tokenize.ts';
import { countryOfAdjective as countryOfWordIn, detectCountries } from './countries.ts';
import { actorFor } from './find.ts';
import type { ActorLexicon } from './lexicon.ts';

export {
  type Country,
  type CountryLexicon,
  countryOfAdjective as countryOfWord,
  definite,
  expandTemplate,
  fillName,
  loadCountries,
} from './countries.ts';
export { type ActorContext, actorFor, findActors, pickRow, resolveTarget } from './find.ts';
export {
  type ActorHit,
  type ActorInfo,
  type ActorLexicon,
  type ActorLexiconPaths,
  type ActorRole,
  type GenericRow,
  loadActorLexicon,
} from './lexicon.ts';

const need = (e: ActorEntry | null, what: string): ActorEntry => {
  if (!e) throw new Error(`unknown country for ${what}`);
  return e;
};

/** Military Forces of <Country> / Police Forces of <Country>. Throws on an unknown ISO2 (misuse). */
export const stateForces = (iso2: string, branch: 'military' | 'police', lex: ActorLexicon): ActorEntry =>
  need(actorFor(branch, iso2, lex), iso2);
export const unidentifiedArmedGroup = (iso2: string, lex: ActorLexicon): ActorEntry => need(actorFor('unidentified', iso2, lex), iso2);
export const civilians = (iso2: string, lex: ActorLexicon): ActorEntry => need(actorFor('civilians', iso2, lex), iso2);
export const protesters = (iso2: string, lex: ActorLexicon): ActorEntry => need(actorFor('protesters', iso2, lex), iso2);

/** ISO2 of a country name or nationality adjective, or null. */
export function countryOfAdjective(word: string, lex: ActorLexicon): string | null {
  return countryOfWordIn(word, lex.countries);
}

/** Country counts from country names and nationality adjectives in the text, most frequent first. */
export function articleCountries(doc: { tokens: Token[] }, lex: ActorLexicon): Array<{ iso2: string; count: number; first: number }> {
  return detectCountries(doc, lex.countries);
}

/** ISO2 codes named or implied in the text, most frequent first. */
export function countriesOf(doc: { tokens: Token[] }, lex: ActorLexicon): string[] {
  return articleCountries(doc, lex).map((c) => c.iso2);
}
