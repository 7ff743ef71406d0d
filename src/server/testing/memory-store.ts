// INTERIM in-memory Store (same contract) used by the server tests until src/store/index.ts lands.
import type { AddArticleResult, EventDetail, EventQuery, Review, Store, StoredArticle, StoredEvent } from '../../store/types.ts';
import type { EventRecord, ExtractionResult } from '../../types.ts';

export function memoryStore(): Store {
  const articles = new Map<string, StoredArticle>();
  const bySha = new Map<string, string>();
  const events = new Map<string, StoredEvent>();
  const records = new Map<string, Array<{ article_id: string; record: EventRecord }>>();
  const reviews: Review[] = [];
  let seq = 0;
  const store = {
    engine: 'pglite' as const,
    async addExtraction(text: string, result: ExtractionResult): Promise<AddArticleResult> {
      const known = bySha.get(result.article.sha256);
      if (known) return { article_id: known, inserted: false, events: 0 };
      const id = result.article.id;
      articles.set(id, { ...result.article, text });
      bySha.set(result.article.sha256, id);
      for (const e of result.events) {
        const eid = `ev${++seq}`;
        events.set(eid, {
          ...structuredClone(e),
          id: eid,
          article_ids: [id],
          reports: 1,
          review_status: 'unreviewed',
        });
        records.set(eid, [{ article_id: id, record: e }]);
      }
      return { article_id: id, inserted: true, events: result.events.length };
    },
    async queryEvents(q: EventQuery) {
      const all = [...events.values()].filter((e) => {
        if (!q.includeBackground && e.background) return false;
        if (q.from && (!e.event_date || e.event_date < q.from)) return false;
        if (q.to && (!e.event_date || e.event_date > q.to)) return false;
        if (q.country && e.country !== q.country) return false;
        if (q.admin1 && e.admin1 !== q.admin1) return false;
        if (q.event_type && e.event_type !== q.event_type) return false;
        if (q.actor && ![e.actor1, e.actor2].some((a) => a?.toLowerCase().includes(q.actor!.toLowerCase()))) return false;
        if (q.bbox) {
          const [a, b, c, d] = q.bbox;
          if (e.longitude === null || e.latitude === null || e.longitude < a || e.longitude > c || e.latitude < b || e.latitude > d)
            return false;
        }
        if (q.q) {
          const hay = [e.location, e.location_ar, e.actor1, e.actor2, e.admin1, e.country].join(' ').toLowerCase();
          if (!hay.includes(q.q.toLowerCase())) return false;
        }
        return true;
      });
      all.sort((x, y) => (y.event_date ?? '').localeCompare(x.event_date ?? ''));
      const offset = q.offset ?? 0;
      return {
        total: all.length,
        events: all.slice(offset, offset + (q.limit ?? 100)),
      };
    },
    async getEvent(id: string): Promise<EventDetail | null> {
      const event = events.get(id);
      if (!event) return null;
      return {
        event,
        articles: event.article_ids.map((a) => articles.get(a)!).filter(Boolean),
        records: records.get(id) ?? [],
        reviews: reviews.filter((r) => r.event_id === id),
      };
    },
    async review(eventId: string, r: { field: string; action: 'accept' | 'correct'; value?: unknown; reviewer: string; note?: string }): Promise<Review> {
      const event = events.get(eventId);
      if (!event) throw new Error(`unknown event ${eventId}`);
      const old = (event as unknown as Record<string, unknown>)[r.field];
      const rev: Review = {
        id: `rv${reviews.length + 1}`,
        event_id: eventId,
        field: r.field,
        action: r.action,
        old_value: old ?? null,
        new_value: r.action === 'correct' ? r.value : (old ?? null),
        reviewer: r.reviewer,
        note: r.note ?? null,
        at: new Date().toISOString(),
      };
      reviews.push(rev);
      if (r.action === 'correct') (event as unknown as Record<string, unknown>)[r.field] = r.value;
      event.review_status = r.action === 'correct' || event.review_status === 'corrected' ? 'corrected' : 'accepted';
      return rev;
    },
    async quarantine() {},
    async close() {},
  };
  // the contract grows (jobs, feeds…); the server only uses the methods above
  return store as unknown as Store;
}
