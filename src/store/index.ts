// openStore(target): `postgres://…` → PostgreSQL server; anything else (default `.marsad/db` under the working
// directory) → embedded PGlite in that directory. Both run the same migrations and the same query layer.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDirLock } from './dir-lock.ts';
import { StoreError } from './errors.ts';
import { KyselyStore } from './kysely-store.ts';
import { migrationProvider } from './migrations.ts';
import { PgliteDialect } from './pglite-dialect.ts';
import type { QueryCacheOptions } from './query-cache.ts';
import type { Database } from './schema.ts';
import type { Store } from './types.ts';

export { StoreError } from './errors.ts';
export type * from './types.ts';

export const DEFAULT_DB_DIR = '.marsad/db';

export const isServerUrl = (t: string): boolean => /^postgres(ql)?:\/\//i.test(t);

export interface OpenOptions {
  /** pool size for a server (default 8: concurrent API queries run on separate connections) */
  poolSize?: number;
  /** query result cache settings (`{ maxEntries: 0 }` turns it off) */
  cache?: Partial<QueryCacheOptions>;
}

export async function openStore(target?: string, opts: OpenOptions = {}): Promise<Store> {
  const t = target?.trim() || DEFAULT_DB_DIR;
  return isServerUrl(t) ? openServer(t, opts) : openEmbedded(resolve(t), opts);
}

async function migrate(db: Kysely<Database>, where: string): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new StoreError('unusable_database', `migration ${failed ?? ''} failed on ${where}: ${(error as Error).message ?? String(error)}`);
  }
}

async function openServer(url: string, opts: OpenOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 8, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {
    // idle client errors (server restart) surface on the next query
  });
  const shown = url.replace(/\/\/[^@/]*@/, '//***@');
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end();
    throw new StoreError('connection', `cannot connect to ${shown}: ${(e as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db, shown);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyStore(db, { engine: 'postgres', cache: opts.cache });
}

/** Refuse a path that is not (and cannot become) a marsad embedded database, without writing to it. */
function checkDir(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new StoreError('unusable_database', `${dir} is a file; an embedded database is a directory`);
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  if (!entries.includes('PG_VERSION'))
    throw new StoreError('unusable_database', `${dir} is not an embedded database (no PG_VERSION) and is not empty; refusing to touch it`);
  const v = readFileSync(resolve(dir, 'PG_VERSION'), 'utf8').trim();
  if (!/^\d+$/.test(v))
    throw new StoreError('unusable_database', `${dir} looks corrupted: PG_VERSION holds "${v.slice(0, 20)}"; left as it was`);
  for (const needed of ['global', 'base'])
    if (!entries.includes(needed))
      throw new StoreError('unusable_database', `${dir} looks corrupted: "${needed}" is missing; left as it was`);
}

async function openEmbedded(dir: string, opts: OpenOptions = {}): Promise<Store> {
  checkDir(dir);
  mkdirSync(dirname(dir), { recursive: true });
  const release = acquireDirLock(`${dir}.lock`, dir);
  let pgl: PGlite | null = null;
  try {
    pgl = await PGlite.create(dir, { extensions: { pg_trgm } });
  } catch (e) {
    release();
    throw new StoreError('unusable_database', `cannot open embedded database ${dir}: ${(e as Error).message ?? String(e)}; left as it was`);
  }
  const instance = pgl;
  const db = new Kysely<Database>({ dialect: new PgliteDialect(instance) });
  const onClose = async () => {
    if (!instance.closed) await instance.close();
    release();
  };
  try {
    await migrate(db, dir);
  } catch (e) {
    await db.destroy();
    await onClose();
    throw e;
  }
  return new KyselyStore(db, { engine: 'pglite', onClose, cache: opts.cache });
}
