// Bytes → article text, or the reason it is not one (empty, binary, invalid UTF-8, non-Arabic). Pure.
export type Rejection = {
  ok: false;
  reason: 'empty' | 'binary' | 'invalid_utf8' | 'non_arabic' | 'no_article' | (string & {});
  detail?: string;
};
export type Decoded = { ok: true; text: string } | Rejection;

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]/gu;
const LETTER = /\p{L}/gu;

/** Share of letters that are Arabic (0 when there are no letters). */
export function arabicShare(text: string): number {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return 0;
  return (text.match(ARABIC_LETTER)?.length ?? 0) / letters;
}

/** `language: false` skips the Arabic check (HTML: markup is checked after the main text is extracted). */
export function decodeBytes(buf: Uint8Array, opts: { language?: boolean } = {}): Decoded {
  if (buf.length === 0) return { ok: false, reason: 'empty' };
  const sample = buf.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return { ok: false, reason: 'binary', detail: 'NUL byte' };
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  if (controls > sample.length * 0.05)
    return { ok: false, reason: 'binary', detail: `${controls} control bytes in the first ${sample.length}` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { ok: false, reason: 'invalid_utf8' };
  }
  text = text.replace(/^\uFEFF/, '');
  return opts.language === false ? (text.trim() ? { ok: true, text } : { ok: false, reason: 'empty' }) : checkText(text);
}

export function checkText(text: string, minArabicShare = 0.5): Decoded {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  if (text.includes('\u0000')) return { ok: false, reason: 'binary', detail: 'NUL character' };
  const share = arabicShare(text);
  if (share < minArabicShare) return { ok: false, reason: 'non_arabic', detail: `Arabic letters ${(share * 100).toFixed(0)}% of letters` };
  return { ok: true, text };
}

/** Lossy text for keeping a rejected item in quarantine. */
export const lossyText = (buf: Uint8Array): string => new TextDecoder('utf-8').decode(buf.subarray(0, 200_000));
