// PostgreSQL: two worker processes share a planned queue (FOR UPDATE SKIP LOCKED); one is killed with SIGKILL
// midway. Its in-flight job rolls back to the queue, a fresh worker finishes, and every article is stored exactly
// once with exactly its own records (no loss, no duplicate).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPipeline, loadResources } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import { pgBinariesPresent, startThrowawayPostgres, type ThrowawayPg } from '../store/pg-server.ts';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'marsad.js');
const N = 240;
const skip = pgBinariesPresent() ? false : 'PostgreSQL 15 binaries absent (/usr/lib/postgresql/15/bin)';
const dir = mkdtempSync(join(tmpdir(), 'marsad-kill-pg-'));
let pg: ThrowawayPg | null = null;

// synthetic Arabic (written for this test); every text differs, and groups of texts report the same incident
const text = (i: number) =>
  `أفادت مصادر محلية يوم ${1 + (i % 20)} آذار بأن قصفا استهدف حي رقم ${i} في مدينة حلب، ما أسفر عن مقتل ${1 + (i % 5)} مدنيين. ` +
  `وقالت المصادر إن فرق الإسعاف نقلت الجرحى إلى المستشفى في الحي ${i}.`;

before(async () => {
  if (skip) return;
  pg = await startThrowawayPostgres();
  pg.createDatabase('kill');
});
after(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const exited = (c: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((res) => c.on('exit', (code, signal) => res({ code, signal })));
const cli = (args: string[]) => spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });

test('PostgreSQL: a worker killed midway loses nothing and doubles nothing', { skip, timeout: 180_000 }, async () => {
  const url = (pg as ThrowawayPg).urlFor('kill');
  const inp = join(dir, 'in');
  mkdirSync(inp);
  for (let i = 0; i < N; i++) writeFileSync(join(inp, `${String(i).padStart(4, '0')}.txt`), text(i));
  const plan = cli(['ingest', inp, '--db', url, '--plan-only', '--published', '2024-03-30']);
  assert.equal((await exited(plan)).code, 0);

  const store = await openStore(url, { cache: { maxEntries: 0 } });
  try {
    assert.equal((await store.stats()).jobs.queued, N);
    const workers = [cli(['ingest', '--worker', '--db', url]), cli(['ingest', '--worker', '--db', url])];
    const ends = workers.map(exited);
    // kill worker 0 once a fair share of the queue is done (jobs commit one at a time on a server)
    let killedAt = -1;
    for (let i = 0; i < 1200 && killedAt < 0; i++) {
      const done = N - (await store.queueDepth());
      if (done >= 30) {
        killedAt = done;
        workers[0]?.kill('SIGKILL');
      } else await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(killedAt >= 30 && killedAt < N, `killed at ${killedAt} of ${N}`);
    assert.equal((await ends[0])?.signal, 'SIGKILL');
    assert.equal((await ends[1])?.code, 0, 'the other worker carries on and exits when the queue is empty');
    // whatever the killed worker held went back to the queue; a fresh worker takes it
    const rest = cli(['ingest', '--worker', '--db', url]);
    assert.equal((await exited(rest)).code, 0);

    const pipeline = createPipeline({ resources: loadResources() });
    const expectedRecords = readdirSync(inp).reduce(
      (n, f) => n + pipeline.run(readFileSync(join(inp, f), 'utf8'), { id: f, published: '2024-03-30' }).events.length,
      0,
    );
    const st = await store.stats();
    assert.equal(st.articles, N, 'no loss, no duplicate article');
    assert.equal(st.records, expectedRecords, 'each article has exactly its own records');
    assert.equal(st.jobs.queued ?? 0, 0);
    assert.equal(st.jobs.failed ?? 0, 0);
    assert.equal(st.jobs.done, N);
    // every record points at an event, and every event is backed by its records
    const { events, total } = await store.queryEvents({ limit: 5000, includeBackground: true, view: 'list' });
    assert.equal(total, st.events);
    assert.equal(
      events.reduce((n, e) => n + e.reports, 0),
      st.records,
    );
  } finally {
    await store.close();
  }
});
