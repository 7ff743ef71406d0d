import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from './normalize.ts';
import { arabicShare, cliticForms, tokenize } from './tokenize.ts';

describe('tokens with clitics', () => {
  it('strips conjunction, preposition and article proclitics', () => {
    const f = cliticForms('وبالرقه').forms;
    assert.ok(f.includes('بالرقه'));
    assert.ok(f.includes('الرقه'));
    assert.ok(f.includes('رقه'));
    assert.ok(cliticForms('بدير').forms.includes('دير'));
    assert.ok(cliticForms('لحلب').forms.includes('حلب'));
    assert.ok(cliticForms('وفي').forms.includes('في'));
  });

  it('turns لل into ال (للجيش → الجيش)', () => {
    assert.ok(cliticForms('للجيش').forms.includes('الجيش'));
  });

  it('strips pronoun suffixes after the proclitics (مقتلهما → مقتل)', () => {
    assert.ok(cliticForms('مقتلهما').forms.includes('مقتل'));
  });

  it('keeps the surface form first and never strips below two letters', () => {
    const f = cliticForms('وب').forms;
    assert.equal(f[0], 'وب');
    assert.ok(f.every((x) => x.length >= 2));
  });

  it('gives kinds and offsets into the normalised text', () => {
    const nt = normalize('قُتل 3 (ISIS) في حلب.');
    const toks = tokenize(nt.text);
    assert.deepEqual(
      toks.map((t) => t.kind),
      ['ar', 'num', 'punct', 'latin', 'punct', 'ar', 'ar', 'punct'],
    );
    for (const t of toks) assert.equal(nt.text.slice(t.start, t.end), t.text);
  });

  it('reads decimal and grouped numbers as one token', () => {
    const toks = tokenize('قتل 1,200 شخص و3.5 كم');
    assert.ok(toks.some((t) => t.text === '1,200' && t.kind === 'num'));
    assert.ok(toks.some((t) => t.text === '3.5'));
  });

  it('measures the Arabic share of letters', () => {
    assert.equal(arabicShare('hello world'), 0);
    assert.equal(arabicShare('مرحبا'), 1);
    assert.equal(arabicShare('123'), 0);
  });
});
