// Expand PATH|URL inputs into queue jobs (files, folders, JSONL[.gz], HTML pages, RSS/Atom feeds).
// Bad items found while expanding (unparsable JSONL lines, broken feeds, failed fetches) go to quarantine.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Store } from '../store/types.ts';
import { DEFAULT_FETCH, FeedParseError, type FetchOptions, fetchConditional, looksLikeFeed, parseFeed } from './feed.ts';

export interface ItemMeta {
  id: string;
  published?: string | null;
  source?: string | null;
  url?: string | null;
  title?: string | null;
}

export type JobPayload =
  | { type: 'file'; path: string; published?: string | null }
  | { type: 'item'; origin: string; text: string; meta: ItemMeta }
  | { type: 'html'; origin: string; html: string; meta: ItemMeta }
  | { type: 'url'; url: string; meta: ItemMeta };

export interface PlanOptions {
  /** publication date for items that carry none */
  published?: string | null;
  fetch?: FetchOptions;
  now?: () => Date;
}

export interface PlanReport {
  enqueued: number;
  seen: number;
  quarantined: number;
  feeds: Array<{ url: string; status: string; items: number }>;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 20);
const isUrl = (s: string) => /^https?:\/\//i.test(s);
const TEXT_EXT = new Set(['.txt', '.html', '.htm']);
const isJsonl = (p: string) => /\.jsonl(\.gz)?$/i.test(p) || /\.ndjson(\.gz)?$/i.test(p);

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) yield* walk(p);
    else if (TEXT_EXT.has(extname(name).toLowerCase()) || isJsonl(name)) yield p;
  }
}

class Batcher {
  private buf: Array<{ key: string; kind: string; payload: JobPayload }> = [];
  enqueued = 0;
  seen = 0;
  constructor(private readonly store: Store) {}
  async add(key: string, payload: JobPayload): Promise<void> {
    this.seen++;
    this.buf.push({ key, kind: payload.type, payload });
    if (this.buf.length >= 500) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    this.enqueued += await this.store.enqueue(this.buf);
    this.buf = [];
  }
}

export async function planInputs(inputs: ReadonlyArray<string>, store: Store, opts: PlanOptions = {}): Promise<PlanReport> {
  const b = new Batcher(store);
  const report: PlanReport = { enqueued: 0, seen: 0, quarantined: 0, feeds: [] };
  const quarantine = async (origin: string, reason: string, content: string | null) => {
    report.quarantined++;
    await store.quarantine({ origin, reason, content });
  };
  for (const input of inputs) {
    if (isUrl(input)) {
      await planUrl(input, store, b, opts, report, quarantine);
      continue;
    }
    const abs = resolve(input);
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(abs);
    } catch (e) {
      await quarantine(`path:${abs}`, 'unreadable', (e as Error).message);
      continue;
    }
    const files = st.isDirectory() ? [...walk(abs)] : [abs];
    for (const f of files) {
      if (f.endsWith('.meta.json')) continue;
      if (isJsonl(f)) await planJsonl(f, b, opts, quarantine);
      else {
        const fst = statSync(f);
        await b.add(`file:${f}:${fst.size}:${Math.round(fst.mtimeMs)}`, { type: 'file', path: f, published: opts.published ?? null });
      }
    }
  }
  await b.flush();
  report.enqueued = b.enqueued;
  report.seen = b.seen;
  return report;
}

