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

export class PhraseIndex<T> {
  private readonly root: Node<T> = { next: new Map(), values: [] };
  size = 0;

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
      }
      node = nx;
    }
    if (!node.values.includes(value)) node.values.push(value);
    this.size++;
  }

  /** Longest match starting at token `i`, trying each clitic form of the first token. */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch<T> | null {
    const first = tokens[i];
    if (!first) return null;
    let bestTo = -1;
    let bestK = -1;
    let bestNode: Node<T> | null = null;
    for (let k = 0; k < first.forms.length; k++) {
      const form = first.forms[k] as string;
      let node = this.root.next.get(first.kind === 'latin' ? form.toLowerCase() : form);
      let j = i + 1;
      while (node) {
        if (node.values.length && j > bestTo) {
          bestTo = j;
          bestK = k;
          bestNode = node;
        }
        const t = tokens[j];
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
    for (let i = 0; i < tokens.length; ) {
      const m = this.matchAt(tokens, i);
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
