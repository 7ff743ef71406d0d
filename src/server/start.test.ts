// `marsad serve` building blocks: bundled examples are found and ingested once into an empty store; the built app is served.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createPipeline, loadResources } from '../pipeline/index.ts';
import type { Store } from '../store/types.ts';
import { listExamples, seedExamples, startServer } from './start.ts';
import { openTestStore } from './testing/test-store.ts';

let store: Store;
let dispose: () => Promise<void>;
before(async () => ({ store, dispose } = await openTestStore()));
after(async () => dispose());

test('the bundled example is listed with its publication date', () => {
  const ex = listExamples();
  const seed = ex.find((e) => e.id === 'seed');
  assert.ok(seed, 'examples/seed/article.txt is bundled');
  assert.match(String(seed.published), /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(seed.text.length > 100);
});

test('examples seed an empty store once; the server serves the app and the API', async () => {
  const pipeline = createPipeline({ resources: loadResources() });
  const server = await startServer({ store, pipeline, port: 0 });
  try {
    assert.equal(server.seeded, listExamples().length);
    assert.equal(await seedExamples(store, pipeline), 0, 'not seeded twice');
    const html = await fetch(`${server.url}/`);
    assert.equal(html.status, 200);
    assert.match(await html.text(), /<div id="app">/);
    assert.match(html.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const deep = await fetch(`${server.url}/some/client/route`);
    assert.equal(deep.status, 200, 'single-page fallback');
    const missing = await fetch(`${server.url}/assets/nope.js`);
    assert.equal(missing.status, 404);
    const traversal = await fetch(`${server.url}/..%2f..%2fpackage.json`);
    assert.ok(!(await traversal.text()).includes('"name": "marsad"'), 'no path traversal');
    const events = (await (await fetch(`${server.url}/api/events?background=true`)).json()) as { total: number };
    assert.ok(events.total >= 0);
  } finally {
    await server.close();
  }
});
