// Reads one number phrase at a token: digits (any script, with separators), number words (1 … millions,
// masculine/feminine, compounds joined by و), approximations (نحو، أكثر من … على الأقل) and vague
// quantifiers (عشرات = 12, عدة = 3, مئات = 100). Returns null when nothing credible starts there.
import type { Token } from '../text/tokenize.ts';
import type { NumberWord, Quantifier, QuantityLexicon } from './lexicon.ts';

export interface NumberPhrase {
  /** best reading */
  value: number;
  low: number;
  high: number;
  /** first and last+1 token index of the whole phrase (quantifiers included) */
  from: number;
  to: number;
  /** how the number was written */
  form: 'digits' | 'words' | 'vague';
  /** the quantifier that qualified it, if any */
  qualifier?: 'approx' | 'atleast' | 'atmost';
}

/** Digits longer than this are not counts (phone numbers, ids): no value is invented from them. */
const MAX_DIGITS = 12;

/** Proclitics that may be glued to a number (الـ24، و3، بـ5). */
const GLUE_BEFORE = new Set(['ال', 'و', 'ب', 'ل', 'ف', 'لل', 'بال', 'وال', 'وب', 'ول', 'فال', 'وبال', 'ك']);

/** Value of a digit token ("1,200", "1.5", "27"); null when it is not a plain number. */
export function digitValue(text: string): number | null {
  if (!/^\d+(?:[.,]\d+)*$/.test(text)) return null;
  const digitsOnly = text.replace(/[.,]/g, '');
  if (digitsOnly.length > MAX_DIGITS) return null;
  const groups = text.split(/[.,]/);
  if (groups.length === 1) return Number(text);
  const seps = text.match(/[.,]/g) ?? [];
  const tail = groups.slice(1);
  const thousandsShape = (groups[0] as string).length <= 3 && tail.every((g) => g.length === 3);
  if (seps.every((s) => s === ',') && thousandsShape) return Number(digitsOnly);
  if (seps.every((s) => s === '.') && thousandsShape && groups.length > 2) return Number(digitsOnly);
  if (groups.length === 2) {
    // 1.5 / 2,5: a decimal; 1.200 is read as a decimal here and as thousands by the caller when it counts people
    return Number(`${groups[0]}.${groups[1]}`);
  }
  return null;
}

/** The number-word readings of a token, via its clitic forms. `conj` = reached through a leading و. */
function wordReadings(tok: Token | undefined, lex: QuantityLexicon, allowPrefix: boolean): { words: NumberWord[]; conj: boolean } | null {
  if (tok?.kind !== 'ar') return null;
  for (let k = 0; k < tok.forms.length; k++) {
    const prefix = tok.prefixes[k] ?? '';
    const conj = prefix === 'و' || prefix === 'وال';
    if (!allowPrefix && prefix !== '' && !conj) continue;
    const words = lex.numberWords.get(tok.forms[k] as string);
    if (words) {
      const cardinal = words.filter((w) => !w.kind.startsWith('ordinal'));
      if (cardinal.length) return { words: cardinal, conj };
    }
  }
  return null;
}

const pick = (ws: NumberWord[], ...kinds: string[]): NumberWord | undefined => ws.find((w) => kinds.includes(w.kind));

/** Cardinal number words from token i: value and end (exclusive), or null. */
export function parseNumberWords(tokens: readonly Token[], i: number, lex: QuantityLexicon): { value: number; to: number } | null {
  const first = wordReadings(tokens[i], lex, true);
  if (!first) return null;
  let total = 0; // thousands and millions already closed
  let group = 0; // below a thousand
  let hasUnit = false;
  let hasTens = false;
  let hasHundreds = false;
  let pendingUnit: NumberWord | null = null; // the last term, when a unit that may take عشر/مئة
  let j = i;
  let terms = 0;
  while (j < tokens.length) {
    const r = terms === 0 ? first : wordReadings(tokens[j], lex, false);
    if (!r) break;
    const conj = terms > 0 && r.conj;
    const ws = r.words;
    let ok = false;
    if (terms === 0) {
      const w = pick(ws, 'unit', 'ten', 'tens', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'teen-head');
      if (w) {
        ok = true;
        if (w.kind === 'unit' || w.kind === 'teen-head' || w.kind === 'ten') {
          group = w.value;
          hasUnit = true;
          pendingUnit = w;
        } else if (w.kind === 'tens') {
          group = w.value;
          hasTens = true;
        } else if (w.kind === 'hundred' || w.kind === 'hundreds') {
          group = w.value;
          hasHundreds = true;
        } else if (w.kind === 'thousand' || (w.kind === 'thousands' && w.value !== 1000)) total = w.value;
        else if (w.kind === 'million') total = w.value;
        else ok = false; // آلاف alone is a vague quantifier, handled by the caller
      }
    } else if (!conj) {
      const ten = pick(ws, 'ten');
      const hundred = pick(ws, 'hundred');
      const mult = pick(ws, 'thousand', 'thousands', 'million');
      if (ten && pendingUnit && group < 10) {
        group += 10;
        hasTens = true;
        pendingUnit = null;
        ok = true;
      } else if (hundred && pendingUnit && pendingUnit.kind === 'unit' && group < 10) {
        group *= 100;
        hasHundreds = true;
        hasUnit = false;
        pendingUnit = null;
        ok = true;
      } else if (mult && (group > 0 || total > 0) && !(mult.kind === 'thousands' && mult.value !== 1000)) {
        const m = mult.kind === 'million' ? 1_000_000 : 1000;
        total = (total + group) * m;
        group = 0;
        hasUnit = hasTens = hasHundreds = false;
        pendingUnit = null;
        ok = true;
      }
    } else {
      const unit = pick(ws, 'unit', 'ten');
      const teenHead = pick(ws, 'teen-head');
      const tens = pick(ws, 'tens');
      const hund = pick(ws, 'hundred', 'hundreds');
      if (tens && !hasTens && (hasUnit ? group % 100 < 10 : group % 100 === 0)) {
        group += tens.value;
        hasTens = true;
        pendingUnit = null;
        ok = true;
      } else if ((unit || teenHead) && !hasUnit && !hasTens && (group > 0 || total > 0)) {
        const w = (unit ?? teenHead) as NumberWord;
        group += w.value;
        hasUnit = true;
        pendingUnit = w;
        ok = true;
      } else if (hund && group === 0 && total > 0) {
        group = hund.value;
        hasHundreds = true;
        pendingUnit = null;
        ok = true;
      }
    }
    if (!ok) break;
    terms++;
    j++;
  }
  if (terms === 0) return null;
  // a teen head (أحد، اثنا) must have been closed by عشر
  const firstWord = first.words[0] as NumberWord;
  if (terms === 1 && firstWord.kind === 'teen-head' && !pick(first.words, 'unit')) return null;
  const value = total + group;
  return value > 0 ? { value, to: j } : null;
}

