// The HTTP API (Hono + zod-openapi): one route definition validates input and documents itself.
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import { type ExportFormat, formatRows } from '../export/index.ts';
import type { Pipeline } from '../pipeline/index.ts';
import { queryProblem } from '../store/filters.ts';
import type { EventQuery, Store } from '../store/types.ts';
import type { ArticleMeta } from '../types.ts';
import { requireWriteAccess } from './auth.ts';
import { renderDocsPage } from './docs-page.ts';
import { problem, problemResponse, sendProblem } from './problem.ts';
import { toEventQuery } from './query.ts';
import { checkFieldValue } from './review-fields.ts';
import {
  ArticleInputSchema,
  EventDetailSchema,
  EventIdParam,
  EventListSchema,
  EventQuerySchema,
  ExportQuerySchema,
  ExtractionResultSchema,
  IngestResultSchema,
  ProblemSchema,
  ReviewInputSchema,
  ReviewSchema,
} from './schemas.ts';
import { serveWeb } from './static.ts';

export interface AppOptions {
  store: Store;
  pipeline: Pipeline;
  /** required for write routes when set; when unset, writes are accepted only from loopback clients */
  apiKey?: string;
  /** request body limit in bytes (default 2 MiB) */
  maxBodyBytes?: number;
  /** per-request time limit in ms (default 30 s) */
  timeoutMs?: number;
  /** directory of the built web app to serve at / (optional) */
  webDir?: string;
  /** most events one export may hold (default 200,000) */
  maxExport?: number;
}

const problemContent = {
  'application/problem+json': { schema: ProblemSchema },
};
const err = (description: string) => ({ description, content: problemContent });
const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T>(schema: T) => ({
  required: true as const,
  content: { 'application/json': { schema } },
});

export function articleMeta(input: {
  text: string;
  id?: string;
  published?: string | null;
  source?: string | null;
  url?: string | null;
}): ArticleMeta {
  const id = input.id ?? `api-${createHash('sha256').update(input.text).digest('hex').slice(0, 12)}`;
  return {
    id,
    published: input.published ?? null,
    source: input.source ?? null,
    url: input.url ?? null,
  };
}

