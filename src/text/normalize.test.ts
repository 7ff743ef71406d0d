import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  mapDigits,
  normalize,
  normalizeAlef,
  normalizeTaMarbuta,
  normalizeYa,
  normKey,
  rawSpan,
  stripDiacritics,
  stripTatweel,
  toRaw,
} from './normalize.ts';

describe('normalisation rules', () => {
  it('each rule does one thing', () => {
    assert.equal(normalizeAlef('أ'), 'ا');
    assert.equal(normalizeAlef('إ'), 'ا');
    assert.equal(normalizeAlef('آ'), 'ا');
    assert.equal(normalizeAlef('ب'), 'ب');
    assert.equal(normalizeYa('ى'), 'ي');
    assert.equal(normalizeTaMarbuta('ة'), 'ه');
    assert.equal(stripTatweel('ـ'), '');
    assert.equal(stripDiacritics('\u064E'), '');
    assert.equal(stripDiacritics('\u0651'), '');
    assert.equal(mapDigits('٣'), '3');
    assert.equal(mapDigits('۷'), '7');
    assert.equal(mapDigits('٫'), '.');
    assert.equal(mapDigits('٬'), ',');
  });

  it('normalises a phrase with diacritics, tatweel, hamza forms and Arabic-Indic digits', () => {
    const nt = normalize('مَقْتَلُ ١٨ شخصاً في إدلـــب يوم الأربعاء، والرقّة');
    assert.equal(nt.text, 'مقتل 18 شخصا في ادلب يوم الاربعاء، والرقه');
  });

  it('keeps a kashida standing alone between spaces as a dash (a dateline), drops one inside or after a word', () => {
    assert.equal(normalize('الرياض ـ واس').text, 'الرياض - واس');
    assert.equal(normalize('جدة ــ رويترز').text, 'جده -- رويترز');
    assert.equal(normalize('للعام الـ 13 في إدلـــب').text, 'للعام ال 13 في ادلب');
    assert.equal(normalize('الرياض ـ واس', [stripTatweel]).text, 'الرياض - واس');
  });

  it('drops BOM, bidi marks and CR while keeping the map to raw offsets', () => {
    const raw = '\uFEFFقال\u200F المرصد\r\nأمس';
    const nt = normalize(raw);
    assert.equal(nt.text, 'قال المرصد\nامس');
    const i = nt.text.indexOf('المرصد');
    const span = rawSpan(nt, i, i + 'المرصد'.length);
    assert.equal(span.text, 'المرصد');
    assert.equal(raw.slice(span.start, span.end), 'المرصد');
  });

  it('maps every normalised range back to the same characters of the raw text', () => {
    const raw = 'أعلنتْ القيادةُ مقتلَ اثنين من مسؤولي «داعش» في ١٨ نوفمبر الماضى.';
    const nt = normalize(raw);
    for (const w of ['اعلنت', 'القياده', 'داعش', '18', 'الماضي']) {
      const i = nt.text.indexOf(w);
      assert.ok(i >= 0, w);
      const r = toRaw(nt, i, i + w.length);
      assert.equal(normKey(raw.slice(r.start, r.end)), w);
    }
  });

  it('handles empty text and empty ranges', () => {
    const nt = normalize('');
    assert.equal(nt.text, '');
    assert.deepEqual(toRaw(nt, 0, 0), { start: 0, end: 0 });
  });

  it('normKey collapses whitespace', () => {
    assert.equal(normKey('  دير   الزور '), 'دير الزور');
  });
});
