// Query-string parameters of /api/events and /api/export → the store's EventQuery.
import type { EventQuery } from '../store/types.ts';

export interface EventQueryParams {
  from?: string;
  to?: string;
  country?: string;
  admin1?: string;
  type?: string;
  actor?: string;
  bbox?: string;
  q?: string;
  background?: 'true' | 'false';
  limit?: number;
  offset?: number;
  count?: 'exact' | 'capped' | 'estimate' | 'none';
  view?: 'list' | 'full';
}

export function toEventQuery(p: EventQueryParams): EventQuery {
  const q: EventQuery = {};
  if (p.from) q.from = p.from;
  if (p.to) q.to = p.to;
  if (p.country?.trim()) q.country = p.country.trim();
  if (p.admin1?.trim()) q.admin1 = p.admin1.trim();
  if (p.type?.trim()) q.event_type = p.type.trim();
  if (p.actor?.trim()) q.actor = p.actor.trim();
  if (p.q?.trim()) q.q = p.q.trim();
  if (p.bbox) {
    const [a, b, c, d] = p.bbox.split(',').map(Number);
    q.bbox = [a, b, c, d];
  }
  if (p.background === 'true') q.includeBackground = true;
  if (p.limit !== undefined) q.limit = p.limit;
  if (p.offset !== undefined) q.offset = p.offset;
  if (p.count) q.count = p.count;
  if (p.view) q.view = p.view;
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
