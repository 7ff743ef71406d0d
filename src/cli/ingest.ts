// `marsad ingest PATH|URL… [--db DIR|postgres://…] [--workers N] [--published YYYY-MM-DD]`
// `marsad ingest --worker --db postgres://…` runs one worker on a shared queue (see docs/workers.md).
import type { Command } from 'commander';
import { planInputs } from '../ingest/inputs.ts';
import { createProgress } from '../ingest/progress.ts';
import { runIngest, workQueue } from '../ingest/run.ts';
import { ISO_DATE } from '../store/filters.ts';
import { openStore } from '../store/index.ts';

interface Opts {
  db?: string;
  workers: string;
  published?: string;
  worker?: boolean;
  planOnly?: boolean;
  batch?: string;
  timeout: string;
  retries: string;
  progress: 'auto' | 'bar' | 'lines' | 'none';
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('store articles from files, folders, JSONL[.gz], HTML pages and RSS/Atom feeds; extract, merge, quarantine bad items')
    .argument('[inputs...]', 'files, folders, JSONL files, http(s) URLs of pages or feeds')
    .option('--db <target>', 'embedded database directory or postgres:// URL (default .marsad/db)')
    .option('--workers <n>', 'worker processes (more than 1 needs PostgreSQL)', '1')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for items that carry none')
    .option('--worker', 'only work the shared queue until it is empty (no inputs)')
    .option('--plan-only', 'only add the inputs to the shared queue; workers do the rest')
    .option('--batch <n>', 'jobs per transaction (default 16 embedded, 1 on PostgreSQL)')
    .option('--timeout <ms>', 'HTTP timeout per attempt', '15000')
    .option('--retries <n>', 'HTTP retries (exponential backoff)', '3')
    .option('--progress <mode>', 'auto | bar | lines | none', 'auto')
    .action(async (inputs: string[], o: Opts) => {
      if (o.published && !ISO_DATE.test(o.published)) throw new Error(`--published expects YYYY-MM-DD, got "${o.published}"`);
      if (!o.worker && inputs.length === 0) throw new Error('ingest needs at least one PATH or URL (or --worker)');
      const fetch = { timeoutMs: Number(o.timeout), retries: Number(o.retries), backoffMs: 500 };
      const store = await openStore(o.db, { poolSize: 2 });
      try {
        if (o.worker) {
          const c = await workQueue(store, { batch: o.batch ? Number(o.batch) : undefined, fetch });
          process.stderr.write(`worker: ${c.added} added, ${c.duplicate} duplicates, ${c.quarantined} quarantined, ${c.failed} failed\n`);
          return;
        }
        if (o.planOnly) {
          const p = await planInputs(inputs, store, { published: o.published ?? null, fetch });
          process.stderr.write(`plan: ${p.seen} items seen, ${p.enqueued} new jobs, ${p.quarantined} quarantined\n`);
          return;
        }
        const r = await runIngest(store, {
          inputs,
          db: o.db,
          published: o.published ?? null,
          workers: Number(o.workers),
          batch: o.batch ? Number(o.batch) : undefined,
          fetch,
          progress: createProgress(o.progress),
        });
        const a = r.after;
        process.stderr.write(
          `ingest: ${r.plan.seen} items seen, ${r.plan.enqueued} new jobs; ${r.added} articles added, ${r.duplicates} duplicates, ${r.quarantined} quarantined, ${r.failed} failed in ${r.seconds.toFixed(1)} s\n` +
            `store (${store.engine}): ${a.articles} articles, ${a.events} events, ${a.records} records, ${a.quarantine} quarantined\n`,
        );
        for (const f of r.plan.feeds) process.stderr.write(`feed ${f.url}: ${f.status}, ${f.items} items\n`);
        if (r.failed > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
