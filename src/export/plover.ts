// PLOVER-style JSON records: event_type and mode from the record's plover_type ("TYPE", "TYPE/mode", "TYPE:mode"
// or "TYPE|mode"); when absent, from a shipped ACLED sub-event → PLOVER table.
import { join } from 'node:path';
import { loadTsv } from '../lexicon/tsv.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import type { ExportRow } from './acled-csv.ts';

export type PloverTable = ReadonlyMap<string, { event_type: string; mode: string | null }>;

export const PLOVER_TABLE_PATH = join(PACKAGE_ROOT, 'src', 'export', 'plover-from-acled.tsv');

export function loadPloverTable(path: string = PLOVER_TABLE_PATH): PloverTable {
  const t = loadTsv(path, ['sub_event_type', 'plover_type']);
  return new Map(t.rows.map(({ cells }) => [cells.sub_event_type, { event_type: cells.plover_type, mode: cells.mode || null }]));
}

export interface PloverRecord {
  id: string;
  article_id: string;
  date: string | null;
  time_precision: number;
  event_type: string;
  mode: string | null;
  context: string[];
  actor: string | null;
  actor_associates: string[];
  recipient: string | null;
  recipient_associates: string[];
  location: {
    name: string | null;
    name_ar: string | null;
    country: string | null;
    admin1: string | null;
    admin2: string | null;
    lat: number | null;
    lon: number | null;
    geo_precision: number | null;
  };
  fatalities: number;
  injuries: number | null;
  sources: string[];
  acled: { disorder_type: string; event_type: string; sub_event_type: string };
  background: boolean;
  confidence: number;
}

export function splitPloverType(raw: string): { event_type: string; mode: string | null } {
  const [t, m] = raw.split(/[/:|]/, 2);
  return { event_type: (t ?? '').trim().toUpperCase(), mode: m?.trim() ? m.trim() : null };
}

export function toPloverRecord(row: ExportRow, table: PloverTable): PloverRecord {
  const { article, event: e } = row;
  const typed = e.plover_type ? splitPloverType(e.plover_type) : (table.get(e.sub_event_type) ?? { event_type: 'OTHER', mode: null });
  return {
    id: e.event_id,
    article_id: article.id,
    date: e.event_date,
    time_precision: e.time_precision,
    event_type: typed.event_type,
    mode: typed.mode,
    context: [],
    actor: e.actor1,
    actor_associates: e.assoc_actor_1 ?? [],
    recipient: e.actor2,
    recipient_associates: e.assoc_actor_2 ?? [],
    location: {
      name: e.location,
      name_ar: e.location_ar ?? null,
      country: e.country,
      admin1: e.admin1,
      admin2: e.admin2,
      lat: e.latitude,
      lon: e.longitude,
      geo_precision: e.geo_precision,
    },
    fatalities: e.fatalities,
    injuries: e.injuries ?? null,
    sources: e.sources,
    acled: { disorder_type: e.disorder_type, event_type: e.event_type, sub_event_type: e.sub_event_type },
    background: e.background,
    confidence: e.confidence,
  };
}

export function toPlover(rows: ReadonlyArray<ExportRow>, table: PloverTable = loadPloverTable()): PloverRecord[] {
  return rows.map((r) => toPloverRecord(r, table));
}
