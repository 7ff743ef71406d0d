// Pure helpers of the web app (no browser needed): evidence segmentation, grid clustering, date bins, catalogues.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gridCluster } from '../../web/src/lib/cluster.ts';
import { binDates } from '../../web/src/lib/histogram.ts';
import { highlightSegments } from '../../web/src/lib/segments.ts';

test('segments cover the text exactly, overlapping spans carry both fields', () => {
  const text = 'abcdefghij';
  const segs = highlightSegments(text, {
    a: [{ start: 2, end: 6 }],
    b: [{ start: 4, end: 8 }],
    bad: [
      { start: 9, end: 3 },
      { start: -5, end: 1 },
    ],
  });
  assert.equal(segs.map((s) => s.text).join(''), text);
  assert.deepEqual(
    segs.map((s) => [s.text, s.fields.join('+')]),
    [
      ['a', 'bad'],
      ['b', ''],
      ['cd', 'a'],
      ['ef', 'a+b'],
      ['gh', 'b'],
      ['ij', ''],
    ],
  );
  assert.deepEqual(
    highlightSegments(text, { a: [{ start: 2, end: 6 }], b: [{ start: 4, end: 8 }] }, 'b').map((s) => s.fields.join()),
    ['', 'b', ''],
  );
  assert.equal(highlightSegments('abc', { a: [{ start: 1, end: 99 }] }).at(-1)?.text, 'bc', 'spans past the end are clamped');
});

test('grid clustering groups points in one cell', () => {
  const c = gridCluster(
    [
      { x: 1, y: 1, item: 'a' },
      { x: 10, y: 12, item: 'b' },
      { x: 100, y: 100, item: 'c' },
    ],
    48,
  );
  assert.deepEqual(c.map((k) => k.items.sort()).sort(), [['a', 'b'], ['c']]);
});

test('date bins: daily for short spans, monthly for longer, counts add up', () => {
  const days = binDates(['2022-12-11', '2022-12-13', null, 'garbage', '2022-12-11']);
  assert.deepEqual(
    days.map((b) => [b.key, b.count]),
    [
      ['2022-12-11', 2],
      ['2022-12-12', 0],
      ['2022-12-13', 1],
    ],
  );
  const months = binDates(['2020-01-05', '2020-03-31', '2021-01-01']);
  assert.equal(months[0].key, '2020-01');
  assert.equal(months.at(-1)?.to, '2021-01-31');
  assert.equal(
    months.reduce((a, b) => a + b.count, 0),
    3,
  );
});

test('the Arabic and English catalogues have the same keys and no empty message', () => {
  const ar = JSON.parse(readFileSync(new URL('../../web/src/i18n/ar.json', import.meta.url), 'utf8')) as Record<string, string>;
  const en = JSON.parse(readFileSync(new URL('../../web/src/i18n/en.json', import.meta.url), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(ar).sort(), Object.keys(en).sort());
  for (const [k, v] of [...Object.entries(ar), ...Object.entries(en)]) assert.ok(v.trim(), k);
});