/** True when a digit token is glued to letters in a way that makes it no plain number (A320، ب52، 4ج). An Arabic
 * word of three letters or more right after the digits is a missing space (قتل 14جنديا). */
function gluedBadly(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && prev.end === t.start && (prev.kind === 'latin' || prev.kind === 'num')) return true;
  if (prev && prev.end === t.start && prev.kind === 'ar' && !GLUE_BEFORE.has(prev.text)) return true;
  if (next && next.start === t.end && (next.kind === 'ar' || next.kind === 'latin' || next.kind === 'num')) {
    // 1436هـ / 2015م are year marks
    return !(next.kind === 'ar' && (next.text === 'ه' || next.text === 'م' || next.text.length >= 3));
  }
  return false;
}

function multiplierAt(tokens: readonly Token[], j: number, lex: QuantityLexicon): number {
  const r = wordReadings(tokens[j], lex, false);
  if (!r || r.conj) return 1;
  const m = pick(r.words, 'thousand', 'thousands', 'million');
  if (!m) return 1;
  if (m.kind === 'million') return 1_000_000;
  if (m.kind === 'thousands' && m.value !== 1000) return 1;
  return 1000;
}

/**
 * Parse a number phrase starting at token i: `[quantifier] (digits [ألف|مليون] | number words | vague)
 * [على الأقل|تقريبا]`. Returns value/low/high and the token range, or null.
 */
export function parseNumberAt(tokens: readonly Token[], i: number, lex: QuantityLexicon): NumberPhrase | null {
  if (i < 0 || i >= tokens.length) return null;
  let j = i;
  let qual: Quantifier | null = null;
  const qm = lex.quantBefore.matchAt(tokens, i);
  if (qm) {
    const vague = qm.values.find((q) => q.kind === 'vague');
    if (vague) {
      // a vague quantifier is a number in itself; the next word may still multiply it (عشرات الآلاف)
      let value = vague.value ?? 0;
      let to = qm.to;
      const mm = lex.quantAfter.matchAt(tokens, to);
      const mult = mm?.values.find((q) => q.kind === 'vague-multiplier');
      if (mm && mult?.value) {
        value *= mult.value;
        to = mm.to;
      }
      // a real number right after a vague word is read instead (عدة 5؟ no; but "نحو" is not vague)
      return { value, low: value, high: value, from: i, to, form: 'vague' };
    }
    qual = qm.values[0] ?? null;
    j = qm.to;
  }
  const t = tokens[j];
  if (!t) return null;
  let value: number | null = null;
  let to = j;
  let form: NumberPhrase['form'] = 'words';
  if (t.kind === 'num') {
    if (gluedBadly(tokens, j)) return null;
    value = digitValue(t.text);
    if (value === null) return null;
    to = j + 1;
    form = 'digits';
    const m = multiplierAt(tokens, to, lex);
    if (m > 1) {
      value *= m;
      to++;
    } else if (/^\d{1,3}\.\d{3}$/.test(t.text)) value = Number(t.text.replace('.', ''));
  } else {
    const w = parseNumberWords(tokens, j, lex);
    if (!w) return null;
    value = w.value;
    to = w.to;
  }
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) return null;
  if (!qual) {
    const am = lex.quantAfter.matchAt(tokens, to);
    const after = am?.values.find((q) => q.kind === 'approx' || q.kind === 'atleast' || q.kind === 'atmost');
    if (am && after) {
      qual = after;
      to = am.to;
    }
  }
  const out: NumberPhrase = {
    value,
    low: value,
    high: value,
    from: i,
    to,
    form,
  };
  if (qual && (qual.kind === 'approx' || qual.kind === 'atleast' || qual.kind === 'atmost')) {
    out.qualifier = qual.kind;
    if (qual.kind === 'atmost') out.low = 0;
  }
  return out;
}
