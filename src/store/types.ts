// The store contract: one interface over the embedded (PGlite) and server (PostgreSQL) engines.
// (Draft by the lead; the store owner may extend it, keeping what the API and UI already use.)
import type { ArticleRecord, EventRecord, ExtractionResult } from '../types.ts';

export interface EventQuery {
  /** ISO dates, inclusive */
  from?: string;
  to?: string;
  country?: string;
  admin1?: string;
  event_type?: string;
  actor?: string;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox?: [number, number, number, number];
  /** free text, fuzzy over location and actors (Arabic or English) */
  q?: string;
  includeBackground?: boolean;
  limit?: number;
  offset?: number;
}

export interface StoredEvent extends EventRecord {
  /** store id of the (merged) event */
  id: string;
  article_ids: string[];
  /** number of article-level records merged into this event */
  reports: number;
  review_status: 'unreviewed' | 'accepted' | 'corrected';
}

export interface Review {
  id: string;
  event_id: string;
  field: string;
  action: 'accept' | 'correct';
  old_value: unknown;
  new_value: unknown;
  reviewer: string;
  note?: string | null;
  at: string;
}

export interface StoredArticle extends ArticleRecord {
  text: string;
}

export interface EventDetail {
  event: StoredEvent;
  articles: StoredArticle[];
  /** each article's own record that was merged into this event */
  records: Array<{ article_id: string; record: EventRecord }>;
  reviews: Review[];
}

export interface AddArticleResult {
  article_id: string;
  /** false when the content hash was already stored (idempotent re-ingest) */
  inserted: boolean;
  events: number;
}

export interface Store {
  readonly engine: 'pglite' | 'postgres';
  /** store an article and its extraction (idempotent by sha256), merging events with earlier reports */
  addExtraction(text: string, result: ExtractionResult): Promise<AddArticleResult>;
  queryEvents(q: EventQuery): Promise<{ total: number; events: StoredEvent[] }>;
  getEvent(id: string): Promise<EventDetail | null>;
  review(eventId: string, r: { field: string; action: 'accept' | 'correct'; value?: unknown; reviewer: string; note?: string }): Promise<Review>;
  quarantine(item: { origin: string; reason: string; content?: string | null }): Promise<void>;
  close(): Promise<void>;
}
