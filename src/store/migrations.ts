// Versioned migrations (Kysely Migrator). Append new ones; never edit a released one.
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`
      create table articles (
        id text primary key,
        sha256 text not null unique,
        name text, outlet text, url text, title text, published text,
        language text not null,
        chars integer not null,
        text text not null,
        doubts jsonb not null default '[]',
        ingested_at timestamptz not null default clock_timestamp()
      )`.execute(db);
    await sql`
      create table events (
        id text primary key,
        background boolean not null,
        event_date text, event_type text not null, sub_event_type text not null,
        country text, admin1 text, location text,
        latitude double precision, longitude double precision,
        actor1 text, actor2 text,
        fatalities integer not null default 0,
        search text not null default '',
        record jsonb not null,
        reports integer not null default 1,
        review_status text not null default 'unreviewed',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index events_date on events (event_date)`.execute(db);
    await sql`create index events_country_admin1 on events (country, admin1)`.execute(db);
    await sql`create index events_search_trgm on events using gin (search gin_trgm_ops)`.execute(db);
    await sql`create index events_location_trgm on events using gin (location gin_trgm_ops)`.execute(db);
    await sql`
      create table records (
        id text primary key,
        article_id text not null references articles(id) on delete cascade,
        idx integer not null,
        event_id text not null references events(id),
        record jsonb not null,
        unique (article_id, idx)
      )`.execute(db);
    await sql`create index records_event on records (event_id)`.execute(db);
    await sql`
      create table spans (
        id bigserial primary key,
        record_id text not null references records(id) on delete cascade,
        field text not null, start integer not null, "end" integer not null, text text not null
      )`.execute(db);
    await sql`create index spans_record on spans (record_id)`.execute(db);
    await sql`
      create table claims (
        id bigserial primary key,
        record_id text not null references records(id) on delete cascade,
        source text not null, field text not null, value jsonb, span jsonb
      )`.execute(db);
    await sql`create index claims_record on claims (record_id)`.execute(db);
    await sql`create index claims_source_trgm on claims using gin (source gin_trgm_ops)`.execute(db);
    await sql`
      create table doubts (
        id bigserial primary key,
        article_id text not null references articles(id) on delete cascade,
        record_id text references records(id) on delete cascade,
        code text not null, field text, message text not null, span jsonb
      )`.execute(db);
    await sql`create index doubts_article on doubts (article_id)`.execute(db);
    await sql`
      create table reviews (
        id bigserial primary key,
        event_id text not null references events(id),
        field text not null, action text not null,
        old_value jsonb, new_value jsonb,
        reviewer text not null, note text,
        at timestamptz not null default now()
      )`.execute(db);
    await sql`create index reviews_event on reviews (event_id, id)`.execute(db);
    await sql`
      create table quarantine (
        id bigserial primary key,
        origin text not null, reason text not null, content text,
        content_sha256 text not null,
        at timestamptz not null default now(),
        unique (origin, reason, content_sha256)
      )`.execute(db);
    await sql`
      create table feeds (
        url text primary key,
        etag text, last_modified text, last_status integer, last_error text,
        failures integer not null default 0, items_seen integer not null default 0,
        fetched_at timestamptz
      )`.execute(db);
    await sql`
      create table jobs (
        id bigserial primary key,
        key text not null unique,
        kind text not null,
        payload jsonb,
        status text not null default 'queued',
        attempts integer not null default 0,
        worker text, error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index jobs_queued on jobs (id) where status = 'queued'`.execute(db);
  },
};

// Query indexes for the API: newest-first pages (optionally within a country, province or type) are read in index
// order and stop at the page; bounding boxes use a (longitude, latitude) btree; actor parts use the trigram index on `search`.
// Plain btree and pg_trgm only, so the same migration runs on PGlite and PostgreSQL 15.
const m002: Migration = {
  async up(db: Kysely<unknown>) {
    const order = 'event_date desc nulls last, id';
    await sql.raw(`create index events_order on events (${order})`).execute(db);
    await sql.raw(`create index events_fg_order on events (${order}) where not background`).execute(db);
    await sql.raw(`create index events_country_order on events (lower(country), ${order}) where not background`).execute(db);
    await sql.raw(`create index events_admin1_order on events (lower(admin1), ${order}) where not background`).execute(db);
    await sql.raw(`create index events_type_order on events (lower(event_type), ${order}) where not background`).execute(db);
    await sql`create index events_lon_lat on events (longitude, latitude)`.execute(db);
    await sql`create index events_location_lower on events (lower(location))`.execute(db);
    await sql`drop index if exists events_date`.execute(db);
    await sql`analyze events`.execute(db);
  },
};

// ANALYZE keeps no statistics for the expressions of partial indexes, so 002's lower(x) indexes left the planner
// guessing (0.5% of rows) and it chose bitmap scans plus a sort over every match. The same indexes, not partial,
// with `background` as a key column (`not background` matches it) have statistics and serve newest-first pages.
const m003: Migration = {
  async up(db: Kysely<unknown>) {
    const order = 'event_date desc nulls last, id';
    for (const [name, expr] of [
      ['country', 'lower(country)'],
      ['admin1', 'lower(admin1)'],
      ['type', 'lower(event_type)'],
    ] as const) {
      await sql.raw(`drop index if exists events_${name}_order`).execute(db);
      await sql.raw(`create index events_${name}_order on events (${expr}, background, ${order})`).execute(db);
    }
    await sql`analyze events`.execute(db);
  },
};

export const MIGRATIONS: Record<string, Migration> = { '001_initial': m001, '002_query_indexes': m002, '003_expression_index_stats': m003 };

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
