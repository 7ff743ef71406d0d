// Open-addressing hash over the index's sorted key text: key → postings, and first word of any key → the most
// words a key starting with it has. Keys are compared in place in the key text (no string per key is made), so
// building it is one hashing pass and a look-up allocates nothing but the postings view on a hit.
import type { Lines } from './codec.ts';

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The hash of a word as the index hashes keys (FNV-1a): made once by the caller and reused for each probe. Signed
 * (the low bits are those of hashRange's): a 32-bit integer stays unboxed, where an unsigned one above 2^31 would be a
 * heap number on each return. */
export function wordHash(w: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
  return h;
}

/** The hash of a key extended by a space and one more word (the hash of `${key} ${w}` from the hash of key; signed,
 * as wordHash). */
export function extendHash(h: number, w: string): number {
  h = Math.imul(h ^ 32, 16777619);
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
  return h;
}

/** The key text from `from` to `to` spells words[0..n] joined by single spaces. */
function sameWords(text: string, from: number, to: number, words: readonly string[], n: number): boolean {
  let p = from;
  for (let k = 0; k <= n; k++) {
    const w = words[k] as string;
    if (k > 0) {
      if (p >= to || text.charCodeAt(p) !== 32) return false;
      p++;
    }
    if (p + w.length > to) return false;
    for (let i = 0; i < w.length; i++) if (text.charCodeAt(p + i) !== w.charCodeAt(i)) return false;
    p += w.length;
  }
  return p === to;
}

function sameRange(text: string, from: number, to: number, key: string): boolean {
  if (to - from !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (text.charCodeAt(from + i) !== key.charCodeAt(i)) return false;
  return true;
}

function sameRanges(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

const HEAD_CACHE_MASK = 16383;

export class KeyIndex {
  readonly size: number;
  private readonly text: string;
  private readonly start: Int32Array;
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly postOff: Int32Array;
  private readonly postings: Int32Array;
  /** heads: start/end in the key text, most words */
  private readonly headFrom: Int32Array;
  private readonly headTo: Int32Array;
  private readonly headMax: Uint8Array;
  /** the most words of any key */
  readonly maxTokens: number;

  constructor(keys: Lines, postOff: Int32Array, postings: Int32Array) {
    const n = keys.start.length - 1;
    this.size = n;
    this.text = keys.text;
    this.start = keys.start;
    this.postOff = postOff;
    this.postings = postings;
    let cap = 1;
    while (cap < n * 2) cap <<= 1;
    this.table = new Int32Array(cap);
    this.mask = cap - 1;
    this.headFrom = new Int32Array(n);
    this.headTo = new Int32Array(n);
    this.headMax = new Uint8Array(n);
    // the first words are made unique through a hash table needed only here
    const headTable = new Int32Array(cap);
    const headMask = cap - 1;
    const text = this.text;
    let heads = 0;
    let maxTokens = 1;
    for (let i = 0; i < n; i++) {
      const from = this.start[i] as number;
      const to = (this.start[i + 1] as number) - 1;
      let h = hashRange(text, from, to) & this.mask;
      while (this.table[h] !== 0) h = (h + 1) & this.mask;
      this.table[h] = i + 1;
      // first word and word count
      let words = 1;
      let headEnd = to;
      for (let j = from; j < to; j++) {
        if (text.charCodeAt(j) === 32) {
          if (words === 1) headEnd = j;
          words++;
        }
      }
      if (words > maxTokens) maxTokens = words;
      let g = hashRange(text, from, headEnd) & headMask;
      for (;;) {
        const slot = headTable[g] as number;
        if (slot === 0) {
          this.headFrom[heads] = from;
          this.headTo[heads] = headEnd;
          this.headMax[heads] = Math.min(255, words);
          headTable[g] = ++heads;
          break;
        }
        const hf = this.headFrom[slot - 1] as number;
        const ht = this.headTo[slot - 1] as number;
        if (sameRanges(text, hf, ht, from, headEnd)) {
          if ((this.headMax[slot - 1] as number) < words) this.headMax[slot - 1] = Math.min(255, words);
          break;
        }
        g = (g + 1) & headMask;
      }
    }
    this.maxTokens = maxTokens;
    this.headCount = heads;
  }
  private readonly headCount: number;

  /** Key number of a key, or -1. */
  slot(key: string): number {
    let h = hashRange(key, 0, key.length) & this.mask;
    for (;;) {
      const s = this.table[h] as number;
      if (s === 0) return -1;
      if (sameRange(this.text, this.start[s - 1] as number, (this.start[s] as number) - 1, key)) return s - 1;
      h = (h + 1) & this.mask;
    }
  }

  has(key: string): boolean {
    return this.slot(key) !== -1;
  }

  /** Entry codes (id × 2, +1 for a variant spelling) of a key. */
  get(key: string): Int32Array | undefined {
    const s = this.slot(key);
    if (s === -1) return undefined;
    return this.postings.subarray(this.postOff[s] as number, this.postOff[s + 1] as number);
  }

  /** Key number of words[0..n] joined by spaces, given the hash of that key (wordHash, extendHash), or -1: no key
   * string is built for a probe. */
  slotOfWords(words: readonly string[], n: number, hash: number): number {
    let h = hash & this.mask;
    for (;;) {
      const s = this.table[h] as number;
      if (s === 0) return -1;
      if (sameWords(this.text, this.start[s - 1] as number, (this.start[s] as number) - 1, words, n)) return s - 1;
      h = (h + 1) & this.mask;
    }
  }

  /** Views of the postings made so far, by key number: a key found again in another text reuses its view. */
  private views: Array<Int32Array | undefined> | null = null;

  /** Entry codes of a key number (a shared view: not to be written to). */
  postingsOf(slot: number): Int32Array {
    if (!this.views) this.views = new Array(this.size);
    let v = this.views[slot];
    if (!v) {
      v = this.postings.subarray(this.postOff[slot] as number, this.postOff[slot + 1] as number);
      this.views[slot] = v;
    }
    return v;
  }

  /** The key of a key number. */
  keyOf(slot: number): string {
    return this.text.slice(this.start[slot] as number, (this.start[slot + 1] as number) - 1);
  }

  /** First words as a Map (built on first use): JavaScript strings cache their hash, so token look-ups are cheaper
   * through a Map than by hashing each form again. The value is (key number of the word as a key of its own + 1) ×
   * 256 + the most words of a key starting with it: a one-word match needs no probe of the key table. */
  private heads: Map<string, number> | null = null;

  /** One bit per hash of a first word (FNV-1a, as hashRange): most words of a text start no key, and a bit test in
   * this small array (it stays in cache) answers them without a probe of the large heads Map. */
  private headBits: Int32Array | null = null;
  private headBitsMask = 0;
  /** One bit per hash of the first two words of a key (built with heads): a word after a first word that no key
   * continues with is mostly answered here, without building or probing a longer key. */
  private pairBits: Int32Array | null = null;
  private pairBitsMask = 0;

  private buildHeads(): void {
    const m = new Map<string, number>();
    // 8 to 16 bits per first word: roughly one word in ten that starts no key passes the filter
    let bits = 1 << 16;
    while (bits < this.headCount * 8) bits <<= 1;
    const hb = new Int32Array(bits >>> 5);
    for (let h = 0; h < this.headCount; h++) {
      const from = this.headFrom[h] as number;
      const to = this.headTo[h] as number;
      m.set(this.text.slice(from, to), (this.slotOfRange(from, to) + 1) * 256 + (this.headMax[h] as number));
      const b = hashRange(this.text, from, to) & (bits - 1);
      hb[b >>> 5] = (hb[b >>> 5] as number) | (1 << (b & 31));
    }
    this.heads = m;
    this.headBits = hb;
    this.headBitsMask = bits - 1;
    let pbits = 1 << 16;
    while (pbits < this.size * 8) pbits <<= 1;
    const pb = new Int32Array(pbits >>> 5);
    const text = this.text;
    for (let i = 0; i < this.size; i++) {
      const from = this.start[i] as number;
      const to = (this.start[i + 1] as number) - 1;
      const sp = text.indexOf(' ', from);
      if (sp === -1 || sp >= to) continue;
      const sp2 = text.indexOf(' ', sp + 1);
      const b = hashRange(text, from, sp2 === -1 || sp2 > to ? to : sp2) & (pbits - 1);
      pb[b >>> 5] = (pb[b >>> 5] as number) | (1 << (b & 31));
    }
    this.pairBits = pb;
    this.pairBitsMask = pbits - 1;
  }

  /** Key number of the key text from `from` to `to`, or -1. */
  private slotOfRange(from: number, to: number): number {
    let h = hashRange(this.text, from, to) & this.mask;
    for (;;) {
      const s = this.table[h] as number;
      if (s === 0) return -1;
      if (sameRanges(this.text, this.start[s - 1] as number, (this.start[s] as number) - 1, from, to)) return s - 1;
      h = (h + 1) & this.mask;
    }
  }

  /** The most words of a key starting with this word; undefined when no key starts with it. */
  firstToken(word: string): number | undefined {
    const v = this.headOf(word, wordHash(word));
    return v === 0 ? undefined : v & 255;
  }

  /** For a first word of some key, given its hash (wordHash): the most words of a key starting with it (v & 255)
   * and the key number of the word itself as a key, + 1 (v >>> 8; 0 when it is none). 0 for any other word. */
  headOf(word: string, hash: number): number {
    if (!this.heads) this.buildHeads();
    const b = hash & this.headBitsMask;
    if ((((this.headBits as Int32Array)[b >>> 5] as number) & (1 << (b & 31))) === 0) return 0;
    // a few words (ان، علي، الي …) are most of the look-ups: a small direct-mapped cache by hash answers them, mostly
    // by comparing a string with itself (the tokenizer shares one string per word)
    const c = (hash >>> 7) & HEAD_CACHE_MASK;
    if (this.cacheWord[c] === word) return this.cacheHead[c] as number;
    const v = (this.heads as Map<string, number>).get(word) ?? 0;
    this.cacheWord[c] = word;
    this.cacheHead[c] = v;
    return v;
  }

  /** headOf's cache: word and answer by slot. */
  private readonly cacheWord: string[] = new Array(HEAD_CACHE_MASK + 1).fill('');
  private readonly cacheHead = new Int32Array(HEAD_CACHE_MASK + 1);

  /** False when no key starts with the two words whose joined hash this is (extendHash of the first word's hash);
   * true may be a false alarm. Call after headOf (which builds the table). */
  mayPair(hash: number): boolean {
    const b = hash & this.pairBitsMask;
    return (((this.pairBits as Int32Array)[b >>> 5] as number) & (1 << (b & 31))) !== 0;
  }
}
