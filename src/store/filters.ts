// The event filters, one definition for every front end: the export command's flags (src/cli/export.ts), the
// query string of /api/events and /api/export (src/server/query.ts) and the web app's filter bar (web/src/api.ts).
// No runtime imports, so the web build can take it too.
import type { EventQuery } from './types.ts';

/** The filters as the front ends name them (`type` is the store's `event_type`, `background` its `includeBackground`). */
export interface EventFilters {
  /** first and last event date, ISO YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  country?: string;
  admin1?: string;
  /** ACLED event type */
  type?: string;
  /** part of an actor's name, either side */
  actor?: string;
  /** minLon,minLat,maxLon,maxLat */
  bbox?: string;
  /** free text, fuzzy over places and actors (Arabic or English) */
  q?: string;
  /** include background (historical) events */
  background?: boolean;
}

/** An ISO date as the date filters take it. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `minLon,minLat,maxLon,maxLat` → four numbers, or null when it is not four finite numbers. */
export function parseBbox(text: string): [number, number, number, number] | null {
  const n = text.split(',').map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) return null;
  return n as [number, number, number, number];
}

/**
 * The filters → the store's query: text trimmed and left out when empty, background only when asked for.
 * Dates and bbox are expected checked (ISO_DATE, parseBbox); see bboxProblem and rangeProblem for their ranges.
 */
export function filtersToQuery(f: EventFilters): EventQuery {
  const q: EventQuery = {};
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.country?.trim()) q.country = f.country.trim();
  if (f.admin1?.trim()) q.admin1 = f.admin1.trim();
  if (f.type?.trim()) q.event_type = f.type.trim();
  if (f.actor?.trim()) q.actor = f.actor.trim();
  if (f.q?.trim()) q.q = f.q.trim();
  if (f.bbox) {
    const box = parseBbox(f.bbox);
    if (box) q.bbox = box;
  }
  if (f.background) q.includeBackground = true;
  return q;
}

/** A bbox whose corners are out of range or inverted is a client error, said plainly. */
export function bboxProblem(bbox: EventQuery['bbox']): string | null {
  if (!bbox) return null;
  const [minLon, minLat, maxLon, maxLat] = bbox;
  if ([minLon, maxLon].some((x) => x < -180 || x > 180)) return 'bbox longitudes must lie in [-180, 180]';
  if ([minLat, maxLat].some((x) => x < -90 || x > 90)) return 'bbox latitudes must lie in [-90, 90]';
  if (minLat > maxLat) return 'bbox minLat is greater than maxLat';
  return null;
}

/** An inverted date range is a client error too. */
export function rangeProblem(from?: string, to?: string): string | null {
  if (from && to && from > to) return `from (${from}) is after to (${to})`;
  return null;
}

/** What is wrong with a query's bbox or date range (the first problem), or null. */
export function queryProblem(q: EventQuery): string | null {
  return bboxProblem(q.bbox) ?? rangeProblem(q.from, q.to);
}
