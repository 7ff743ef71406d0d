// Date expressions in a document, resolved against the publication date the way ACLED codes them:
// precision 1 = the day, 2 = a week (its midpoint), 3 = a month (its 15th; a bare year too, yearOnly).
// The publication date is the only anchor; the clock is never read. Without it relative dates are doubts.
import type { DateMention } from '../pipeline/doc.ts';
import { parseNumberAt } from '../quantity/parse-number.ts';
import type { NormText } from '../text/normalize.ts';
import { rawSpan } from '../text/normalize.ts';
import type { PhraseMatch } from '../text/phrase-index.ts';
import type { Token } from '../text/tokenize.ts';
import type { Doubt } from '../types.ts';
import { addDays, addMonths, compare, hijriOf, hijriToGregorian, isoOf, isValidYmd, parseIso, weekdayOf, type Ymd } from './calendar.ts';
import type { ExprEntry, ExprKind, MonthEntry, TimeLexicon } from './lexicon.ts';

/** A date mention; ranges also carry their last day. */
export interface FoundDate extends DateMention {
  /** last day of a range (بين 10 و15 مايو) */
  until?: string | null;
}

/** Years accepted without publication date. */
const MAX_YEAR_NO_PUB = 2100;
const MIN_YEAR = 1000;

interface Ctx {
  tokens: readonly Token[];
  norm: NormText;
  pub: Ymd | null;
  lex: TimeLexicon;
}

interface Hit {
  from: number;
  to: number;
  date: Ymd | null;
  precision: 1 | 2 | 3;
  kind: string;
  yearOnly?: boolean;
  until?: Ymd | null;
  doubt?: { code: string; message: string };
}

const tokAt = (c: Ctx, i: number): Token | undefined => c.tokens[i];
const hasForm = (t: Token | undefined, set: Set<string>): boolean => !!t && t.forms.some((f) => set.has(f));

function exprAt(c: Ctx, i: number, kind: ExprKind): PhraseMatch<ExprEntry> | null {
  const idx = c.lex.expr.get(kind);
  return idx ? idx.matchAt(c.tokens as Token[], i) : null;
}

/** Exact (no clitic) expression match: for short words like و، في، م. */
function exprExact(c: Ctx, i: number, kind: ExprKind): PhraseMatch<ExprEntry> | null {
  const m = exprAt(c, i, kind);
  return m && m.prefix === '' ? m : null;
}

const noPub = (): Hit['doubt'] => ({
  code: 'date_relative_without_publication',
  message: 'relative date without a publication date',
});
const invalid = (what: string): Hit['doubt'] => ({
  code: 'date_invalid',
  message: `impossible date: ${what}`,
});

/** Digits of a plain number token (not glued to letters other than a leading ال/و/ب). */
function intAt(c: Ctx, i: number, maxLen: number): number | null {
  const t = tokAt(c, i);
  if (t?.kind !== 'num' || !/^\d+$/.test(t.text) || t.text.length > maxLen) return null;
  const next = tokAt(c, i + 1);
  if (next && next.start === t.end && next.kind !== 'punct' && !(next.kind === 'ar' && /^[مه]$/.test(next.text))) return null;
  const prev = tokAt(c, i - 1);
  if (prev && prev.end === t.start && (prev.kind === 'latin' || prev.kind === 'num')) return null;
  if (prev && prev.end === t.start && prev.kind === 'ar' && !/^(ال|و|ب|ل|في|وال|بال|لل)$/.test(prev.text)) return null;
  return Number(t.text);
}

/** A day of the month at i: digits 1..2 long, or an ordinal (السابع، الحادي والعشرين). */
function dayAt(c: Ctx, i: number): { day: number; to: number } | null {
  const n = intAt(c, i, 2);
  if (n !== null) return { day: n, to: i + 1 };
  return ordinalAt(c, i);
}

