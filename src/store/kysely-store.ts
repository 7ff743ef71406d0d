// The one query layer: a Store over any Kysely<Database> (PGlite or PostgreSQL), merging on insert.
import { createHash } from 'node:crypto';
import { type Expression, type Kysely, type SelectQueryBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import { combineRecords } from '../merge/combine.ts';
import { bestMatch, DEFAULT_MATCH, dayNumber, isoDay, type MatchOptions } from '../merge/match.ts';
import { normKey } from '../text/normalize.ts';
import type { Doubt, EventRecord, ExtractionResult } from '../types.ts';
import { StoreError } from './errors.ts';
import { QueryCache, type QueryCacheOptions, queryKey } from './query-cache.ts';
import { articleRecord, eventColumns, fromJson, pgText, REVIEWABLE_FIELDS, toIso } from './rows.ts';
import type { Database } from './schema.ts';
import type {
  AddArticleResult,
  EventDetail,
  EventPage,
  EventQuery,
  ExportRow,
  FeedState,
  Job,
  JobOutcome,
  QuarantineItem,
  Review,
  Store,
  StoredEvent,
  StoreStats,
} from './types.ts';
import { COUNT_CAP, ESTIMATE_FROM } from './types.ts';

type Db = Kysely<Database> | Transaction<Database>;
// biome-ignore lint/suspicious/noExplicitAny: builder over the events table with any selection
type EventsQb = SelectQueryBuilder<Database, 'events', any>;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const QUARANTINE_MAX_CHARS = 200_000;

export interface KyselyStoreOptions {
  engine: Store['engine'];
  match?: MatchOptions;
  /** called once by close() after the query layer is destroyed (closes the engine) */
  onClose?: () => Promise<void>;
  /** result cache for queryEvents (default: 500 queries, 50,000 rows in all; entries expire after 2 s on a server, 10 min embedded) */
  cache?: Partial<QueryCacheOptions>;
}

/** Rows of records, spans, claims and doubts waiting to be written in a few multi-row inserts. */
interface Pending {
  records: Array<{ id: string; article_id: string; idx: number; event_id: string; record: string }>;
  spans: Array<{ record_id: string; field: string; start: number; end: number; text: string }>;
  claims: Array<{ record_id: string; source: string; field: string; value: string; span: string | null }>;
  doubts: Array<{ article_id: string; record_id: string | null; code: string; field: string | null; message: string; span: string | null }>;
}

const emptyPending = (): Pending => ({ records: [], spans: [], claims: [], doubts: [] });

/** A doubt as a row of `doubts`: of the article (record_id null) or of one of its records. */
const doubtRow = (article_id: string, record_id: string | null, d: Doubt): Pending['doubts'][number] => ({
  article_id,
  record_id,
  code: d.code,
  field: d.field ?? null,
  message: pgText(d.message),
  span: d.span ? JSON.stringify(d.span) : null,
});

interface EventRow {
  id: string;
  record: unknown;
  reports: number;
  review_status: string;
  article_ids: string[] | null;
}

export class KyselyStore implements Store {
  readonly engine: Store['engine'];
  private readonly match: MatchOptions;
  private readonly cache: QueryCache;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly opts: KyselyStoreOptions,
    private readonly inTx = false,
    cache?: QueryCache,
  ) {
    this.engine = opts.engine;
    this.match = opts.match ?? DEFAULT_MATCH;
    this.cache =
      cache ??
      new QueryCache({
        maxEntries: 500,
        ttlMs: opts.engine === 'pglite' ? 600_000 : 2_000,
        maxRows: 5_000,
        maxTotalRows: 50_000,
        ...opts.cache,
      });
  }

  /** Run a write in a transaction (or in the enclosing job transaction); cached results are dropped before and after. */
  private async tx<T>(fn: (t: Db) => Promise<T>): Promise<T> {
    this.cache.invalidate();
    try {
      if (this.inTx) return await fn(this.db);
      return await (this.db as Kysely<Database>).transaction().execute(fn);
    } finally {
      this.cache.invalidate();
    }
  }

  // ---------------------------------------------------------------- articles, records, merge
  async hasArticle(hash: string): Promise<boolean> {
    const r = await this.db.selectFrom('articles').select('id').where('sha256', '=', hash).executeTakeFirst();
    return r !== undefined;
  }

  addExtraction(text: string, result: ExtractionResult): Promise<AddArticleResult> {
    return this.tx(async (t) => {
      const pending = emptyPending();
      const r = await this.insertExtraction(t, text, result, pending);
      await this.flush(t, pending);
      return r;
    });
  }

  addExtractions(items: ReadonlyArray<{ text: string; result: ExtractionResult }>): Promise<AddArticleResult[]> {
    return this.tx(async (t) => {
      const pending = emptyPending();
      const out: AddArticleResult[] = [];
      for (const it of items) out.push(await this.insertExtraction(t, it.text, it.result, pending));
      await this.flush(t, pending);
      return out;
    });
  }

  /** Write the waiting rows (records first: the others reference them). */
  private async flush(t: Db, p: Pending): Promise<void> {
    const chunks = async <R>(rows: R[], size: number, write: (chunk: R[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
    };
    await chunks(p.records.splice(0), 1000, (c) => t.insertInto('records').values(c).execute());
    await chunks(p.spans.splice(0), 2000, (c) => t.insertInto('spans').values(c).execute());
    await chunks(p.claims.splice(0), 2000, (c) => t.insertInto('claims').values(c).execute());
    await chunks(p.doubts.splice(0), 2000, (c) => t.insertInto('doubts').values(c).execute());
  }

  async analyze(): Promise<void> {
    if (this.inTx) throw new StoreError('bad_request', 'analyze() cannot run inside a job transaction');
    // vacuum too: it sets the visibility map, so counts can be answered from the indexes alone
    await sql`vacuum analyze`.execute(this.db);
  }

  private async insertExtraction(t: Db, text: string, result: ExtractionResult, pending: Pending): Promise<AddArticleResult> {
    const a = result.article;
    const hash = a.sha256 || sha256(text);
    const articleId = `a${hash.slice(0, 24)}`;
    const ins = await t
      .insertInto('articles')
      .values({
        id: articleId,
        sha256: hash,
        name: a.id ?? null,
        outlet: a.source ?? null,
        url: a.url ?? null,
        title: null,
        published: a.published ?? null,
        language: a.language || 'und',
        chars: text.length,
        text: pgText(text),
        doubts: JSON.stringify(result.doubts ?? []),
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!ins) {
      const old = await t
        .selectFrom('articles')
        .leftJoin('records', 'records.article_id', 'articles.id')
        .select(['articles.id', sql<number>`count(records.id)::int`.as('n')])
        .where('articles.sha256', '=', hash)
        .groupBy('articles.id')
        .executeTakeFirstOrThrow();
      return { article_id: old.id, inserted: false, events: old.n };
    }
    // one process owns an embedded database: only a server has concurrent writers to serialise
    if (this.engine === 'postgres') await this.lockDays(t, result.events);
    for (const d of result.doubts ?? []) pending.doubts.push(doubtRow(articleId, null, d));
    for (const [idx, rec] of result.events.entries()) await this.addRecord(t, articleId, idx, rec, pending);
    return { article_id: articleId, inserted: true, events: result.events.length };
  }

  /** Serialise merges touching the same days across workers (transaction-scoped advisory locks, in order). */
  private async lockDays(t: Db, events: ReadonlyArray<EventRecord>): Promise<void> {
    const days = new Set<number>();
    for (const e of events) {
      const d = dayNumber(e.event_date);
      if (d === null) continue;
      for (let k = -this.match.maxDays; k <= this.match.maxDays; k++) days.add(d + k);
    }
    for (const d of [...days].sort((x, y) => x - y)) await sql`select pg_advisory_xact_lock(${7_000_000_000 + d}::bigint)`.execute(t);
  }

  private async addRecord(t: Db, articleId: string, idx: number, rec: EventRecord, pending: Pending): Promise<void> {
    const recordId = `${articleId}:${idx}`;
    const day = dayNumber(rec.event_date);
    let eventId: string | null = null;
    if (day !== null) {
      const cands = await t
        .selectFrom('events')
        .select(['id', 'record'])
        .where('event_date', '>=', isoDay(day - this.match.maxDays))
        .where('event_date', '<=', isoDay(day + this.match.maxDays))
        .where('background', '=', rec.background)
        .where((eb) => {
          // narrow in SQL to events near the place or with the same place name; the JS rule decides
          const near: Array<Expression<SqlBool>> = [];
          if (rec.latitude != null && rec.longitude != null) {
            const dLat = this.match.maxKm / 111;
            const dLon = dLat / Math.max(0.2, Math.cos((rec.latitude * Math.PI) / 180));
            near.push(
              eb.and([
                eb('latitude', '>=', rec.latitude - dLat),
                eb('latitude', '<=', rec.latitude + dLat),
                eb('longitude', '>=', rec.longitude - dLon),
                eb('longitude', '<=', rec.longitude + dLon),
              ]),
            );
          }
          if (rec.location) near.push(eb(sql`lower(location)`, '=', rec.location.toLowerCase()));
          if (rec.location_ar) near.push(eb(sql`record->>'location_ar'`, '=', rec.location_ar));
          return near.length > 0 ? eb.or(near) : sql<SqlBool>`false`;
        })
        .orderBy('id')
        .execute();
      const k = bestMatch(
        rec,
        cands.map((c) => fromJson<EventRecord>(c.record)),
        this.match,
      );
      if (k >= 0) eventId = cands[k]?.id ?? null;
    }
    if (eventId === null) {
      eventId = `e${articleId.slice(1, 17)}${idx.toString(36)}`;
      const merged = combineRecords(eventId, [rec]);
      await t
        .insertInto('events')
        .values({ id: eventId, ...eventColumns(merged), reports: 1, review_status: 'unreviewed' })
        .execute();
      this.recordRows(pending, recordId, articleId, idx, eventId, rec);
      return;
    }
    this.recordRows(pending, recordId, articleId, idx, eventId, rec);
    await this.flush(t, pending);
    await this.rederive(t, eventId);
  }

  private recordRows(p: Pending, recordId: string, articleId: string, idx: number, eventId: string, rec: EventRecord): void {
    p.records.push({ id: recordId, article_id: articleId, idx, event_id: eventId, record: JSON.stringify(rec) });
    for (const [field, list] of Object.entries(rec.evidence ?? {}))
      for (const s of list ?? []) p.spans.push({ record_id: recordId, field, start: s.start, end: s.end, text: pgText(s.text) });
    for (const c of rec.claims ?? [])
      p.claims.push({
        record_id: recordId,
        source: c.source,
        field: c.field,
        value: JSON.stringify(c.value ?? null),
        span: c.span ? JSON.stringify(c.span) : null,
      });
    for (const d of rec.doubts ?? []) p.doubts.push(doubtRow(articleId, recordId, d));
  }

  /** Recompute an event from its records (arrival order), then re-apply reviewers' corrections. */
  private async rederive(t: Db, eventId: string): Promise<void> {
    const recs = await t
      .selectFrom('records')
      .innerJoin('articles', 'articles.id', 'records.article_id')
      .select(['records.record'])
      .where('records.event_id', '=', eventId)
      .orderBy('articles.ingested_at')
      .orderBy('records.id')
      .execute();
    const merged = combineRecords(
      eventId,
      recs.map((r) => fromJson<EventRecord>(r.record)),
    );
    const reviews = await t
      .selectFrom('reviews')
      .select(['field', 'action', 'new_value'])
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
    let status = 'unreviewed';
    for (const r of reviews) {
      if (r.action === 'correct') {
        (merged as unknown as Record<string, unknown>)[r.field] = fromJson(r.new_value);
        status = 'corrected';
      } else if (status === 'unreviewed') status = 'accepted';
    }
    await t
      .updateTable('events')
      .set({ ...eventColumns(merged), reports: recs.length, review_status: status, updated_at: sql<string>`now()` })
      .where('id', '=', eventId)
      .execute();
  }

  // ---------------------------------------------------------------- queries
  private filtered(q: EventQuery): EventsQb {
    let qb: EventsQb = this.db.selectFrom('events');
    // `not background` (not `= $1`): a literal condition the planner matches to the partial index and key columns
    if (!q.includeBackground) qb = qb.where(sql<SqlBool>`not background`);
    if (q.from) qb = qb.where('event_date', '>=', q.from);
    if (q.to) qb = qb.where('event_date', '<=', q.to);
    if (q.country) qb = qb.where(sql`lower(country)`, '=', q.country.toLowerCase());
    if (q.admin1) qb = qb.where(sql`lower(admin1)`, '=', q.admin1.toLowerCase());
    if (q.event_type) qb = qb.where(sql`lower(event_type)`, '=', q.event_type.toLowerCase());
    if (q.actor) {
      const like = `%${normKey(q.actor)
        .toLowerCase()
        .replace(/[%_\\]/g, '\\$&')}%`;
      // `search` holds the normalised actor names (and places): one trigram index serves it
      qb = qb.where('search', 'like', like);
    }
    if (q.bbox) {
      const [w, s, e, n] = q.bbox;
      qb = qb.where('longitude', '>=', w).where('longitude', '<=', e).where('latitude', '>=', s).where('latitude', '<=', n);
    }
    if (q.q?.trim()) {
      const key = normKey(q.q).toLowerCase();
      const like = `%${key.replace(/[%_\\]/g, '\\$&')}%`;
      // Arabic place names are written joined or split (تلعفر / تل عفر): try the key without spaces too
      const joined = key.replace(/ /g, '');
      qb = qb.where((eb) =>
        eb.or([
          eb('search', 'like', like),
          eb(sql<number>`word_similarity(${key}, search)`, '>=', 0.5),
          eb(sql<number>`word_similarity(${joined}, search)`, '>=', 0.5),
        ]),
      );
    }
    return qb;
  }

  /** The filter part of a query (what a count depends on). */
  private static filterKey(q: EventQuery): object {
    const { limit: _l, offset: _o, count: _c, view: _v, ...f } = q;
    return f;
  }

  queryEvents(q: EventQuery): Promise<EventPage> {
    if (this.inTx) return this.runQuery(q);
    return this.cache.get(
      queryKey('page', q),
      () => this.runQuery(q),
      (p) => p.events.length,
    );
  }

  private async runQuery(q: EventQuery): Promise<EventPage> {
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const mode = q.count ?? 'exact';
    const record = q.view === 'list' ? sql`events.record - 'evidence' - 'claims'` : sql`events.record`;
    // the page's ids first (walks an index, skips `offset` rows cheaply), then only those rows are built
    const page = this.filtered(q)
      .select(['id', 'event_date'])
      .orderBy(sql`event_date desc nulls last`)
      .orderBy('id')
      .limit(limit + 1)
      .offset(offset)
      .as('page');
    const pageRows = this.db
      .selectFrom(page)
      .innerJoin('events', 'events.id', 'page.id')
      .select([
        'events.id',
        record.as('record'),
        'events.reports',
        'events.review_status',
        sql<string[]>`(select array_agg(r.article_id order by r.id) from records r where r.event_id = events.id)`.as('article_ids'),
      ])
      .orderBy(sql`page.event_date desc nulls last`)
      .orderBy('events.id')
      .execute() as Promise<EventRow[]>;
    const [rows, counted] = await Promise.all([pageRows, mode === 'none' ? Promise.resolve(null) : this.countMatches(q, mode)]);
    const more = rows.length > limit;
    const events = rows.slice(0, limit).map(storedEvent);
    const seen = offset + events.length + (more ? 1 : 0);
    // the last page tells the total exactly (unless it is past the end: then the page says nothing)
    const lastPage = !more && (events.length > 0 || offset === 0);
    if (lastPage) return { total: seen, total_exact: true, more, events };
    if (counted === null) return { total: seen, total_exact: false, more, events };
    // an estimate or a capped count is at least as large as what this page shows
    return { total: counted.exact ? counted.n : Math.max(counted.n, seen), total_exact: counted.exact, more, events };
  }

  /**
   * Count the matches, cached by filter (all pages of one filter share it). 'exact' counts all; 'capped' stops
   * after COUNT_CAP; 'estimate' counts exactly up to ESTIMATE_FROM matches and beyond that asks the planner.
   */
  private countMatches(q: EventQuery, mode: 'exact' | 'capped' | 'estimate'): Promise<{ n: number; exact: boolean }> {
    const f = KyselyStore.filterKey(q) as EventQuery;
    const upTo = async (cap: number) => {
      const row = await this.db
        .selectFrom(
          this.filtered(f)
            .select(sql`1`.as('one'))
            .limit(cap + 1)
            .as('m'),
        )
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const run = async (): Promise<{ n: number; exact: boolean }> => {
      if (mode === 'exact') {
        const row = await this.filtered(f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
        return { n: Number(row.n), exact: true };
      }
      if (mode === 'capped') {
        const n = await upTo(COUNT_CAP);
        return n <= COUNT_CAP ? { n, exact: true } : { n: COUNT_CAP, exact: false };
      }
      // planning is cheap, counting a thousand rows is not (one heap visit each): when the planner expects far
      // more than ESTIMATE_FROM matches, its figure is the answer
      const planned = await this.plannerRows(f);
      if (planned > ESTIMATE_FROM * 5) return { n: planned, exact: false };
      const n = await upTo(ESTIMATE_FROM);
      return n <= ESTIMATE_FROM ? { n, exact: true } : { n: Math.max(ESTIMATE_FROM + 1, planned), exact: false };
    };
    if (this.inTx) return run();
    return this.cache.get(queryKey(`count-${mode}`, f), run, () => 0);
  }

  /** The planner's estimate of how many rows match (EXPLAIN, nothing is read). */
  private async plannerRows(f: EventQuery): Promise<number> {
    const c = this.filtered(f).select(sql`1`.as('one')).compile();
    const r = await this.db.executeQuery<{ 'QUERY PLAN': unknown }>({ ...c, sql: `explain (format json) ${c.sql}` });
    const plan = r.rows[0]?.['QUERY PLAN'];
    const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan?: { 'Plan Rows'?: number } }>;
    return Math.round(Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0));
  }

  async exportRows(q: EventQuery): Promise<ExportRow[]> {
    const out: ExportRow[] = [];
    const pageSize = 2000;
    const limit = q.limit ?? Number.POSITIVE_INFINITY;
    for (let offset = q.offset ?? 0; out.length < limit; offset += pageSize) {
      const rows = await this.filtered(q)
        .select(['id', 'record'])
        .orderBy(sql`event_date asc nulls last`)
        .orderBy('id')
        .limit(Math.min(pageSize, limit - out.length))
        .offset(offset)
        .execute();
      if (rows.length === 0) break;
      const firsts = await this.db
        .selectFrom('records')
        .innerJoin('articles', 'articles.id', 'records.article_id')
        .select([
          'records.event_id',
          'articles.id',
          'articles.sha256',
          'articles.outlet',
          'articles.url',
          'articles.published',
          'articles.language',
          'articles.chars',
        ])
        .distinctOn('records.event_id')
        .where(
          'records.event_id',
          'in',
          rows.map((r) => r.id as string),
        )
        .orderBy('records.event_id')
        .orderBy('articles.ingested_at')
        .orderBy('articles.id')
        .execute();
      const art = new Map(firsts.map((f) => [f.event_id, articleRecord(f)]));
      for (const r of rows) {
        const a = art.get(r.id as string);
        if (a) out.push({ article: a, event: { ...fromJson<EventRecord>(r.record), event_id: r.id as string } });
      }
      if (rows.length < pageSize) break;
    }
    return out;
  }

  async getEvent(id: string): Promise<EventDetail | null> {
    const row = (await this.db
      .selectFrom('events')
      .select([
        'id',
        'record',
        'reports',
        'review_status',
        sql<string[]>`(select array_agg(r.article_id order by r.id) from records r where r.event_id = events.id)`.as('article_ids'),
      ])
      .where('id', '=', id)
      .executeTakeFirst()) as EventRow | undefined;
    if (!row) return null;
    const event = storedEvent(row);
    const recs = await this.db
      .selectFrom('records')
      .innerJoin('articles', 'articles.id', 'records.article_id')
      .select(['records.article_id', 'records.record'])
      .where('records.event_id', '=', id)
      .orderBy('articles.ingested_at')
      .orderBy('records.id')
      .execute();
    const articles = await this.db
      .selectFrom('articles')
      .selectAll()
      .where(
        'id',
        'in',
        recs.map((r) => r.article_id),
      )
      .orderBy('ingested_at')
      .execute();
    const reviews = await this.db.selectFrom('reviews').selectAll().where('event_id', '=', id).orderBy('id').execute();
    return {
      event: event as StoredEvent,
      articles: articles.map((a) => ({ ...articleRecord(a), text: a.text })),
      records: recs.map((r) => ({ article_id: r.article_id, record: fromJson<EventRecord>(r.record) })),
      reviews: reviews.map(reviewOut),
    };
  }

  // ---------------------------------------------------------------- reviews (audit trail)
  async review(
    eventId: string,
    r: { field: string; action: 'accept' | 'correct'; value?: unknown; reviewer: string; note?: string },
  ): Promise<Review> {
    if (r.action !== 'accept' && r.action !== 'correct')
      throw new StoreError('bad_request', `review action must be "accept" or "correct", got "${String(r.action)}"`);
    if (!r.reviewer?.trim()) throw new StoreError('bad_request', 'review needs a reviewer name');
    if (!REVIEWABLE_FIELDS.has(r.field))
      throw new StoreError('bad_request', `field "${r.field}" cannot be reviewed; expected one of ${[...REVIEWABLE_FIELDS].join(', ')}`);
    if (r.action === 'correct' && (r.field === 'event' || r.value === undefined))
      throw new StoreError('bad_request', 'a correction names one field and gives its new value');
    return this.tx(async (t) => {
      const row = await t.selectFrom('events').select(['record']).where('id', '=', eventId).forUpdate().executeTakeFirst();
      if (!row) throw new StoreError('not_found', `no event "${eventId}"`);
      const current = fromJson<Record<string, unknown>>(row.record);
      const old = r.field === 'event' ? null : (current[r.field] ?? null);
      const neu = r.action === 'correct' ? r.value : old;
      const ins = await t
        .insertInto('reviews')
        .values({
          event_id: eventId,
          field: r.field,
          action: r.action,
          old_value: JSON.stringify(old),
          new_value: JSON.stringify(neu ?? null),
          reviewer: r.reviewer,
          note: r.note ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.rederive(t, eventId);
      return reviewOut(ins);
    });
  }

  // ---------------------------------------------------------------- quarantine
  async quarantine(item: { origin: string; reason: string; content?: string | null }): Promise<void> {
    const content = item.content == null ? null : pgText(item.content.slice(0, QUARANTINE_MAX_CHARS));
    await this.db
      .insertInto('quarantine')
      .values({ origin: pgText(item.origin), reason: pgText(item.reason), content, content_sha256: sha256(content ?? '') })
      .onConflict((oc) => oc.columns(['origin', 'reason', 'content_sha256']).doNothing())
      .execute();
  }

  async listQuarantine(q: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: QuarantineItem[] }> {
    const n = await this.db.selectFrom('quarantine').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('quarantine')
      .select(['id', 'origin', 'reason', 'content', 'at'])
      .orderBy('id')
      .limit(q.limit ?? 100)
      .offset(q.offset ?? 0)
      .execute();
    return { total: n.n, items: rows.map((r) => ({ ...r, id: Number(r.id), at: toIso(r.at) })) };
  }

  // ---------------------------------------------------------------- feeds
  async getFeedState(url: string): Promise<FeedState | null> {
    const r = await this.db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    return r ? { ...r, fetched_at: r.fetched_at ? toIso(r.fetched_at) : null } : null;
  }

  async saveFeedState(s: FeedState): Promise<void> {
    const v = { ...s, fetched_at: s.fetched_at ?? null };
    await this.db
      .insertInto('feeds')
      .values(v)
      .onConflict((oc) => oc.column('url').doUpdateSet({ ...v }))
      .execute();
  }

  // ---------------------------------------------------------------- jobs (FOR UPDATE SKIP LOCKED)
  async enqueue(jobs: ReadonlyArray<{ key: string; kind: string; payload: unknown }>): Promise<number> {
    let added = 0;
    for (let i = 0; i < jobs.length; i += 500) {
      const chunk = jobs.slice(i, i + 500).map((j) => ({ key: j.key, kind: j.kind, payload: JSON.stringify(j.payload ?? null) }));
      const r = await this.db
        .insertInto('jobs')
        .values(chunk)
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .execute();
      added += r.length;
    }
    return added;
  }

  async work(worker: string, batch: number, handle: (job: Job, tx: Store) => Promise<JobOutcome>): Promise<number> {
    if (this.inTx) throw new StoreError('bad_request', 'work() cannot run inside a job transaction');
    try {
      return await this.claimAndRun(worker, batch, handle);
    } finally {
      this.cache.invalidate();
    }
  }

  private claimAndRun(worker: string, batch: number, handle: (job: Job, tx: Store) => Promise<JobOutcome>): Promise<number> {
    return (this.db as Kysely<Database>).transaction().execute(async (t) => {
      const jobs = await t
        .selectFrom('jobs')
        .select(['id', 'key', 'kind', 'payload', 'attempts'])
        .where('status', '=', 'queued')
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      const txStore = new KyselyStore(t, this.opts, true, this.cache);
      for (const j of jobs) {
        const job: Job = { id: Number(j.id), key: j.key, kind: j.kind, payload: fromJson(j.payload), attempts: j.attempts };
        await sql`savepoint job`.execute(t);
        let outcome: JobOutcome;
        try {
          outcome = await handle(job, txStore);
          await sql`release savepoint job`.execute(t);
        } catch (e) {
          await sql`rollback to savepoint job`.execute(t);
          outcome = { ok: false, error: (e as Error).message };
        }
        await t
          .updateTable('jobs')
          .set({
            status: outcome.ok ? 'done' : 'failed',
            attempts: j.attempts + 1,
            worker,
            error: outcome.error ? pgText(outcome.error) : null,
            updated_at: sql<string>`now()`,
            ...(outcome.ok ? { payload: null } : {}),
          })
          .where('id', '=', j.id)
          .execute();
      }
      return jobs.length;
    });
  }

  async queueDepth(): Promise<number> {
    const r = await this.db
      .selectFrom('jobs')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async stats(): Promise<StoreStats> {
    const c = await sql<{ articles: number; events: number; records: number; quarantine: number; bytes: number }>`
      select (select count(*)::int from articles) as articles,
             (select count(*)::int from events) as events,
             (select count(*)::int from records) as records,
             (select count(*)::int from quarantine) as quarantine,
             pg_database_size(current_database())::float8 as bytes`.execute(this.db);
    const jobs = await this.db
      .selectFrom('jobs')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .groupBy('status')
      .execute();
    const row = c.rows[0] as StoreStats;
    return { ...row, jobs: Object.fromEntries(jobs.map((j) => [j.status, j.n])) };
  }

  async close(): Promise<void> {
    if (this.inTx) throw new StoreError('bad_request', 'close() the store, not a job transaction');
    if (this.closed) return;
    this.closed = true;
    await (this.db as Kysely<Database>).destroy();
    await this.opts.onClose?.();
  }
}

function storedEvent(r: EventRow): StoredEvent {
  return {
    ...fromJson<EventRecord>(r.record),
    id: r.id,
    event_id: r.id,
    article_ids: [...new Set(r.article_ids ?? [])],
    reports: r.reports,
    review_status: r.review_status as StoredEvent['review_status'],
  };
}

function reviewOut(r: {
  id: number | string;
  event_id: string;
  field: string;
  action: string;
  old_value: unknown;
  new_value: unknown;
  reviewer: string;
  note: string | null;
  at: unknown;
}): Review {
  return {
    id: String(r.id),
    event_id: r.event_id,
    field: r.field,
    action: r.action as Review['action'],
    old_value: fromJson(r.old_value),
    new_value: fromJson(r.new_value),
    reviewer: r.reviewer,
    note: r.note,
    at: toIso(r.at),
  };
}
