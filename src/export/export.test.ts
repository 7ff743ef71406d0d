import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { makeArticle, makeEvent } from './fixtures.ts';
import { ACLED_COLUMNS, formatRows, toAcledCsv, toGeoJson, toPlover } from './index.ts';

const article = makeArticle('نص تجريبي');

test('ACLED CSV has the 31 columns in order and derives iso, region, civilian targeting', () => {
  assert.equal(ACLED_COLUMNS.length, 31);
  const ev = makeEvent({ assoc_actor_1: ['A', 'B'], sources: ['S1', 'S2, with comma'] });
  const csv = toAcledCsv([{ article, event: ev }], { timestamp: 1700000000 });
  const rows = parse(csv, { columns: false }) as string[][];
  assert.deepEqual(rows[0], [...ACLED_COLUMNS]);
  const rec = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, rows[1][i]]));
  assert.equal(rec.year, '2024');
  assert.equal(rec.iso, '760');
  assert.equal(rec.region, 'Middle East');
  assert.equal(rec.assoc_actor_1, 'A; B');
  assert.equal(rec.source, 'S1; S2, with comma');
  assert.equal(rec.civilian_targeting, 'Civilian targeting');
  assert.equal(rec.timestamp, '1700000000');
  assert.equal(rec.fatalities, '3');
});

test('ACLED CSV leaves iso and region blank for an unknown country and falls back to the outlet as source', () => {
  const ev = makeEvent({ country: 'Atlantis', sources: [], actor2: null, event_date: null });
  const csv = toAcledCsv([{ article, event: ev }], { timestamp: 1 });
  const rows = parse(csv) as string[][];
  const rec = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, rows[1][i]]));
  assert.equal(rec.iso, '');
  assert.equal(rec.region, '');
  assert.equal(rec.source, 'Enab Baladi');
  assert.equal(rec.year, '');
  assert.equal(rec.civilian_targeting, '');
});

test('GeoJSON puts [lon, lat] points and skips unlocated events unless asked', () => {
  const rows = [
    { article, event: makeEvent() },
    { article, event: makeEvent({ event_id: 'e2', latitude: null, longitude: null }) },
  ];
  const fc = toGeoJson(rows);
  assert.equal(fc.features.length, 1);
  assert.deepEqual(fc.features[0].geometry, { type: 'Point', coordinates: [36.72, 35.9] });
  assert.equal(toGeoJson(rows, { includeUnlocated: true }).features[1].geometry, null);
});

test('PLOVER takes type/mode from plover_type, else from the ACLED table', () => {
  const [a, b] = toPlover([
    { article, event: makeEvent({ plover_type: 'assault/aerial' }) },
    { article, event: makeEvent({ sub_event_type: 'Armed clash' }) },
  ]);
  assert.equal(a.event_type, 'ASSAULT');
  assert.equal(a.mode, 'aerial');
  assert.equal(b.event_type, 'FIGHT');
  assert.equal(b.mode, 'small-arms');
});

test('json and jsonl writers round-trip', () => {
  const rows = [
    { article, event: makeEvent() },
    { article, event: makeEvent({ event_id: 'e2' }) },
  ];
  const lines = formatRows('jsonl', rows).trim().split('\n');
  assert.equal(lines.length, 2);
  assert.equal(JSON.parse(lines[1]).event_id, 'e2');
  assert.equal((JSON.parse(formatRows('json', rows)) as unknown[]).length, 2);
});
