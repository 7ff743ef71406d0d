// Everything `marsad serve` does, as a function: open the store, build the web app when missing, seed the bundled
// examples into an empty store, serve API + app on a socket.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.ts';
import { createPipeline, loadResources, type Pipeline } from '../pipeline/index.ts';
import type { Store } from '../store/types.ts';
import { articleMeta, createApp } from './app.ts';
import { type Listening, listen } from './listen.ts';

export const REPO_ROOT = PACKAGE_ROOT;
export const WEB_ROOT = join(REPO_ROOT, 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** Builds web/dist with Vite (programmatically) unless it is already there. Returns the dist directory. */
export async function ensureWebBuilt(opts: { force?: boolean; log?: (s: string) => void } = {}): Promise<string> {
  if (!opts.force && existsSync(join(WEB_DIST, 'index.html'))) return WEB_DIST;
  opts.log?.('building the web app (vite)…');
  const { build } = await import('vite');
  await build({ root: WEB_ROOT, configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return WEB_DIST;
}

/** Bundled example articles: every `*.txt` under examples/ with an optional `<name>.meta.json` sidecar. */
export function listExamples(dir = EXAMPLES_DIR): Array<{ id: string; text: string; published: string | null; source: string | null }> {
  if (!existsSync(dir)) return [];
  const out: Array<{ id: string; text: string; published: string | null; source: string | null }> = [];
  const walk = (d: string) => {
    for (const ent of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.name.endsWith('.txt')) {
        const metaPath = p.replace(/\.txt$/, '.meta.json');
        const meta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { published?: string; source?: string }) : {};
        const name = basename(p, '.txt');
        out.push({
          id: name === 'article' ? basename(d) : name,
          text: readFileSync(p, 'utf8'),
          published: meta.published ?? null,
          source: meta.source ?? null,
        });
      }
    }
  };
  walk(dir);
  return out;
}

/** Ingests the bundled examples when the store holds no event yet. Returns how many articles were added. */
export async function seedExamples(store: Store, pipeline: Pipeline, dir = EXAMPLES_DIR): Promise<number> {
  const { total } = await store.queryEvents({ limit: 1, includeBackground: true });
  if (total > 0) return 0;
  let n = 0;
  for (const ex of listExamples(dir)) {
    const result = pipeline.run(ex.text, articleMeta({ text: ex.text, id: ex.id, published: ex.published, source: ex.source }));
    const r = await store.addExtraction(ex.text, result);
    if (r.inserted) n++;
  }
  return n;
}

export interface StartOptions {
  store: Store;
  pipeline?: Pipeline;
  port?: number;
  host?: string;
  apiKey?: string;
  /** ingest examples/ into an empty store (default true) */
  seed?: boolean;
  /** build web/dist when missing (default true) */
  build?: boolean;
  log?: (s: string) => void;
}

export async function startServer(opts: StartOptions): Promise<Listening & { seeded: number }> {
  const pipeline = opts.pipeline ?? createPipeline({ resources: loadResources() });
  const webDir = opts.build === false ? (existsSync(WEB_DIST) ? WEB_DIST : undefined) : await ensureWebBuilt({ log: opts.log });
  const seeded = opts.seed === false ? 0 : await seedExamples(opts.store, pipeline);
  const app = createApp({ store: opts.store, pipeline, apiKey: opts.apiKey, webDir });
  const l = await listen(app, { port: opts.port, host: opts.host });
  return { ...l, seeded };
}
