// The query result cache: single flight, invalidation by writes (including a query that straddles one), expiry,
// and the entry and row budgets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryCache, queryKey } from './query-cache.ts';

const opts = { maxEntries: 3, ttlMs: 60_000, maxRows: 10, maxTotalRows: 15 };
const rows = (v: number[]) => v.length;

test('identical concurrent queries share one load; later calls are served from the cache', async () => {
  const c = new QueryCache(opts);
  let loads = 0;
  const load = async () => {
    loads++;
    await new Promise((r) => setTimeout(r, 5));
    return [1, 2];
  };
  const [a, b] = await Promise.all([c.get('k', load, rows), c.get('k', load, rows)]);
  assert.equal(loads, 1);
  assert.equal(a, b);
  await c.get('k', load, rows);
  assert.equal(loads, 1);
});

test('a write empties the cache; a result loaded across a write is not kept', async () => {
  const c = new QueryCache(opts);
  let loads = 0;
  const load = async () => [++loads];
  await c.get('k', load, rows);
  c.invalidate();
  assert.deepEqual(await c.get('k', load, rows), [2]);
  let release = () => {};
  const slow = c.get('s', () => new Promise<number[]>((r) => (release = () => r([0]))), rows);
  c.invalidate();
  release();
  await slow;
  assert.equal(c.size, 0, 'the straddling result was dropped');
});

test('expired entries reload; results over maxRows are served but not kept; budgets evict the oldest', async () => {
  const expiring = new QueryCache({ ...opts, ttlMs: -1 });
  let loads = 0;
  await expiring.get('k', async () => [++loads], rows);
  await expiring.get('k', async () => [++loads], rows);
  assert.equal(loads, 2);
  const c = new QueryCache(opts);
  assert.equal((await c.get('big', async () => new Array(11).fill(0), rows)).length, 11);
  assert.equal(c.size, 0);
  for (const k of ['a', 'b', 'c', 'd']) await c.get(k, async () => [1], rows);
  assert.equal(c.size, 3, 'entry budget');
  await c.get('e', async () => new Array(10).fill(0), rows);
  await c.get('f', async () => new Array(10).fill(0), rows);
  assert.ok(c.size <= 2, 'row budget (15 rows) keeps at most one 10-row result beside small ones');
  const off = new QueryCache({ ...opts, maxEntries: 0 });
  await off.get('k', async () => [1], rows);
  assert.equal(off.size, 0, 'maxEntries 0 turns the cache off');
});

test('queryKey ignores property order and undefined properties', () => {
  assert.equal(queryKey('p', { a: 1, b: 'x', c: undefined }), queryKey('p', { b: 'x', a: 1 }));
  assert.notEqual(queryKey('p', { a: 1 }), queryKey('q', { a: 1 }));
});
