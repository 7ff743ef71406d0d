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
  /**
   * how `total` is computed: 'exact' (default) counts every match; 'capped' counts up to COUNT_CAP matches
   * (`total_exact` false when there are more); 'estimate' counts exactly up to ESTIMATE_FROM matches and gives
   * the planner's estimate beyond (`total_exact` false); 'none' skips counting (`total` is then offset + rows
   * returned, a lower bound, and `more` tells whether another page exists)
   */
  count?: 'exact' | 'capped' | 'estimate' | 'none';
  /** 'full' (default) returns whole records; 'list' leaves out evidence spans and claims (see getEvent) */
  view?: 'full' | 'list';
}

/** the most matches a 'capped' count counts */
export const COUNT_CAP = 10_000;
/** an 'estimate' count is exact up to this many matches */
export const ESTIMATE_FROM = 1_000;

/** A page of events. Pages come from a shared cache: treat them as read-only. */
export interface EventPage {
  /** number of matches (see EventQuery.count) */
  total: number;
  /** false when `total` is only a lower bound */
  total_exact: boolean;
  /** true when rows exist after this page */
  more: boolean;
  events: StoredEvent[];
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

export interface QuarantineItem {
  id: number;
  origin: string;
  reason: string;
  content: string | null;
  at: string;
}

export interface FeedState {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_status: number | null;
  last_error: string | null;
  failures: number;
  items_seen: number;
  fetched_at: string | null;
}

export type JobStatus = 'queued' | 'done' | 'failed';

export interface Job {
  id: number;
  /** unique key: re-enqueueing the same key adds nothing */
  key: string;
  kind: string;
  payload: unknown;
  attempts: number;
}

export interface JobOutcome {
  ok: boolean;
  error?: string;
}

export interface StoreStats {
  articles: number;
  events: number;
  records: number;
  quarantine: number;
  jobs: Record<string, number>;
  /** bytes on disk (pg_database_size) */
  bytes: number;
}

/** Article plus one of its events, the unit of export. */
export interface ExportRow {
  article: ArticleRecord;
  event: EventRecord;
}

export interface Store {
  readonly engine: 'pglite' | 'postgres';
  /** store an article and its extraction (idempotent by sha256), merging events with earlier reports */
  addExtraction(text: string, result: ExtractionResult): Promise<AddArticleResult>;
  /** many articles in one transaction (bulk loading), merged exactly as addExtraction would, in order */
  addExtractions(items: ReadonlyArray<{ text: string; result: ExtractionResult }>): Promise<AddArticleResult[]>;
  /** refresh planner statistics (ANALYZE); run after bulk loads. The embedded engine has no autovacuum. */
  analyze(): Promise<void>;
  queryEvents(q: EventQuery): Promise<EventPage>;
  getEvent(id: string): Promise<EventDetail | null>;
  review(
    eventId: string,
    r: { field: string; action: 'accept' | 'correct'; value?: unknown; reviewer: string; note?: string },
  ): Promise<Review>;
  quarantine(item: { origin: string; reason: string; content?: string | null }): Promise<void>;
  listQuarantine(q?: { limit?: number; offset?: number }): Promise<{ total: number; items: QuarantineItem[] }>;
  /** true when an article with this content hash is stored */
  hasArticle(sha256: string): Promise<boolean>;
  /** merged events with their first article, filtered like queryEvents (limit defaults to all) */
  exportRows(q: EventQuery): Promise<ExportRow[]>;
  getFeedState(url: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  /** add jobs; a key already present is skipped. Returns how many were added. */
  enqueue(jobs: ReadonlyArray<{ key: string; kind: string; payload: unknown }>): Promise<number>;
  /**
   * Claim up to `batch` queued jobs (FOR UPDATE SKIP LOCKED) and run `handle` on each inside the claiming
   * transaction, so a killed worker's jobs return to the queue and a job's results commit with its status.
   * Returns the number of jobs handled (0 = queue empty).
   */
  work(worker: string, batch: number, handle: (job: Job, tx: Store) => Promise<JobOutcome>): Promise<number>;
  stats(): Promise<StoreStats>;
  /** queued jobs (cheap: a partial index), for progress polling while workers run */
  queueDepth(): Promise<number>;
  close(): Promise<void>;
}
