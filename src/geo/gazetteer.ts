// The gazetteer in memory: entries, a key → entries map, country and admin1 tables, and the place-word lexicon.
// `loadGazetteer()` reads the shipped index (data/gazetteer/index.json.gz); `createGazetteer()` builds a tiny one
// from plain entries (tests, custom gazetteers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR } from '../lexicon/tsv.ts';
import { nameKey } from './keys.ts';
import { type GeoLexicon, loadGeoLexicon } from './lexicon.ts';
import { type Admin1Info, type CountryInfo, FEATURES, type Feature, type GazEntry, type IndexFile } from './types.ts';

export interface Gazetteer {
  entries: GazEntry[];
  /** nameKey → entry ids × 2 (+1 when the key is a variant spelling of that entry) */
  index: Map<string, number[]>;
  /** longest key, in tokens */
  maxTokens: number;
  /** first token of any key → the most tokens a key starting with it has */
  firstToken: Map<string, number>;
  countries: Map<string, CountryInfo>;
  /** GeoNames admin1 code → names */
  admin1: Map<string, Admin1Info>;
  /** country name keys (English and Arabic) → ISO2 */
  countryKeys: Map<string, string>;
  lex: GeoLexicon;
  /** admin1 code → entry ids (built on first use) */
  byAdmin1?: Map<string, number[]>;
  attribution: string;
}

export const DEFAULT_INDEX = join(DATA_DIR, 'gazetteer', 'index.json.gz');

function addKey(index: Map<string, number[]>, key: string, code: number, first: Map<string, number>): number {
  let list = index.get(key);
  if (!list) {
    list = [];
    index.set(key, list);
  }
  // keys and variants of one entry are disjoint, and an entry's keys are distinct: no duplicate check needed
  list.push(code);
  let n = 1;
  const sp = key.indexOf(' ');
  for (let i = sp; i !== -1; i = key.indexOf(' ', i + 1)) n++;
  const head = sp === -1 ? key : key.slice(0, sp);
  if ((first.get(head) ?? 0) < n) first.set(head, n);
  return n;
}

function assemble(
  entries: GazEntry[],
  countries: Map<string, CountryInfo>,
  admin1: Map<string, Admin1Info>,
  lex: GeoLexicon,
  attribution: string,
): Gazetteer {
  const index = new Map<string, number[]>();
  const firstToken = new Map<string, number>();
  let maxTokens = 1;
  for (const e of entries) {
    for (const k of e.keys) maxTokens = Math.max(maxTokens, addKey(index, k, e.id * 2, firstToken));
    for (const k of e.variants) maxTokens = Math.max(maxTokens, addKey(index, k, e.id * 2 + 1, firstToken));
  }
  const countryKeys = new Map<string, string>();
  for (const c of countries.values()) {
    for (const n of [c.name, c.name_ar, c.code]) if (n) countryKeys.set(nameKey(n), c.code);
  }
  for (const e of entries) if (e.feature === 'country') for (const k of e.keys) countryKeys.set(k, e.cc);
  return { entries, index, maxTokens: Math.min(maxTokens, 8), firstToken, countries, admin1, countryKeys, lex, attribution };
}

/** Load the shipped (or a given) index. Synchronous; throws with the path when the file is missing or broken. */
export function loadGazetteer(path: string = DEFAULT_INDEX, lex: GeoLexicon = loadGeoLexicon()): Gazetteer {
  let data: IndexFile;
  try {
    data = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as IndexFile;
  } catch (e) {
    throw new Error(`cannot load gazetteer index ${path}: ${(e as Error).message} (rebuild with npm run build:gazetteer)`);
  }
  if (data.format !== 'marsad-gazetteer/1') throw new Error(`${path}: unknown gazetteer format ${String(data.format)}`);
  const P = data.places;
  const entries: GazEntry[] = new Array(P.name.length);
  const cc = data.countries.map((c) => c.code);
  const a1 = data.admin1.map((a) => a.code);
  for (let i = 0; i < P.name.length; i++) {
    const k = P.k[i] as string;
    const v = P.v[i] as string;
    const gn = P.gn[i] as number;
    entries[i] = {
      id: i,
      name: P.name[i] as string,
      name_ar: P.ar[i] || null,
      cc: cc[P.cc[i] as number] ?? '',
      a1: (P.a1[i] as number) >= 0 ? (a1[P.a1[i] as number] as string) : null,
      a2: (P.a2[i] as number) >= 0 ? (data.strings[P.a2[i] as number] as string) : null,
      a3: (P.a3[i] as number) >= 0 ? (data.strings[P.a3[i] as number] as string) : null,
      lat: (P.lat[i] as number) / 1e5,
      lon: (P.lon[i] as number) / 1e5,
      feature: FEATURES[P.f[i] as number] as Feature,
      population: P.pop[i] as number,
      geonames_id: gn || null,
      rank: P.rank[i] as number,
      keys: k ? k.split('|') : [],
      variants: v ? v.split('|') : [],
    };
  }
  return assemble(
    entries,
    new Map(data.countries.map((c) => [c.code, c])),
    new Map(data.admin1.map((a) => [a.code, a])),
    lex,
    data.attribution,
  );
}

