// npm run robustness: run the extractor over the unlabelled corpus (../shared/data/corpus), counting crashes,
// articles with events, events per type, evidence-span integrity and time. Evaluation use only: nothing is copied.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createPipeline, loadResources } from '../src/pipeline/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.MARSAD_SHARED ?? resolve(root, '..', 'shared');
const gz = join(shared, 'data', 'corpus', 'saudinewsnet-10k.jsonl.gz');
if (!existsSync(gz)) {
  console.error(`robustness: ${gz} not found`);
  process.exit(2);
}
const limit = Number(process.argv[2] ?? Infinity);
const lines = gunzipSync(readFileSync(gz)).toString('utf8').split('\n').filter(Boolean).slice(0, limit);
const pipeline = createPipeline({ resources: loadResources() });
let crashes = 0;
let withEvents = 0;
let events = 0;
let badSpans = 0;
const types = new Map<string, number>();
const start = performance.now();
for (const [k, line] of lines.entries()) {
  const a = JSON.parse(line) as { text: string; date_extracted?: string; source?: string };
  try {
    const r = pipeline.run(a.text, { id: String(k), published: a.date_extracted?.slice(0, 10) ?? null, source: a.source ?? null });
    const news = r.events.filter((e) => !e.background);
    if (news.length) withEvents++;
    events += news.length;
    for (const e of news) types.set(e.event_type, (types.get(e.event_type) ?? 0) + 1);
    for (const e of r.events)
      for (const spans of Object.values(e.evidence)) for (const s of spans) if (a.text.slice(s.start, s.end) !== s.text) badSpans++;
  } catch (e) {
    crashes++;
    console.error(`article ${k}: ${(e as Error).stack}`);
  }
}
const secs = (performance.now() - start) / 1000;
console.log(`articles ${lines.length}, crashes ${crashes}, evidence spans not matching the text ${badSpans}`);
console.log(`articles with events ${withEvents} (${((100 * withEvents) / lines.length).toFixed(1)}%), events ${events}`);
console.log(`by type: ${[...types.entries()].map(([t, n]) => `${t} ${n}`).join(', ')}`);
console.log(
  `time ${secs.toFixed(1)} s, ${(lines.length / secs).toFixed(0)} articles/s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
