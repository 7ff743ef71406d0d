// Thin client of the marsad HTTP API (same origin).
import type { EventFilters } from '../../src/store/filters.ts';
import type { EventDetail, Review, StoredEvent } from '../../src/store/types.ts';
import type { ExtractionResult } from '../../src/types.ts';

export type { EventDetail, ExtractionResult, Review, StoredEvent };

/** The filter bar's filters: the shared event filters (src/store/filters.ts) without bbox. */
export type Filters = Omit<EventFilters, 'bbox'>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const KEY_STORAGE = 'marsad.apiKey';
export const getApiKey = (): string => sessionStorage.getItem(KEY_STORAGE) ?? '';
export const setApiKey = (k: string): void => sessionStorage.setItem(KEY_STORAGE, k);

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('content-type', 'application/json');
  const key = getApiKey();
  if (key && init.method === 'POST') headers.set('x-api-key', key);
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const p = (await res.json()) as { detail?: string; title?: string };
      detail = p.detail ?? p.title ?? detail;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, detail);
  }
  return (await res.json()) as T;
}

export function filterParams(f: Filters, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '' || v === false) continue;
    p.set(k, String(v));
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return p.toString();
}

export const api = {
  events: (f: Filters, limit: number, offset = 0) =>
    call<{ total: number; events: StoredEvent[] }>(`/api/events?${filterParams(f, { limit, offset })}`),
  event: (id: string) => call<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  extract: (text: string, published?: string) =>
    call<ExtractionResult>('/api/extract', { method: 'POST', body: JSON.stringify({ text, ...(published ? { published } : {}) }) }),
  ingest: (text: string, published?: string) =>
    call<{ article_id: string; inserted: boolean; events: number }>('/api/ingest', {
      method: 'POST',
      body: JSON.stringify({ text, ...(published ? { published } : {}) }),
    }),
  review: (id: string, body: { field: string; action: 'accept' | 'correct'; value?: unknown; note?: string }) =>
    call<Review>(`/api/events/${encodeURIComponent(id)}/review`, { method: 'POST', body: JSON.stringify(body) }),
  exportUrl: (format: string, f: Filters) => `/api/export?${filterParams(f, { format })}`,
};