/** A plain description of one place for `createGazetteer`. */
export interface PlaceInput {
  name: string;
  name_ar?: string | null;
  /** ISO2 */
  country: string;
  /** admin1 code (any string; its names come from `admin1`) */
  admin1?: string | null;
  admin2?: string | null;
  admin3?: string | null;
  lat: number;
  lon: number;
  feature: Feature;
  population?: number;
  geonames_id?: number | null;
  /** 0..9; defaults from feature and population */
  rank?: number;
  /** more spellings (Arabic or Latin) */
  aliases?: string[];
  /** lower-trust spellings */
  variants?: string[];
}

export function createGazetteer(
  places: PlaceInput[],
  opts: { countries?: CountryInfo[]; admin1?: Admin1Info[]; lex?: GeoLexicon } = {},
): Gazetteer {
  const entries: GazEntry[] = places.map((p, id) => {
    const pop = p.population ?? 0;
    const rank =
      p.rank ??
      (p.feature === 'country' ? 9 : p.feature === 'admin1' ? 8 : p.feature === 'admin2' ? 6 : p.feature === 'admin3' ? 5 : pop >= 100000 ? 5 : pop >= 15000 ? 4 : pop > 0 ? 3 : 1);
    const keys = [...new Set([p.name, p.name_ar, ...(p.aliases ?? [])].filter((n): n is string => !!n).map(nameKey).filter(Boolean))];
    const variants = (p.variants ?? []).map(nameKey).filter((k) => k && !keys.includes(k));
    return {
      id,
      name: p.name,
      name_ar: p.name_ar ?? null,
      cc: p.country,
      a1: p.admin1 ?? null,
      a2: p.admin2 ?? null,
      a3: p.admin3 ?? null,
      lat: p.lat,
      lon: p.lon,
      feature: p.feature,
      population: pop,
      geonames_id: p.geonames_id ?? null,
      rank,
      keys,
      variants,
    };
  });
  const countries = new Map((opts.countries ?? []).map((c) => [c.code, c]));
  for (const e of entries) {
    if (e.feature === 'country' && !countries.has(e.cc)) {
      countries.set(e.cc, { code: e.cc, name: e.name, name_ar: e.name_ar, lat: e.lat, lon: e.lon, population: e.population, geonames_id: e.geonames_id });
    }
  }
  const admin1 = new Map((opts.admin1 ?? []).map((a) => [a.code, a]));
  for (const e of entries) {
    if (e.feature === 'admin1' && e.a1 && !admin1.has(e.a1)) {
      admin1.set(e.a1, { code: e.a1, cc: e.cc, name: e.name, name_ar: e.name_ar, geonames_id: e.geonames_id });
    }
  }
  return assemble(entries, countries, admin1, opts.lex ?? loadGeoLexicon(), '');
}

/** Entry ids in one admin1 unit (index built on first use). */
export function entriesInAdmin1(gaz: Gazetteer, code: string): number[] {
  if (!gaz.byAdmin1) {
    const m = new Map<string, number[]>();
    for (const e of gaz.entries) {
      if (!e.a1) continue;
      const l = m.get(e.a1) ?? [];
      l.push(e.id);
      m.set(e.a1, l);
    }
    gaz.byAdmin1 = m;
  }
  return gaz.byAdmin1.get(code) ?? [];
}
