// Request and response schemas of the HTTP API (zod, with OpenAPI metadata).
import { z } from '@hono/zod-openapi';
import { ISO_DATE } from '../store/filters.ts';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const isoDate = z.string().regex(ISO_DATE, 'expected an ISO date YYYY-MM-DD');

/** Upper bound on article length in characters (the byte limit on bodies is enforced separately). */
export const MAX_TEXT_CHARS = 200_000;

export const ArticleInputSchema = z
  .object({
    text: z.string().min(1).max(MAX_TEXT_CHARS).openapi({ description: 'article text (Arabic)' }),
    published: isoDate.nullish().openapi({
      description: 'publication date; relative dates resolve against it',
    }),
    id: z.string().min(1).max(200).optional().openapi({
      description: 'article id; default derived from the content hash',
    }),
    source: z.string().max(500).nullish(),
    url: z.string().max(2000).nullish(),
  })
  .openapi('ArticleInput');

export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).openapi('Span');

export const DoubtSchema = z
  .object({
    code: z.string(),
    field: z.string().optional(),
    message: z.string(),
    span: SpanSchema.optional(),
  })
  .openapi('Doubt');

export const ClaimSchema = z
  .object({
    source: z.string(),
    field: z.string(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    span: SpanSchema.optional(),
  })
  .openapi('Claim');

export const EventRecordSchema = z
  .looseObject({
    event_id: z.string(),
    background: z.boolean(),
    event_date: z.string().nullable(),
    event_type: z.string(),
    sub_event_type: z.string(),
    actor1: z.string().nullable(),
    actor2: z.string().nullable(),
    country: z.string().nullable(),
    admin1: z.string().nullable(),
    location: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    fatalities: z.number(),
    sources: z.array(z.string()),
    confidence: z.number(),
    claims: z.array(ClaimSchema),
    doubts: z.array(DoubtSchema),
    evidence: z.record(z.string(), z.array(SpanSchema)),
  })
  .openapi('EventRecord', {
    description: 'ACLED columns plus evidence, doubts and claims (see src/types.ts)',
  });

export const ArticleRecordSchema = z
  .looseObject({
    id: z.string(),
    published: z.string().nullable(),
    language: z.string(),
    sha256: z.string(),
    chars: z.number(),
  })
  .openapi('ArticleRecord');

export const ExtractionResultSchema = z
  .object({
    article: ArticleRecordSchema,
    events: z.array(EventRecordSchema),
    doubts: z.array(DoubtSchema),
  })
  .openapi('ExtractionResult');

export const StoredEventSchema = EventRecordSchema.extend({
  id: z.string(),
  article_ids: z.array(z.string()),
  reports: z.number(),
  review_status: z.enum(['unreviewed', 'accepted', 'corrected']),
}).openapi('StoredEvent');

export const ReviewSchema = z
  .object({
    id: z.string(),
    event_id: z.string(),
    field: z.string(),
    action: z.enum(['accept', 'correct']),
    old_value: z.unknown(),
    new_value: z.unknown(),
    reviewer: z.string(),
    note: z.string().nullish(),
    at: z.string(),
  })
  .openapi('Review');

export const EventDetailSchema = z
  .object({
    event: StoredEventSchema,
    articles: z.array(ArticleRecordSchema.extend({ text: z.string() })),
    records: z.array(z.object({ article_id: z.string(), record: EventRecordSchema })),
    reviews: z.array(ReviewSchema),
  })
  .openapi('EventDetail');

export const IngestResultSchema = z
  .object({
    article_id: z.string(),
    inserted: z.boolean(),
    events: z.number().int(),
    result: ExtractionResultSchema,
  })
  .openapi('IngestResult');

const bboxString = z
  .string()
  .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'expected minLon,minLat,maxLon,maxLat')
  .openapi({ example: '35.5,32.3,42.4,37.4' });

export const EventQuerySchema = z.object({
  from: isoDate.optional().openapi({ description: 'first event date, inclusive' }),
  to: isoDate.optional().openapi({ description: 'last event date, inclusive' }),
  country: z.string().max(200).optional(),
  admin1: z.string().max(200).optional(),
  type: z.string().max(200).optional().openapi({ description: 'ACLED event_type' }),
  actor: z.string().max(200).optional(),
  bbox: bboxString.optional(),
  q: z.string().max(500).optional().openapi({
    description: 'free text over places and actors (Arabic or English)',
  }),
  background: z.enum(['true', 'false']).optional().openapi({ description: 'include background (historical) events' }),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  count: z.enum(['estimate', 'exact', 'capped', 'none']).default('estimate').openapi({
    description:
      "`estimate` (default): exact up to 1,000 matches, the query planner's estimate beyond (total_exact false); `exact`: counts every match (slow on large results); `capped`: counts up to 10,000; `none`: no count (total = offset + rows; page with `more`)",
  }),
  view: z.enum(['list', 'full']).default('list').openapi({
    description: '`list` leaves out evidence spans and claims (get them from /api/events/{id}); `full` returns whole records',
  }),
});

/** A list row: the stored event without its evidence spans and claims (unless view=full). */
export const EventRowSchema = StoredEventSchema.extend({
  evidence: EventRecordSchema.shape.evidence.optional(),
  claims: EventRecordSchema.shape.claims.optional(),
}).openapi('EventRow');

export const EventListSchema = z
  .object({
    total: z.number().int(),
    total_exact: z.boolean().openapi({ description: 'false when total is a lower bound (count=capped or none)' }),
    more: z.boolean().openapi({ description: 'true when another page follows' }),
    limit: z.number().int(),
    offset: z.number().int(),
    events: z.array(EventRowSchema),
  })
  .openapi('EventList');

export const EventIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'evt_1' }),
});

export const ReviewInputSchema = z
  .object({
    field: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9_]+$/, 'expected a record field name'),
    action: z.enum(['accept', 'correct']),
    value: z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(z.string().max(500)).max(50)]).optional(),
    reviewer: z.string().min(1).max(200).optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((r) => r.action === 'accept' || r.value !== undefined, {
    message: 'a correction needs a value',
    path: ['value'],
  })
  .openapi('ReviewInput');

export const ExportQuerySchema = EventQuerySchema.omit({
  limit: true,
  offset: true,
  count: true,
  view: true,
}).extend({
  format: z.enum(['acled-csv', 'json', 'geojson']).default('json'),
});
