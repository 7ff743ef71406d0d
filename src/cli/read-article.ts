// Reading one article file for `extract`: size, encoding and format checks, sidecar metadata.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { ISO_DATE } from '../store/filters.ts';
import type { ArticleMeta } from '../types.ts';

export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'InputError';
  }
}

/** Files larger than this are refused (the extractor reads up to MAX_CHARS of a text). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function validDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

export interface ArticleInput {
  text: string;
  meta: ArticleMeta;
  /** notes about how the file was read (HTML stripped …) */
  notes: string[];
}

function readSidecar(file: string): Partial<ArticleMeta> {
  const side = join(dirname(file), `${basename(file, extname(file))}.meta.json`);
  if (!existsSync(side)) return {};
  try {
    const m = JSON.parse(readFileSync(side, 'utf8')) as Record<string, unknown>;
    const out: Partial<ArticleMeta> = {};
    if (typeof m.published === 'string' && validDate(m.published.slice(0, 10))) out.published = m.published.slice(0, 10);
    if (typeof m.source === 'string') out.source = m.source;
    if (typeof m.url === 'string') out.url = m.url;
    return out;
  } catch {
    throw new InputError(side, 'sidecar metadata is not valid JSON');
  }
}

/** Text of an HTML page (scripts and styles dropped). */
export function htmlToText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('script,style,noscript,nav,header,footer')) el.remove();
  const blocks = [...document.querySelectorAll('h1,h2,h3,p,li,blockquote,div')]
    .filter((el) => !el.querySelector('p,div,li'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return blocks.length ? blocks.join('\n') : (document.body?.textContent ?? '').trim();
}

export function readArticle(file: string, published?: string): ArticleInput {
  if (!existsSync(file)) throw new InputError(file, 'no such file');
  const st = statSync(file);
  if (st.isDirectory()) throw new InputError(file, 'is a directory, not an article file');
  if (st.size === 0) throw new InputError(file, 'empty file: no text to read');
  if (st.size > MAX_FILE_BYTES) throw new InputError(file, `file of ${st.size} bytes is larger than the ${MAX_FILE_BYTES}-byte limit`);
  const buf = readFileSync(file);
  if (buf.subarray(0, 8192).includes(0)) throw new InputError(file, 'binary file (NUL bytes): not a text article');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError(file, 'not valid UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const notes: string[] = [];
  if (/^\s*<(!doctype html|html|head|body|div|p)[\s>]/i.test(text)) {
    text = htmlToText(text);
    notes.push('HTML page: main text extracted; evidence offsets refer to that text');
  }
  if (!text.trim()) throw new InputError(file, 'no text after reading the file');
  const side = readSidecar(file);
  const meta: ArticleMeta = {
    id: basename(file, extname(file)),
    published: published ?? side.published ?? null,
    source: side.source ?? null,
    url: side.url ?? null,
  };
  return { text, meta, notes };
}
