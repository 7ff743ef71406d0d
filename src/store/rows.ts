// Mapping between records and rows (pure).
import { normKey } from '../text/normalize.ts';
import type { ArticleRecord, EventRecord } from '../types.ts';

export const toIso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** jsonb comes back parsed from both engines (a JSON string value arrives as a JS string: never re-parse). */
export function fromJson<T>(v: unknown): T {
  return v as T;
}

/** PostgreSQL text cannot hold NUL; keep everything else. */
export const pgText = (s: string): string => (s.includes('\u0000') ? s.replaceAll('\u0000', '\uFFFD') : s);

export function searchText(e: EventRecord): string {
  const parts = [
    e.location,
    e.location_ar,
    e.admin1,
    e.admin2,
    e.admin3,
    e.actor1,
    e.actor2,
    ...(e.assoc_actor_1 ?? []),
    ...(e.assoc_actor_2 ?? []),
  ];
  return normKey(parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' ')).toLowerCase();
}

export function eventColumns(e: EventRecord) {
  return {
    background: e.background,
    event_date: e.event_date,
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    country: e.country,
    admin1: e.admin1,
    location: e.location,
    latitude: e.latitude,
    longitude: e.longitude,
    actor1: e.actor1,
    actor2: e.actor2,
    fatalities: e.fatalities ?? 0,
    search: searchText(e),
    record: JSON.stringify(e),
  };
}

export interface ArticleRow {
  id: string;
  sha256: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  language: string;
  chars: number;
  name?: string | null;
  title?: string | null;
}

export const articleRecord = (r: ArticleRow): ArticleRecord => ({
  id: r.id,
  published: r.published,
  language: r.language,
  sha256: r.sha256,
  source: r.outlet,
  url: r.url,
  chars: r.chars,
});

/** Fields a reviewer may correct (the rest are derived or evidence). */
export const REVIEWABLE_FIELDS: ReadonlySet<string> = new Set([
  'background',
  'event_date',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'plover_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'country',
  'iso',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'location_ar',
  'latitude',
  'longitude',
  'geo_precision',
  'geonames_id',
  'fatalities',
  'civilian_fatalities',
  'injuries',
  'sources',
  'source_scale',
  'notes',
  'notes_ar',
  'event',
]);