function ordinalAt(c: Ctx, i: number): { day: number; to: number } | null {
  const words = c.lex.quantity.numberWords;
  const read = (t: Token | undefined, conjOnly: boolean) => {
    if (t?.kind !== 'ar') return null;
    for (let k = 0; k < t.forms.length; k++) {
      const p = t.prefixes[k] ?? '';
      if (conjOnly ? p !== 'و' : p !== '' && p !== 'و') continue;
      const ws = words.get(t.forms[k] as string)?.filter((w) => w.kind.startsWith('ordinal'));
      if (ws?.length) return ws;
    }
    return null;
  };
  const first = read(tokAt(c, i), false);
  if (!first) return null;
  const unit = first.find((w) => w.kind === 'ordinal');
  const ten = first.find((w) => w.kind === 'ordinal-ten');
  const tens = first.find((w) => w.kind === 'ordinal-tens');
  if (unit) {
    const nx = tokAt(c, i + 1);
    if (nx && /^عشر[ه]?$/.test(nx.text)) return { day: unit.value + 10, to: i + 2 };
    const t2 = read(nx, true)?.find((w) => w.kind === 'ordinal-tens');
    if (t2) return { day: unit.value + t2.value, to: i + 2 };
    return { day: unit.value, to: i + 1 };
  }
  if (ten) return { day: 10, to: i + 1 };
  if (tens) return { day: tens.value, to: i + 1 };
  return null;
}

