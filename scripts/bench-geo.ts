// Geocoder benchmark: index size on disk, load time, heap used by the loaded gazetteer, and place mentions
// resolved per second over real article text (the unlabelled corpus, or the dev articles when it is absent),
// wall-clock and per CPU second (the machine may be shared), after one warm-up pass that builds the lazy tables.
//   node --import tsx scripts/bench-geo.ts [--articles N]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_INDEX, findPlaceMentions, loadGazetteer } from '../src/geo/index.ts';
import { normalize } from '../src/text/normalize.ts';
import { sentences } from '../src/text/segment.ts';
import { tokenize } from '../src/text/tokenize.ts';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.MARSAD_SHARED ?? join(REPO, '..', 'shared');
const argN = process.argv.indexOf('--articles');
const maxArticles = argN >= 0 ? Number(process.argv[argN + 1]) : 2000;

function texts(): string[] {
  const corpus = join(SHARED, 'data', 'corpus', 'saudinewsnet-10k.jsonl.gz');
  if (existsSync(corpus)) {
    return gunzipSync(readFileSync(corpus))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, maxArticles)
      .map((l) => String((JSON.parse(l) as { text?: string }).text ?? ''));
  }
  const dir = join(SHARED, 'eval', 'dev', 'articles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heap0 = process.memoryUsage().heapUsed;
const ab0 = process.memoryUsage().arrayBuffers;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const gaz = loadGazetteer();
const loadMs = performance.now() - t0;
const loadCpuMs = cpu() - c0;
gc?.();
const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
const bufMb = (process.memoryUsage().arrayBuffers - ab0) / 1e6;
const loads: number[] = [];
for (let k = 0; k < 3; k++) {
  const t = performance.now();
  loadGazetteer();
  loads.push(performance.now() - t);
}

const docs = texts().map((raw) => {
  const norm = normalize(raw);
  return { norm, tokens: tokenize(norm.text), sentences: sentences(norm.text) };
});
// first pass builds the lazy tables (per-country and per-admin1 indexes, places looked at); the second is timed
const firstT = performance.now();
for (const d of docs) findPlaceMentions(d, gaz);
const firstSecs = (performance.now() - firstT) / 1000;
let mentions = 0;
let resolved = 0;
let tokens = 0;
const c1 = cpu();
const t1 = performance.now();
for (const d of docs) {
  tokens += d.tokens.length;
  for (const m of findPlaceMentions(d, gaz)) {
    mentions++;
    if (m.choice) resolved++;
  }
}
const secs = (performance.now() - t1) / 1000;
const cpuSecs = (cpu() - c1) / 1000;
const out = {
  index_bytes_on_disk: statSync(DEFAULT_INDEX).size,
  index_entries: gaz.size,
  index_keys: gaz.index.size,
  load_ms_first: Math.round(loadMs),
  load_cpu_ms_first: Math.round(loadCpuMs),
  load_ms_median: Math.round(loads.sort((a, b) => a - b)[1] as number),
  heap_mb: gc ? Math.round(heapMb) : `${Math.round(heapMb)} (approximate: run with node --expose-gc)`,
  array_buffers_mb: Math.round(bufMb),
  articles: docs.length,
  mentions,
  resolved,
  first_pass_seconds: Math.round(firstSecs * 100) / 100,
  mentions_per_second: Math.round(mentions / secs),
  mentions_per_cpu_second: Math.round(mentions / cpuSecs),
  tokens_per_second: Math.round(tokens / secs),
  articles_per_second: Math.round(docs.length / secs),
  load_average: (await import('node:os')).loadavg()[0]?.toFixed(1),
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
