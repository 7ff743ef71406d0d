import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from './normalize.ts';
import { PhraseIndex } from './phrase-index.ts';
import { tokenize } from './tokenize.ts';

const toks = (s: string) => tokenize(normalize(s).text);

describe('PhraseIndex', () => {
  const idx = new PhraseIndex<string>();
  idx.add('دير الزور', 'deir');
  idx.add('قوات سوريا الديمقراطية', 'sdf');
  idx.add('قوات', 'forces');
  idx.add('ISIS', 'is');

  it('finds multi-token phrases through a clitic on the first token', () => {
    const t = toks('في ريف بدير الزور وقوات سوريا الديمقراطية');
    const m = idx.findAll(t);
    assert.deepEqual(
      m.map((x) => x.values[0]),
      ['deir', 'sdf'],
    );
    assert.equal(m[0]?.prefix, 'ب');
  });

  it('prefers the longest match', () => {
    const m = idx.findAll(toks('قوات سوريا الديمقراطية'));
    assert.equal(m.length, 1);
    assert.equal(m[0]?.values[0], 'sdf');
  });

  it('matches spelling variants through normalisation and Latin case', () => {
    assert.equal(idx.findAll(toks('قواتُ سوريّا الديمقراطيّة'))[0]?.values[0], 'sdf');
    assert.equal(idx.findAll(toks('isis fighters'))[0]?.values[0], 'is');
  });

  it('excludes the stripped clitic from the match offsets', () => {
    const text = normalize('وبدير الزور').text;
    const m = idx.findAll(tokenize(text))[0];
    assert.equal(text.slice(m?.start, m?.end), 'دير الزور');
  });

  it('offsets after a ل + ال prefix (لل) start at the noun or at the article', () => {
    const ix = new PhraseIndex<string>();
    ix.add('جيش', 'bare');
    ix.add('القوات', 'def');
    const text = normalize('للجيش وللقوات').text;
    const m = ix.findAll(tokenize(text));
    assert.deepEqual(
      m.map((x) => text.slice(x.start, x.end)),
      ['جيش', 'لقوات'],
    );
  });
});
