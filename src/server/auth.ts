// Write routes: an API key when one is configured; otherwise only clients on the loopback interface.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { sendProblem } from './problem.ts';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** The remote address of a request served by @hono/node-server; undefined in-process (`app.request`). */
export function remoteAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

export function presentedKey(c: Context): string | undefined {
  const header = c.req.header('x-api-key');
  if (header) return header;
  const auth = c.req.header('authorization');
  const m = auth ? /^Bearer\s+(.+)$/i.exec(auth) : null;
  return m ? m[1].trim() : undefined;
}

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function requireWriteAccess(apiKey: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (apiKey) {
      const key = presentedKey(c);
      if (!key) return sendProblem(c, 401, 'api-key-missing', 'this route needs an API key (header X-API-Key or Authorization: Bearer)');
      if (!sameKey(key, apiKey)) return sendProblem(c, 401, 'api-key-invalid', 'the API key is not valid');
    } else if (!isLoopback(remoteAddress(c))) {
      return sendProblem(c, 403, 'loopback-only', 'no API key is configured, so writes are accepted only from the loopback interface');
    }
    await next();
  };
}
