// Query-string parameters of /api/events and /api/export → the store's EventQuery (filters: src/store/filters.ts).
import { type EventFilters, filtersToQuery } from '../store/filters.ts';
import type { EventQuery } from '../store/types.ts';

export interface EventQueryParams extends Omit<EventFilters, 'background'> {
  background?: 'true' | 'false';
  limit?: number;
  offset?: number;
  count?: 'exact' | 'capped' | 'estimate' | 'none';
  view?: 'list' | 'full';
}

export function toEventQuery(p: EventQueryParams): EventQuery {
  const q = filtersToQuery({ ...p, background: p.background === 'true' });
  if (p.limit !== undefined) q.limit = p.limit;
  if (p.offset !== undefined) q.offset = p.offset;
  if (p.count) q.count = p.count;
  if (p.view) q.view = p.view;
  return q;
}
