// Arabic normalisation as small composable character rules that keep an offset map back to the raw text.
// Every rule maps one UTF-16 code unit to zero or one code unit, so the map is a simple index array.

/** A rule returns the replacement for one code unit: '' deletes it, the same char keeps it. */
export type CharRule = (ch: string) => string;

const inRange = (c: number, lo: number, hi: number) => c >= lo && c <= hi;

/** أ إ آ ٱ ٲ ٳ → ا */
export const normalizeAlef: CharRule = (ch) => (/[\u0622\u0623\u0625\u0671\u0672\u0673]/.test(ch) ? '\u0627' : ch);
/** ى (alef maqsura) and Persian ی → ي */
export const normalizeYa: CharRule = (ch) => (ch === '\u0649' || ch === '\u06CC' ? '\u064A' : ch);
/** ة → ه */
export const normalizeTaMarbuta: CharRule = (ch) => (ch === '\u0629' ? '\u0647' : ch);
/** Persian/Urdu letter forms → Arabic (ک → ك, ۀ → ه) */
export const normalizePersianLetters: CharRule = (ch) => (ch === '\u06A9' ? '\u0643' : ch === '\u06C0' ? '\u0647' : ch);
/** ـ (tatweel/kashida) removed; `normalize` keeps one standing alone between spaces as a dash '-' */
export const stripTatweel: CharRule = (ch) => (ch === '\u0640' ? '' : ch);
/** harakat, tanwin, shadda, sukun, dagger alef and Quranic marks removed */
export const stripDiacritics: CharRule = (ch) => {
  const c = ch.charCodeAt(0);
  return inRange(c, 0x064b, 0x065f) || c === 0x0670 || inRange(c, 0x06d6, 0x06ed) || inRange(c, 0x0610, 0x061a) ? '' : ch;
};
/** Arabic-Indic ٠-٩ and Persian ۰-۹ digits → 0-9; Arabic decimal ٫ → '.', thousands ٬ → ',' */
export const mapDigits: CharRule = (ch) => {
  const c = ch.charCodeAt(0);
  if (inRange(c, 0x0660, 0x0669)) return String(c - 0x0660);
  if (inRange(c, 0x06f0, 0x06f9)) return String(c - 0x06f0);
  if (c === 0x066b) return '.';
  if (c === 0x066c) return ',';
  return ch;
};
/** bidi controls, zero-width marks and BOM removed */
export const stripControls: CharRule = (ch) => (/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C\u00AD]/.test(ch) ? '' : ch);
/** CR removed (CRLF → LF); NBSP and other spaces → ' '; tabs → ' ' */
export const normalizeSpace: CharRule = (ch) => {
  if (ch === '\r') return '';
  if (ch === '\t' || ch === '\u00A0' || /[\u2000-\u200A\u202F\u205F\u3000]/.test(ch)) return ' ';
  return ch;
};

export const DEFAULT_RULES: readonly CharRule[] = [
  stripControls,
  normalizeSpace,
  stripTatweel,
  stripDiacritics,
  normalizeAlef,
  normalizeYa,
  normalizeTaMarbuta,
  normalizePersianLetters,
  mapDigits,
];

/** Normalised text plus `map[i]` = raw offset of normalised char i (`map[text.length]` = raw.length). */
export interface NormText {
  readonly raw: string;
  readonly text: string;
  readonly map: Uint32Array;
}

const compiled = new WeakMap<readonly CharRule[], Int32Array>();

/** The rules folded into one table over all UTF-16 code units: -1 deletes, else the replacement unit. */
function compile(rules: readonly CharRule[]): Int32Array {
  let table = compiled.get(rules);
  if (table) return table;
  table = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let ch = String.fromCharCode(c);
    for (const rule of rules) {
      ch = rule(ch);
      if (ch === '') break;
    }
    table[c] = ch === '' ? -1 : ch.charCodeAt(0);
  }
  compiled.set(rules, table);
  return table;
}

/** A kashida standing alone between spaces (الرياض ـ واس) is a dash, not an elongation: kept as '-'. */
function loneKashida(raw: string, i: number): boolean {
  let j = i + 1;
  while (raw.charCodeAt(j) === 0x640) j++;
  const before = i === 0 ? ' ' : (raw[i - 1] as string);
  const after = j >= raw.length ? ' ' : (raw[j] as string);
  return (/\s/.test(before) || before === '\u0640') && /\s/.test(after);
}

export function normalize(raw: string, rules: readonly CharRule[] = DEFAULT_RULES): NormText {
  const table = compile(rules);
  const out = new Uint16Array(raw.length);
  const map = new Uint32Array(raw.length + 1);
  const dashes = rules.includes(stripTatweel);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    let r = table[raw.charCodeAt(i)] as number;
    if (r < 0 && dashes && raw.charCodeAt(i) === 0x640 && loneKashida(raw, i)) r = 0x2d;
    if (r < 0) continue;
    out[n] = r;
    map[n++] = i;
  }
  map[n] = raw.length;
  let text = '';
  for (let k = 0; k < n; k += 8192) text += String.fromCharCode(...out.subarray(k, Math.min(n, k + 8192)));
  return { raw, text, map: map.subarray(0, n + 1) };
}

/** Normalise a lexicon key or query string (no offsets kept); collapses whitespace. */
export function normKey(s: string): string {
  return normalize(s).text.replace(/\s+/g, ' ').trim();
}

/** Convert a normalised [start, end) range to raw offsets. */
export function toRaw(nt: NormText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const p = nt.map[Math.min(start, nt.text.length)] ?? nt.raw.length;
    return { start: p, end: p };
  }
  const rs = nt.map[start] ?? nt.raw.length;
  const re = (nt.map[end - 1] ?? nt.raw.length - 1) + 1;
  return { start: rs, end: re };
}

/** A raw-text span (with its text) for a normalised range: the evidence format. */
export function rawSpan(nt: NormText, start: number, end: number): { start: number; end: number; text: string } {
  const r = toRaw(nt, start, end);
  return { start: r.start, end: r.end, text: nt.raw.slice(r.start, r.end) };
}
