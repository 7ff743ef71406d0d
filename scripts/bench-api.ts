// Load benchmark of the HTTP API (not a test): fills a PGlite store with synthetic events, serves it on loopback,
// and runs C concurrent clients querying /api/events with mixed filters for D seconds.
//   node --import tsx scripts/bench-api.ts [--events 100000] [--clients 200] [--seconds 30] [--db DIR]
// Prints p50/p95/p99 latency, throughput and errors. Reuses --db when it already holds enough events.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline, loadResources } from '../src/pipeline/index.ts';
import { createApp } from '../src/server/app.ts';
import { listen } from '../src/server/listen.ts';
import { syntheticArticle } from '../src/server/testing/synthetic.ts';
import { openStore } from '../src/store/index.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    db: { type: 'string' },
  },
});
const wantEvents = Number(values.events);
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const tmp = values.db ? null : await mkdtemp(join(tmpdir(), 'marsad-bench-'));
const dbDir = values.db ?? join(tmp as string, 'db');
const log = (s: string) => process.stdout.write(`${s}\n`);

const store = await openStore(dbDir);
let have = (await store.queryEvents({ limit: 1, includeBackground: true })).total;
const t0 = performance.now();
for (let i = 0; have < wantEvents; i++) {
  const { text, result } = syntheticArticle(i + have * 7, { seed: 11, eventsPerArticle: [1, 3] });
  const r = await store.addExtraction(text, result);
  have += r.events;
  if (i % 2000 === 0) log(`  filling: ${have} events (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
have = (await store.queryEvents({ limit: 1, includeBackground: true })).total;
log(`store: ${have} events in ${dbDir} (fill ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

const app = createApp({ store, pipeline: createPipeline({ resources: loadResources() }), timeoutMs: 30_000 });
const server = await listen(app);

const countries = ['Syria', 'Iraq', 'Yemen'];
const types = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests'];
function randomQuery(r: number): string {
  const k = Math.floor(r * 7);
  const off = Math.floor(Math.random() * 50) * 50;
  switch (k) {
    case 0:
      return `limit=50&offset=${off}`;
    case 1:
      return `country=${countries[off % 3]}&limit=50`;
    case 2:
      return `type=${encodeURIComponent(types[off % 4])}&limit=50&offset=${off}`;
    case 3: {
      const y = 2020 + (off % 5);
      return `from=${y}-03-01&to=${y}-05-31&limit=50`;
    }
    case 4:
      return 'bbox=36,33,39,36.5&limit=100';
    case 5:
      return `q=Synthtown&limit=20`;
    default:
      return `actor=${encodeURIComponent('Synthetic Armed Group A')}&country=Syria&limit=50`;
  }
}

const latencies: number[] = [];
const errors = new Map<string, number>();
const stopAt = performance.now() + seconds * 1000;
async function client(): Promise<void> {
  while (performance.now() < stopAt) {
    const url = `${server.url}/api/events?${randomQuery(Math.random())}`;
    const start = performance.now();
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) errors.set(`HTTP ${res.status}`, (errors.get(`HTTP ${res.status}`) ?? 0) + 1);
      else latencies.push(performance.now() - start);
    } catch (e) {
      const k = (e as Error).message;
      errors.set(k, (errors.get(k) ?? 0) + 1);
    }
  }
}
log(`load: ${clients} concurrent clients for ${seconds} s on ${server.url}/api/events …`);
const l0 = performance.now();
await Promise.all(Array.from({ length: clients }, client));
const wall = (performance.now() - l0) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
const nErr = [...errors.values()].reduce((a, b) => a + b, 0);
log(
  `requests ok: ${latencies.length}, errors: ${nErr}${nErr ? ` (${[...errors].map(([k, v]) => `${k}: ${v}`).join('; ')})` : ''}\n` +
    `throughput: ${(latencies.length / wall).toFixed(1)} req/s\n` +
    `latency ms: p50 ${pct(50).toFixed(1)}  p95 ${pct(95).toFixed(1)}  p99 ${pct(99).toFixed(1)}  max ${latencies[latencies.length - 1]?.toFixed(1)}`,
);
await server.close();
await store.close();
if (tmp) await rm(tmp, { recursive: true, force: true });
