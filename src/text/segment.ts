// Sentences and quoted speech over normalised text.

export interface Range {
  start: number;
  end: number;
}

const SENTENCE_END = /[.!?؟؛\n]/;

/** Sentence ranges: split at . ! ? ؟ ؛ and line breaks (a '.' between digits is a decimal point). */
export function sentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  let depth = 0; // inside «…»: a full stop there does not end the outer sentence unless the quote closes it
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '«') depth++;
    else if (ch === '»') depth = Math.max(0, depth - 1);
    if (!SENTENCE_END.test(ch)) continue;
    if (ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    if (depth > 0 && ch !== '\n') continue;
    if (ch === '\n') depth = 0;
    push(out, text, start, i + 1);
    start = i + 1;
  }
  push(out, text, start, text.length);
  return out;
}

function push(out: Range[], text: string, s: number, e: number): void {
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  if (e > s) out.push({ start: s, end: e });
}

const PAIRS: Array<[string, string]> = [
  ['«', '»'],
  ['“', '”'],
  ['"', '"'],
];

/** Quoted spans (inner range, without the quote marks). Unclosed quotes end at the paragraph. */
export function quotes(text: string): Range[] {
  const out: Range[] = [];
  for (const [open, close] of PAIRS) {
    for (let i = text.indexOf(open); i !== -1; i = text.indexOf(open, i)) {
      let j = text.indexOf(close, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (j === -1 || (nl !== -1 && nl < j)) j = nl === -1 ? text.length : nl;
      out.push({ start: i + 1, end: j });
      i = j + 1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Index of the sentence holding `pos` (binary search over sorted, disjoint ranges). Outside every sentence:
 * -1, or with `orBefore` the sentence just before `pos` (0 when none).
 */
export function sentenceAt(sentences: readonly Range[], pos: number, orBefore = false): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Range;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return orBefore ? Math.max(0, lo - 1) : -1;
}
