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
}

interface Entry<T> {
  value: Promise<T>;
  at: number;
  generation: number;
}

export class QueryCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private generation = 0;

  constructor(readonly opts: QueryCacheOptions) {}

  /** Forget everything: call after a write commits (and before it starts, so no query straddling it is kept). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
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
    const entry: Entry<T> = { value, at: now, generation };
    this.entries.set(key, entry as Entry<unknown>);
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    value.then(
      (v) => {
        // a write committed meanwhile, or too big: do not keep
        if (generation !== this.generation || rows(v) > this.opts.maxRows) this.drop(key, entry);
      },
      () => this.drop(key, entry),
    );
    return value;
  }

  private drop(key: string, entry: Entry<unknown>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
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
