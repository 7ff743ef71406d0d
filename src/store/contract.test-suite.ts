// The Store contract: the very same tests for every engine. Each test uses its own dates and places so one store
// instance can be shared (opening an embedded database costs seconds).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { toAcledCsv } from '../export/acled-csv.ts';
import { MANBIJ, makeEvent, makeExtraction, TAL_AFAR } from '../export/fixtures.ts';
import type { EventRecord } from '../types.ts';
import { StoreError } from './errors.ts';
import type { Store } from './types.ts';

let seq = 0;
const uniqueText = (label: string) => `نص تجريبي ${label} رقم ${++seq} ${process.hrtime.bigint()}`;

function add(store: Store, events: EventRecord[], article: Record<string, unknown> = {}, text = uniqueText('x')) {
  return store.addExtraction(text, makeExtraction(text, events, article));
}

export function storeContract(name: string, open: () => Promise<Store>, teardown: () => Promise<void> = async () => {}): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store?.close();
      await teardown();
    });

    test('an article is stored once per content hash (idempotent re-ingest)', async () => {
      const text = uniqueText('idem');
      const ev = makeEvent({ event_date: '2001-01-10', location: 'Idem', latitude: 10, longitude: 10 });
      const a = await add(store, [ev], { id: 'idem-1' }, text);
      assert.equal(a.inserted, true);
      assert.equal(a.events, 1);
      const before = await store.stats();
      const b = await add(store, [ev], { id: 'idem-again' }, text);
      assert.deepEqual(b, { article_id: a.article_id, inserted: false, events: 1 });
      assert.equal(await store.hasArticle(makeExtraction(text, []).article.sha256), true);
      const after = await store.stats();
      assert.equal(after.articles, before.articles);
      assert.equal(after.events, before.events);
      assert.equal(after.records, before.records);
    });

    test('the same incident from two outlets, re-reported next day, becomes one event with both sources', async () => {
      const day1 = makeEvent({
        event_date: '2001-02-03',
        location: 'Kafr Nabl',
        location_ar: 'كفرنبل',
        latitude: 35.6,
        longitude: 36.56,
        fatalities: 7,
        sources: ['Outlet A'],
        claims: [{ source: 'Outlet A', field: 'fatalities', value: 7 }],
        evidence: { fatalities: [{ start: 0, end: 3, text: 'نص ' }] },
      });
      const day2 = makeEvent({
        event_date: '2001-02-04',
        location: 'Kafranbel',
        location_ar: 'كفر نبل',
        latitude: 35.61,
        longitude: 36.57,
        fatalities: 5,
        sources: ['Outlet B'],
        actor1: 'Unidentified Armed Group (Syria)',
        claims: [{ source: 'Outlet B', field: 'fatalities', value: 5 }],
      });
      const r1 = await add(store, [day1], { source: 'A', published: '2001-02-03' });
      const r2 = await add(store, [day2], { source: 'B', published: '2001-02-05' });
      const { total, events } = await store.queryEvents({ from: '2001-02-01', to: '2001-02-28' });
      assert.equal(total, 1);
      const e = events[0] as (typeof events)[number];
      assert.equal(e.reports, 2);
      assert.deepEqual(new Set(e.article_ids), new Set([r1.article_id, r2.article_id]));
      assert.deepEqual(new Set(e.sources), new Set(['Outlet A', 'Outlet B']));
      assert.equal(e.fatalities, 5, 'lowest credible figure');
      assert.ok(e.doubts.some((d) => d.code === 'fatalities_conflict'));
      const detail = await store.getEvent(e.id);
      assert.ok(detail);
      assert.equal(detail.records.length, 2);
      assert.equal(detail.articles.length, 2);
      assert.ok(detail.articles.every((a) => a.text.startsWith('نص')));
      assert.deepEqual(detail.records.find((r) => r.article_id === r1.article_id)?.record.evidence.fatalities?.[0]?.text, 'نص ');
      assert.equal(detail.event.claims.length, 2);
    });

    test('reports far apart, days apart or of incompatible type stay separate events', async () => {
      const base = { event_date: '2001-03-10', location: 'Alpha', latitude: 34, longitude: 37 };
      await add(store, [makeEvent(base)]);
      await add(store, [makeEvent({ ...base, location: 'Beta', latitude: 34.3, longitude: 37 })]); // ~33 km
      await add(store, [makeEvent({ ...base, event_date: '2001-03-13' })]); // 3 days later
      await add(store, [makeEvent({ ...base, event_type: 'Protests', sub_event_type: 'Peaceful protest' })]);
      await add(store, [makeEvent({ ...base, actor1: 'Islamic State', actor2: 'Military Forces of Turkey (2016-)' })]);
      const { total } = await store.queryEvents({ from: '2001-03-01', to: '2001-03-31' });
      assert.equal(total, 5);
    });

    test('queries filter by date, country, admin1, type, actor, bounding box, and fuzzy Arabic place names', async () => {
      const d = '2001-04-15';
      await add(store, [makeEvent({ ...TAL_AFAR, event_date: d, actor1: 'Islamic State' })]);
      await add(store, [makeEvent({ ...MANBIJ, event_date: d, event_type: 'Battles', sub_event_type: 'Armed clash' })]);
      await add(store, [makeEvent({ event_date: d, background: true, location: 'Old', location_ar: 'قديم', latitude: 1, longitude: 1 })]);
      const w = { from: d, to: d };
      assert.equal((await store.queryEvents(w)).total, 2);
      assert.equal((await store.queryEvents({ ...w, includeBackground: true })).total, 3);
      assert.equal((await store.queryEvents({ ...w, country: 'iraq' })).events[0]?.location, 'Tal Afar');
      assert.equal((await store.queryEvents({ ...w, admin1: 'Aleppo' })).total, 1);
      assert.equal((await store.queryEvents({ ...w, event_type: 'Battles' })).events[0]?.location, 'Manbij');
      assert.equal((await store.queryEvents({ ...w, actor: 'islamic state' })).events[0]?.location, 'Tal Afar');
      assert.equal((await store.queryEvents({ ...w, bbox: [37, 36, 38.5, 37] })).events[0]?.location, 'Manbij');
      // hamza/alef variant and a typo still find the place (trigram similarity over normalised names)
      assert.equal((await store.queryEvents({ ...w, q: 'تل عفر' })).events[0]?.location, 'Tal Afar');
      assert.equal((await store.queryEvents({ ...w, q: 'منبح' })).events[0]?.location, 'Manbij');
      assert.equal((await store.queryEvents({ ...w, q: 'manbij' })).total, 1);
      const page = await store.queryEvents({ ...w, limit: 1, offset: 1 });
      assert.equal(page.total, 2);
      assert.equal(page.events.length, 1);
    });

    test('paging and counting: exact, capped, estimate and none; list rows leave out evidence and claims', async () => {
      const d = '2001-08-';
      const items = Array.from({ length: 12 }, (_, i) => {
        const text = uniqueText(`page${i}`);
        const ev = makeEvent({
          event_date: `${d}${String(1 + i).padStart(2, '0')}`,
          location: `Paging ${i}`,
          latitude: 50 + i,
          longitude: 50,
          evidence: { location: [{ start: 0, end: 2, text: 'نص' }] },
          claims: [{ source: 'S', field: 'fatalities', value: 3 }],
        });
        return { text, result: makeExtraction(text, [ev]) };
      });
      // bulk path: one transaction, same merging as addExtraction, results in order
      const added = await store.addExtractions(items);
      assert.deepEqual(
        added.map((a) => [a.inserted, a.events]),
        items.map(() => [true, 1]),
      );
      assert.deepEqual(
        (await store.addExtractions(items.slice(0, 2))).map((a) => a.inserted),
        [false, false],
        'idempotent in bulk too',
      );
      const w = { from: `${d}01`, to: `${d}31` };
      for (const count of ['exact', 'capped', 'estimate'] as const) {
        const p = await store.queryEvents({ ...w, limit: 5, count });
        assert.deepEqual([p.total, p.total_exact, p.more, p.events.length], [12, true, true, 5], count);
      }
      const none = await store.queryEvents({ ...w, limit: 5, offset: 5, count: 'none' });
      assert.deepEqual([none.total_exact, none.more, none.events.length], [false, true, 5]);
      assert.ok(none.total > 10, 'a lower bound past this page');
      const last = await store.queryEvents({ ...w, limit: 5, offset: 10, count: 'none' });
      assert.deepEqual([last.total, last.total_exact, last.more, last.events.length], [12, true, false, 2]);
      // newest first, pages do not overlap
      const ids = [
        ...(await store.queryEvents({ ...w, limit: 6 })).events,
        ...(await store.queryEvents({ ...w, limit: 6, offset: 6 })).events,
      ].map((e) => e.event_date);
      assert.deepEqual(ids, [...ids].sort().reverse());
      assert.equal(new Set(ids).size, 12);
      const [full] = (await store.queryEvents({ ...w, limit: 1 })).events;
      const [row] = (await store.queryEvents({ ...w, limit: 1, view: 'list' })).events;
      assert.equal(full?.evidence.location?.length, 1);
      assert.equal(full?.claims.length, 1);
      assert.equal(row?.id, full?.id);
      assert.equal(row?.evidence, undefined);
      assert.equal(row?.claims, undefined);
      assert.deepEqual(row?.article_ids, full?.article_ids);
      assert.equal(row?.location, full?.location);
      await store.analyze();
    });

    test('cached query results are dropped when this store writes', async () => {
      const d = '2001-09-09';
      const w = { from: d, to: d };
      assert.equal((await store.queryEvents(w)).total, 0);
      await add(store, [makeEvent({ event_date: d, location: 'Cached', latitude: -30, longitude: -30 })]);
      const after = await store.queryEvents(w);
      assert.equal(after.total, 1);
      const [e] = after.events;
      assert.ok(e);
      await store.review(e.id, { field: 'fatalities', action: 'correct', value: 9, reviewer: 'r' });
      assert.equal((await store.queryEvents(w)).events[0]?.fatalities, 9);
      // a job transaction writing through work() invalidates too
      const depth = await store.queueDepth();
      await store.enqueue([{ key: `cache-${seq}`, kind: 'test', payload: null }]);
      assert.equal(await store.queueDepth(), depth + 1);
      while (
        (await store.work('t', 10, async (_job, tx) => {
          await add(tx, [makeEvent({ event_date: d, location: 'Cached 2', latitude: 30, longitude: 30 })]);
          return { ok: true };
        })) > 0
      );
      assert.equal((await store.queryEvents(w)).total, 2);
      assert.equal(await store.queueDepth(), 0);
    });

    test('reviews keep an audit trail; corrections survive later merges; nothing is overwritten', async () => {
      const ev = makeEvent({ event_date: '2001-05-05', location: 'Gamma', latitude: 20, longitude: 20, fatalities: 4 });
      await add(store, [ev]);
      const [e] = (await store.queryEvents({ from: '2001-05-05', to: '2001-05-05' })).events;
      assert.ok(e);
      const r = await store.review(e.id, { field: 'fatalities', action: 'correct', value: 6, reviewer: 'amina', note: 'hospital list' });
      assert.equal(r.old_value, 4);
      assert.equal(r.new_value, 6);
      assert.equal(r.reviewer, 'amina');
      await store.review(e.id, { field: 'location', action: 'accept', reviewer: 'omar' });
      await add(store, [{ ...ev, sources: ['Another'], fatalities: 3 }]);
      const detail = await store.getEvent(e.id);
      assert.ok(detail);
      assert.equal(detail.event.reports, 2);
      assert.equal(detail.event.fatalities, 6, 'the correction stays on top of the re-derived value');
      assert.equal(detail.event.review_status, 'corrected');
      assert.deepEqual(
        detail.reviews.map((x) => [x.field, x.action, x.old_value, x.new_value]),
        [
          ['fatalities', 'correct', 4, 6],
          ['location', 'accept', 'Gamma', 'Gamma'],
        ],
      );
      assert.equal(detail.records[0]?.record.fatalities, 4, 'the article record itself is kept');
      await assert.rejects(
        store.review('nope', { field: 'fatalities', action: 'accept', reviewer: 'x' }),
        (err: StoreError) => err.code === 'not_found',
      );
      await assert.rejects(store.review(e.id, { field: 'evidence', action: 'correct', value: 1, reviewer: 'x' }), StoreError);
      assert.equal(await store.getEvent('nope'), null);
    });

    test('quarantine keeps bad items with their reason, once', async () => {
      const before = (await store.listQuarantine()).total;
      await store.quarantine({ origin: 'file:bad.txt', reason: 'invalid_utf8', content: 'ab\u0000c\uFFFD' });
      await store.quarantine({ origin: 'file:bad.txt', reason: 'invalid_utf8', content: 'ab\u0000c\uFFFD' });
      await store.quarantine({ origin: 'feed:x', reason: 'empty', content: null });
      const list = await store.listQuarantine({ limit: 1000 });
      assert.equal(list.total, before + 2);
      const item = list.items.find((i) => i.origin === 'file:bad.txt');
      assert.equal(item?.reason, 'invalid_utf8');
      assert.equal(item?.content, 'ab\uFFFDc\uFFFD');
    });

    test('feed state round-trips', async () => {
      const url = `http://127.0.0.1:1/feed-${seq++}.xml`;
      assert.equal(await store.getFeedState(url), null);
      const s = {
        url,
        etag: '"abc"',
        last_modified: 'Wed, 21 Oct 2015 07:28:00 GMT',
        last_status: 200,
        last_error: null,
        failures: 0,
        items_seen: 3,
        fetched_at: new Date(0).toISOString(),
      };
      await store.saveFeedState(s);
      await store.saveFeedState({ ...s, last_status: 304, items_seen: 4 });
      const got = await store.getFeedState(url);
      assert.equal(got?.etag, '"abc"');
      assert.equal(got?.last_status, 304);
      assert.equal(got?.items_seen, 4);
      assert.equal(got?.fetched_at, s.fetched_at);
    });

    test('jobs: enqueue is idempotent by key; work commits results with the job; a failing job rolls back its writes', async () => {
      const tag = `t${seq++}`;
      const jobs = ['a', 'b', 'c'].map((k) => ({ key: `${tag}:${k}`, kind: 'test', payload: { k } }));
      assert.equal(await store.enqueue(jobs), 3);
      assert.equal(await store.enqueue(jobs), 0);
      const seen: string[] = [];
      let n = 0;
      do {
        n = await store.work('w1', 2, async (job, tx) => {
          if (!job.key.startsWith(tag)) return { ok: true };
          const k = (job.payload as { k: string }).k;
          seen.push(k);
          await tx.quarantine({ origin: `${tag}:${k}`, reason: 'test', content: k });
          if (k === 'b') throw new Error('boom');
          return { ok: true };
        });
      } while (n > 0);
      assert.deepEqual(seen.sort(), ['a', 'b', 'c']);
      const q = await store.listQuarantine({ limit: 10_000 });
      const origins = q.items.filter((i) => i.origin.startsWith(tag)).map((i) => i.origin);
      assert.deepEqual(origins.sort(), [`${tag}:a`, `${tag}:c`], 'the failed job wrote nothing');
      const st = await store.stats();
      assert.ok((st.jobs.failed ?? 0) >= 1);
      assert.equal(st.jobs.queued ?? 0, 0);
    });

    test('concurrent workers never take the same job', async () => {
      const tag = `c${seq++}`;
      await store.enqueue(Array.from({ length: 20 }, (_, i) => ({ key: `${tag}:${i}`, kind: 'test', payload: i })));
      const taken: number[] = [];
      const loop = async (w: string) => {
        while (
          (await store.work(w, 3, async (job) => {
            taken.push(job.payload as number);
            return { ok: true };
          })) > 0
        );
      };
      await Promise.all([loop('w1'), loop('w2'), loop('w3')]);
      assert.equal(taken.length, 20);
      assert.equal(new Set(taken).size, 20);
    });

    test('export rows carry the first article and respect filters; ACLED CSV renders them', async () => {
      await add(
        store,
        [makeEvent({ event_date: '2001-06-06', country: 'Lebanon', admin1: 'South', location: 'Tyre', latitude: 33.27, longitude: 35.2 })],
        {
          source: 'Outlet L',
        },
      );
      const rows = await store.exportRows({ from: '2001-06-01', to: '2001-06-30', country: 'Lebanon' });
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.article.source, 'Outlet L');
      const csv = toAcledCsv(rows, { timestamp: 1 });
      assert.match(csv.split('\n')[1] as string, /,422,Middle East,Lebanon,South,/);
    });

    test('stats count rows and report a size on disk', async () => {
      const s = await store.stats();
      assert.ok(s.articles > 0 && s.events > 0 && s.records >= s.events);
      assert.ok(s.bytes > 1_000_000);
    });
  });
}
