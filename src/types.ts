// Shared record and document shapes. Plain, readonly-ish, JSON-serialisable data.
// Offsets: `start`/`end` on a Span are JS string offsets into the ORIGINAL article text (raw),
// unless a field says `n` (normalised text offsets).

/** A piece of the original article backing a field. `text === raw.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A doubt about the text is data, not an exception. */
export interface Doubt {
  code:
    | 'place_unresolved'
    | 'place_ambiguous'
    | 'date_unresolved'
    | 'date_relative_without_publication'
    | 'date_invalid'
    | 'number_ambiguous'
    | 'actor_unresolved'
    | 'fatalities_conflict'
    | 'type_uncertain'
    | 'no_arabic_text'
    | 'input_truncated'
    | (string & {});
  field?: string;
  message: string;
  span?: Span;
}

export interface Claim {
  /** canonical source name */
  source: string;
  field: 'fatalities' | 'civilian_fatalities' | 'injuries' | 'actor1' | 'event' | (string & {});
  value: string | number | boolean | null;
  span?: Span;
}

/** One event record: ACLED columns plus marsad's own (evidence, doubts, claims). */
export interface EventRecord {
  event_id: string;
  background: boolean;
  event_date: string | null;
  time_precision: 1 | 2 | 3;
  disorder_type: string;
  event_type: string;
  sub_event_type: string;
  plover_type?: string;
  actor1: string | null;
  inter1?: number | null;
  assoc_actor_1: string[];
  actor2: string | null;
  inter2?: number | null;
  assoc_actor_2: string[];
  interaction?: number | null;
  country: string | null;
  iso?: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  location: string | null;
  location_ar?: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: 1 | 2 | 3 | null;
  geonames_id?: number | null;
  fatalities: number;
  fatalities_low?: number | null;
  fatalities_high?: number | null;
  civilian_fatalities?: number;
  injuries?: number | null;
  sources: string[];
  source_scale?: string;
  notes: string;
  notes_ar?: string;
  confidence: number;
  claims: Claim[];
  doubts: Doubt[];
  evidence: Record<string, Span[]>;
}

export interface ArticleRecord {
  id: string;
  published: string | null;
  language: string;
  sha256: string;
  source?: string | null;
  url?: string | null;
  chars: number;
}

export interface ExtractionResult {
  article: ArticleRecord;
  events: EventRecord[];
  doubts: Doubt[];
}

export interface ArticleMeta {
  id: string;
  published?: string | null;
  source?: string | null;
  url?: string | null;
}
