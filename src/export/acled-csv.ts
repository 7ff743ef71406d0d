// ACLED CSV: ACLED's 31 columns in ACLED's order, one row per event.
import { stringify } from 'csv-stringify/sync';
import type { ArticleRecord, EventRecord } from '../types.ts';
import { type CountryTable, countryFacts, loadCountryTable } from './countries.ts';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string | number>;

export interface ExportRow {
  article: ArticleRecord;
  event: EventRecord;
}

export interface AcledOptions {
  countries?: CountryTable;
  /** unix seconds written to `timestamp` (ACLED: last modification); default: now */
  timestamp?: number;
}

const blank = (v: unknown): string | number => (v === null || v === undefined ? '' : (v as string | number));

const isCivilianTarget = (e: EventRecord): boolean =>
  [e.actor2, ...(e.assoc_actor_2 ?? [])].some((a) => typeof a === 'string' && /^civilians\b/i.test(a));

/** One ACLED row (object keyed by column) for an event. */
export function toAcledRow(row: ExportRow, countries: CountryTable, timestamp: number): AcledRow {
  const { article, event: e } = row;
  const facts = countryFacts(countries, e.country, e.iso);
  const sources = e.sources.length > 0 ? e.sources : article.source ? [article.source] : [];
  return {
    event_id_cnty: e.event_id,
    event_date: blank(e.event_date),
    year: e.event_date ? Number(e.event_date.slice(0, 4)) : '',
    time_precision: e.time_precision,
    disorder_type: e.disorder_type,
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: blank(e.actor1),
    assoc_actor_1: (e.assoc_actor_1 ?? []).join('; '),
    inter1: blank(e.inter1),
    actor2: blank(e.actor2),
    assoc_actor_2: (e.assoc_actor_2 ?? []).join('; '),
    inter2: blank(e.inter2),
    interaction: blank(e.interaction),
    civilian_targeting: isCivilianTarget(e) ? 'Civilian targeting' : '',
    iso: facts ? facts.iso_numeric : '',
    region: facts ? facts.region : '',
    country: blank(e.country),
    admin1: blank(e.admin1),
    admin2: blank(e.admin2),
    admin3: blank(e.admin3),
    location: blank(e.location),
    latitude: blank(e.latitude),
    longitude: blank(e.longitude),
    geo_precision: blank(e.geo_precision),
    source: sources.join('; '),
    source_scale: blank(e.source_scale),
    notes: e.notes ?? '',
    fatalities: e.fatalities ?? 0,
    tags: '',
    timestamp,
  };
}

/** CSV text with a header line of ACLED_COLUMNS. Background events are the caller's choice (pass them or not). */
export function toAcledCsv(rows: ReadonlyArray<ExportRow>, opts: AcledOptions = {}): string {
  const countries = opts.countries ?? loadCountryTable();
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const records = rows.map((r) => toAcledRow(r, countries, ts));
  return stringify(records, { header: true, columns: [...ACLED_COLUMNS] });
}
