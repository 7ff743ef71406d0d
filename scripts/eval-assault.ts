// Sentence-level "does this sentence report an assault?" on a public labelled set, with marsad's full pipeline.
// Default data: the Open Event Data Alliance's Arabic ASSAULT gold standard (MIT licence), 3,224 Arabic news
// sentences (Asharq Al-Awsat, 2007–2008, from Arabic Gigaword) each labelled by crowd annotators for a PLOVER
// ASSAULT event: https://github.com/openeventdata/arabic_event_gsr, file assault_gsr.csv. Not vendored; fetch it
// (git clone …/arabic_event_gsr, outside this repository) and pass its path. See docs/evaluation.md.
//
//   node --import tsx scripts/eval-assault.ts --data PATH [--format gsr|jsonl|tsv] [--published YYYY-MM-DD]
//        [--errors [N]] [--out predictions.jsonl] [--limit N]
//
// Prediction: a sentence "reports an assault" when the pipeline returns at least one non-background event whose
// ACLED event_type is in ASSAULT_TYPES (Battles, Violence against civilians, Explosions/Remote violence).
// Gold (gsr format): "yes" (unanimous accept) → positive; "easy no" / "difficult no" → negative; "ambiguous"
// (too few labels) → left out. The unanimous subset (yes vs easy no) is scored too.
// Publication date: the date in the sentence id (AAW_ARB_20071026.0026-2 → 2007-10-26) when it has one, else
// --published (default 2008-01-01); --published given explicitly forces that one date on every sentence.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { createPipeline, loadResources, type Resources } from '../src/pipeline/index.ts';
import { emptyDoc, STAGES } from '../src/pipeline/stages.ts';
import type { EventRecord } from '../src/types.ts';

/** ACLED event types that count as "an assault" (PLOVER ASSAULT as the annotators applied it: any violent attack). */
export const ASSAULT_TYPES: ReadonlySet<string> = new Set(['Battles', 'Violence against civilians', 'Explosions/Remote violence']);

export type Gold = 'pos' | 'neg' | 'skip';
export interface Item {
  id: string;
  text: string;
  gold: Gold;
  /** the dataset's own label, kept for subsets and the error listing */
  label: string;
}

/** The gsr file's label column → gold class. */
export function gsrGold(label: string): Gold {
  const l = label.trim().toLowerCase();
  if (l === 'yes') return 'pos';
  if (l === 'easy no' || l === 'difficult no' || l === 'hard no') return 'neg';
  return 'skip';
}

/** A generic label (jsonl/tsv): true/1/yes/pos → pos, false/0/no/neg → neg, else skip. */
export function genericGold(v: unknown): Gold {
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  if (['1', 'true', 'yes', 'pos', 'positive', 'assault'].includes(s)) return 'pos';
  if (['0', 'false', 'no', 'neg', 'negative', 'easy no', 'difficult no'].includes(s)) return 'neg';
  return 'skip';
}

/** The events that make a sentence positive. */
export function assaultEvents(events: readonly EventRecord[], opts: { background?: boolean } = {}): EventRecord[] {
  return events.filter((e) => ASSAULT_TYPES.has(e.event_type) && (opts.background || !e.background));
}

/** Why a positive sentence was missed: no trigger word of an assault type, a trigger but no event kept, or an event only as background / of another type. */
export type MissReason = 'no trigger word' | 'trigger, no event kept' | 'background only' | 'other event type';
export function missReason(events: readonly EventRecord[], assaultTriggers: number): MissReason {
  if (assaultEvents(events, { background: true }).length > 0) return 'background only';
  if (events.length > 0 && assaultTriggers === 0) return 'other event type';
  return assaultTriggers > 0 ? 'trigger, no event kept' : 'no trigger word';
}