/** A month name at i, with a combined second form (فبراير/شباط، شباط (فبراير)). */
function monthAt(c: Ctx, i: number): { e: MonthEntry; to: number; combined: boolean } | null {
  const m = c.lex.months.matchAt(c.tokens as Token[], i);
  if (!m) return null;
  if (m.prefix && !/^(و|ب|ل|ف|وب|ول)?$/.test(m.prefix)) return null;
  const e = m.values[0] as MonthEntry;
  let to = m.to;
  let combined = false;
  const sep = tokAt(c, to);
  if (sep && sep.kind === 'punct' && /[/(-]/.test(sep.text)) {
    const m2 = c.lex.months.matchAt(c.tokens as Token[], to + 1);
    const e2 = m2?.values.find((v) => v.month === e.month && v.system === e.system);
    if (m2 && e2) {
      to = m2.to;
      combined = true;
      if (tokAt(c, to)?.text === ')') to++;
    }
  }
  return { e: combined ? { ...e, ambiguous: false } : e, to, combined };
}

/** A year after a month or a cue: [عام|سنة] 2015 [م|هـ]. */
function yearAt(c: Ctx, i: number): { year: number; hijri: boolean; to: number } | null {
  let j = i;
  const cue = exprAt(c, j, 'year-cue');
  if (cue) j = cue.to;
  const y = intAt(c, j, 4);
  if (y === null || String(y).length < 3) return null;
  if (!cue && String(y).length < 4) return null;
  let to = j + 1;
  let hijri = false;
  const mark = exprExact(c, to, 'year-mark');
  if (mark) {
    hijri = mark.values.some((v) => v.value === 'hijri');
    to = mark.to;
  }
  if (hasForm(tokAt(c, to), c.lex.notDates.after)) return null;
  return { year: y, hijri, to };
}

const modifierAt = (c: Ctx, i: number): { value: number; to: number } | null => {
  const m = exprAt(c, i, 'modifier');
  return m ? { value: Number(m.values[0]?.value ?? 0), to: m.to } : null;
};

function maxYear(c: Ctx): number {
  return c.pub ? c.pub.y + 1 : MAX_YEAR_NO_PUB;
}

/** Gregorian year for a day/month without a year: the most recent past one, or per الماضي/الجاري/المقبل. */
function pickYear(c: Ctx, m: number, d: number | null, mod: number | null): number | null {
  const p = c.pub;
  if (!p) return null;
  if (mod === -1) return m < p.m ? p.y : p.y - 1;
  if (mod === 0) return p.y;
  if (mod === 1) return m > p.m ? p.y : p.y + 1;
  const dd = d ?? 1;
  return m < p.m || (m === p.m && dd <= p.d) ? p.y : p.y - 1;
}

/** The same for a Hijri month: compare with the publication date's Hijri month. */
function pickHijriYear(c: Ctx, m: number, d: number | null, mod: number | null): number | null {
  const hp = c.pub ? hijriOf(c.pub) : null;
  if (!hp) return null;
  if (mod === -1) return m < hp.m ? hp.y : hp.y - 1;
  if (mod === 0) return hp.y;
  if (mod === 1) return m > hp.m ? hp.y : hp.y + 1;
  const dd = d ?? 1;
  return m < hp.m || (m === hp.m && dd <= hp.d) ? hp.y : hp.y - 1;
}

/** Resolve day (or null = the month) + month + optional year into a hit. */
function resolveDayMonth(
  c: Ctx,
  from: number,
  to: number,
  day: number | null,
  e: MonthEntry,
  year: { year: number; hijri: boolean } | null,
  mod: number | null,
  until: number | null,
): Hit {
  const precision: 1 | 3 = day === null ? 3 : 1;
  const kind = e.system === 'hijri' ? 'hijri' : day === null ? 'month' : until !== null ? 'range' : 'absolute';
  const base: Hit = {
    from,
    to,
    date: null,
    precision: until !== null ? rangePrecision(day, until) : precision,
    kind,
  };
  if (e.system === 'hijri') {
    const hy = year ? year.year : pickHijriYear(c, e.month, day, mod);
    if (hy === null) return { ...base, doubt: noPub() };
    const g = hijriToGregorian(hy, e.month, day ?? 15);
    if (!g) return { ...base, doubt: invalid(`${day ?? ''} ${e.month}/${hy} AH`) };
    if (g.y > maxYear(c)) return { ...base, doubt: invalid(`Hijri year ${hy} is in the future`) };
    const end = until !== null ? hijriToGregorian(hy, e.month, until) : null;
    return { ...base, date: g, until: end };
  }
  let y: number | null;
  if (year) {
    if (year.hijri)
      return {
        ...base,
        doubt: invalid(`Gregorian month with a Hijri year ${year.year}`),
      };
    y = year.year;
    if (y > maxYear(c) || y < MIN_YEAR) return { ...base, doubt: invalid(`year ${y}`) };
  } else {
    y = pickYear(c, e.month, day, mod);
    if (y === null) return { ...base, doubt: noPub() };
  }
  if (day === null) return { ...base, date: { y, m: e.month, d: 15 } };
  if (!isValidYmd(y, e.month, day)) return { ...base, doubt: invalid(`${day}/${e.month}/${y}`) };
  let date: Ymd = { y, m: e.month, d: day };
  let end: Ymd | null = null;
  if (until !== null) {
    if (!isValidYmd(y, e.month, until) || until < day) return { ...base, doubt: invalid(`${day}-${until}/${e.month}/${y}`) };
    end = { y, m: e.month, d: until };
    if (base.precision === 2) date = addDays(date, Math.floor((until - day) / 2));
  }
  return { ...base, date, until: end };
}

/** A range within a month: 1 day → 1; up to a week → 2 (midpoint); longer → 3. */
function rangePrecision(day: number | null, until: number): 1 | 2 | 3 {
  if (day === null) return 3;
  const span = until - day;
  return span <= 0 ? 1 : span <= 6 ? 2 : 3;
}

/** 18/11/2015, 2015-11-18, 18.11.2015 */
function numericDate(c: Ctx, i: number): Hit | null {
  const t = tokAt(c, i);
  if (t?.kind !== 'num') return null;
  const prev = tokAt(c, i - 1);
  if (prev && prev.end === t.start && prev.kind !== 'ar') return null;
  let parts: number[] | null = null;
  let to = i + 1;
  const dotted = /^(\d{1,4})\.(\d{1,2})\.(\d{1,4})$/.exec(t.text);
  if (dotted) parts = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
  else if (/^\d{1,4}$/.test(t.text)) {
    const s1 = tokAt(c, i + 1);
    const n2 = tokAt(c, i + 2);
    const s2 = tokAt(c, i + 3);
    const n3 = tokAt(c, i + 4);
    const adj = (a: Token | undefined, b: Token | undefined) => !!a && !!b && a.end === b.start;
    if (
      s1 &&
      s2 &&
      n2 &&
      n3 &&
      s1.text === s2.text &&
      /^[/\-.]$/.test(s1.text) &&
      n2.kind === 'num' &&
      n3.kind === 'num' &&
      /^\d{1,2}$/.test(n2.text) &&
      /^\d{1,4}$/.test(n3.text) &&
      adj(t, s1) &&
      adj(s1, n2) &&
      adj(n2, s2) &&
      adj(s2, n3)
    ) {
      parts = [Number(t.text), Number(n2.text), Number(n3.text)];
      to = i + 5;
      const after = tokAt(c, to);
      if (after && after.start === (n3 as Token).end && after.kind !== 'punct' && !/^[مه]$/.test(after.text)) return null;
      if (
        after &&
        after.start === (n3 as Token).end &&
        after.kind === 'punct' &&
        /^[/\-.]$/.test(after.text) &&
        tokAt(c, to + 1)?.kind === 'num'
      )
        return null;
    }
  }
  if (!parts) return null;
  const raw = c.tokens
    .slice(i, to)
    .map((x) => x.text)
    .join('');
  let [a, b, y] = parts as [number, number, number];
  let d: number;
  let m: number;
  const yearFirst = String(a).length === 4 || (c.tokens[i] as Token).text.length === 4;
  if (yearFirst) {
    [y, m, d] = [a, b, y];
  } else {
    if ((c.tokens[to - 1] as Token).text.replace(/^.*\./, '').length !== 4 && String(y).length !== 4) return null;
    [d, m] = [a, b];
    if (m > 12 && d <= 12) [d, m] = [m, d];
  }
  let hijri = false;
  const mark = exprExact(c, to, 'year-mark');
  if (mark) {
    hijri = mark.values.some((v) => v.value === 'hijri');
    to = mark.to;
  }
  if (hijri || (y >= 1300 && y <= 1500)) {
    const g = hijriToGregorian(y, m, d);
    if (!g)
      return {
        from: i,
        to,
        date: null,
        precision: 1,
        kind: 'hijri',
        doubt: invalid(raw),
      };
    return { from: i, to, date: g, precision: 1, kind: 'hijri' };
  }
  if (y < MIN_YEAR || y > maxYear(c) || !isValidYmd(y, m, d)) {
    return {
      from: i,
      to,
      date: null,
      precision: 1,
      kind: 'absolute',
      doubt: invalid(raw),
    };
  }
  void a;
  void b;
  return { from: i, to, date: { y, m, d }, precision: 1, kind: 'absolute' };
}

/** Trailing year or modifier after a month: returns the parts and the new end. */
function monthTail(
  c: Ctx,
  to: number,
): {
  year: { year: number; hijri: boolean } | null;
  mod: number | null;
  to: number;
} {
  const y = yearAt(c, to);
  if (y) return { year: y, mod: null, to: y.to };
  // من العام الماضي / من هذا العام
  const md = modifierAt(c, to);
  if (md) return { year: null, mod: md.value, to: md.to };
  return { year: null, mod: null, to };
}

/** 18 نوفمبر [2015|الماضي]، السابع من أكتوبر، بين 10 و15 مايو، الـ18 من الشهر الجاري */
function dayMonth(c: Ctx, i: number): Hit | null {
  const dm = dayAt(c, i);
  if (!dm) return null;
  const prev = tokAt(c, i - 1);
  if (hasForm(prev, c.lex.notDates.before) || hasForm(prev, c.lex.notDates.name)) return null;
  let j = dm.to;
  let until: number | null = null;
  // a range inside one month: 10 و15 / 10 - 15 / 10 إلى 15
  const join = tokAt(c, j);
  if (join && (join.text === '-' || exprExact(c, j, 'range-join'))) {
    const jEnd = join.text === '-' ? j + 1 : (exprExact(c, j, 'range-join') as PhraseMatch<ExprEntry>).to;
    const d2 = dayAt(c, jEnd);
    if (d2) {
      const afterD2 = tokAt(c, d2.to)?.text === 'من' ? d2.to + 1 : d2.to;
      if (monthAt(c, afterD2)) {
        until = d2.day;
        j = d2.to;
      }
    }
  }
  if (tokAt(c, j)?.text === 'من') j++;
  const mo = monthAt(c, j);
  if (mo) {
    const tail = monthTail(c, mo.to);
    return resolveDayMonth(c, i, tail.to, dm.day, mo.e, tail.year, tail.mod, until);
  }
  // الـ18 من الشهر الجاري / الماضي
  if (j > dm.to) {
    const u = exprAt(c, j, 'unit');
    if (u && u.values[0]?.value === 'month') {
      const md = modifierAt(c, u.to);
      if (md) {
        const base: Hit = {
          from: i,
          to: md.to,
          date: null,
          precision: 1,
          kind: 'relative',
        };
        if (!c.pub) return { ...base, doubt: noPub() };
        const mm = addMonths(c.pub, md.value, 1);
        if (!isValidYmd(mm.y, mm.m, dm.day)) return { ...base, doubt: invalid(`${dm.day}/${mm.m}/${mm.y}`) };
        return { ...base, date: { y: mm.y, m: mm.m, d: dm.day } };
      }
    }
  }
  return null;
}

/** أكتوبر 2014، فبراير/شباط الماضي، شهر رمضان، في يناير */
function monthYear(c: Ctx, i: number): Hit | null {
  const mo = monthAt(c, i);
  if (!mo) return null;
  const prev = tokAt(c, i - 1);
  if (hasForm(prev, c.lex.notDates.name)) return null;
  const tail = monthTail(c, mo.to);
  const cue = prev ? exprAt(c, i - 1, 'month-cue') : null;
  const shahr = !!cue && cue.key.endsWith('شهر');
  const context = !!tail.year || tail.mod !== null || mo.combined;
  if (mo.e.system === 'hijri' ? !(context || shahr) : mo.e.ambiguous ? !(context || shahr) : !(context || cue)) return null;
  return resolveDayMonth(c, i, tail.to, null, mo.e, tail.year, tail.mod, null);
}

/** A bare year: عام 2014، في 2019، 1436هـ، منذ 2011 */
/** A four-digit year that opens a line and is followed by a dash: an entry of a chronology. */
function chronologyYear(c: Ctx, j: number): boolean {
  const t = c.tokens[j] as Token;
  if (t.kind !== 'num' || t.text.length !== 4) return false;
  const before = c.norm.text.slice(Math.max(0, t.start - 3), t.start);
  const atLineStart = t.start === 0 || /\n[\s]*$/.test(before) || (/^[\s]*$/.test(before) && t.start < 3);
  const dash = tokAt(c, j + 1);
  return atLineStart && !!dash && dash.kind === 'punct' && /^[-–—]$/.test(dash.text);
}

function yearExpr(c: Ctx, i: number): Hit | null {
  const cue = exprAt(c, i, 'year-cue');
  let j = i;
  let weak = false;
  if (cue) j = cue.to;
  else {
    const w = exprAt(c, i, 'year-cue-weak');
    if (w) {
      j = w.to;
      weak = true;
    }
  }
  const y = intAt(c, j, 4);
  if (y === null) return null;
  const digits = (c.tokens[j] as Token).text.length;
  let to = j + 1;
  const mark = exprExact(c, to, 'year-mark');
  let hijri = false;
  if (mark) {
    hijri = mark.values.some((v) => v.value === 'hijri');
    to = mark.to;
  }
  // a number alone is never a year, except a chronology's heading: a line opening with "1974 - …" (هذا اليوم في التاريخ)
  if (j === i && !mark && !chronologyYear(c, j)) return null;
  if (digits !== 4 && !(cue && digits === 3)) return null;
  const next = tokAt(c, to);
  if (hasForm(next, c.lex.notDates.after)) return null;
  if (weak && !mark) {
    if (y < 1900 || y > MAX_YEAR_NO_PUB) return null;
    // في 2019 only when the sentence moves on: punctuation, the end, or و…; or when the number is a year before the
    // publication's (شهدت نيروبي في 1998 هجوما), which a count after في seldom is
    const pastYear = !!c.pub && y < c.pub.y;
    if (next && next.kind !== 'punct' && !next.prefixes.includes('و') && !exprAt(c, to, 'year-cue-weak') && !pastYear) return null;
  }
  if (hasForm(tokAt(c, j - 1), c.lex.notDates.before)) return null;
  const from = cue ? i : weak ? j : i;
  const base: Hit = {
    from,
    to,
    date: null,
    precision: 3,
    kind: 'year',
    yearOnly: true,
  };
  // 1436 without a mark, near the publication's Hijri year, is a Hijri year
  const hp = c.pub ? hijriOf(c.pub) : null;
  if (!hijri && hp && Math.abs(y - hp.y) <= 2 && Math.abs(y - (c.pub as Ymd).y) > 50) hijri = true;
  if (hijri) {
    const g = hijriToGregorian(y, 7, 1);
    if (!g || g.y > maxYear(c)) return { ...base, kind: 'hijri', doubt: invalid(`Hijri year ${y}`) };
    return { ...base, kind: 'hijri', date: yearMid(c, g.y) };
  }
  if (y < MIN_YEAR || y > maxYear(c)) return { ...base, doubt: invalid(`year ${y}`) };
  return { ...base, date: yearMid(c, y) };
}

/** A year as a date: 15 June, or the 15th of the publication month when that is earlier in the same year. */
function yearMid(c: Ctx, y: number): Ymd {
  const mid = { y, m: 6, d: 15 };
  if (c.pub && c.pub.y === y && compare(c.pub, mid) < 0) return { y, m: c.pub.m, d: Math.min(15, c.pub.d) };
  return mid;
}

/** Resolve "n units ago" (or a period with a modifier) against publication. */
function shift(c: Ctx, from: number, to: number, unit: string, n: number, kind: string): Hit {
  const base: Hit = { from, to, date: null, precision: 1, kind };
  if (unit === 'week') base.precision = 2;
  if (unit === 'month') base.precision = 3;
  if (unit === 'year') {
    base.precision = 3;
    base.yearOnly = true;
  }
  if (!c.pub) return { ...base, doubt: noPub() };
  const p = c.pub;
  switch (unit) {
    case 'hour':
      return { ...base, date: addDays(p, -Math.floor(n / 24)) };
    case 'day':
      return { ...base, date: addDays(p, -n) };
    case 'week':
      return { ...base, date: addDays(p, -7 * n) };
    case 'month':
      return { ...base, date: addMonths(p, -n) };
    default:
      return { ...base, date: yearMid(c, p.y - n) };
  }
}

/** الأسبوع الماضي، الشهر الجاري، العام الماضي، هذا الأسبوع، الأيام الماضية */
function period(c: Ctx, i: number): Hit | null {
  let j = i;
  const th = exprExact(c, j, 'this');
  if (th) j = th.to;
  const u = exprAt(c, j, 'unit');
  if (!u) return null;
  const e = u.values[0] as ExprEntry;
  const md = modifierAt(c, u.to);
  if (!md && !th) return null;
  if (md && e.count === 2) return null; // اليومين الماضيين: handled as a plural below? keep it simple
  const mod = md ? md.value : 0;
  const to = md ? md.to : u.to;
  if (e.count === null) {
    // plural: الأيام الماضية، الأسابيع الماضية — a vague recent period: the publication week
    if (mod !== -1 || (e.value !== 'day' && e.value !== 'hour')) return null;
    const base: Hit = {
      from: i,
      to,
      date: null,
      precision: e.value === 'hour' ? 1 : 2,
      kind: 'relative',
    };
    return c.pub ? { ...base, date: c.pub } : { ...base, doubt: noPub() };
  }
  if (e.value === 'day' || e.value === 'hour') return null;
  return shift(c, i, to, e.value, -mod, 'relative');
}

/** منذ ثلاثة أيام، قبل يومين، قبل أسبوع، منذ 3 سنوات */
function ago(c: Ctx, i: number): Hit | null {
  const a = exprAt(c, i, 'ago');
  if (!a) return null;
  let j = a.to;
  let n: number | null = null;
  const np = parseNumberAt(c.tokens, j, c.lex.quantity);
  if (np) {
    if (np.form === 'vague') return null;
    n = np.value;
    j = np.to;
  }
  const u = exprAt(c, j, 'unit');
  if (!u) return null;
  const e = u.values[0] as ExprEntry;
  if (n === null) n = e.count;
  if (n === null || !Number.isInteger(n) || n < 0 || n > 10_000) return null;
  if (tokAt(c, u.to)?.text === 'من') return null; // قبل يومين من الهجوم: relative to another event
  return shift(c, i, u.to, e.value, n, 'relative');
}

/** اليوم، أمس، فجر اليوم، مساء أمس، يوم الثلاثاء، الثلاثاء الماضي، اليوم (الاثنين)، ليل السبت الأحد */
function dayExpr(c: Ctx, i: number): Hit | null {
  let j = i;
  const an0 = exprAt(c, j, 'anchor');
  let dp = exprAt(c, j, 'daypart');
  if (dp && an0 && an0.to > dp.to) dp = null; // الليلة الماضية is an anchor, not ليلة + …
  if (dp) j = dp.to;
  let yawm = false;
  const dc = exprExact(c, j, 'day-cue');
  if (dc && dc.key === 'يوم') {
    yawm = true;
    j = dc.to;
  }
  let anchor: number | null = null;
  let weekday: number | null = null;
  let mod: number | null = null;
  const an = exprAt(c, j, 'anchor');
  if (an && !exprAt(c, an.to, 'anchor-block') && !(an.key === 'الليله' && modifierAt(c, an.to))) {
    anchor = Number(an.values[0]?.value ?? 0);
    j = an.to;
  }
  const wdAt = (k: number, bareOk: boolean) => {
    let m = c.lex.weekdays.matchAt(c.tokens as Token[], k);
    if (!m && bareOk) m = c.lex.weekdaysBare.matchAt(c.tokens as Token[], k);
    if (!m) return null;
    if (m.prefix && !/^(و|ف|وال|ب|ل)?$/.test(m.prefix)) return null;
    const nx = tokAt(c, m.to);
    if (nx && /^عشر[ه]?$/.test(nx.text)) return null; // الأحد عشر
    return m;
  };
  // the weekday after an anchor, maybe in brackets: اليوم (الاثنين)، أمس الأربعاء
  let k = j;
  if (anchor !== null && tokAt(c, k)?.text === '(') k++;
  const wd = wdAt(k, yawm && anchor === null);
  if (wd) {
    weekday = wd.values[0] as number;
    j = wd.to;
    if (tokAt(c, j)?.text === ')' && k > j - 2) j++;
    else if (tokAt(c, j)?.text === ')') j++;
    // ليل السبت الأحد / ليل السبت-الأحد: the first night named
    const sep = tokAt(c, j)?.text === '-' || tokAt(c, j)?.text === '/' ? j + 1 : j;
    const wd2 = wdAt(sep, false);
    if (wd2 && dp) j = wd2.to;
    const md = modifierAt(c, j);
    if (md) {
      mod = md.value;
      j = md.to;
    }
  } else if (anchor === null) return null;
  const adv = exprAt(c, j, 'daypart-adverb');
  if (adv) j = adv.to;
  if (anchor === null && weekday === null) return null;
  const kind = weekday !== null && anchor === null ? 'weekday' : anchor === 0 ? 'today' : anchor === -1 ? 'yesterday' : 'relative';
  const base: Hit = { from: i, to: j, date: null, precision: 1, kind };
  if (!c.pub) return { ...base, doubt: noPub() };
  const p = c.pub;
  if (weekday === null) return { ...base, date: addDays(p, anchor as number) };
  const wdDiff = (weekdayOf(p) - weekday + 7) % 7; // days back to the most recent such weekday (0 = today)
  if (anchor !== null) {
    const a = addDays(p, anchor);
    if (weekdayOf(a) === weekday) return { ...base, date: a };
    // the text's weekday wins: the latest such day up to the anchor, as a recorded publication date is late more
    // often than early (a crawl date, a day's lag); only the next day is taken forward (a time zone)
    const back = (weekdayOf(a) - weekday + 7) % 7;
    const date = back <= 5 ? addDays(a, -back) : addDays(a, 7 - back);
    return {
      ...base,
      date,
      doubt: {
        code: 'date_weekday_mismatch',
        message: `the weekday named does not fall on ${isoOf(a)}; ${isoOf(date)} taken`,
      },
    };
  }
  if (mod === 1) return { ...base, date: addDays(p, wdDiff === 0 ? 7 : 7 - wdDiff) };
  if (mod === -1) return { ...base, date: addDays(p, -(wdDiff === 0 ? 7 : wdDiff)) };
  return { ...base, date: addDays(p, -wdDiff) };
}

/** The adverb qualifies a clock time (الساعة 12:40 ظهرا، عند العاشرة صباحا): an hour, which says little of the day. */
function afterClock(c: Ctx, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const t = c.tokens[k] as Token;
    if (exprAt(c, k, 'clock')) return true;
    if (t.kind === 'punct' && !/^[:.]$/.test(t.text)) return false;
  }
  return false;
}

