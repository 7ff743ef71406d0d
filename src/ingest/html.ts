// The main text of an HTML page (Mozilla Readability over a linkedom DOM), or null when the page holds no article.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface PageText {
  title: string | null;
  text: string;
  published: string | null;
}

const META_DATE = ['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'date'];

function metaDate(doc: Document): string | null {
  for (const name of META_DATE) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const v = el?.getAttribute('content');
    const m = v ? /^(\d{4}-\d{2}-\d{2})/.exec(v) : null;
    if (m) return m[1] as string;
  }
  return null;
}

export function extractPage(html: string, url = 'http://localhost/'): PageText | null {
  let doc: Document;
  try {
    doc = parseHTML(html).document as unknown as Document;
  } catch {
    return null;
  }
  const published = metaDate(doc);
  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    // Readability reads documentURI/baseURI for relative links
    Object.defineProperty(doc, 'documentURI', { value: url, configurable: true });
    Object.defineProperty(doc, 'baseURI', { value: url, configurable: true });
    parsed = new Readability(doc, { charThreshold: 100 }).parse();
  } catch {
    parsed = null;
  }
  const text = (parsed?.textContent ?? '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (!parsed || text.length < 100) return null;
  return { title: parsed.title ?? null, text, published };
}

/** Plain text of an HTML fragment (feed item content). */
export function fragmentText(html: string): string {
  try {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    for (const br of document.querySelectorAll('br')) br.replaceWith('\n');
    for (const p of document.querySelectorAll('p,div,li')) p.append('\n');
    return (document.body.textContent ?? '')
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim();
  } catch {
    return html.replace(/<[^>]*>/g, ' ').trim();
  }
}
