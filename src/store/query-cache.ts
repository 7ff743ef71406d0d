// A small in-process cache of query results, keyed by the query, emptied by every write this process commits.
// Identical queries running at the same time share one database round trip (the map view of 200 analysts asks
// the same thing). Another process writing to the same PostgreSQL database is not seen by invalidation, so
// entries also expire after `ttlMs` (the embedded database admits one process, so there it can be long).

export interface QueryCacheOptions {
  /** most entries kept (least recently used dropped first); 0 disables the cache */
  maxEntries: number;
  /** an entry older than this is not served */
  ttlMs: number;
  /** results holding more rows than this are not kept */
  maxRows: number;
  /** rows kept in all entries together (least recently used dropped first) */
  maxTotalRows: number;
}

interface Entry<T> {
  value: Promise<T>;
  at: number;
  generation: number;
  /** rows held, once resolved */
  rows: number;
}

export class QueryCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private generation = 0;
  private totalRows = 0;

  constructor(readonly opts: QueryCacheOptions) {}

  /** Forget everything: call after a write commits (and before it starts, so no query straddling it is kept). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.totalRows = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached value of `key`, or `load()`'s (shared with concurrent callers). `rows` tells how big a result is;
   * big ones are served to the callers waiting for them but not kept.
   */
  get<T>(key: string, load: () => Promise<T>, rows: (v: T) => number): Promise<T> {
    if (this.opts.maxEntries <= 0) return load();
    const now = Date.now();
    const hit = this.entries.get(key) as Entry<T> | undefined;
    if (hit && hit.generation === this.generation && now - hit.at <= this.opts.ttlMs) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const generation = this.generation;
    const value = load();
    const entry: Entry<T> = { value, at: now, generation, rows: 0 };
    if (hit) this.drop(key, hit);
    this.entries.set(key, entry as Entry<unknown>);
    this.evict();
    value.then(
      (v) => {
        // a write committed meanwhile, or too big: do not keep
        const n = rows(v);
        if (generation !== this.generation || n > this.opts.maxRows) this.drop(key, entry);
        else if (this.entries.get(key) === entry) {
          entry.rows = n;
          this.totalRows += n;
          this.evict();
        }
      },
      () => this.drop(key, entry),
    );
    return value;
  }

  /** Drop least recently used entries while over the entry or row budget. */
  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.entries.size <= this.opts.maxEntries && this.totalRows <= this.opts.maxTotalRows) return;
      this.drop(key, e);
    }
  }

  private drop(key: string, entry: Entry<unknown>): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.totalRows -= entry.rows;
  }
}

/** A stable key for a plain query object (property order does not matter; undefined properties are left out). */
export function queryKey(kind: string, q: object): string {
  const o = q as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `${kind}:${JSON.stringify(keys.map((k) => [k, o[k]]))}`;
}
