// Ingest benchmark: N articles made by recombining real corpus sentences (read at run time from ../shared; nothing
// copied into the repo), ingested into the embedded store and into a throwaway PostgreSQL with 1, 2, 4 workers.
// Usage: npm run bench:ingest -- [N=5000] [--corpus PATH] [--workers 1,2,4] [--no-embedded] [--no-pg]
// Merged-event counts are comparable between rows only when their record counts are equal: the extractor is
// being changed in the same working tree, so run from a frozen copy (`git archive HEAD | tar -x -C DIR`, link
// node_modules) when comparing worker counts; a differing record count is flagged below the table.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { runIngest } from '../src/ingest/run.ts';
import { rng } from '../src/merge/synthetic.ts';
import { openStore } from '../src/store/index.ts';
import { pgBinariesPresent, startThrowawayPostgres } from '../src/store/pg-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'marsad.js');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] as string) : def;
};
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 5000);
const corpus = opt('--corpus', resolve(ROOT, '..', 'shared', 'data', 'corpus', 'saudinewsnet-10k.jsonl.gz'));
const workerCounts = opt('--workers', '1,2,4').split(',').map(Number);

async function readSentences(): Promise<Array<{ s: string; source: string; date: string }>> {
  const out: Array<{ s: string; source: string; date: string }> = [];
  const rl = createInterface({ input: createReadStream(corpus).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    const o = JSON.parse(line) as { text: string; source: string; date_extracted: string };
    for (const s of o.text.split(/(?<=[.!؟?])\s+/))
      if (s.length > 40 && s.length < 600) out.push({ s: s.trim(), source: o.source, date: o.date_extracted.slice(0, 10) });
  }
  return out;
}

async function makeInput(dir: string): Promise<string> {
  const sentences = await readSentences();
  const r = rng(42);
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const k = 4 + Math.floor(r() * 8);
    const first = sentences[Math.floor(r() * sentences.length)] as (typeof sentences)[number];
    const parts = [first.s];
    for (let j = 1; j < k; j++) parts.push((sentences[Math.floor(r() * sentences.length)] as (typeof sentences)[number]).s);
    lines.push(JSON.stringify({ text: parts.join(' '), published: first.date, source: first.source }));
  }
  const file = join(dir, 'bench.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  process.stderr.write(`bench: ${N} articles from ${sentences.length} real sentences\n`);
  return file;
}

interface Row {
  engine: string;
  workers: number;
  seconds: number;
  articles: number;
  events: number;
  records: number;
  mb: number;
}

async function measure(engine: string, target: string, input: string, workers: number): Promise<Row> {
  const store = await openStore(target);
  try {
    const r = await runIngest(store, {
      inputs: [input],
      db: target,
      workers,
      workerCommand: (db) => [BIN, 'ingest', '--worker', '--db', db, '--progress', 'none'],
    });
    const a = r.after;
    return { engine, workers, seconds: r.seconds, articles: a.articles, events: a.events, records: a.records, mb: a.bytes / 1e6 };
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
const rows: Row[] = [];
try {
  const input = await makeInput(dir);
  if (!flag('--no-embedded')) rows.push(await measure('pglite', join(dir, 'db'), input, 1));
  if (!flag('--no-pg')) {
    if (!pgBinariesPresent()) process.stderr.write('bench: PostgreSQL binaries absent, skipping the server runs\n');
    else {
      const pg = await startThrowawayPostgres({ fsync: true });
      try {
        for (const [i, w] of workerCounts.entries()) {
          pg.createDatabase(`bench${i}_${w}`);
          rows.push(await measure('postgres', pg.urlFor(`bench${i}_${w}`), input, w));
        }
      } finally {
        pg.stop();
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(
  '| engine | workers | articles | seconds | articles/s | records | records/s | merged events | events/s | DB MB |\n|---|---|---|---|---|---|---|---|---|---|\n',
);
for (const r of rows)
  process.stdout.write(
    `| ${r.engine} | ${r.workers} | ${r.articles} | ${r.seconds.toFixed(1)} | ${(r.articles / r.seconds).toFixed(1)} | ${r.records} | ${(r.records / r.seconds).toFixed(1)} | ${r.events} | ${(r.events / r.seconds).toFixed(1)} | ${r.mb.toFixed(1)} |\n`,
  );
if (new Set(rows.map((r) => r.records)).size > 1)
  process.stdout.write(
    '\nnote: record counts differ between rows, so the extractor changed during the run; merged-event counts are not comparable\n',
  );
