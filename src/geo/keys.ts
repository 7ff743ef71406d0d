// Look-up keys for gazetteer names: Arabic names are normalised (normKey) and tokenised; Latin names are
// folded (accents, apostrophes and case removed). The same functions build the index and read the text.
import { normKey } from '../text/normalize.ts';
import { tokenize } from '../text/tokenize.ts';

/** Letters that mark a Persian, Urdu, Pashto or Kurdish spelling (not Arabic): such names are not Arabic keys. */
const NON_ARABIC_LETTERS =
  /[\u067E\u0686\u0698\u06AF\u06A4\u06CC\u06A9\u06C1\u06BE\u06C0\u06D2\u0679\u0688\u0691\u06BA\u06C6\u06CE\u0695\u06B5\u06D5\u06C7\u06C8\u06CB\u06D0\u0681\u0685\u0689\u0693\u0696\u069A\u06BC\u06D3]/;
const ARABIC_LETTER = /[\u0621-\u064A]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

/** True for a name written in Arabic script with Arabic (not Persian/Urdu/Kurdish) letters only. */
export function isArabicName(s: string): boolean {
  if (!ARABIC_LETTER.test(s) || NON_ARABIC_LETTERS.test(s)) return false;
  return !LATIN_LETTER.test(s);
}

export const isLatinName = (s: string): boolean => LATIN_LETTER.test(s) && !ARABIC_LETTER.test(s);

/** Fold one Latin token: accents, apostrophes and case removed (Ḩajjah → hajjah, Ta‘izz → taizz). */
export function foldLatin(tok: string): string {
  return tok
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ʼʻ'’‘`ʿʾ]/g, '')
    .replace(/-/g, '')
    .toLowerCase();
}

/** The look-up form of one text token ('' for punctuation). */
export function tokenKey(tok: { kind: string; text: string }): string {
  if (tok.kind === 'latin') return foldLatin(tok.text);
  if (tok.kind === 'ar' || tok.kind === 'num') return tok.text;
  return '';
}

/** Key of a whole name: tokens joined by one space (Arabic and Latin alike); '' when nothing is left. */
export function nameKey(name: string): string {
  let cleaned = name.replace(/\([^)]*\)/g, ' ');
  if (!ARABIC_LETTER.test(cleaned))
    cleaned = cleaned
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[ʼʻ'’‘`ʿʾ]/g, '');
  return tokenize(normKey(cleaned)).map(tokenKey).filter(Boolean).join(' ');
}