/** Longest span read as one range across months (بين 28 يونيو و2 يوليو); longer ones stay two dates. */
const MAX_RANGE_DAYS = 62;

/**
 * Two full dates joined by و / إلى / حتى / - (بين 28 يونيو و2 يوليو، من 30 يونيو إلى 3 يوليو) are one range: up to a
 * week its midpoint at week precision, longer at month precision; merged in place.
 */
function mergeSpans(c: Ctx, hits: Array<Hit & { alone?: boolean }>): void {
  for (let k = 0; k + 1 < hits.length; k++) {
    const a = hits[k] as Hit;
    const b = hits[k + 1] as Hit;
    const full = (h: Hit) => h.precision === 1 && !!h.date && (h.kind === 'absolute' || h.kind === 'hijri');
    if (!full(a) || !full(b) || b.from - a.to !== 1) continue;
    const join = c.tokens[a.to] as Token;
    if (join.text !== '-' && !exprExact(c, a.to, 'range-join')) continue;
    // "و" joins a range only after بين (في 5 يوليو و7 يوليو are two days)
    if (join.text === 'و' && !(c.tokens[a.from - 1] as Token | undefined)?.forms.includes('بين')) continue;
    const span = compare(b.date as Ymd, a.date as Ymd);
    if (span <= 0 || span > MAX_RANGE_DAYS) continue;
    const mid = addDays(a.date as Ymd, Math.floor(span / 2));
    const precision: 2 | 3 = span <= 6 ? 2 : 3;
    hits.splice(k, 2, {
      from: a.from,
      to: b.to,
      date: precision === 2 ? mid : { ...mid, d: 15 },
      precision,
      kind: 'range',
      until: b.date,
    });
  }
}