export function createApp(opts: AppOptions): OpenAPIHono {
  const { store, pipeline } = opts;
  const maxBody = opts.maxBodyBytes ?? 2 * 1024 * 1024;
  const maxExport = opts.maxExport ?? 200_000;
  const bodies = new WeakMap<object, string>();

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const errors = result.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(body)',
        message: i.message,
      }));
      return problemResponse(
        problem(422, 'validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors }),
        new URL(c.req.url).pathname,
      );
    },
  });

  app.onError((e, c) => {
    if (e instanceof HTTPException) {
      const slug = e.status === 504 ? 'timeout' : e.status === 400 ? 'malformed-request' : 'http';
      return sendProblem(c, e.status, slug, e.message || undefined);
    }
    process.stderr.write(`marsad serve: ${(e as Error).stack ?? String(e)}\n`);
    return sendProblem(c, 500, 'internal', 'the server failed to handle this request; nothing was stored half-way');
  });
  app.notFound((c) => sendProblem(c, 404, 'not-found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`));

  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html')) {
      c.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'",
      );
    }
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) => sendProblem(c, 413, 'body-too-large', `request bodies are limited to ${maxBody} bytes`),
    }),
  );
  app.use(
    '/api/*',
    timeout(opts.timeoutMs ?? 30_000, () => new HTTPException(504, { message: 'the request took too long' })),
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'ApiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
  });
  const write = requireWriteAccess(opts.apiKey);
  const writeErrors = {
    401: err('API key missing or invalid'),
    403: err('no API key configured and the client is not on loopback'),
  };

  // POST /api/extract — the same JSON as `marsad extract`, nothing stored
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/extract',
      summary: 'Extract events from an article (nothing is stored)',
      description: 'Returns exactly the JSON `marsad extract` prints for the same text and publication date.',
      request: {
        body: jsonBody(ArticleInputSchema),
      },
      responses: {
        200: json(ExtractionResultSchema, 'the extraction'),
        400: err('malformed JSON'),
        413: err('body too large'),
        422: err('invalid input'),
      },
    }),
    (c) => {
      const input = c.req.valid('json');
      return c.json(pipeline.run(input.text, articleMeta(input)), 200);
    },
  );

  // POST /api/ingest — extract and store
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/ingest',
      summary: 'Extract events from an article and store them',
      description: 'Idempotent by content hash: posting the same text twice stores it once.',
      security: [{ ApiKey: [] }],
      middleware: [write] as const,
      request: {
        body: jsonBody(ArticleInputSchema),
      },
      responses: {
        200: json(IngestResultSchema, 'already stored (same content hash)'),
        201: json(IngestResultSchema, 'stored'),
        400: err('malformed JSON'),
        413: err('body too large'),
        422: err('invalid input'),
        ...writeErrors,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const result = pipeline.run(input.text, articleMeta(input));
      const added = await store.addExtraction(input.text, result);
      return c.json({ ...added, result }, added.inserted ? 201 : 200);
    },
  );

  // GET /api/events
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      summary: 'Query stored events',
      request: { query: EventQuerySchema },
      responses: {
        200: json(EventListSchema, 'a page of events, newest first'),
        422: err('invalid query'),
      },
    }),
    async (c) => {
      const params = c.req.valid('query');
      const q: EventQuery = toEventQuery(params);
      const bad = queryProblem(q);
      if (bad) return sendProblem(c, 422, 'validation', bad) as never;
      const page = await store.queryEvents(q);
      // the store hands out the same page object while its cache holds it: serialise that once
      let body = bodies.get(page);
      if (body === undefined) {
        body = JSON.stringify({
          total: page.total,
          total_exact: page.total_exact,
          more: page.more,
          limit: params.limit,
          offset: params.offset,
          events: page.events,
        });
        bodies.set(page, body);
      }
      return c.body(body, 200, { 'content-type': 'application/json' }) as never;
    },
  );

  // GET /api/events/:id
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}',
      summary: 'One event with its articles, per-article records (evidence, claims), and reviews',
      request: { params: EventIdParam },
      responses: {
        200: json(EventDetailSchema, 'the event'),
        404: err('unknown event id'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const detail = await store.getEvent(id);
      if (!detail) return sendProblem(c, 404, 'unknown-event', `no event with id ${id}`) as never;
      return c.json(detail, 200);
    },
  );

  // POST /api/events/:id/review
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/events/{id}/review',
      summary: 'Accept or correct one field of an event (kept as an audit entry)',
      security: [{ ApiKey: [] }],
      middleware: [write] as const,
      request: {
        params: EventIdParam,
        body: jsonBody(ReviewInputSchema),
      },
      responses: {
        201: json(ReviewSchema, 'the audit entry'),
        400: err('malformed JSON'),
        404: err('unknown event id'),
        422: err('invalid review'),
        ...writeErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      let value: unknown;
      if (input.action === 'correct') {
        const checked = checkFieldValue(input.field, input.value);
        if (!checked.ok)
          return sendProblem(c, 422, 'validation', checked.message, {
            errors: [{ path: 'value', message: checked.message }],
          }) as never;
        value = checked.value;
      } else {
        const checked = checkFieldValue(input.field, undefined);
        if (!checked.ok && checked.message.includes('cannot be reviewed'))
          return sendProblem(c, 422, 'validation', checked.message) as never;
      }
      if (!(await store.getEvent(id))) return sendProblem(c, 404, 'unknown-event', `no event with id ${id}`) as never;
      const review = await store.review(id, {
        field: input.field,
        action: input.action,
        ...(input.action === 'correct' ? { value } : {}),
        reviewer: input.reviewer ?? 'analyst',
        ...(input.note ? { note: input.note } : {}),
      });
      return c.json(review, 201);
    },
  );

  // GET /api/export
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/export',
      summary: 'Export the events matching a query (ACLED CSV, JSON or GeoJSON)',
      request: { query: ExportQuerySchema },
      responses: {
        200: {
          description: 'the export file',
          content: {
            'text/csv': { schema: z.string() },
            'application/json': { schema: z.unknown() },
            'application/geo+json': { schema: z.unknown() },
          },
        },
        422: err('invalid query'),
      },
    }),
    async (c) => {
      const params = c.req.valid('query');
      const base = toEventQuery(params);
      const bad = queryProblem(base);
      if (bad) return sendProblem(c, 422, 'validation', bad) as never;
      const rows = await store.exportRows({ ...base, limit: maxExport });
      const format = params.format as ExportFormat;
      const body = formatRows(format, rows);
      const [type, ext] =
        format === 'acled-csv'
          ? ['text/csv; charset=utf-8', 'csv']
          : format === 'geojson'
            ? ['application/geo+json', 'geojson']
            : ['application/json', 'json'];
      return c.body(body, 200, {
        'content-type': type,
        'content-disposition': `attachment; filename="marsad-events.${ext}"`,
      }) as never;
    },
  );

  const docConfig = {
    openapi: '3.1.0',
    info: {
      title: 'marsad',
      version: '0.1.0',
      description:
        'Arabic conflict-event extraction: ACLED-compatible, source-attributed event records with evidence spans. Write routes need an API key (X-API-Key) when the server has one; otherwise they accept loopback clients only.',
    },
  };
  app.doc31('/openapi.json', docConfig);
  app.get('/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document(docConfig) as Parameters<typeof renderDocsPage>[0])));
  app.get('/api/health', (c) => c.json({ ok: true, engine: store.engine }));

  if (opts.webDir) app.use('*', serveWeb(opts.webDir));
  return app;
}
