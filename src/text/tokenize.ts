// Tokens over normalised text, with clitic-stripped candidate forms for lexicon look-ups.

export type TokenKind = 'ar' | 'latin' | 'num' | 'punct';

export interface Token {
  /** index in the token array */
  i: number;
  /** normalised surface form */
  text: string;
  /** normalised offsets [start, end) */
  start: number;
  end: number;
  kind: TokenKind;
  /**
   * Candidate forms for look-ups, most literal first: the surface, then with proclitics
   * (و ف ب ل ك س ال لل) stripped, then with pronoun suffixes stripped. Never empty.
   */
  forms: string[];
  /** proclitic letters stripped to reach forms[k] (parallel to forms) */
  prefixes: string[];
}

const AR_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]/;
const TOKEN_RE = /([\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]+)|([A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*)|(\d+(?:[.,]\d+)*)|(\S)/gu;

// Proclitic chains, most specific first. The conjunctions, then a preposition or future marker, then the article.
const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك', 'س'];
// A lone ه (his) only on words whose raw last letter is not the ta marbuta (سيطرة → سيطره must not become سيطر).
const SUFFIXES = ['هما', 'هم', 'هن', 'ها', 'كم', 'نا'];
const SUFFIXES_WITH_HU = [...SUFFIXES, 'ه'];
const MIN_STEM = 2;

function addForm(forms: string[], prefixes: string[], f: string, p: string): void {
  if (f.length >= MIN_STEM && !forms.includes(f)) {
    forms.push(f);
    prefixes.push(p);
  }
}

// Words repeat across a text and across articles: their forms are computed once (the arrays are shared and
// must not be changed by callers). The cache is dropped when it grows past a bound, so memory stays flat.
const FORMS_CACHE_LIMIT = 200_000;
const formsCache = new Map<string, { forms: string[]; prefixes: string[] }>();

/** Candidate proclitic-stripped forms of one Arabic word (the word itself first). */
export function cliticForms(word: string, pronounHu = false): { forms: string[]; prefixes: string[] } {
  const key = pronounHu ? `${word}\u0001` : word;
  const hit = formsCache.get(key);
  if (hit) return hit;
  if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
  const made = computeCliticForms(word, pronounHu);
  formsCache.set(key, made);
  return made;
}

function computeCliticForms(word: string, pronounHu: boolean): { forms: string[]; prefixes: string[] } {
  const forms: string[] = [word];
  const prefixes: string[] = [''];
  const heads: Array<[string, string]> = [[word, '']];
  for (const c of CONJ) if (word.startsWith(c)) heads.push([word.slice(1), c]);
  for (const [w, p] of [...heads]) {
    for (const pr of PREP) if (w.startsWith(pr)) heads.push([w.slice(1), p + pr]);
    // لل = ل + ال with the alef dropped: للجيش → الجيش
    if (w.startsWith('لل')) heads.push([`ا${w.slice(1)}`, `${p}ل`]);
  }
  for (const [w, p] of heads) addForm(forms, prefixes, w, p);
  // Forms without the article, for bare-stem look-ups (الجيش → جيش).
  for (const [w, p] of heads) if (w.startsWith('ال')) addForm(forms, prefixes, w.slice(2), `${p}ال`);
  // Pronoun suffixes on the stripped forms (مقتلهما → مقتل).
  const n = forms.length;
  for (let k = 0; k < n; k++) {
    const f = forms[k] as string;
    for (const s of pronounHu ? SUFFIXES_WITH_HU : SUFFIXES) {
      if (f.endsWith(s) && f.length - s.length >= 3) {
        addForm(forms, prefixes, f.slice(0, -s.length), prefixes[k] as string);
        break;
      }
    }
  }
  return { forms, prefixes };
}

/**
 * Tokens of normalised text. With `raw` (the NormText), a final ه that was a real ه in the article (اختطافه،
 * مقتله) may also be read as the pronoun; one that was ة never is.
 */
export function tokenize(text: string, raw?: { raw: string; map: Uint32Array }): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const surface = m[0];
    const kind: TokenKind = m[1] ? 'ar' : m[2] ? 'latin' : m[3] ? 'num' : 'punct';
    let forms = [surface];
    let prefixes = [''];
    if (kind === 'ar') {
      const last = surface.length - 1;
      const hu = !!raw && surface[last] === 'ه' && raw.raw[raw.map[start + last] as number] === 'ه';
      ({ forms, prefixes } = cliticForms(surface, hu));
    } else if (kind === 'latin') forms = [surface, surface.toLowerCase()].filter((f, k, a) => a.indexOf(f) === k);
    if (kind === 'latin' && forms.length === 2) prefixes = ['', ''];
    tokens.push({ i: tokens.length, text: surface, start, end: start + surface.length, kind, forms, prefixes });
  }
  return tokens;
}

/** Index of the first token that starts at or after `offset` (tokens.length when none does); binary search. */
export function tokenIndexAt(tokens: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as { start: number }).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const isArabicLetter = (ch: string): boolean => AR_LETTER.test(ch);

/** Share of letters in the text that are Arabic (0..1); 0 for text with no letters. */
export function arabicShare(text: string): number {
  let ar = 0;
  let letters = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (AR_LETTER.test(ch)) ar++;
    }
  }
  return letters ? ar / letters : 0;
}
