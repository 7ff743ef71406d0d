// Clauses: sentences cut at commas, semicolons and clause-opening cue phrases (فيما، بينما، كما …).
import type { Range } from '../text/segment.ts';
import type { Token } from '../text/tokenize.ts';
import type { CueMention } from './lexicon.ts';

export interface Clause extends Range {
  index: number;
  sentence: number;
  /** token index range [from, to) */
  from: number;
  to: number;
}

export function clauses(tokens: readonly Token[], sentences: readonly Range[], cues: readonly CueMention[]): Clause[] {
  const cuts = new Set<number>();
  // where each clause cue ends → where it starts
  const cueEnds = new Map<number, number>();
  for (const c of cues)
    if (c.kind === 'clause') {
      cuts.add(c.from);
      cueEnds.set(c.to, c.from);
    }
  for (const t of tokens) {
    if (t.kind !== 'punct' || !/[،,؛;:]/.test(t.text)) continue;
    // "من جهتها، شنت …": a comma right after an opening cue does not close a clause of its own
    const from = cueEnds.get(t.i);
    if (!(from !== undefined && cuts.has(from))) cuts.add(t.i + 1);
  }
  const out: Clause[] = [];
  let ti = 0;
  sentences.forEach((s, si) => {
    while (ti < tokens.length && (tokens[ti] as Token).end <= s.start) ti++;
    let from = ti;
    let j = ti;
    const close = (to: number) => {
      // drop clauses that are only punctuation
      const real = tokens.slice(from, to).filter((t) => t.kind !== 'punct');
      if (real.length) {
        const first = real[0] as Token;
        const last = real[real.length - 1] as Token;
        out.push({ index: out.length, sentence: si, from, to, start: first.start, end: last.end });
      }
      from = to;
    };
    for (; j < tokens.length && (tokens[j] as Token).start < s.end; j++) {
      if (j > from && cuts.has(j)) close(j);
    }
    close(j);
    ti = j;
  });
  return out;
}
