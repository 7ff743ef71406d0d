// The contract suite on a PostgreSQL 15 server started for the test (initdb + pg_ctl as user postgres), plus
// server-only cases: several stores (processes) on one database, migrations run once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEvent, makeExtraction } from '../export/fixtures.ts';
import { clusterRecords } from '../merge/cluster.ts';
import { pairwiseScores, rng, syntheticReports } from '../merge/synthetic.ts';
import { storeContract } from './contract.test-suite.ts';
import { openStore } from './index.ts';
import { pgBinariesPresent, startThrowawayPostgres, type ThrowawayPg } from './pg-server.ts';

const present = pgBinariesPresent();
const required = Boolean(process.env.MARSAD_REQUIRE_PG);
if (!present && required)
  throw new Error('MARSAD_REQUIRE_PG is set but the PostgreSQL 15 binaries are absent (/usr/lib/postgresql/15/bin)');
const skip = present ? false : 'PostgreSQL 15 binaries absent (/usr/lib/postgresql/15/bin); set MARSAD_REQUIRE_PG to make this a failure';

let server: ThrowawayPg | null = null;
const serverReady = present ? startThrowawayPostgres() : null;

describe('postgres', { skip }, () => {
  before(async () => {
    server = await serverReady;
    server?.createDatabase('contract');
    server?.createDatabase('multi');
    server?.createDatabase('mergeq');
  });
  after(() => server?.stop());

  storeContract('postgres', async () => openStore((server as ThrowawayPg).urlFor('contract')));

  test('several stores on one database: concurrent migrations, concurrent writers, merges without duplicates', async () => {
    const url = (server as ThrowawayPg).urlFor('multi');
    const stores = await Promise.all([openStore(url), openStore(url), openStore(url), openStore(url)]);
    try {
      // 4 writers add 10 reports each of the same 10 incidents (different outlets): 10 merged events, 40 records
      await Promise.all(
        stores.map((s, w) =>
          (async () => {
            for (let i = 0; i < 10; i++) {
              const text = `تقرير ${w} عن الحادثة ${i}`;
              const ev = makeEvent({
                event_date: `2002-${String(1 + i).padStart(2, '0')}-15`,
                location: `Place ${i}`,
                latitude: 30 + i,
                longitude: 40,
                sources: [`Outlet ${w}`],
              });
              await s.addExtraction(text, makeExtraction(text, [ev], { source: `Outlet ${w}` }));
            }
          })(),
        ),
      );
      const st = await stores[0]?.stats();
      assert.equal(st?.articles, 40);
      assert.equal(st?.records, 40);
      assert.equal(st?.events, 10);
      const { events } = (await stores[1]?.queryEvents({ limit: 100 })) ?? { events: [] };
      assert.ok(events.every((e) => e.reports === 4 && e.sources.length === 4));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('merging with 4 concurrent writers in shuffled order: same quality as one writer in order', async () => {
    const url = (server as ThrowawayPg).urlFor('mergeq');
    const reports = syntheticReports(120, 11);
    const texts = reports.map((_, i) => `تقرير تجريبي عن حادثة رقم ${i}`);
    const one = pairwiseScores(
      reports.map((r) => r.incident),
      clusterRecords(reports.map((r) => r.record)),
    );
    const stores = await Promise.all([openStore(url), openStore(url), openStore(url), openStore(url)]);
    try {
      const r = rng(5);
      const order = reports.map((_, i) => i).sort(() => r() - 0.5);
      let next = 0;
      await Promise.all(
        stores.map(async (s) => {
          for (let k = next++; k < order.length; k = next++) {
            const i = order[k] as number;
            await s.addExtraction(
              texts[i] as string,
              makeExtraction(texts[i] as string, [(reports[i] as (typeof reports)[number]).record]),
            );
          }
        }),
      );
      const { events } = (await stores[0]?.queryEvents({ limit: 5000, view: 'list' })) ?? { events: [] };
      const eventOf = new Map(events.flatMap((e) => e.article_ids.map((a) => [a, e.id] as const)));
      const predicted = texts.map((t) => eventOf.get(`a${makeExtraction(t, []).article.sha256.slice(0, 24)}`) ?? 'missing');
      assert.ok(!predicted.includes('missing'), 'every report belongs to an event');
      const ids = [...new Set(predicted)];
      const many = pairwiseScores(
        reports.map((x) => x.incident),
        predicted.map((p) => ids.indexOf(p)),
      );
      process.stdout.write(
        `# merge, 4 concurrent writers: ${reports.length} reports of ${many.incidents} incidents → ${many.events} events (1 writer in order: ${one.events}); P ${many.precision.toFixed(3)} R ${many.recall.toFixed(3)}\n`,
      );
      assert.ok(Math.abs(many.events - one.events) <= Math.ceil(one.events * 0.02), `${many.events} vs ${one.events} events`);
      assert.ok(many.precision >= 0.95 && many.recall >= 0.9, `P ${many.precision} R ${many.recall}`);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('a bad server URL gives a clear error', async () => {
    await assert.rejects(openStore('postgres://postgres@127.0.0.1:1/none'), /cannot connect to postgres:\/\/.*127\.0\.0\.1:1/);
  });
});
