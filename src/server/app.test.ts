// API tests: in-process (app.request) and over real HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createPipeline, loadResources } from '../pipeline/index.ts';
import type { Store } from '../store/types.ts';
import { createApp } from './app.ts';
import { type Listening, listen } from './listen.ts';
import { syntheticArticle } from './testing/synthetic.ts';
import { openTestStore } from './testing/test-store.ts';

const KEY = 'test-key-123';
const exampleText = readFileSync(new URL('../../examples/seed/article.txt', import.meta.url), 'utf8');
const pipeline = createPipeline({ resources: loadResources() });

let store: Store;
let dispose: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const seeded: string[] = [];

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': KEY,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function isProblem(res: Response, status: number): Promise<Record<string, unknown>> {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${await res.clone().text()}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(body.status, status);
  assert.equal(typeof body.title, 'string');
  return body;
}

before(async () => {
  ({ store, dispose } = await openTestStore());
  app = createApp({ store, pipeline, apiKey: KEY, maxBodyBytes: 64 * 1024 });
  for (let i = 0; i < 12; i++) {
    const { text, result } = syntheticArticle(i, { seed: 3 });
    await store.addExtraction(text, result);
  }
  const all = await store.queryEvents({ limit: 1000 });
  seeded.push(...all.events.map((e) => e.id));
});
after(async () => dispose());

describe('extract', () => {
  test('returns the pipeline JSON for the posted text, stores nothing', async () => {
    const before = await store.queryEvents({ limit: 1 });
    const res = await app.request('/api/extract', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: exampleText,
        published: '2022-12-11',
        id: 'seed',
      }),
    });
    assert.equal(res.status, 200);
    const got = await res.json();
    const want = JSON.parse(
      JSON.stringify(
        pipeline.run(exampleText, {
          id: 'seed',
          published: '2022-12-11',
          source: null,
          url: null,
        }),
      ),
    );
    assert.deepEqual(got, want);
    assert.equal((await store.queryEvents({ limit: 1 })).total, before.total);
  });

  test('malformed JSON → 400 problem', async () => {
    await isProblem(await post('/api/extract', '{"text": "abc'), 400);
  });
  test('wrong types → 422 problem naming the field', async () => {
    const body = await isProblem(await post('/api/extract', { text: 42 }), 422);
    assert.match(String(body.detail), /text/);
    await isProblem(await post('/api/extract', { text: 'نص', published: 'yesterday' }), 422);
    await isProblem(await post('/api/extract', []), 422);
  });
  test('huge body → 413 problem', async () => {
    const res = await post('/api/extract', { text: 'ا'.repeat(100_000) });
    await isProblem(res, 413);
  });
  test('missing content type → problem, not a crash', async () => {
    const res = await app.request('/api/extract', {
      method: 'POST',
      body: 'text=abc',
    });
    assert.ok(res.status >= 400 && res.status < 500, String(res.status));
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  });
});

