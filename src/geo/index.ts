// Geocoder public API: gazetteer loading, place mentions in a document, one-name geocoding, country names.
import type { PlaceChoice, PlaceMention } from '../pipeline/doc.ts';
import type { NormText } from '../text/normalize.ts';
import { normKey } from '../text/normalize.ts';
import type { Range } from '../text/segment.ts';
import { sentences } from '../text/segment.ts';
import { type Token, tokenize } from '../text/tokenize.ts';
import type { Gazetteer } from './gazetteer.ts';
import { nameKey } from './keys.ts';
import { resolvePlaces } from './resolve.ts';

export { createGazetteer, DEFAULT_INDEX, type Gazetteer, loadGazetteer, type PlaceInput } from './gazetteer.ts';
export { type GeoLexicon, loadGeoLexicon } from './lexicon.ts';
export { type GeoPlaceMention, km } from './resolve.ts';
export type { Admin1Info, CountryInfo, Feature, GazEntry } from './types.ts';

/** Every place mention of the document, with candidates and a resolved choice (or null and a doubt). */
export function findPlaceMentions(doc: { norm: NormText; tokens: Token[]; sentences: Range[] }, gaz: Gazetteer): PlaceMention[] {
  return resolvePlaces(doc, gaz);
}

/** Geocode one name (any script), with optional country and proximity context. Null when unknown. */
export function geocodeName(
  name: string,
  ctx: { countries?: string[]; near?: { lat: number; lon: number } },
  gaz: Gazetteer,
): PlaceChoice | null {
  if (typeof name !== 'string' || !name.trim()) return null;
  const text = normKey(name).slice(0, 500);
  const tokens = tokenize(text);
  const ms = resolvePlaces({ norm: null, tokens, sentences: sentences(text) }, gaz, {
    countries: ctx?.countries,
    near: ctx?.near,
    isName: true,
  });
  // the mention covering most of the name, resolved
  const best = ms.filter((m) => m.choice).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  return best?.choice ?? null;
}

/** English (GeoNames) country name of an ISO2 code, or null. */
export function countryName(iso2: string, gaz: Gazetteer): string | null {
  return gaz.countries.get(String(iso2).toUpperCase())?.name ?? null;
}

/** ISO2 code of a country name in English or Arabic (or an ISO2 code itself), or null. */
export function countryByName(name: string, gaz: Gazetteer): string | null {
  if (typeof name !== 'string') return null;
  const k = nameKey(name);
  return gaz.countryKeys.get(k) ?? (gaz.countries.has(name.toUpperCase()) ? name.toUpperCase() : null);
}
