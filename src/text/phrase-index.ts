// A trie over token sequences: finds lexicon phrases (actors, triggers, places, sources) in tokenised text.
// The first token of a phrase may match through a clitic-stripped form (وبقوات → قوات); later tokens match
// their surface form, or a form without a leading conjunction when `looseInner` is set.
import { normKey } from './normalize.ts';
import { type Token, tokenize } from './tokenize.ts';

interface Node<T> {
  next: Map<string, Node<T>>;
  values: T[];
}

export interface PhraseMatch<T> {
  /** first and last+1 token index */
  from: number;
  to: number;
  /** normalised offsets, clitic prefix excluded */
  start: number;
  end: number;
  /** the proclitics stripped from the first token ('' when none) */
  prefix: string;
  key: string;
  values: T[];
}

/** A cheap signature of a word (length, first two and last letters) for the first-word filter; signed (callers
 * shift it unsigned), so that it is never a heap number. */
function wordSig(w: string): number {
  const n = w.length;
  const h = (w.charCodeAt(0) << 5) ^ (n > 1 ? w.charCodeAt(1) << 16 : 0) ^ w.charCodeAt(n - 1) ^ (n << 11);
  return Math.imul(h, 0x9e3779b1);
}

export class PhraseIndex<T> {
  private readonly root: Node<T> = { next: new Map(), values: [] };
  size = 0;
  /** One bit per signature of a first word: most forms of a text start no phrase, and reading two letters and the
   * length answers them without a probe of the root Map. At least 64 bits per first word. */
  private firstBits = new Int32Array(128);
  private firstShift = 20;

  /** Add a phrase (any spelling: it is normalised and tokenised here). */
  add(phrase: string, value: T): void {
    const toks = tokenize(normKey(phrase)).map((t) => (t.kind === 'latin' ? t.text.toLowerCase() : t.text));
    if (toks.length === 0) return;
    let node = this.root;
    for (const t of toks) {
      let nx = node.next.get(t);
      if (!nx) {
        nx = { next: new Map(), values: [] };
        node.next.set(t, nx);
        if (node === this.root) this.addFirst(t);
      }
      node = nx;
    }
    if (!node.values.includes(value)) node.values.push(value);
    this.size++;
  }

  private addFirst(word: string): void {
    if (this.root.next.size * 64 > this.firstBits.length * 32) {
      // grown past its share of bits: rebuild twice as large
      this.firstBits = new Int32Array(this.firstBits.length * 2);
      this.firstShift--;
      for (const w of this.root.next.keys()) this.setFirst(w);
    } else this.setFirst(word);
  }

  private setFirst(word: string): void {
    const b = wordSig(word) >>> this.firstShift;
    this.firstBits[b >>> 5] = (this.firstBits[b >>> 5] as number) | (1 << (b & 31));
  }

  /** Longest match starting at token `i`, trying each clitic form of the first token. */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch<T> | null {
    // bounds checked before reading: an out-of-bounds read deoptimises optimised callers
    const first = i >= 0 && i < tokens.length ? tokens[i] : undefined;
    if (!first) return null;
    let bestTo = -1;
    let bestK = -1;
    let bestNode: Node<T> | null = null;
    const bits = this.firstBits;
    const shift = this.firstShift;
    for (let k = 0; k < first.forms.length; k++) {
      const form = first.forms[k] as string;
      const w = first.kind === 'latin' ? form.toLowerCase() : form;
      const b = wordSig(w) >>> shift;
      if (((bits[b >>> 5] as number) & (1 << (b & 31))) === 0) continue;
      let node = this.root.next.get(w);
      let j = i + 1;
      while (node) {
        if (node.values.length && j > bestTo) {
          bestTo = j;
          bestK = k;
          bestNode = node;
        }
        const t = j < tokens.length ? tokens[j] : undefined;
        if (!t) break;
        node = node.next.get(t.kind === 'latin' ? t.text.toLowerCase() : t.text);
        j++;
      }
    }
    if (!bestNode) return null;
    // built once, for the winning reading only
    const form = first.forms[bestK] as string;
    const prefix = first.prefixes[bestK] ?? '';
    const endTok = tokens[bestTo - 1] as Token;
    let key = form;
    for (let n = i + 1; n < bestTo; n++) key += ` ${(tokens[n] as Token).text}`;
    return {
      from: i,
      to: bestTo,
      start: first.start + surfaceOffset(first.text, form, prefix),
      end: endTok.end,
      prefix,
      key,
      values: bestNode.values,
    };
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const bits = this.firstBits;
    const shift = this.firstShift;
    for (let i = 0; i < tokens.length; ) {
      // the first-word filter inline: most tokens start no phrase and need no matchAt call
      const t = tokens[i] as Token;
      const forms = t.forms;
      let may = 0;
      for (let k = 0; k < forms.length; k++) {
        const b = wordSig(forms[k] as string) >>> shift;
        may |= (bits[b >>> 5] as number) & (1 << (b & 31));
      }
      const m = may !== 0 || t.kind === 'latin' ? this.matchAt(tokens, i) : null;
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}

/**
 * Characters of `text` before the matched `form`. The prefix string may be longer than what the surface shows:
 * ل + ال is written لل (للجيش: prefix "لال", form "جيش" → 2), and a form with ال restored (الجيش) starts at the
 * article's ل (للجيش → 1).
 */
function surfaceOffset(text: string, form: string, prefix: string): number {
  if (form === text) return 0;
  if (text.endsWith(form)) return text.length - form.length;
  if (form.startsWith('ال') && text.endsWith(form.slice(1)) && form.length - 1 < text.length) return text.length - form.length + 1;
  return Math.min(prefix.length, text.length - 1);
}