describe('events', () => {
  test('list with paging and total', async () => {
    const res = await app.request('/api/events?limit=5&offset=0');
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      total: number;
      limit: number;
      events: Array<{ id: string; event_date: string }>;
    };
    assert.equal(body.total, seeded.length);
    assert.equal(body.events.length, 5);
    const page2 = (await (await app.request('/api/events?limit=5&offset=5')).json()) as { events: Array<{ id: string }> };
    assert.equal(page2.events.length, 5);
    assert.ok(!page2.events.some((e) => body.events.some((f) => f.id === e.id)), 'pages do not overlap');
  });

  test('filters: type, country, dates, bbox', async () => {
    const all = (await (await app.request('/api/events?limit=1000')).json()) as { events: Array<Record<string, unknown>> };
    const type = String(all.events[0].event_type);
    const byType = (await (await app.request(`/api/events?limit=1000&type=${encodeURIComponent(type)}`)).json()) as {
      events: Array<Record<string, unknown>>;
    };
    assert.ok(byType.events.length > 0 && byType.events.every((e) => e.event_type === type));
    const byCountry = (await (await app.request('/api/events?limit=1000&country=Iraq')).json()) as {
      events: Array<Record<string, unknown>>;
    };
    assert.ok(byCountry.events.every((e) => e.country === 'Iraq'));
    const dates = all.events.map((e) => String(e.event_date)).sort();
    const mid = dates[Math.floor(dates.length / 2)];
    const byDate = (await (await app.request(`/api/events?limit=1000&from=${mid}`)).json()) as { events: Array<Record<string, unknown>> };
    assert.ok(byDate.events.length > 0 && byDate.events.every((e) => String(e.event_date) >= mid));
    const bbox = (await (await app.request('/api/events?limit=1000&bbox=35,30,39,38')).json()) as { events: Array<Record<string, number>> };
    assert.ok(bbox.events.every((e) => e.longitude >= 35 && e.longitude <= 39 && e.latitude >= 30 && e.latitude <= 38));
  });

  test('list rows are light (no evidence or claims) unless view=full; count modes; more', async () => {
    const light = (await (await app.request('/api/events?limit=3')).json()) as {
      total: number;
      total_exact: boolean;
      more: boolean;
      events: Array<Record<string, unknown>>;
    };
    assert.deepEqual([light.total, light.total_exact, light.more], [seeded.length, true, true]);
    assert.ok(light.events.every((e) => e.evidence === undefined && e.claims === undefined && Array.isArray(e.article_ids)));
    const full = (await (await app.request('/api/events?limit=3&view=full')).json()) as { events: Array<Record<string, unknown>> };
    assert.ok(full.events.every((e) => typeof e.evidence === 'object' && Array.isArray(e.claims)));
    assert.deepEqual(
      full.events.map((e) => e.id),
      light.events.map((e) => e.id),
    );
    const none = (await (await app.request(`/api/events?limit=5&offset=${seeded.length - 2}&count=none`)).json()) as {
      total: number;
      more: boolean;
      events: unknown[];
    };
    assert.deepEqual([none.total, none.more, none.events.length], [seeded.length, false, 2]);
    const exact = (await (await app.request('/api/events?limit=1&count=exact')).json()) as { total: number; total_exact: boolean };
    assert.deepEqual([exact.total, exact.total_exact], [seeded.length, true]);
    await isProblem(await app.request('/api/events?count=all'), 422);
    await isProblem(await app.request('/api/events?view=everything'), 422);
  });

  test('bad query → 422 problem', async () => {
    await isProblem(await app.request('/api/events?limit=abc'), 422);
    await isProblem(await app.request('/api/events?limit=0'), 422);
    await isProblem(await app.request('/api/events?from=2020-13'), 422);
    await isProblem(await app.request('/api/events?bbox=1,2,3'), 422);
    await isProblem(await app.request('/api/events?bbox=0,50,10,40'), 422);
    await isProblem(await app.request('/api/events?from=2022-01-02&to=2022-01-01'), 422);
  });

  test('one event with articles, records, evidence inside the article text', async () => {
    const res = await app.request(`/api/events/${seeded[0]}`);
    assert.equal(res.status, 200);
    const d = (await res.json()) as {
      event: {
        id: string;
        evidence: Record<string, Array<{ start: number; end: number; text: string }>>;
      };
      articles: Array<{ id: string; text: string }>;
      records: Array<{
        article_id: string;
        record: {
          evidence: Record<string, Array<{ start: number; end: number; text: string }>>;
        };
      }>;
      reviews: unknown[];
    };
    assert.equal(d.event.id, seeded[0]);
    assert.ok(d.articles.length >= 1);
    for (const r of d.records) {
      const text = d.articles.find((a) => a.id === r.article_id)?.text ?? '';
      for (const spans of Object.values(r.record.evidence)) for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
    }
  });

  test('unknown id → 404 problem', async () => {
    await isProblem(await app.request('/api/events/does-not-exist'), 404);
    await isProblem(
      await post('/api/events/does-not-exist/review', {
        field: 'fatalities',
        action: 'accept',
      }),
      404,
    );
  });
});

describe('review', () => {
  test('correct a field: audit entry returned and listed, value changed', async () => {
    const id = seeded[1];
    const res = await post(`/api/events/${id}/review`, {
      field: 'fatalities',
      action: 'correct',
      value: 7,
      reviewer: 'tester',
      note: 'recount',
    });
    assert.equal(res.status, 201);
    const rev = (await res.json()) as Record<string, unknown>;
    assert.equal(rev.field, 'fatalities');
    assert.equal(rev.new_value, 7);
    assert.equal(rev.reviewer, 'tester');
    const d = (await (await app.request(`/api/events/${id}`)).json()) as {
      event: Record<string, unknown>;
      reviews: Array<Record<string, unknown>>;
    };
    assert.equal(d.event.fatalities, 7);
    assert.equal(d.event.review_status, 'corrected');
    assert.ok(d.reviews.some((r) => r.id === rev.id));
  });
  test('accept a field', async () => {
    const res = await post(`/api/events/${seeded[2]}/review`, {
      field: 'location',
      action: 'accept',
    });
    assert.equal(res.status, 201);
  });
  test('bad reviews → 422 and nothing recorded', async () => {
    const id = seeded[3];
    await isProblem(
      await post(`/api/events/${id}/review`, {
        field: 'fatalities',
        action: 'correct',
        value: -1,
      }),
      422,
    );
    await isProblem(
      await post(`/api/events/${id}/review`, {
        field: 'fatalities',
        action: 'correct',
      }),
      422,
    );
    await isProblem(
      await post(`/api/events/${id}/review`, {
        field: 'evidence',
        action: 'correct',
        value: 'x',
      }),
      422,
    );
    await isProblem(
      await post(`/api/events/${id}/review`, {
        field: 'fatalities',
        action: 'delete',
      }),
      422,
    );
    const d = (await (await app.request(`/api/events/${id}`)).json()) as {
      reviews: unknown[];
    };
    assert.equal(d.reviews.length, 0);
  });
  test('write routes need the key', async () => {
    const body = { field: 'fatalities', action: 'accept' };
    await isProblem(await post(`/api/events/${seeded[0]}/review`, body, { 'x-api-key': '' }), 401);
    await isProblem(
      await post(`/api/events/${seeded[0]}/review`, body, {
        'x-api-key': 'wrong',
      }),
      401,
    );
    const bearer = await post(`/api/events/${seeded[0]}/review`, body, {
      'x-api-key': '',
      authorization: `Bearer ${KEY}`,
    });
    assert.equal(bearer.status, 201);
    await isProblem(await post('/api/ingest', { text: 'نص' }, { 'x-api-key': '' }), 401);
  });
  test('without a configured key, in-process (no socket) writes are refused', async () => {
    const open = createApp({ store, pipeline });
    const res = await open.request('/api/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"نص"}',
    });
    await isProblem(res, 403);
  });
});

