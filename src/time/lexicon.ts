// Loads the time resources: month names (Gregorian in all regional forms, Hijri), weekdays, relative
// expressions and the not-a-date cues. Every word comes from data/lexicon/*.tsv.
import { lexiconPath, loadTsv, splitList } from '../lexicon/tsv.ts';
import { loadQuantityLexicon, type QuantityLexicon } from '../quantity/lexicon.ts';
import { normKey } from '../text/normalize.ts';
import { PhraseIndex } from '../text/phrase-index.ts';

export interface MonthEntry {
  month: number;
  system: 'gregorian' | 'hijri';
  /** a bare form that needs context (a day, a year, a modifier, شهر) to be a month */
  ambiguous: boolean;
}

export type ExprKind =
  | 'anchor'
  | 'anchor-block'
  | 'daypart'
  | 'daypart-adverb'
  | 'unit'
  | 'modifier'
  | 'this'
  | 'ago'
  | 'after'
  | 'range-start'
  | 'range-join'
  | 'year-cue'
  | 'year-cue-weak'
  | 'year-mark'
  | 'month-cue'
  | 'day-cue'
  | 'clock'
  | 'day-after';

export interface ExprEntry {
  kind: ExprKind;
  /** anchor: day offset; unit: day|week|month|year|hour; modifier: -1|0|1; year-mark: hijri|'' */
  value: string;
  /** a unit word that counts itself (يومين = 2) */
  count: number | null;
}

export interface TimeLexicon {
  months: PhraseIndex<MonthEntry>;
  /** weekday names with the article (الثلاثاء) */
  weekdays: PhraseIndex<number>;
  /** bare weekday names (ثلاثاء), only after يوم */
  weekdaysBare: PhraseIndex<number>;
  /** one phrase index per expression kind */
  expr: Map<ExprKind, PhraseIndex<ExprEntry>>;
  notDates: { before: Set<string>; name: Set<string>; after: Set<string> };
  quantity: QuantityLexicon;
}

const EXPR_KINDS = new Set<string>([
  'anchor',
  'anchor-block',
  'clock',
  'day-after',
  'daypart',
  'daypart-adverb',
  'unit',
  'modifier',
  'this',
  'ago',
  'after',
  'range-start',
  'range-join',
  'year-cue',
  'year-cue-weak',
  'year-mark',
  'month-cue',
  'day-cue',
]);

/** Load the shipped time lexicon (and the quantity lexicon it uses for "منذ ثلاثة أيام"). */
export function loadTimeLexicon(dir?: (name: string) => string, quantity?: QuantityLexicon): TimeLexicon {
  const path = dir ?? lexiconPath;
  const months = new PhraseIndex<MonthEntry>();
  const g = loadTsv(path('months.tsv'), ['month', 'forms']);
  for (const { line, cells } of g.rows) {
    const month = Number(cells.month);
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`${g.file}:${line}: bad month ${cells.month}`);
    const e: MonthEntry = {
      month,
      system: 'gregorian',
      ambiguous: cells.ambiguous === '1',
    };
    for (const f of splitList(cells.forms)) months.add(f, e);
  }
  const h = loadTsv(path('hijri-months.tsv'), ['month', 'forms']);
  for (const { line, cells } of h.rows) {
    const month = Number(cells.month);
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`${h.file}:${line}: bad month ${cells.month}`);
    const e: MonthEntry = { month, system: 'hijri', ambiguous: true };
    for (const f of splitList(cells.forms)) months.add(f, e);
  }
  const weekdays = new PhraseIndex<number>();
  const weekdaysBare = new PhraseIndex<number>();
  const w = loadTsv(path('weekdays.tsv'), ['weekday', 'forms']);
  for (const { line, cells } of w.rows) {
    const wd = Number(cells.weekday);
    if (!Number.isInteger(wd) || wd < 0 || wd > 6) throw new Error(`${w.file}:${line}: bad weekday ${cells.weekday}`);
    for (const f of splitList(cells.forms)) weekdays.add(f, wd);
    for (const f of splitList(cells.bare)) weekdaysBare.add(f, wd);
  }
  const expr = new Map<ExprKind, PhraseIndex<ExprEntry>>();
  const t = loadTsv(path('time-expressions.tsv'), ['phrase', 'kind']);
  for (const { line, cells } of t.rows) {
    if (!EXPR_KINDS.has(cells.kind as string)) throw new Error(`${t.file}:${line}: unknown kind ${cells.kind}`);
    const kind = cells.kind as ExprKind;
    let idx = expr.get(kind);
    if (!idx) {
      idx = new PhraseIndex<ExprEntry>();
      expr.set(kind, idx);
    }
    idx.add(cells.phrase as string, {
      kind,
      value: cells.value ?? '',
      count: cells.count ? Number(cells.count) : null,
    });
  }
  const notDates = {
    before: new Set<string>(),
    name: new Set<string>(),
    after: new Set<string>(),
  };
  const nd = loadTsv(path('not-dates.tsv'), ['phrase', 'kind']);
  for (const { line, cells } of nd.rows) {
    const set = notDates[cells.kind as keyof typeof notDates];
    if (!set) throw new Error(`${nd.file}:${line}: unknown kind ${cells.kind}`);
    set.add(normKey(cells.phrase as string));
  }
  return {
    months,
    weekdays,
    weekdaysBare,
    expr,
    notDates,
    quantity: quantity ?? loadQuantityLexicon(dir),
  };
}
