// Geocoder benchmark: index size on disk, load time, heap used by the loaded gazetteer, and place mentions
// resolved per second over real article text (the unlabelled corpus, or the dev articles when it is absent).
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
const t0 = performance.now();
const gaz = loadGazetteer();
const loadMs = performance.now() - t0;
gc?.();
const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
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
let mentions = 0;
let resolved = 0;
const t1 = performance.now();
for (const d of docs) {
  for (const m of findPlaceMentions(d, gaz)) {
    mentions++;
    if (m.choice) resolved++;
  }
}
const secs = (performance.now() - t1) / 1000;
const out = {
  index_bytes_on_disk: statSync(DEFAULT_INDEX).size,
  index_entries: gaz.entries.length,
  index_keys: gaz.index.size,
  load_ms_first: Math.round(loadMs),
  load_ms_median: Math.round(loads.sort((a, b) => a - b)[1] as number),
  heap_mb: gc ? Math.round(heapMb) : `${Math.round(heapMb)} (approximate: run with node --expose-gc)`,
  articles: docs.length,
  mentions,
  resolved,
  mentions_per_second: Math.round(mentions / secs),
  articles_per_second: Math.round(docs.length / secs),
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
