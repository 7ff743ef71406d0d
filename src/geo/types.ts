// Gazetteer records: the compact on-disk index and the in-memory entries built from it.

/** Place kinds (the index stores the position: new kinds go at the end). 'region': a named region inside one country
 * that is no administrative unit (دارفور، سيناء); 'macro-region': a continent, ocean, sea, river or region spanning
 * countries (أفريقيا، الشرق الأوسط، البحر المتوسط), with no country (cc ''), never an event place. */
export const FEATURES = ['country', 'admin1', 'admin2', 'admin3', 'locality', 'neighbourhood', 'site', 'region', 'macro-region'] as const;
export type Feature = (typeof FEATURES)[number];

/** One gazetteer place, in memory. */
export interface GazEntry {
  id: number;
  name: string;
  name_ar: string | null;
  /** ISO2 country code */
  cc: string;
  /** GeoNames admin1 code (e.g. "SY.07") or null */
  a1: string | null;
  a2: string | null;
  a3: string | null;
  lat: number;
  lon: number;
  feature: Feature;
  population: number;
  geonames_id: number | null;
  /** 0..9 importance from the feature code (capital 9, provincial seat 7, …) */
  rank: number;
  /** primary look-up keys (nameKey form) */
  keys: string[];
  /** variant keys: alternate spellings, lower trust */
  variants: string[];
}

export interface CountryInfo {
  code: string;
  name: string;
  name_ar: string | null;
  lat: number;
  lon: number;
  population: number;
  geonames_id: number | null;
}

export interface Admin1Info {
  code: string;
  cc: string;
  name: string;
  name_ar: string | null;
  geonames_id: number | null;
}

/** The on-disk index (gzip JSON): columnar arrays, one slot per place. */
export interface IndexFile {
  format: 'marsad-gazetteer/1';
  attribution: string;
  countries: CountryInfo[];
  admin1: Admin1Info[];
  /** interned admin2/admin3 names */
  strings: string[];
  places: {
    name: string[];
    ar: string[];
    /** index into countries */
    cc: number[];
    /** index into admin1, -1 = none */
    a1: number[];
    /** index into strings, -1 = none */
    a2: number[];
    a3: number[];
    /** degrees × 1e5 */
    lat: number[];
    lon: number[];
    /** index into FEATURES */
    f: number[];
    pop: number[];
    gn: number[];
    rank: number[];
    /** primary keys joined by | */
    k: string[];
    /** variant keys joined by | */
    v: string[];
  };
}
