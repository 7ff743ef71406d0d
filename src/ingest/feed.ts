// RSS 2.0 / Atom feeds: parse (fast-xml-parser), and fetch with a conditional GET (ETag / Last-Modified),
// a timeout per attempt and retries with exponential backoff for timeouts, network errors and 5xx.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedState } from '../store/types.ts';
import { fragmentText } from './html.ts';

export interface FeedItem {
  id: string;
  title: string | null;
  link: string | null;
  published: string | null;
  /** plain text of the item's content or summary */
  text: string;
}

export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (typeof v === 'object' && '#text' in (v as object)) return str((v as Record<string, unknown>)['#text']);
  return null;
}

export function isoDate(v: string | null): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

export function parseFeed(xml: string): FeedItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedParseError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  // biome-ignore lint/suspicious/noExplicitAny: parsed feed XML has no static shape; fields are checked as they are read
  type Parsed = Record<string, any>;
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true }).parse(xml) as Parsed;
  if (doc.rss?.channel) {
    return asArray(doc.rss.channel.item).map((it: Record<string, unknown>, i: number) => {
      const link = str(it.link);
      const html = str(it['content:encoded']) ?? str(it.description) ?? '';
      return {
        id: str(it.guid) ?? link ?? `item-${i}`,
        title: str(it.title),
        link,
        published: isoDate(str(it.pubDate) ?? str(it['dc:date'])),
        text: fragmentText(html),
      };
    });
  }
  if (doc.feed) {
    return asArray(doc.feed.entry).map((it: Parsed, i: number) => {
      const links = asArray(it.link) as Array<Record<string, string>>;
      const link = (links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0])?.['@_href'] ?? null;
      const html = str(it.content) ?? str(it.summary) ?? '';
      return {
        id: str(it.id) ?? link ?? `entry-${i}`,
        title: str(it.title),
        link,
        published: isoDate(str(it.published) ?? str(it.updated)),
        text: fragmentText(html),
      };
    });
  }
  throw new FeedParseError('neither an RSS <rss><channel> nor an Atom <feed> document');
}

export const looksLikeFeed = (body: string, contentType: string | null): boolean =>
  /(rss|atom)\+xml|\/xml/.test(contentType ?? '') || /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed)[\s>]/.test(body);

export interface FetchOptions {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
}

export const DEFAULT_FETCH: FetchOptions = { timeoutMs: 15_000, retries: 3, backoffMs: 500 };

export type FetchResult =
  | { kind: 'ok'; status: number; body: string; contentType: string | null; etag: string | null; lastModified: string | null }
  | { kind: 'not_modified'; status: 304 }
  | { kind: 'error'; status: number | null; error: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET with conditional headers from the saved state; retries timeouts, network errors and 5xx. */
export async function fetchConditional(url: string, state: FeedState | null, opts: FetchOptions = DEFAULT_FETCH): Promise<FetchResult> {
  const headers: Record<string, string> = {
    'user-agent': 'marsad-ingest/0.1',
    accept: 'application/rss+xml, application/atom+xml, application/xml, text/html;q=0.9, */*;q=0.5',
  };
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.last_modified) headers['if-modified-since'] = state.last_modified;
  let last: FetchResult = { kind: 'error', status: null, error: 'not tried' };
  for (let attempt = 0; attempt <= opts.retries; attempt++) {
    if (attempt > 0) await sleep(opts.backoffMs * 2 ** (attempt - 1));
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(opts.timeoutMs), redirect: 'follow' });
      if (res.status === 304) return { kind: 'not_modified', status: 304 };
      if (res.ok) {
        const body = await readBody(res, opts.timeoutMs);
        return {
          kind: 'ok',
          status: res.status,
          body,
          contentType: res.headers.get('content-type'),
          etag: res.headers.get('etag'),
          lastModified: res.headers.get('last-modified'),
        };
      }
      await res.body?.cancel().catch(() => {});
      last = { kind: 'error', status: res.status, error: `HTTP ${res.status}` };
      if (res.status < 500 && res.status !== 429) return last;
    } catch (e) {
      const err = e as Error;
      const timeout = err.name === 'TimeoutError' || err.name === 'AbortError';
      last = {
        kind: 'error',
        status: null,
        error: timeout ? `timeout after ${opts.timeoutMs} ms` : `network: ${(err.cause as Error)?.message ?? err.message}`,
      };
    }
  }
  return { ...last, error: `${(last as { error: string }).error} (after ${opts.retries + 1} attempts)` } as FetchResult;
}

async function readBody(res: Response, timeoutMs: number): Promise<string> {
  const buf = await Promise.race([
    res.arrayBuffer(),
    new Promise<never>((_, rej) =>
      setTimeout(() => rej(Object.assign(new Error('body timeout'), { name: 'TimeoutError' })), timeoutMs).unref(),
    ),
  ]);
  return new TextDecoder('utf-8').decode(buf);
}
