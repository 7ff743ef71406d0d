// The contract suite on a PostgreSQL 15 server started for the test (initdb + pg_ctl as user postgres), plus
// server-only cases: several stores (processes) on one database, migrations run once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEvent, makeExtraction } from '../export/fixtures.ts';
import { storeContract } from './contract.test-suite.ts';
import { openStore } from './index.ts';
import { type ThrowawayPg, pgBinariesPresent, startThrowawayPostgres } from './pg-server.ts';

const present = pgBinariesPresent();
const required = Boolean(process.env.MARSAD_REQUIRE_PG);
if (!present && required) throw new Error('MARSAD_REQUIRE_PG is set but the PostgreSQL 15 binaries are absent (/usr/lib/postgresql/15/bin)');
const skip = present ? false : 'PostgreSQL 15 binaries absent (/usr/lib/postgresql/15/bin); set MARSAD_REQUIRE_PG to make this a failure';

let server: ThrowawayPg | null = null;
const serverReady = present ? startThrowawayPostgres() : null;

describe('postgres', { skip }, () => {
  before(async () => {
    server = await serverReady;
    server?.createDatabase('contract');
    server?.createDatabase('multi');
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
              const ev = makeEvent({ event_date: `2002-${String(1 + i).padStart(2, "0")}-15`, location: `Place ${i}`, latitude: 30 + i, longitude: 40, sources: [`Outlet ${w}`] });
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

  test('a bad server URL gives a clear error', async () => {
    await assert.rejects(openStore('postgres://postgres@127.0.0.1:1/none'), /cannot connect to postgres:\/\/.*127\.0\.0\.1:1/);
  });
});
