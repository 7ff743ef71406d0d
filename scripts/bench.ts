// npm run bench: extraction throughput and latency on one core, start-up time, peak RSS,
// cost against article length, and normalisation alone as the floor. Reads articles from ../shared
// (dev set and corpus) when present, else from examples/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createPipeline, loadResources } from '../src/pipeline/index.ts';
import { normalize } from '../src/text/normalize.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.MARSAD_SHARED ?? resolve(root, '..', 'shared');

function articles(): Array<{ text: string; published: string | null }> {
  const dev = join(shared, 'eval', 'dev', 'articles');
  const dir = existsSync(dev) ? dev : join(root, 'examples', 'seed');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const meta = join(dir, f.replace(/\.txt$/, '.meta.json'));
      const published = existsSync(meta) ? ((JSON.parse(readFileSync(meta, 'utf8')) as { published?: string }).published ?? null) : null;
      return { text: readFileSync(join(dir, f), 'utf8'), published };
    });
}

function corpusText(chars: number): string {
  const gz = join(shared, 'data', 'corpus', 'saudinewsnet-10k.jsonl.gz');
  const parts: string[] = [];
  let n = 0;
  const pool = existsSync(gz)
    ? gunzipSync(readFileSync(gz))
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .slice(0, 400)
        .map((l) => (JSON.parse(l) as { text: string }).text)
    : articles().map((a) => a.text);
  for (let k = 0; n < chars; k++) {
    const t = pool[k % pool.length] as string;
    parts.push(t);
    n += t.length + 1;
  }
  return parts.join('\n').slice(0, chars);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

const t0 = performance.now();
const pipeline = createPipeline({ resources: loadResources() });
const loadMs = performance.now() - t0;

const dev = articles();
// warm-up: three passes, so the JIT has compiled the hot paths and lazy gazetteer tables exist (steady state)
for (let w = 0; w < 3; w++) for (const a of dev) pipeline.run(a.text, { id: 'w', published: a.published });
const lat: number[] = [];
const rounds = 20;
const start = performance.now();
for (let r = 0; r < rounds; r++)
  for (const a of dev) {
    const s = performance.now();
    pipeline.run(a.text, { id: 'b', published: a.published });
    lat.push(performance.now() - s);
  }
const total = performance.now() - start;
const normStart = performance.now();
for (let r = 0; r < rounds; r++) for (const a of dev) normalize(a.text);
const normTotal = performance.now() - normStart;

console.log(`resources load (in process): ${ms(loadMs)}`);
console.log(
  `dev articles: ${dev.length} x ${rounds} rounds, mean ${Math.round(dev.reduce((s, a) => s + a.text.length, 0) / dev.length)} chars`,
);
console.log(`  throughput: ${((dev.length * rounds) / (total / 1000)).toFixed(0)} articles/s (one core)`);
console.log(`  latency p50 ${ms(pct(lat, 50))}  p95 ${ms(pct(lat, 95))}  max ${ms(Math.max(...lat))}`);
console.log(
  `  normalisation alone: ${((dev.length * rounds) / (normTotal / 1000)).toFixed(0)} articles/s (${((normTotal / total) * 100).toFixed(1)}% of extraction)`,
);

console.log('cost against length (one article):');
for (const size of [10_000, 100_000, 1_000_000]) {
  const text = corpusText(size);
  pipeline.run(text, { id: 'w', published: '2015-08-01' });
  const runs = size >= 1_000_000 ? 2 : 5;
  const s = performance.now();
  for (let k = 0; k < runs; k++) pipeline.run(text, { id: 'b', published: '2015-08-01' });
  const per = (performance.now() - s) / runs;
  const ns = performance.now();
  for (let k = 0; k < runs; k++) normalize(text);
  const nper = (performance.now() - ns) / runs;
  console.log(
    `  ${String(size / 1000).padStart(5)} KB chars: ${ms(per)}  (${((per / size) * 1e6).toFixed(1)} ns/char; normalise ${ms(nper)})`,
  );
}
console.log(`peak RSS (this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// start-up: a fresh CLI process extracting the example article
const cli = join(root, 'bin', 'marsad.js');
const example = join(root, 'examples', 'seed', 'article.txt');
if (existsSync(example)) {
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const s = performance.now();
    execFileSync(process.execPath, [cli, 'extract', example], { stdio: 'ignore' });
    times.push(performance.now() - s);
  }
  console.log(`CLI start-up + one article (fresh process): median ${ms(pct(times, 50))}`);
}
