// ACLED country facts (ISO numeric, ACLED region) read from a small shipped table, resolved by name or ISO code.
import { join } from 'node:path';
import { loadTsv, splitList } from '../lexicon/tsv.ts';
import { PACKAGE_ROOT } from '../paths.ts';

export interface CountryFacts {
  iso2: string;
  iso3: string;
  iso_numeric: number;
  country: string;
  region: string;
}

/** country name / alias / ISO code (lower case) → facts */
export type CountryTable = ReadonlyMap<string, CountryFacts>;

export const COUNTRY_TABLE_PATH = join(PACKAGE_ROOT, 'src', 'export', 'acled-countries.tsv');

export function loadCountryTable(path: string = COUNTRY_TABLE_PATH): CountryTable {
  const table = loadTsv(path, ['iso2', 'iso3', 'iso_numeric', 'country', 'region']);
  const map = new Map<string, CountryFacts>();
  for (const { cells } of table.rows) {
    const facts: CountryFacts = {
      iso2: cells.iso2,
      iso3: cells.iso3,
      iso_numeric: Number(cells.iso_numeric),
      country: cells.country,
      region: cells.region,
    };
    for (const key of [cells.iso2, cells.iso3, cells.country, ...splitList(cells.aliases)]) map.set(key.toLowerCase(), facts);
  }
  return map;
}

export function countryFacts(table: CountryTable, country: string | null | undefined, iso?: string | null): CountryFacts | null {
  for (const k of [iso, country]) {
    if (!k) continue;
    const hit = table.get(String(k).trim().toLowerCase());
    if (hit) return hit;
  }
  return null;
}
