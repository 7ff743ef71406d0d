// Calendar arithmetic on plain {y, m, d} dates (UTC, no clock), and Umm al-Qura Hijri conversion via Intl.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const isoOf = (x: Ymd): string => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Parse "YYYY-MM-DD" (a longer ISO timestamp is cut to its date); null when it is no real date. */
export function parseIso(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return null;
  const x = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidYmd(x.y, x.m, x.d) ? x : null;
}

export const toDays = (x: Ymd): number => Math.floor(Date.UTC(x.y, x.m - 1, x.d) / DAY_MS);

export function fromDays(n: number): Ymd {
  const dt = new Date(n * DAY_MS);
  return {
    y: dt.getUTCFullYear(),
    m: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
  };
}

export const addDays = (x: Ymd, n: number): Ymd => fromDays(toDays(x) + n);

/** 0 = Sunday … 6 = Saturday */
export const weekdayOf = (x: Ymd): number => new Date(Date.UTC(x.y, x.m - 1, x.d)).getUTCDay();

/** Shift a month by n (the day is set to `day`, clamped to the month's length). */
export function addMonths(x: Ymd, n: number, day = 15): Ymd {
  const idx = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return { y, m, d: Math.min(day, daysInMonth(y, m)) };
}

export const compare = (a: Ymd, b: Ymd): number => toDays(a) - toDays(b);

const hijriFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Umm al-Qura date of a Gregorian date (null outside what the runtime can format). */
export function hijriOf(x: Ymd): Ymd | null {
  try {
    const parts = hijriFormat.formatToParts(new Date(Date.UTC(x.y, x.m - 1, x.d)));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const h = { y: get('year'), m: get('month'), d: get('day') };
    return Number.isFinite(h.y) && Number.isFinite(h.m) && Number.isFinite(h.d) ? h : null;
  } catch {
    return null;
  }
}

/** Days from 1970-01-01 to 1 Muharram 1 AH (16 July 622 Julian = 19 July 622 proleptic Gregorian). */
const HIJRI_EPOCH = toDays({ y: 622, m: 7, d: 19 });

/**
 * The Gregorian date of an Umm al-Qura Hijri date: estimate with the mean calendar, then search the days
 * around it for the one Intl formats as that Hijri date. Null when no day matches (e.g. 30 of a 29-day month).
 */
export function hijriToGregorian(hy: number, hm: number, hd: number): Ymd | null {
  if (!Number.isInteger(hy) || !Number.isInteger(hm) || !Number.isInteger(hd)) return null;
  if (hm < 1 || hm > 12 || hd < 1 || hd > 30 || hy < 1 || hy > 2000) return null;
  const guess = HIJRI_EPOCH + Math.floor((hy - 1) * 354.36667) + Math.round((hm - 1) * 29.5306) + (hd - 1);
  for (let off = 0; off <= 20; off++) {
    for (const s of off === 0 ? [0] : [off, -off]) {
      const g = fromDays(guess + s);
      const h = hijriOf(g);
      if (h && h.y === hy && h.m === hm && h.d === hd) return g;
    }
  }
  return null;
}
