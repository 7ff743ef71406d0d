// Load benchmark of the HTTP API (not a test). Fills a store with synthetic events through the store's own bulk
// insert path (addExtractions: batched transactions, merging as usual), serves it on loopback, and runs C
// concurrent clients (in a worker thread, so they do not share the server's event loop) querying /api/events
// with mixed filters for D seconds. Prints p50/p95/p99 latency, throughput and errors per phase.
//   node --import tsx scripts/bench-api.ts [--events 100000] [--clients 200] [--seconds 30]
//        [--db DIR | --db postgres://… | --pg] [--pool 8] [--phases cache,nocache]
// --pg starts a throwaway PostgreSQL 15. --db DIR reuses an embedded store that already holds enough events.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Pipeline } from '../src/pipeline/index.ts';
import { createApp } from '../src/server/app.ts';
import { listen } from '../src/server/listen.ts';
import { syntheticArticle } from '../src/server/testing/synthetic.ts';
import { type OpenOptions, openStore } from '../src/store/index.ts';
import { pgBinariesPresent, startThrowawayPostgres } from '../src/store/pg-server.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    db: { type: 'string' },
    pg: { type: 'boolean', default: false },
    pool: { type: 'string', default: '8' },
    phases: { type: 'string', default: 'cache,nocache' },
    batch: { type: 'string', default: '250' },
  },
});
const wantEvents = Number(values.events);
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const log = (s: string) => process.stdout.write(`${s}\n`);

const tmp = values.db || values.pg ? null : await mkdtemp(join(tmpdir(), 'marsad-bench-'));
let target = values.db ?? join(tmp ?? '', 'db');
let stopPg = () => {};
if (values.pg) {
  if (!pgBinariesPresent()) throw new Error('PostgreSQL binaries not found');
  const pg = await startThrowawayPostgres({ fsync: true });
  pg.createDatabase('bench');
  target = pg.urlFor('bench');
  stopPg = () => pg.stop();
}
const poolSize = Number(values.pool);

// ---------------------------------------------------------------- fill
{
  const store = await openStore(target, { poolSize });
  let have = (await store.stats()).events;
  const t0 = performance.now();
  let articles = 0;
  let records = 0;
  for (let i = have * 3; have < wantEvents; ) {
    const batch = [];
    for (let k = 0; k < Number(values.batch); k++, i++)
      batch.push(syntheticArticle(i, { seed: 11, eventsPerArticle: [1, 3], towns: 2000 }));
    const res = await store.addExtractions(batch);
    articles += res.filter((r) => r.inserted).length;
    records += res.reduce((a, r) => a + (r.inserted ? r.events : 0), 0);
    have = (await store.stats()).events;
    if (articles % 10_000 < Number(values.batch) || have >= wantEvents) {
      const s = (performance.now() - t0) / 1000;
      log(
        `  filling: ${have} events, ${articles} articles, ${records} records in ${s.toFixed(0)} s (${(records / s).toFixed(0)} records/s)`,
      );
    }
  }
  await store.analyze();
  const st = await store.stats();
  log(
    `store: ${store.engine}, ${st.events} events, ${st.articles} articles, ${st.records} records, ${(st.bytes / 1e6).toFixed(0)} MB (fill ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  await store.close();
}

// ---------------------------------------------------------------- load (clients in a worker thread)
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, clients, seconds } = workerData;
const countries = ['Syria', 'Iraq', 'Yemen'];
const types = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests'];
function randomQuery() {
  const k = Math.floor(Math.random() * 7);
  const off = Math.floor(Math.random() * 50) * 50;
  switch (k) {
    case 0: return 'limit=50&offset=' + off;
    case 1: return 'country=' + countries[off % 3] + '&limit=50';
    case 2: return 'type=' + encodeURIComponent(types[off % 4]) + '&limit=50&offset=' + off;
    case 3: { const y = 2020 + (off % 5); return 'from=' + y + '-03-01&to=' + y + '-05-31&limit=50'; }
    case 4: return 'bbox=36,33,39,36.5&limit=100';
    case 5: return 'q=Synthtown&limit=20';
    default: return 'actor=' + encodeURIComponent('Synthetic Armed Group A') + '&country=Syria&limit=50';
  }
}
const latencies = [];
const errors = {};
const stopAt = performance.now() + seconds * 1000;
async function client() {
  while (performance.now() < stopAt) {
    const start = performance.now();
    try {
      const res = await fetch(url + '/api/events?' + randomQuery());
      await res.arrayBuffer();
      if (res.status !== 200) errors['HTTP ' + res.status] = (errors['HTTP ' + res.status] || 0) + 1;
      else latencies.push(performance.now() - start);
    } catch (e) {
      const m = String(e && e.cause ? e.cause.code || e.cause.message : e.message);
      errors[m] = (errors[m] || 0) + 1;
    }
  }
}
const t0 = performance.now();
Promise.all(Array.from({ length: clients }, client)).then(() => {
  parentPort.postMessage({ latencies, errors, wall: (performance.now() - t0) / 1000 });
});
`;

function runLoad(url: string): Promise<{ latencies: number[]; errors: Record<string, number>; wall: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { url, clients, seconds } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

const phases = values.phases.split(',').filter(Boolean);
// the load only queries: no extractor needed (POST /api/extract would answer 500)
const pipeline: Pipeline = {
  run() {
    throw new Error('bench-api: no extraction pipeline loaded');
  },
};
const results: string[] = [];
for (const phase of phases) {
  const opts: OpenOptions = { poolSize, ...(phase === 'nocache' ? { cache: { maxEntries: 0 } } : {}) };
  const store = await openStore(target, opts);
  const app = createApp({ store, pipeline, timeoutMs: 30_000 });
  const server = await listen(app);
  log(
    `load (${store.engine}, ${phase}${store.engine === 'postgres' ? `, pool ${poolSize}` : ''}): ${clients} concurrent clients for ${seconds} s …`,
  );
  const { latencies, errors, wall } = await runLoad(server.url);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  const nErr = Object.values(errors).reduce((a, b) => a + b, 0);
  const line = `| ${store.engine} | ${phase} | ${clients} | ${latencies.length} | ${nErr} | ${(latencies.length / wall).toFixed(1)} | ${pct(50).toFixed(0)} | ${pct(95).toFixed(0)} | ${pct(99).toFixed(0)} | ${latencies[latencies.length - 1]?.toFixed(0)} |`;
  log(line + (nErr ? `  errors: ${JSON.stringify(errors)}` : ''));
  results.push(line);
  await server.close();
  await store.close();
}
log('\n| engine | phase | clients | ok | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) log(r);
stopPg();
if (tmp) await rm(tmp, { recursive: true, force: true });
