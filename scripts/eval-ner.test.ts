import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anercorpTrain, bioSpans, type Counts, parseConll, prf, score } from './eval-ner.ts';

test('CoNLL sentences and LOC spans (B-LOC I-LOC runs; a stray I-LOC opens one)', () => {
  const s = parseConll('في O\nالولايات B-LOC\nالمتحدة I-LOC\n\nفي O\nلندن I-LOC\nو O\nباريس B-LOC\nروما B-LOC\n');
  assert.equal(s.length, 2);
  assert.deepEqual(bioSpans(s[0]?.tags ?? []), [[1, 3]]);
  assert.deepEqual(bioSpans(s[1]?.tags ?? []), [
    [1, 2],
    [3, 4],
    [4, 5],
  ]);
  assert.deepEqual(bioSpans(['B-PERS', 'I-PERS', 'B-LOC']), [[2, 3]]);
});

test('exact and one-to-one partial matches', () => {
  const c: Counts = { gold: 0, pred: 0, exact: 0, partial: 0 };
  score(
    [
      [0, 2],
      [5, 6],
    ],
    [
      [1, 2],
      [5, 6],
      [8, 9],
    ],
    c,
  );
  assert.deepEqual(c, { gold: 2, pred: 3, exact: 1, partial: 2 });
  const { p, r } = prf(c.exact, c.gold, c.pred);
  assert.equal(p, 1 / 3);
  assert.equal(r, 1 / 2);
});

test('the original ANERcorp file: sentences end after periods, blank tokens dropped, only the first words kept', () => {
  const raw = 'فرانكفورت B-LOC\n O\nأعلن O\n. O\n· O\nوقال O\nفي O\nبرلين B-LOC\n. O\nثم O\nغادر O\n. O\n';
  const all = anercorpTrain(raw);
  assert.deepEqual(
    all.map((s) => s.tokens.join(' ')),
    ['فرانكفورت أعلن . .', 'وقال في برلين .', 'ثم غادر .'],
  );
  assert.equal(anercorpTrain(raw, 8).length, 2);
});
