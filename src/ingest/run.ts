// Ingest run: plan inputs into the queue, then work it off — in this process (embedded or server), or in N
// worker processes sharing a PostgreSQL database through FOR UPDATE SKIP LOCKED on the jobs table.
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { createPipeline, loadResources } from '../pipeline/index.ts';
import type { Store, StoreStats } from '../store/types.ts';
import type { FetchOptions } from './feed.ts';
import { type PlanReport, planInputs } from './inputs.ts';
import type { Progress } from './progress.ts';
import { handleJob, type JobResult } from './worker.ts';

export interface IngestOptions {
  inputs: ReadonlyArray<string>;
  published?: string | null;
  workers?: number;
  /** jobs per claiming transaction (default: 16 embedded, 1 on a server so merge locks are held briefly) */
  batch?: number;
  fetch?: FetchOptions;
  progress?: Progress;
  /** the database target, needed to start worker processes */
  db?: string;
  /** command line that starts one worker process (argv after the node binary); default: this CLI's `ingest --worker` */
  workerCommand?: (db: string) => string[];
}

export interface IngestReport {
  plan: PlanReport;
  added: number;
  duplicates: number;
  quarantined: number;
  failed: number;
  seconds: number;
  before: StoreStats;
  after: StoreStats;
}

/** Work the queue in this process until it is empty. */
export async function workQueue(
  store: Store,
  opts: { batch?: number; fetch?: FetchOptions; onBatch?: (counts: Record<JobResult | 'failed', number>) => void } = {},
) {
  const pipeline = createPipeline({ resources: loadResources() });
  const worker = `${hostname()}:${process.pid}`;
  const counts: Record<JobResult | 'failed', number> = { added: 0, duplicate: 0, quarantined: 0, failed: 0 };
  for (;;) {
    const n = await store.work(worker, opts.batch ?? defaultBatch(store), async (job, tx) => {
      try {
        const { outcome, result } = await handleJob(job, tx, { pipeline, fetch: opts.fetch });
        counts[result]++;
        return outcome;
      } catch (e) {
        counts.failed++;
        throw e;
      }
    });
    if (n === 0) break;
    opts.onBatch?.(counts);
  }
  return counts;
}

/** Embedded: one process, batching saves commits. Server: one job per transaction, so the advisory locks taken
 * for merging are held only while that job's rows are written (not while the next job is extracted). */
export const defaultBatch = (store: Store): number => (store.engine === 'pglite' ? 16 : 1);

function defaultWorkerCommand(db: string): string[] {
  return [...process.execArgv, process.argv[1] as string, 'ingest', '--worker', '--db', db, '--progress', 'none'];
}

export async function runIngest(store: Store, opts: IngestOptions): Promise<IngestReport> {
  const t0 = Date.now();
  const before = await store.stats();
  const plan = await planInputs(opts.inputs, store, { published: opts.published ?? null, fetch: opts.fetch });
  const start = await store.stats();
  const total = start.jobs.queued ?? 0;
  const workers = Math.max(1, opts.workers ?? 1);
  let counts = { added: 0, duplicate: 0, quarantined: 0, failed: 0 };
  opts.progress?.update(0, total);
  if (workers === 1) {
    counts = await workQueue(store, {
      batch: opts.batch,
      fetch: opts.fetch,
      onBatch: (c) => opts.progress?.update(c.added + c.duplicate + c.quarantined + c.failed, total),
    });
  } else {
    if (store.engine !== 'postgres' || !opts.db)
      throw new Error('several workers need a PostgreSQL database (--db postgres://…); an embedded database takes one process');
    const cmd = opts.workerCommand ?? defaultWorkerCommand;
    const children = Array.from({ length: workers }, () =>
      spawn(process.execPath, cmd(opts.db as string), { stdio: ['ignore', 'ignore', 'inherit'] }),
    );
    const exits = children.map((c) => new Promise<number>((res) => c.on('exit', (code) => res(code ?? 1))));
    let running = true;
    const poll = (async () => {
      while (running) {
        await new Promise((r) => setTimeout(r, 500));
        // the queue only: full stats (counts of every table) would load the database the workers write to
        opts.progress?.update(total - (await store.queueDepth()), total);
      }
    })();
    const codes = await Promise.all(exits);
    running = false;
    await poll;
    if (codes.some((c) => c !== 0)) throw new Error(`worker processes exited with ${codes.join(', ')}`);
  }
  // the embedded engine has no autovacuum: refresh planner statistics after a sizeable load
  if (store.engine === 'pglite' && total >= 1000) await store.analyze();
  const after = await store.stats();
  opts.progress?.update(total, total);
  opts.progress?.stop();
  if (workers > 1) {
    counts = {
      added: after.articles - start.articles,
      duplicate: 0,
      quarantined: after.quarantine - start.quarantine,
      failed: (after.jobs.failed ?? 0) - (start.jobs.failed ?? 0),
    };
  }
  return {
    plan,
    added: counts.added,
    duplicates: counts.duplicate,
    quarantined: counts.quarantined + plan.quarantined,
    failed: counts.failed,
    seconds: (Date.now() - t0) / 1000,
    before,
    after,
  };
}
