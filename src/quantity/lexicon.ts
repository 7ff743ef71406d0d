// Loads the quantity resources: number words, quantifiers (نحو، أكثر من، عشرات …) and casualty vocabulary.
// All words come from data/lexicon/*.tsv; this file only shapes them for look-up.
import { lexiconPath, loadTsv, splitList } from '../lexicon/tsv.ts';
import { normKey } from '../text/normalize.ts';
import { PhraseIndex } from '../text/phrase-index.ts';

export type NumberWordKind =
  | 'unit'
  | 'teen-head'
  | 'ten'
  | 'tens'
  | 'hundred'
  | 'hundreds'
  | 'thousand'
  | 'thousands'
  | 'million'
  | 'ordinal'
  | 'ordinal-ten'
  | 'ordinal-tens';

export interface NumberWord {
  value: number;
  kind: NumberWordKind;
}

export type QuantifierKind = 'approx' | 'atleast' | 'atmost' | 'vague' | 'vague-multiplier';

export interface Quantifier {
  kind: QuantifierKind;
  /** the number a vague quantifier stands for (عشرات = 12), or the multiplier */
  value: number | null;
}

export type CasualtyWordType =
  | 'trigger'
  | 'neutral'
  | 'victim'
  | 'person'
  | 'verb-after'
  | 'zero-noun'
  | 'neg'
  | 'zero-link'
  | 'cumulative'
  | 'cumulative-not'
  | 'span-over'
  | 'span-long'
  | 'subset'
  | 'not-count-after'
  | 'not-count-before'
  | 'mixed-cue'
  | 'continue'
  | 'plural-victims'
  | 'one-of';

export interface CasualtyWord {
  type: CasualtyWordType;
  role: string | null;
  /** 1 or 2 when the word itself counts (قتيل، قتيلين) */
  count: number | null;
  civilian: boolean;
}

export interface QuantityLexicon {
  /** normalised form → number-word readings */
  numberWords: Map<string, NumberWord[]>;
  /** quantifiers written before a number (نحو، أكثر من، عشرات …) */
  quantBefore: PhraseIndex<Quantifier>;
  /** quantifiers written after it (على الأقل، تقريبا، الآلاف in عشرات الآلاف) */
  quantAfter: PhraseIndex<Quantifier>;
  /** normalised form → casualty-word readings */
  casualty: Map<string, CasualtyWord[]>;
  /** month names (months.tsv, hijri-months.tsv): a number before one is a date, not a count */
  monthWords: Set<string>;
  /** weekday names (weekdays.tsv): الاثنين is Monday before it is "the two" */
  weekdayWords: Set<string>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

const NUMBER_KINDS = new Set<string>([
  'unit',
  'teen-head',
  'ten',
  'tens',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'ordinal',
  'ordinal-ten',
  'ordinal-tens',
]);
const QUANT_KINDS = new Set<string>(['approx', 'atleast', 'atmost', 'vague', 'vague-multiplier']);
const CASUALTY_TYPES = new Set<string>([
  'trigger',
  'neutral',
  'victim',
  'person',
  'verb-after',
  'zero-noun',
  'neg',
  'zero-link',
  'cumulative',
  'cumulative-not',
  'span-over',
  'span-long',
  'subset',
  'not-count-after',
  'not-count-before',
  'mixed-cue',
  'continue',
  'plural-victims',
  'one-of',
]);

/** Load the shipped quantity lexicon from data/lexicon (number-words, quantifiers, casualty-words, months). */
export function loadQuantityLexicon(dir?: (name: string) => string): QuantityLexicon {
  const path = dir ?? lexiconPath;
  const numberWords = new Map<string, NumberWord[]>();
  const nw = loadTsv(path('number-words.tsv'), ['form', 'value', 'kind']);
  for (const { line, cells } of nw.rows) {
    const value = Number(cells.value);
    if (!Number.isFinite(value) || !NUMBER_KINDS.has(cells.kind as string)) {
      throw new Error(`${nw.file}:${line}: bad value or kind (${cells.value}, ${cells.kind})`);
    }
    push(numberWords, normKey(cells.form as string), {
      value,
      kind: cells.kind as NumberWordKind,
    });
  }

  const quantBefore = new PhraseIndex<Quantifier>();
  const quantAfter = new PhraseIndex<Quantifier>();
  const qt = loadTsv(path('quantifiers.tsv'), ['phrase', 'kind', 'position']);
  for (const { line, cells } of qt.rows) {
    if (!QUANT_KINDS.has(cells.kind as string)) throw new Error(`${qt.file}:${line}: unknown kind ${cells.kind}`);
    const q: Quantifier = {
      kind: cells.kind as QuantifierKind,
      value: cells.value ? Number(cells.value) : null,
    };
    (cells.position === 'after' ? quantAfter : quantBefore).add(cells.phrase as string, q);
  }

  const casualty = new Map<string, CasualtyWord[]>();
  const cw = loadTsv(path('casualty-words.tsv'), ['form', 'type']);
  for (const { line, cells } of cw.rows) {
    if (!CASUALTY_TYPES.has(cells.type as string)) throw new Error(`${cw.file}:${line}: unknown type ${cells.type}`);
    push(casualty, normKey(cells.form as string), {
      type: cells.type as CasualtyWordType,
      role: cells.role || null,
      count: cells.count ? Number(cells.count) : null,
      civilian: cells.civilian === '1',
    });
  }

  const monthWords = new Set<string>();
  for (const f of ['months.tsv', 'hijri-months.tsv']) {
    for (const { cells } of loadTsv(path(f), ['month', 'forms']).rows) {
      for (const form of splitList(cells.forms)) monthWords.add(normKey(form).split(' ')[0] as string);
    }
  }
  const weekdayWords = new Set<string>();
  for (const { cells } of loadTsv(path('weekdays.tsv'), ['weekday', 'forms']).rows) {
    for (const form of splitList(cells.forms)) weekdayWords.add(normKey(form));
  }
  return {
    numberWords,
    quantBefore,
    quantAfter,
    casualty,
    monthWords,
    weekdayWords,
  };
}
