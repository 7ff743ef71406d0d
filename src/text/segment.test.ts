import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quotes, sentences } from './segment.ts';

describe('sentences and quotes', () => {
  it('splits at full stops, question marks and line breaks, not at decimals', () => {
    const t = 'قتل 3.5 شخص. هل انتهى؟\nسطر جديد';
    const s = sentences(t).map((r) => t.slice(r.start, r.end));
    assert.deepEqual(s, ['قتل 3.5 شخص.', 'هل انتهى؟', 'سطر جديد']);
  });

  it('keeps a full stop inside «…» within the sentence', () => {
    const t = 'وقالت القيادة: «نفذنا غارة. قتل اثنان» ثم انسحبت. جملة ثانية.';
    const s = sentences(t);
    assert.equal(s.length, 2);
  });

  it('finds quoted spans of each style, unclosed ones ending at the paragraph', () => {
    const t = 'قال «نص أول» و"نص ثان" و“ثالث” و«غير مغلق\nبعده';
    const q = quotes(t).map((r) => t.slice(r.start, r.end));
    assert.deepEqual(q, ['نص أول', 'نص ثان', 'ثالث', 'غير مغلق']);
  });

  it('handles empty text', () => {
    assert.deepEqual(sentences(''), []);
    assert.deepEqual(quotes(''), []);
  });
});
