// Calendar arithmetic and Umm al-Qura conversion (Intl), without the clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, addMonths, hijriOf, hijriToGregorian, isoOf, isValidYmd, parseIso, weekdayOf } from './calendar.ts';

const H: Array<[number, number, number, string]> = [
  [1436, 10, 1, '2015-07-17'],
  [1436, 9, 1, '2015-06-18'],
  [1437, 1, 1, '2015-10-14'],
  [1445, 7, 16, '2024-01-28'],
  [1400, 1, 1, '1979-11-21'],
  [1446, 9, 1, '2025-03-01'],
];
for (const [y, m, d, iso] of H) {
  test(`hijri ${d}/${m}/${y} → ${iso}`, () => {
    const g = hijriToGregorian(y, m, d);
    assert.ok(g);
    assert.equal(isoOf(g), iso);
    assert.deepEqual(hijriOf(g), { y, m, d });
  });
}

test('impossible Hijri dates give null', () => {
  assert.equal(hijriToGregorian(1436, 13, 1), null);
  assert.equal(hijriToGregorian(1436, 1, 31), null);
  assert.equal(hijriToGregorian(1436, 0, 1), null);
  assert.equal(hijriToGregorian(Number.NaN, 1, 1), null);
  assert.equal(hijriToGregorian(99999, 1, 1), null);
});

test('parseIso and validity', () => {
  assert.deepEqual(parseIso('2015-07-21'), { y: 2015, m: 7, d: 21 });
  assert.deepEqual(parseIso('2015-07-21T10:00:00Z'), { y: 2015, m: 7, d: 21 });
  assert.equal(parseIso('2015-02-29'), null);
  assert.equal(parseIso('2016-02-29')?.d, 29);
  assert.equal(parseIso(''), null);
  assert.equal(parseIso(null), null);
  assert.equal(isValidYmd(2015, 4, 31), false);
});

test('day, week and month arithmetic', () => {
  const p = { y: 2015, m: 7, d: 21 };
  assert.equal(isoOf(addDays(p, -21)), '2015-06-30');
  assert.equal(isoOf(addDays({ y: 2016, m: 3, d: 1 }, -1)), '2016-02-29');
  assert.equal(isoOf(addMonths(p, -7)), '2014-12-15');
  assert.equal(isoOf(addMonths(p, 6)), '2016-01-15');
  assert.equal(weekdayOf(p), 2);
});
