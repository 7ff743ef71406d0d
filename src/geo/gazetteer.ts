// The gazetteer in memory: entries, a key → entries map, country and admin1 tables, and the place-word lexicon.
// `loadGazetteer()` reads the shipped index (data/gazetteer/index.bin.gz, format 2: see codec.ts); `createGazetteer()` builds a tiny one
// from plain entries (tests, custom gazetteers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR } from '../lexicon/tsv.ts';
import { byteLineAt, decodeIndex, encodeIndex, type IndexData, lineAt } from './codec.ts';
import { KeyIndex } from './key-index.ts';
import { nameKey } from './keys.ts';
import { type GeoLexicon, loadGeoLexicon } from './lexicon.ts';
import { type Admin1Info, type CountryInfo, FEATURES, type Feature, type GazEntry, type IndexFile } from './types.ts';

export interface Gazetteer {
  /** number of places (ids 0..size-1) */
  size: number;
  /** the place with this id (built on first use, then cached) */
  entry(id: number): GazEntry;
  /** every place as an object (built on first access: slow; for tools and tests) */
  readonly entries: GazEntry[];
  /** nameKey → entry codes (id × 2, +1 when the key is a variant spelling of that entry) */
  index: KeyIndex;
  /** longest key, in tokens */
  maxTokens: number;
  /** first token of any key → the most tokens a key starting with it has */
  firstToken: { get(word: string): number | undefined };
  countries: Map<string, CountryInfo>;
  /** GeoNames admin1 code → names */
  admin1: Map<string, Admin1Info>;
  /** country name keys (English and Arabic) → ISO2 */
  countryKeys: Map<string, string>;
  lex: GeoLexicon;
  /** the decoded index columns (for scans without building place objects) */
  data: IndexData;
  /** ISO2 and admin1 code of each country/admin1 column value */
  ccCodes: string[];
  a1Codes: string[];
  /** admin1 code → entry ids (built on first use) */
  byAdmin1?: Map<string, number[]>;
  /** ISO2 → entry ids (built on first use) */
  byCountry?: Map<string, number[]>;
  attribution: string;
}

export const DEFAULT_INDEX = join(DATA_DIR, 'gazetteer', 'index.bin.gz');

function fromData(data: IndexData, lex: GeoLexicon): Gazetteer {
  const ccCodes = data.countries.map((c) => c.code);
  const a1Codes = data.admin1.map((a) => a.code);
  const index = new KeyIndex(data.keyText, data.postOff, data.postings);
  const cache: Array<GazEntry | null> = [];
  for (let i = 0; i < data.n; i++) cache.push(null);
  const entry = (i: number): GazEntry => {
    const hit = cache[i];
    if (hit) return hit;
    const keys: string[] = [];
    const variants: string[] = [];
    for (let j = data.entOff[i] as number; j < (data.entOff[i + 1] as number); j++) {
      const kc = data.entKeys[j] as number;
      ((kc & 1) === 1 ? variants : keys).push(lineAt(data.keyText, kc >> 1));
    }
    const gn = data.gn[i] as number;
    const a1 = data.a1[i] as number;
    const a2 = data.a2[i] as number;
    const a3 = data.a3[i] as number;
    const e: GazEntry = {
      id: i,
      name: byteLineAt(data.name, i),
      name_ar: byteLineAt(data.ar, i) || null,
      cc: ccCodes[data.cc[i] as number] ?? '',
      a1: a1 >= 0 ? ((a1Codes[a1] as string | undefined) ?? null) : null,
      a2: a2 >= 0 ? ((data.strings[a2] as string | undefined) ?? null) : null,
      a3: a3 >= 0 ? ((data.strings[a3] as string | undefined) ?? null) : null,
      lat: (data.lat[i] as number) / 1e5,
      lon: (data.lon[i] as number) / 1e5,
      feature: FEATURES[data.f[i] as number] as Feature,
      population: data.pop[i] as number,
      geonames_id: gn || null,
      rank: data.rank[i] as number,
      keys,
      variants,
    };
    cache[i] = e;
    return e;
  };
  const countries = new Map(data.countries.map((c) => [c.code, c]));
  const countryKeys = new Map<string, string>();
  for (const c of countries.values()) {
    for (const n of [c.name, c.name_ar, c.code]) if (n) countryKeys.set(nameKey(n), c.code);
  }
  const countryF = FEATURES.indexOf('country');
  for (let i = 0; i < data.n; i++) {
    if (data.f[i] !== countryF) continue;
    const cc = ccCodes[data.cc[i] as number];
    if (!cc) continue;
    for (let j = data.entOff[i] as number; j < (data.entOff[i + 1] as number); j++) {
      const kc = data.entKeys[j] as number;
      if ((kc & 1) === 0) countryKeys.set(lineAt(data.keyText, kc >> 1), cc);
    }
  }
  let all: GazEntry[] | null = null;
  return {
    size: data.n,
    entry,
    get entries(): GazEntry[] {
      if (!all) {
        all = [];
        for (let i = 0; i < data.n; i++) all.push(entry(i));
      }
      return all;
    },
    index,
    maxTokens: Math.min(index.maxTokens, 8),
    firstToken: { get: (w: string) => index.firstToken(w) },
    countries,
    admin1: new Map(data.admin1.map((a) => [a.code, a])),
    countryKeys,
    lex,
    data,
    ccCodes,
    a1Codes,
    attribution: data.attribution,
  };
}

