// One queue job → an article in the store (via the extraction pipeline) or a quarantined item with its reason.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Pipeline } from '../pipeline/index.ts';
import type { Job, JobOutcome, Store } from '../store/types.ts';
import type { ArticleMeta } from '../types.ts';
import { checkText, type Decoded, decodeBytes, lossyText } from './decode.ts';
import { DEFAULT_FETCH, type FetchOptions, fetchConditional } from './feed.ts';
import { extractPage } from './html.ts';
import type { ItemMeta, JobPayload } from './inputs.ts';

export interface WorkerContext {
  pipeline: Pipeline;
  fetch?: FetchOptions;
}

export type JobResult = 'added' | 'duplicate' | 'quarantined';

interface Material {
  origin: string;
  decoded: Decoded;
  meta: ItemMeta;
  /** what quarantine keeps when rejected */
  raw: string | null;
}

function sidecar(path: string): Partial<ItemMeta> {
  const p = path.replace(/\.(txt|html?)$/i, '.meta.json');
  if (p === path || !existsSync(p)) return {};
  try {
    const m = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
    const s = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : null);
    return { published: s('published'), source: s('source'), url: s('url'), title: s('title') };
  } catch {
    return {};
  }
}

function fromHtml(html: string, origin: string, meta: ItemMeta): Material {
  const page = extractPage(html, meta.url ?? 'http://localhost/');
  if (!page) return { origin, decoded: { ok: false, reason: 'no_article', detail: 'no main text found in the HTML' }, meta, raw: html };
  const text = page.title && !page.text.includes(page.title) ? `${page.title}\n\n${page.text}` : page.text;
  return {
    origin,
    decoded: checkText(text),
    meta: { ...meta, title: meta.title ?? page.title, published: meta.published ?? page.published },
    raw: html,
  };
}

async function materialise(p: JobPayload, ctx: WorkerContext): Promise<Material> {
  switch (p.type) {
    case 'item':
      return { origin: p.origin, decoded: checkText(p.text), meta: p.meta, raw: p.text };
    case 'html':
      return fromHtml(p.html, p.origin, p.meta);
    case 'url': {
      const res = await fetchConditional(p.url, null, ctx.fetch ?? DEFAULT_FETCH);
      if (res.kind !== 'ok')
        return {
          origin: p.url,
          decoded: { ok: false, reason: `fetch_failed: ${res.kind === 'error' ? res.error : '304'}` },
          meta: p.meta,
          raw: null,
        };
      return fromHtml(res.body, p.url, p.meta);
    }
    case 'file': {
      const side = sidecar(p.path);
      const meta: ItemMeta = { id: basename(p.path).replace(/\.[^.]+$/, ''), ...side, published: side.published ?? p.published ?? null };
      let buf: Buffer;
      try {
        buf = readFileSync(p.path);
      } catch (e) {
        return { origin: p.path, decoded: { ok: false, reason: 'unreadable', detail: (e as Error).message }, meta, raw: null };
      }
      const ext = extname(p.path).toLowerCase();
      const isHtml = ext === '.html' || ext === '.htm';
      const decoded = decodeBytes(buf, { language: !isHtml });
      if (decoded.ok && isHtml) return fromHtml(decoded.text, p.path, meta);
      return { origin: p.path, decoded, meta, raw: decoded.ok ? decoded.text : lossyText(buf) };
    }
  }
}

/** Handle one job inside its claiming transaction (`tx`). Bad input is quarantined, never thrown. */
export async function handleJob(job: Job, tx: Store, ctx: WorkerContext): Promise<{ outcome: JobOutcome; result: JobResult }> {
  const m = await materialise(job.payload as JobPayload, ctx);
  if (!m.decoded.ok) {
    const reason = m.decoded.detail ? `${m.decoded.reason}: ${m.decoded.detail}` : m.decoded.reason;
    await tx.quarantine({ origin: m.origin, reason, content: m.raw });
    return { outcome: { ok: true }, result: 'quarantined' };
  }
  const text = m.decoded.text;
  const hash = createHash('sha256').update(text).digest('hex');
  if (await tx.hasArticle(hash)) return { outcome: { ok: true }, result: 'duplicate' };
  const meta: ArticleMeta = { id: m.meta.id, published: m.meta.published ?? null, source: m.meta.source ?? null, url: m.meta.url ?? null };
  let result: ReturnType<Pipeline['run']>;
  try {
    result = ctx.pipeline.run(text, meta);
  } catch (e) {
    await tx.quarantine({ origin: m.origin, reason: `extract_failed: ${(e as Error).message}`, content: text });
    return { outcome: { ok: true }, result: 'quarantined' };
  }
  const added = await tx.addExtraction(text, { ...result, article: { ...result.article, sha256: hash } });
  return { outcome: { ok: true }, result: added.inserted ? 'added' : 'duplicate' };
}