describe('ingest and export', () => {
  test('ingest is idempotent by content', async () => {
    const text = `${exampleText}\n`;
    const first = await post('/api/ingest', { text, published: '2022-12-11' });
    assert.equal(first.status, 201);
    const a = (await first.json()) as {
      inserted: boolean;
      events: number;
      result: { events: unknown[] };
    };
    assert.equal(a.inserted, true);
    assert.equal(a.events, a.result.events.length);
    const second = await post('/api/ingest', { text, published: '2022-12-11' });
    assert.equal(second.status, 200);
    assert.equal(((await second.json()) as { inserted: boolean }).inserted, false);
  });
  test('script in article text is stored and returned as plain data', async () => {
    const text = 'قصف <script>alert(1)</script> على <img src=x onerror=alert(2)> المدينة';
    const res = await post('/api/extract', { text });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as { article: { chars: number } };
    assert.equal(body.article.chars, text.length);
  });
  test('exports: json, geojson, acled-csv', async () => {
    const j = await app.request('/api/export?format=json');
    assert.equal(j.status, 200);
    const rows = JSON.parse(await j.text()) as unknown[];
    const total = (await store.queryEvents({ limit: 1 })).total;
    assert.equal(rows.length, total);
    const g = await app.request('/api/export?format=geojson');
    assert.match(g.headers.get('content-type') ?? '', /geo\+json/);
    const fc = JSON.parse(await g.text()) as {
      type: string;
      features: unknown[];
    };
    assert.equal(fc.type, 'FeatureCollection');
    assert.ok(fc.features.length > 0);
    const csv = await app.request('/api/export?format=acled-csv&country=Syria');
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    assert.match(lines[0], /event_id_cnty/);
    assert.ok(lines.length > 1);
    await isProblem(await app.request('/api/export?format=xml'), 422);
  });
});

describe('docs', () => {
  test('OpenAPI 3.1 document lists every route', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const p of ['/api/extract', '/api/ingest', '/api/events', '/api/events/{id}', '/api/events/{id}/review', '/api/export'])
      assert.ok(doc.paths[p], p);
    const page = await app.request('/docs');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /\/api\/events\/\{id\}\/review/);
  });
  test('unknown route → 404 problem', async () => {
    await isProblem(await app.request('/api/nothing'), 404);
  });
});

describe('over real HTTP on loopback', () => {
  let server: Listening;
  let openServer: Listening;
  before(async () => {
    server = await listen(app);
    openServer = await listen(createApp({ store, pipeline })); // no key: loopback writes allowed
  });
  after(async () => {
    await server.close();
    await openServer.close();
  });
  test('GET events and an event', async () => {
    const res = await fetch(`${server.url}/api/events?limit=3`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { events: Array<{ id: string }> };
    assert.equal(body.events.length, 3);
    const one = await fetch(`${server.url}/api/events/${encodeURIComponent(body.events[0].id)}`);
    assert.equal(one.status, 200);
  });
  test('huge body over the socket → 413 problem', async () => {
    const res = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: JSON.stringify({ text: 'x'.repeat(200_000) }),
    });
    await isProblem(res, 413);
  });
  test('loopback client may write when no key is configured', async () => {
    const res = await fetch(`${openServer.url}/api/events/${seeded[4]}/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ field: 'event_type', action: 'accept' }),
    });
    assert.equal(res.status, 201);
  });
  test('malformed JSON over the socket → 400 problem', async () => {
    const res = await fetch(`${server.url}/api/extract`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    await isProblem(res, 400);
  });
});