/** The day-precise date nearest before token i in its sentence (no full stop between), if any. */
function dayBefore(c: Ctx, hits: readonly Hit[], i: number): Hit | null {
  const at = (c.tokens[i] as Token).start;
  let best: Hit | null = null;
  for (const h of hits) {
    if (h.to > i || h.precision !== 1 || !h.date) continue;
    const end = (c.tokens[h.to - 1] as Token).end;
    if (/[.!?؟\n]/.test(c.norm.text.slice(end, at))) continue;
    if (!best || h.to > best.to) best = h;
  }
  return best;
}

/** فجرا، صباحا standing alone: the publication day. */
function adverbAlone(c: Ctx, i: number): Hit | null {
  const adv = exprAt(c, i, 'daypart-adverb');
  if (!adv?.values.some((v) => v.value === 'alone')) return null;
  const base: Hit = {
    from: i,
    to: adv.to,
    date: null,
    precision: 1,
    kind: 'today',
  };
  return c.pub ? { ...base, date: c.pub } : { ...base, doubt: noPub() };
}

const MATCHERS = [numericDate, dayMonth, monthYear, yearExpr, ago, period, dayExpr];

/** Every date expression in the document, resolved against `published` (YYYY-MM-DD or null). */
export function findDates(doc: { norm: NormText; tokens: Token[] }, published: string | null, lex: TimeLexicon): FoundDate[] {
  const c: Ctx = {
    tokens: doc.tokens,
    norm: doc.norm,
    pub: parseIso(published),
    lex,
  };
  const hits: Array<Hit & { alone?: boolean }> = [];
  for (let i = 0; i < c.tokens.length; ) {
    let hit: Hit | null = null;
    for (const f of MATCHERS) {
      hit = f(c, i);
      if (hit) break;
    }
    let alone = false;
    if (!hit) {
      hit = adverbAlone(c, i);
      alone = !!hit;
    }
    if (hit && hit.to > i) {
      hits.push({ ...hit, alone });
      i = hit.to;
    } else i++;
  }
  mergeSpans(c, hits);
  // a lone فجرا next to another date belongs to it
  const kept = hits.filter((h) => {
    if (!h.alone) return true;
    const s = (c.tokens[h.from] as Token).start;
    return !hits.some((o) => {
      if (o === h) return false;
      const os = (c.tokens[o.from] as Token).start;
      const oe = (c.tokens[o.to - 1] as Token).end;
      const gap = os > s ? c.norm.text.slice(s, os) : c.norm.text.slice(oe, s);
      return gap.length < 60 && !/[.!?؟\n]/.test(gap);
    });
  });
  // غداة الهجوم: what follows happened the day before the date the sentence gives (… اليوم غداة اعتداء …)
  for (let i = 0; i < c.tokens.length; i++) {
    const m = exprAt(c, i, 'day-after');
    if (!m) continue;
    const anchor = dayBefore(c, kept, i);
    if (!anchor?.date) continue;
    const offset = Number(m.values[0]?.value ?? -1);
    kept.push({ from: i, to: m.to, date: addDays(anchor.date, offset), precision: 1, kind: 'relative' });
  }
  kept.sort((a, b) => a.from - b.from);
  return kept.map((h) => {
    const m = toMention(c, h);
    if (h.alone) m.daypartOnly = true;
    if (h.alone && afterClock(c, h.from)) m.weak = true;
    return m;
  });
}