/** Load the shipped (or a given) index. Synchronous; throws with the path when the file is missing or broken. */
export function loadGazetteer(path: string = DEFAULT_INDEX, lex: GeoLexicon = loadGeoLexicon()): Gazetteer {
  let data: IndexData;
  try {
    data = decodeIndex(gunzipSync(readFileSync(path)));
  } catch (e) {
    throw new Error(`cannot load gazetteer index ${path}: ${(e as Error).message} (rebuild with npm run build:gazetteer)`);
  }
  return fromData(data, lex);
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
      (p.feature === 'country'
        ? 9
        : p.feature === 'admin1'
          ? 8
          : p.feature === 'admin2'
            ? 6
            : p.feature === 'admin3'
              ? 5
              : pop >= 100000
                ? 5
                : pop >= 15000
                  ? 4
                  : pop > 0
                    ? 3
                    : 1);
    const keys = [
      ...new Set(
        [p.name, p.name_ar, ...(p.aliases ?? [])]
          .filter((n): n is string => !!n)
          .map(nameKey)
          .filter(Boolean),
      ),
    ];
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
      countries.set(e.cc, {
        code: e.cc,
        name: e.name,
        name_ar: e.name_ar,
        lat: e.lat,
        lon: e.lon,
        population: e.population,
        geonames_id: e.geonames_id,
      });
    }
  }
  for (const e of entries) {
    if (!countries.has(e.cc))
      countries.set(e.cc, { code: e.cc, name: e.cc, name_ar: null, lat: e.lat, lon: e.lon, population: 0, geonames_id: null });
  }
  const admin1 = new Map((opts.admin1 ?? []).map((a) => [a.code, a]));
  for (const e of entries) {
    if (e.feature === 'admin1' && e.a1 && !admin1.has(e.a1)) {
      admin1.set(e.a1, { code: e.a1, cc: e.cc, name: e.name, name_ar: e.name_ar, geonames_id: e.geonames_id });
    }
  }
  for (const e of entries) {
    if (e.a1 && !admin1.has(e.a1)) admin1.set(e.a1, { code: e.a1, cc: e.cc, name: e.a1, name_ar: null, geonames_id: null });
  }
  // the same compact layout as the shipped index
  const cList = [...countries.values()];
  const aList = [...admin1.values()];
  const cIdx = new Map(cList.map((c, i) => [c.code, i]));
  const aIdx = new Map(aList.map((a, i) => [a.code, i]));
  const strings: string[] = [];
  const intern = (x: string | null) => {
    if (!x) return -1;
    let i = strings.indexOf(x);
    if (i === -1) i = strings.push(x) - 1;
    return i;
  };
  const ix: IndexFile = {
    format: 'marsad-gazetteer/1',
    attribution: '',
    countries: cList,
    admin1: aList,
    strings,
    places: {
      name: entries.map((e) => e.name),
      ar: entries.map((e) => e.name_ar ?? ''),
      cc: entries.map((e) => cIdx.get(e.cc) ?? 255),
      a1: entries.map((e) => (e.a1 ? (aIdx.get(e.a1) ?? -1) : -1)),
      a2: entries.map((e) => intern(e.a2)),
      a3: entries.map((e) => intern(e.a3)),
      lat: entries.map((e) => Math.round(e.lat * 1e5)),
      lon: entries.map((e) => Math.round(e.lon * 1e5)),
      f: entries.map((e) => FEATURES.indexOf(e.feature)),
      pop: entries.map((e) => e.population),
      gn: entries.map((e) => e.geonames_id ?? 0),
      rank: entries.map((e) => e.rank),
      k: entries.map((e) => e.keys.join('|')),
      v: entries.map((e) => e.variants.join('|')),
    },
  };
  return fromData(decodeIndex(encodeIndex(ix)), opts.lex ?? loadGeoLexicon());
}

/** Entry ids in one admin1 unit (index built on first use, from the columns). */
export function entriesInAdmin1(gaz: Gazetteer, code: string): number[] {
  if (!gaz.byAdmin1) {
    const m = new Map<string, number[]>();
    const col = gaz.data.a1;
    for (let i = 0; i < gaz.size; i++) {
      const a = col[i] as number;
      if (a < 0) continue;
      const c = gaz.a1Codes[a] as string;
      const l = m.get(c);
      if (l) l.push(i);
      else m.set(c, [i]);
    }
    gaz.byAdmin1 = m;
  }
  return gaz.byAdmin1.get(code) ?? [];
}

/** Entry ids in one country (index built on first use, from the columns). */
export function entriesInCountry(gaz: Gazetteer, cc: string): number[] {
  if (!gaz.byCountry) {
    const m = new Map<string, number[]>();
    const col = gaz.data.cc;
    for (let i = 0; i < gaz.size; i++) {
      const c = gaz.ccCodes[col[i] as number] ?? '';
      const l = m.get(c);
      if (l) l.push(i);
      else m.set(c, [i]);
    }
    gaz.byCountry = m;
  }
  return gaz.byCountry.get(cc) ?? [];
}
