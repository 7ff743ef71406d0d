// Number phrases: digits in any script, number words, compounds, approximations and vague quantifiers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from '../text/normalize.ts';
import { tokenize } from '../text/tokenize.ts';
import { digitValue, loadQuantityLexicon, lowestCredible, parseNumberAt } from './index.ts';

const lex = loadQuantityLexicon();
const parse = (s: string) => parseNumberAt(tokenize(normalize(s).text), 0, lex);

// [text, best, low, high] — low/high default to best
const CASES: Array<[string, number, number?, number?]> = [
  ['27', 27],
  ['٢٧', 27],
  ['۲۷', 27],
  ['1,200', 1200],
  ['١٬٢٠٠', 1200],
  ['12,500,000', 12500000],
  ['1.5 مليون', 1500000],
  ['20 ألف', 20000],
  ['3 آلاف', 3000],
  ['واحد', 1],
  ['واحدة', 1],
  ['اثنان', 2],
  ['اثنين', 2],
  ['اثنتان', 2],
  ['اثنتين', 2],
  ['ثلاث', 3],
  ['ثلاثة', 3],
  ['أربعة', 4],
  ['اربع', 4],
  ['خمسة', 5],
  ['ستة', 6],
  ['سبع', 7],
  ['ثمانية', 8],
  ['ثماني', 8],
  ['تسعة', 9],
  ['عشرة', 10],
  ['عشر', 10],
  ['أحد عشر', 11],
  ['إحدى عشرة', 11],
  ['اثنا عشر', 12],
  ['اثني عشر', 12],
  ['اثنتا عشرة', 12],
  ['ثلاثة عشر', 13],
  ['ثلاث عشرة', 13],
  ['خمسة عشر', 15],
  ['تسع عشرة', 19],
  ['عشرون', 20],
  ['عشرين', 20],
  ['واحد وعشرون', 21],
  ['خمسة وعشرين', 25],
  ['ثلاثين', 30],
  ['أربعين', 40],
  ['خمسين', 50],
  ['ستين', 60],
  ['سبعون', 70],
  ['ثمانين', 80],
  ['تسعين', 90],
  ['ثلاثة وثلاثين', 33],
  ['مئة', 100],
  ['مائة', 100],
  ['مئتان', 200],
  ['مائتين', 200],
  ['ثلاثمئة', 300],
  ['ثلاثمائة', 300],
  ['ثلاث مئة', 300],
  ['خمسمائة', 500],
  ['مئة وخمسين', 150],
  ['مئة وخمسة وعشرين', 125],
  ['ألف', 1000],
  ['ألفين', 2000],
  ['ألفان', 2000],
  ['ثلاثة آلاف', 3000],
  ['عشرة آلاف', 10000],
  ['عشرين ألفا', 20000],
  ['مئة ألف', 100000],
  ['ألف ومئتين', 1200],
  ['ألف وخمسمائة', 1500],
  ['مليون', 1000000],
  ['نحو 64', 64],
  ['قرابة 30', 30],
  ['حوالي 20', 20],
  ['حوالى خمسين', 50],
  ['زهاء مئة', 100],
  ['ما يقارب 40', 40],
  ['أكثر من 82', 82],
  ['ما يزيد عن 100', 100],
  ['ما يزيد على عشرين', 20],
  ['ما لا يقل عن 15', 15],
  ['لا يقل عن 7', 7],
  ['7 على الأقل', 7],
  ['أقل من 10', 10, 0, 10],
  ['عشرات', 12],
  ['العشرات', 12],
  ['عدة', 3],
  ['بضعة', 3],
  ['بضع', 3],
  ['مئات', 100],
  ['المئات', 100],
  ['آلاف', 1000],
  ['عشرات الآلاف', 12000],
  ['وثلاثة', 3],
  ['بثلاثة', 3],
  ['والعشرات', 12],
  ['الثلاثة', 3],
  // a missing space after the digits
  ['14جنديا', 14],
];

for (const [text, best, low, high] of CASES) {
  test(`number: ${text} → ${best}`, () => {
    const r = parse(text);
    assert.ok(r, `no number read from ${text}`);
    assert.equal(r.value, best);
    assert.equal(r.low, low ?? best);
    assert.equal(r.high, high ?? best);
  });
}

// phrases that are no number, or whose digits are not a clean count
const NOT_NUMBERS = ['قتلى', 'أحد', 'الأحد', 'A320', 'F16', 'ب52ب', '4ج', '123456789012345678901234', 'قال', '', '،'];
for (const text of NOT_NUMBERS) {
  test(`no number: «${text}»`, () => {
    assert.equal(parse(text), null);
  });
}

test('qualifiers are reported', () => {
  assert.equal(parse('نحو 64')?.qualifier, 'approx');
  assert.equal(parse('أكثر من 82')?.qualifier, 'atleast');
  assert.equal(parse('64 على الأقل')?.qualifier, 'atleast');
  assert.equal(parse('أقل من 10')?.qualifier, 'atmost');
  assert.equal(parse('64')?.qualifier, undefined);
});

test('token range covers the phrase', () => {
  const r = parse('ما لا يقل عن 15 شخصا');
  assert.deepEqual([r?.from, r?.to], [0, 5]);
  const w = parse('خمسة وعشرين جنديا');
  assert.deepEqual([w?.from, w?.to], [0, 2]);
});

test('digitValue: separators, decimals, junk', () => {
  assert.equal(digitValue('1,200'), 1200);
  assert.equal(digitValue('1.200.000'), 1200000);
  assert.equal(digitValue('2.5'), 2.5);
  assert.equal(digitValue('12'), 12);
  assert.equal(digitValue('1,2,3'), null);
  assert.equal(digitValue('abc'), null);
  assert.equal(digitValue('9'.repeat(40)), null);
});

test('out-of-range index and empty input do not throw', () => {
  const toks = tokenize(normalize('مقتل 3').text);
  assert.equal(parseNumberAt(toks, -1, lex), null);
  assert.equal(parseNumberAt(toks, 99, lex), null);
  assert.equal(parseNumberAt([], 0, lex), null);
});

test('lowestCredible keeps the lowest sane figure', () => {
  assert.equal(lowestCredible([64, 70, 33]), 33);
  assert.equal(lowestCredible([12, Number.NaN, -3, 2.5, 1e12]), 12);
  assert.equal(lowestCredible([]), 0);
  assert.equal(lowestCredible([0, 5]), 0);
});