async function planJsonl(
  path: string,
  b: Batcher,
  opts: PlanOptions,
  quarantine: (o: string, r: string, c: string | null) => Promise<void>,
): Promise<void> {
  const raw = createReadStream(path);
  const stream = /\.gz$/i.test(path) ? raw.pipe(createGunzip()) : raw;
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const line of rl) {
      n++;
      if (line.trim() === '') continue;
      const origin = `${path}:${n}`;
      let obj: Record<string, unknown>;
      try {
        obj = JSON.parse(line) as Record<string, unknown>;
      } catch (_e) {
        await quarantine(origin, 'invalid_json', line);
        continue;
      }
      if (typeof obj !== 'object' || obj === null || typeof obj.text !== 'string') {
        await quarantine(origin, 'no_text_field', line);
        continue;
      }
      const s = (k: string) => (typeof obj[k] === 'string' && (obj[k] as string).trim() ? (obj[k] as string).trim() : null);
      const published = s('published')?.slice(0, 10) ?? s('date_extracted')?.slice(0, 10) ?? opts.published ?? null;
      const title = s('title');
      const text = title && !(obj.text as string).includes(title) ? `${title}\n\n${obj.text as string}` : (obj.text as string);
      const meta: ItemMeta = {
        id: s('id') ?? `${basename(path).replace(/\.jsonl(\.gz)?$/i, '')}-${n}`,
        published,
        source: s('source'),
        url: s('url'),
        title,
      };
      await b.add(`jsonl:${path}:${n}:${sha(line)}`, { type: 'item', origin, text, meta });
    }
  } catch (e) {
    await quarantine(path, 'unreadable', (e as Error).message);
  }
}

async function planUrl(
  url: string,
  store: Store,
  b: Batcher,
  opts: PlanOptions,
  report: PlanReport,
  quarantine: (o: string, r: string, c: string | null) => Promise<void>,
): Promise<void> {
  const now = (opts.now ?? (() => new Date()))().toISOString();
  const state = await store.getFeedState(url);
  const res = await fetchConditional(url, state, opts.fetch ?? DEFAULT_FETCH);
  const base = state ?? {
    url,
    etag: null,
    last_modified: null,
    last_status: null,
    last_error: null,
    failures: 0,
    items_seen: 0,
    fetched_at: null,
  };
  if (res.kind === 'not_modified') {
    await store.saveFeedState({ ...base, last_status: 304, last_error: null, failures: 0, fetched_at: now });
    report.feeds.push({ url, status: 'not_modified', items: 0 });
    return;
  }
  if (res.kind === 'error') {
    await store.saveFeedState({ ...base, last_status: res.status, last_error: res.error, failures: base.failures + 1, fetched_at: now });
    await quarantine(url, `fetch_failed: ${res.error}`, null);
    report.feeds.push({ url, status: res.error, items: 0 });
    return;
  }
  if (!looksLikeFeed(res.body, res.contentType)) {
    await b.add(`url:${url}:${sha(res.body)}`, {
      type: 'html',
      origin: url,
      html: res.body,
      meta: { id: url, url, published: opts.published ?? null },
    });
    report.feeds.push({ url, status: 'page', items: 1 });
    return;
  }
  let items: ReturnType<typeof parseFeed>;
  try {
    items = parseFeed(res.body);
  } catch (e) {
    const reason = e instanceof FeedParseError ? `malformed_feed: ${e.message}` : `malformed_feed: ${(e as Error).message}`;
    await store.saveFeedState({ ...base, last_status: res.status, last_error: reason, failures: base.failures + 1, fetched_at: now });
    await quarantine(url, reason, res.body);
    report.feeds.push({ url, status: 'malformed', items: 0 });
    return;
  }
  for (const it of items) {
    const meta: ItemMeta = { id: it.id, published: it.published ?? opts.published ?? null, source: null, url: it.link, title: it.title };
    const key = `feed:${url}:${it.id}`;
    const text = it.title && !it.text.includes(it.title) ? `${it.title}\n\n${it.text}` : it.text;
    if (it.text.length >= 200 || !it.link) await b.add(key, { type: 'item', origin: `${url}#${it.id}`, text, meta });
    else await b.add(key, { type: 'url', url: it.link, meta });
  }
  await store.saveFeedState({
    ...base,
    etag: res.etag,
    last_modified: res.lastModified,
    last_status: res.status,
    last_error: null,
    failures: 0,
    items_seen: base.items_seen + items.length,
    fetched_at: now,
  });
  report.feeds.push({ url, status: 'ok', items: items.length });
}
