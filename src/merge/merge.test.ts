// Merge rules, and merge quality measured on synthetic duplicate reports (printed, and held to a floor).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeEvent } from '../export/fixtures.ts';
import { clusterRecords } from './cluster.ts';
import { combineRecords, lowestCredible } from './combine.ts';
import { matchScore } from './match.ts';
import { pairwiseScores, syntheticReports } from './synthetic.ts';

test('match: within a day and a few km, compatible type and actors; not across days, distance, type or background', () => {
  const a = makeEvent();
  assert.ok(matchScore(a, makeEvent({ event_date: '2024-03-06', latitude: 35.92 })) > 0);
  assert.ok(matchScore(a, makeEvent({ actor1: 'Unidentified Armed Group (Syria)' })) > 0);
  assert.ok(matchScore(a, makeEvent({ latitude: null, longitude: null, location: 'sarmin' })) > 0, 'same name');
  assert.ok(
    matchScore(a, makeEvent({ latitude: null, longitude: null, location: 'X', location_ar: 'سَرمين' })) > 0,
    'same Arabic name, diacritics aside',
  );
  assert.equal(matchScore(a, makeEvent({ event_date: '2024-03-07' })), 0);
  assert.equal(matchScore(a, makeEvent({ latitude: 36.1, location: 'Other' })), 0);
  assert.equal(matchScore(a, makeEvent({ event_type: 'Protests' })), 0);
  assert.equal(matchScore(a, makeEvent({ actor1: 'Islamic State' })), 0);
  assert.equal(matchScore(a, makeEvent({ background: true })), 0);
  assert.equal(matchScore(a, makeEvent({ event_date: null })), 0);
  assert.equal(matchScore(a, makeEvent({ country: 'Iraq' })), 0);
});

test('combine: lowest credible fatalities, sources united, most precise place, conflict doubt', () => {
  assert.equal(lowestCredible([0, 7, 5]), 5);
  assert.equal(lowestCredible([0, 0]), 0);
  const m = combineRecords('e1', [
    makeEvent({ fatalities: 7, sources: ['A'], geo_precision: 2, location: 'Near', confidence: 0.9 }),
    makeEvent({ fatalities: 5, sources: ['B', 'A'], geo_precision: 1, location: 'Exact' }),
    makeEvent({ fatalities: 0, sources: ['C'] }),
  ]);
  assert.equal(m.fatalities, 5);
  assert.equal(m.fatalities_high, 7);
  assert.deepEqual(m.sources, ['A', 'B', 'C']);
  assert.equal(m.location, 'Exact');
  assert.equal(m.event_id, 'e1');
  assert.ok(m.doubts.some((d) => d.code === 'fatalities_conflict'));
});

test('merge quality on synthetic duplicate reports', () => {
  const reports = syntheticReports(400, 7);
  const predicted = clusterRecords(reports.map((r) => r.record));
  const s = pairwiseScores(
    reports.map((r) => r.incident),
    predicted,
  );
  process.stdout.write(
    `# merge quality: ${reports.length} reports of ${s.incidents} incidents → ${s.events} events; pairwise P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}\n`,
  );
  assert.ok(s.precision >= 0.95, `precision ${s.precision}`);
  assert.ok(s.recall >= 0.8, `recall ${s.recall}`);
});
