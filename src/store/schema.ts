// Table shapes for the query layer (one schema for both engines). Dates of events are ISO text (YYYY-MM-DD):
// identical on both engines and ordered as text; times are timestamptz.
import type { ColumnType, Generated, RawBuilder } from 'kysely';
import type { FeedState } from './types.ts';

type Json = ColumnType<unknown, string, string>;
type Stamp = ColumnType<Date | string, string | undefined, string | RawBuilder<string>>;

export interface ArticlesTable {
  id: string;
  sha256: string;
  name: string | null;
  outlet: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  language: string;
  chars: number;
  text: string;
  doubts: Json;
  ingested_at: Stamp;
}

export interface EventsTable {
  id: string;
  background: boolean;
  event_date: string | null;
  event_type: string;
  sub_event_type: string;
  country: string | null;
  admin1: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  actor1: string | null;
  actor2: string | null;
  fatalities: number;
  /** normalised names of places and actors, for trigram search */
  search: string;
  /** the current merged record (derived from the records, then reviews applied) */
  record: Json;
  reports: number;
  review_status: string;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface RecordsTable {
  id: string;
  article_id: string;
  idx: number;
  event_id: string;
  record: Json;
}

export interface SpansTable {
  id: Generated<number>;
  record_id: string;
  field: string;
  start: number;
  end: number;
  text: string;
}

export interface ClaimsTable {
  id: Generated<number>;
  record_id: string;
  source: string;
  field: string;
  value: Json;
  span: Json | null;
}

export interface DoubtsTable {
  id: Generated<number>;
  article_id: string;
  record_id: string | null;
  code: string;
  field: string | null;
  message: string;
  span: Json | null;
}

export interface ReviewsTable {
  id: Generated<number>;
  event_id: string;
  field: string;
  action: string;
  old_value: Json;
  new_value: Json;
  reviewer: string;
  note: string | null;
  at: Stamp;
}

export interface QuarantineTable {
  id: Generated<number>;
  origin: string;
  reason: string;
  content: string | null;
  content_sha256: string;
  at: Stamp;
}

/** A feed's state as stored (FeedState with a timestamp column). */
export interface FeedsTable extends Omit<FeedState, 'fetched_at'> {
  fetched_at: Stamp | null;
}

export interface JobsTable {
  id: Generated<number>;
  key: string;
  kind: string;
  payload: Json | null;
  status: Generated<string>;
  attempts: Generated<number>;
  worker: string | null;
  error: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface Database {
  articles: ArticlesTable;
  events: EventsTable;
  records: RecordsTable;
  spans: SpansTable;
  claims: ClaimsTable;
  doubts: DoubtsTable;
  reviews: ReviewsTable;
  quarantine: QuarantineTable;
  feeds: FeedsTable;
  jobs: JobsTable;
}