/** The assault-type trigger words the lexicon finds in a text (the pipeline's stages up to 'triggers'). */
function assaultTriggers(text: string, res: Resources, published: string): string[] {
  let doc = emptyDoc(text, { id: 'diag', published });
  for (const stage of STAGES) {
    doc = stage.run(doc, res);
    if (stage.name === 'triggers') break;
  }
  return doc.triggers.filter((t) => ASSAULT_TYPES.has(t.event_type)).map((t) => doc.norm.text.slice(t.start, t.end));
}

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/** Binary scores over (gold, predicted) pairs; 'skip' gold is left out. */
export function score(pairs: Iterable<{ gold: Gold; pred: boolean }>): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { gold, pred } of pairs) {
    if (gold === 'skip') continue;
    if (gold === 'pos') pred ? tp++ : fn++;
    else pred ? fp++ : tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const n = tp + fp + fn + tn;
  return { tp, fp, fn, tn, precision, recall, f1, accuracy: n ? (tp + tn) / n : 0 };
}

/** Publication date from an Arabic Gigaword-style id (AAW_ARB_20071026.0026-2), else null. */
export function dateFromId(id: string): string | null {
  const m = /_(\d{4})(\d{2})(\d{2})\./.exec(id);
  if (!m) return null;
  const [, y, mo, d] = m;
  return Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${y}-${mo}-${d}` : null;
}

export function readItems(path: string, format: string): Item[] {
  const raw = readFileSync(path, 'utf8');
  if (format === 'gsr') {
    const rows = parse(raw, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
    return rows.map((r, i) => ({ id: r.id || String(i), text: r.text ?? '', gold: gsrGold(r.label ?? ''), label: r.label ?? '' }));
  }
  if (format === 'jsonl') {
    return raw
      .split('\n')
      .filter((l) => l.trim())
      .map((l, i) => {
        const o = JSON.parse(l) as { id?: string; text?: string; label?: unknown };
        return { id: String(o.id ?? i), text: String(o.text ?? ''), gold: genericGold(o.label), label: String(o.label ?? '') };
      });
  }
  if (format === 'tsv') {
    return raw
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l, i) => {
        const [text = '', label = ''] = l.split('\t');
        return { id: String(i + 1), text, gold: genericGold(label), label };
      });
  }
  throw new Error(`unknown --format ${format} (gsr, jsonl, tsv)`);
}

function formatFor(path: string): string {
  if (path.endsWith('.jsonl')) return 'jsonl';
  if (path.endsWith('.tsv')) return 'tsv';
  return 'gsr';
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
function line(name: string, s: Scores): string {
  return `${name.padEnd(34)} P ${pct(s.precision).padStart(6)}  R ${pct(s.recall).padStart(6)}  F1 ${s.f1.toFixed(3)}  acc ${pct(s.accuracy).padStart(6)}  tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const data = opt('--data');
  if (!data || args.includes('--help')) {
    console.error(
      'usage: node --import tsx scripts/eval-assault.ts --data assault_gsr.csv [--format gsr|jsonl|tsv] [--published YYYY-MM-DD] [--errors [N]] [--out FILE] [--limit N]',
    );
    process.exit(args.includes('--help') ? 0 : 2);
  }
  const format = opt('--format') ?? formatFor(data);
  const fixed = opt('--published');
  const fallback = fixed ?? '2008-01-01';
  const errIdx = args.indexOf('--errors');
  const nErrors = errIdx < 0 ? 0 : Number(/^\d+$/.test(args[errIdx + 1] ?? '') ? args[errIdx + 1] : 25);
  const out = opt('--out');
  const limit = Number(opt('--limit') ?? Number.POSITIVE_INFINITY);

  const items = readItems(resolve(data), format).slice(0, limit);
  const resources = loadResources();
  const pipeline = createPipeline({ resources });
  const t0 = performance.now();
  const rows = items.map((it) => {
    const published = fixed ?? dateFromId(it.id) ?? fallback;
    const events = pipeline.run(it.text, { id: it.id, published }).events;
    const news = assaultEvents(events);
    const any = assaultEvents(events, { background: true });
    return { it, published, events, pred: news.length > 0, predAny: any.length > 0 };
  });
  const secs = (performance.now() - t0) / 1000;

  const counts = new Map<string, number>();
  for (const it of items) counts.set(it.label, (counts.get(it.label) ?? 0) + 1);
  console.log(`data: ${data} (${format}), ${items.length} sentences in ${secs.toFixed(1)} s`);
  console.log(`labels: ${[...counts].map(([k, v]) => `${k || '(none)'} ${v}`).join(', ')}`);
  console.log(`positive = a non-background event of type ${[...ASSAULT_TYPES].join(' | ')}`);
  console.log(`publication date: ${fixed ? `fixed ${fixed}` : `from the id, else ${fallback}`}\n`);
  console.log(line('all labelled (ambiguous left out)', score(rows.map((r) => ({ gold: r.it.gold, pred: r.pred })))));
  const unanimous = rows.filter((r) => r.it.label !== 'difficult no');
  if (format === 'gsr') console.log(line('unanimous (yes vs easy no)', score(unanimous.map((r) => ({ gold: r.it.gold, pred: r.pred })))));
  console.log(line('background events counted too', score(rows.map((r) => ({ gold: r.it.gold, pred: r.predAny })))));

  // what the false positives were typed as, and how many negatives had an event of another type
  const fpTypes = new Map<string, number>();
  for (const r of rows)
    if (r.it.gold === 'neg' && r.pred)
      for (const e of assaultEvents(r.events))
        fpTypes.set(`${e.event_type} / ${e.sub_event_type}`, (fpTypes.get(`${e.event_type} / ${e.sub_event_type}`) ?? 0) + 1);
  if (fpTypes.size)
    console.log(
      `\nfalse-positive event types: ${[...fpTypes]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}`,
    );
  const missed = rows
    .filter((r) => r.it.gold === 'pos' && !r.pred)
    .map((r) => {
      const words = assaultTriggers(r.it.text, resources, r.published);
      return { ...r, words, why: missReason(r.events, words.length) };
    });
  const whyCount = new Map<string, number>();
  for (const m of missed) whyCount.set(m.why, (whyCount.get(m.why) ?? 0) + 1);
  console.log(`false negatives by stage: ${[...whyCount].map(([k, v]) => `${k} ${v}`).join('; ')}`);

  if (nErrors > 0) {
    const show = (title: string, list: readonly ((typeof rows)[number] & { why?: MissReason; words?: string[] })[]) => {
      console.log(`\n== ${title}: ${list.length}, showing ${Math.min(nErrors, list.length)}`);
      // spread the sample over the file instead of its first lines
      const step = Math.max(1, Math.floor(list.length / nErrors));
      for (let i = 0; i < list.length && i / step < nErrors; i += step) {
        const r = list[i];
        if (!r) continue;
        const evs = r.events
          .map(
            (e) => `${e.event_type}/${e.sub_event_type}${e.background ? ' (background)' : ''} «${e.evidence.event_type?.[0]?.text ?? ''}»`,
          )
          .join('; ');
        const why = r.why ? ` [${r.why}${r.words?.length ? `: ${r.words.join('، ')}` : ''}]` : '';
        console.log(`- [${r.it.id} · ${r.it.label}] ${r.it.text}\n    → ${evs || 'no event'}${why}`);
      }
    };
    show(
      'false positives',
      rows.filter((r) => r.it.gold === 'neg' && r.pred),
    );
    show('false negatives', missed);
  }
  if (out) {
    const why = new Map(missed.map((m) => [m.it.id, { why: m.why, words: m.words }]));
    const lines = rows.map((r) =>
      JSON.stringify({
        id: r.it.id,
        label: r.it.label,
        gold: r.it.gold,
        pred: r.pred,
        pred_with_background: r.predAny,
        published: r.published,
        text: r.it.text,
        events: r.events.map((e) => ({
          type: e.event_type,
          sub: e.sub_event_type,
          background: e.background,
          trigger: e.evidence.event_type?.[0]?.text ?? null,
        })),
        ...why.get(r.it.id),
      }),
    );
    writeFileSync(out, `${lines.join('\n')}\n`);
    console.log(`\nper-sentence predictions: ${out}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
