// Serves the built web app (web/dist) with a single-page fallback to index.html.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function serveWeb(root: string): MiddlewareHandler {
  const base = normalize(root + sep);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return next();
    }
    let path = normalize(join(base, rel));
    if (!path.startsWith(base)) return next();
    if (!(await isFile(path))) {
      if (extname(rel)) return next(); // a missing asset is a 404, not the app
      path = join(base, 'index.html');
      if (!(await isFile(path))) return next();
    }
    const body = await readFile(path);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const immutable = rel.startsWith('/assets/');
    const headers = {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
  };
}