function toMention(c: Ctx, h: Hit): FoundDate {
  const _first = c.tokens[h.from] as Token;
  const last = c.tokens[h.to - 1] as Token;
  const m: FoundDate = {
    start: firstStart(c, h.from),
    end: last.end,
    date: h.date ? isoOf(h.date) : null,
    precision: h.precision,
    kind: h.kind,
  };
  if (h.yearOnly) m.yearOnly = true;
  if (h.until !== undefined) m.until = h.until ? isoOf(h.until) : null;
  if (h.doubt) {
    const span = rawSpan(c.norm, m.start, m.end);
    const d: Doubt = {
      code: h.doubt.code,
      field: 'event_date',
      message: h.doubt.message,
      span,
    };
    m.doubt = d;
  }
  return m;
}

/** A leading clitic (و، ف، ب …) on the first word is not part of the date span. */
function firstStart(c: Ctx, i: number): number {
  const t = c.tokens[i] as Token;
  if (t.kind !== 'ar') return t.start;
  const idxs = [c.lex.months, c.lex.weekdays, c.lex.weekdaysBare, ...c.lex.expr.values()];
  for (const idx of idxs) {
    const m = (
      idx as {
        matchAt: (tk: Token[], k: number) => PhraseMatch<unknown> | null;
      }
    ).matchAt(c.tokens as Token[], i);
    if (m?.prefix && /^[وفبل]+$/.test(m.prefix)) return t.start + m.prefix.length;
  }
  return t.start;
}
