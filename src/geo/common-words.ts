// Common words that are also place names, found from an unlabelled corpus: a single-word gazetteer name that is
// frequent in running text but seldom stands in a place slot (after a free preposition such as في، من، إلى or a
// place cue such as مدينة، قرية) is mostly a common word (ليل "night", سيول "floods", كابل "cable"). The list is
// written by `npm run build:gazetteer -- --common-words` to data/gazetteer/common-words.tsv and read by the
// lexicon like the hand-written stop-list (allowed after a free preposition or a cue).
import type { Token } from '../text/tokenize.ts';
import type { Gazetteer } from './gazetteer.ts';
import { freePrepBefore, matchAt } from './match.ts';

export interface SlotStats {
  total: number;
  slot: number;
}

/** Counts, per single-word gazetteer name, its occurrences and those in a place slot. */
export function placeSlotStats(
  docs: Iterable<readonly Token[]>,
  gaz: Gazetteer,
  stats = new Map<string, SlotStats>(),
): Map<string, SlotStats> {
  for (const tokens of docs) {
    const cueEnds = new Set<number>();
    for (const c of gaz.lex.cues.findAll(tokens)) if (c.values[0]?.feature !== 'idiom') cueEnds.add(c.to);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.kind !== 'ar') continue;
      const m = matchAt(tokens, i, gaz);
      if (!m || m.to !== i + 1 || orgContext(tokens, i, gaz)) continue;
      let s = stats.get(m.key);
      if (!s) {
        s = { total: 0, slot: 0 };
        stats.set(m.key, s);
      }
      s.total++;
      if (cueEnds.has(i) || freePrepBefore(tokens, i)) s.slot++;
    }
  }
  return stats;
}

/** The name is read as an organisation's by the matcher's own rules (ريال مدريد، صحيفة الخليج، مانشستر يونايتد):
 * such uses say nothing of whether the bare word is a common word. */
function orgContext(tokens: readonly Token[], i: number, gaz: Gazetteer): boolean {
  const lex = gaz.lex;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev?.kind === 'ar' && prev.forms.some((f) => lex.orgBefore.has(f) || lex.orgNames.has(f))) return true;
  return next?.kind === 'ar' && lex.orgAfter.has(next.text);
}

/** Names seen at least `minTotal` times of which at most `maxSlotShare` were in a place slot; countries and
 * first-level units are never listed. */
export function commonWords(
  stats: Map<string, SlotStats>,
  gaz: Gazetteer,
  minTotal = 12,
  maxSlotShare = 0.12,
): Array<{ word: string; total: number; slot: number }> {
  const out: Array<{ word: string; total: number; slot: number }> = [];
  for (const [word, s] of stats) {
    if (s.total < minTotal || s.slot / s.total > maxSlotShare) continue;
    const ids = gaz.index.get(word);
    let unit = false;
    if (ids) for (const c of ids) if ((c & 1) === 0 && ['country', 'admin1'].includes(gaz.entry(c >> 1).feature)) unit = true;
    if (!unit) out.push({ word, total: s.total, slot: s.slot });
  }
  return out.sort((a, b) => b.total - a.total || (a.word < b.word ? -1 : 1));
}

/** The word without a conjunction or the clitic prepositions ب ل (وبالمدينة → المدينة). */
export function wordForm(t: Token): string {
  let f = t.text;
  for (let k = 1; k < t.forms.length; k++) {
    const p = t.prefixes[k];
    if (p === 'و' || p === 'ف' || p === 'ب' || p === 'ل' || p === 'وب' || p === 'ول' || p === 'فب' || p === 'فل') f = t.forms[k] as string;
  }
  return f;
}

/** Counts of Arabic words (conjunction and ب ل stripped) over a corpus. */
export function wordCounts(docs: Iterable<readonly Token[]>, counts = new Map<string, number>()): Map<string, number> {
  for (const tokens of docs) {
    for (const t of tokens) {
      if (t.kind !== 'ar') continue;
      const f = wordForm(t);
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
  }
  return counts;
}

/** Words frequent enough in running news text to be ordinary words: not taken as unknown place names after a cue
 * (منطقة اليورو، معسكر الفريق). Gazetteer names are left to `commonWords`. */
export function frequentWords(counts: Map<string, number>, gaz: Gazetteer, min = 300): Array<{ word: string; count: number }> {
  const out: Array<{ word: string; count: number }> = [];
  for (const [word, count] of counts) if (count >= min && word.length >= 3 && !gaz.index.has(word)) out.push({ word, count });
  return out.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
}
