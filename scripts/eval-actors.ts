// Actor and source recognition on the dev set: which gold actors (actor1/actor2/associates) and sources the
// recognisers find anywhere in the article (findActors / findSources / the outlet), and, on events matched as the
// scorer matches them, which actor1/actor2/sources the pipeline got wrong.
//   node --import tsx scripts/eval-actors.ts [--verbose] [--mentions] [--ids 001,002]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readArticle } from '../src/cli/read-article.ts';
import type { Doc } from '../src/pipeline/doc.ts';
import { loadResources } from '../src/pipeline/index.ts';
import { emptyDoc, STAGES } from '../src/pipeline/stages.ts';
import { aliasTable, canon, DEV as dev, fold, readGold } from './lib/gold.ts';

if (!existsSync(dev)) {
  console.error(`eval-actors: ${dev} not found (set MARSAD_SHARED)`);
  process.exit(2);
}
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const mentions = args.includes('--mentions');
const idsArg = args.includes('--ids') ? new Set((args[args.indexOf('--ids') + 1] ?? '').split(',')) : null;

const ACTORS = aliasTable('actors.tsv');
const SOURCES = aliasTable('sources.tsv');
const COUNTRIES = aliasTable('countries.tsv');
const ADMIN1 = aliasTable('admin1.tsv');
const list = (v: unknown): string[] => (Array.isArray(v) ? v : v == null || v === '' ? [] : [v as string]);

// biome-ignore lint/suspicious/noExplicitAny: gold and prediction records are plain JSON
type Ev = any;
const day = (s: unknown) => {
  const t = Date.parse(String(s ?? '').slice(0, 10));
  return Number.isNaN(t) ? null : t / 864e5;
};
function dateOk(g: Ev, p: Ev): boolean {
  const gd = day(g.event_date);
  const pd = day(p.event_date);
  if (gd === null || pd === null) return false;
  const prec = Number(g.time_precision ?? 1);
  if (prec >= 3) return String(g.event_date).slice(0, 4) === String(p.event_date).slice(0, 4);
  if (prec === 2) return String(g.event_date).slice(0, 7) === String(p.event_date).slice(0, 7);
  return gd === pd;
}
const km = (a: Ev, b: Ev) => {
  const r = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * r;
  const dLon = (b.longitude - a.longitude) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};
const hasPoint = (e: Ev) => Number.isFinite(Number(e?.latitude)) && Number.isFinite(Number(e?.longitude)) && e.latitude !== null;
const typeOk = (g: Ev, p: Ev) =>
  [g.event_type, ...list(g.alt_types).map((t) => t.split('|')[0])].some((t) => fold(t) === fold(p.event_type));
const admin1Ok = (g: Ev, p: Ev) =>
  canon(COUNTRIES, g.country) === canon(COUNTRIES, p.country) && canon(ADMIN1, g.admin1) === canon(ADMIN1, p.admin1);
function affinity(g: Ev, p: Ev): number {
  let s = 0;
  const gd = day(g.event_date);
  const pd = day(p.event_date);
  if (gd === null) s += 0.5;
  else if (dateOk(g, p)) s += 2;
  else if (pd !== null && Math.abs(gd - pd) <= 3) s += 1;
  if (typeOk(g, p)) s += 1;
  if (hasPoint(g) && hasPoint(p) && km(g, p) <= 50) s += 1.5;
  else if (admin1Ok(g, p)) s += 1;
  if (g.fatalities != null && Number(g.fatalities) === Number(p.fatalities)) s += 0.5;
  return s;
}

const res = loadResources();
const missActors = new Map<string, string[]>();
const missSources = new Map<string, string[]>();
const extraSources = new Map<string, string[]>();
let actorsGold = 0;
let actorsFound = 0;
let srcGold = 0;
let srcFound = 0;
let srcFoundTotal = 0;
let srcFoundUseful = 0;
const field = { a1: [0, 0], a2: [0, 0] };
let sTp = 0;
let sFp = 0;
let sFn = 0;
const wrong: string[] = [];
const note = (m: Map<string, string[]>, k: string, id: string) => m.set(k, [...(m.get(k) ?? []), id]);

for (const gold of readGold()) {
  const id = gold.id;
  if (idsArg && !idsArg.has(id)) continue;
  const gEvents: Ev[] = gold.events.filter((e) => !e.background);
  const input = readArticle(join(dev, 'articles', `${id}.txt`));
  let doc: Doc = emptyDoc(input.text, input.meta);
  for (const st of STAGES) doc = st.run(doc, res);

  if (mentions) {
    const t = doc.norm.text;
    console.log(`=== ${id} outlet=${doc.meta.source ?? '-'}`);
    for (const a of doc.actors)
      console.log(`  A ${a.start} «${t.slice(a.start, a.end)}» → ${a.actor.name}${a.generic ? ' (generic)' : ''}`);
    for (const s of doc.sources)
      console.log(
        `  S ${s.start} «${t.slice(s.start, s.end)}» → ${s.source} [${s.cue}] scope «${t.slice(s.scope.start, Math.min(s.scope.end, s.scope.start + 60))}…»`,
      );
  }
  // recognition: every name the recognisers produce for this article
  const actorNames = new Set(doc.actors.map((a) => canon(ACTORS, a.actor.name)));
  const srcNames = new Set(doc.sources.map((s) => canon(SOURCES, s.source)));
  if (doc.meta.source) srcNames.add(canon(SOURCES, res.recognisers.outletSource(doc.meta.source)));
  const goldActors = new Set<string>();
  const goldSrc = new Set<string>();
  for (const g of gEvents) {
    for (const a of [g.actor1, g.actor2, ...list(g.assoc_actor_1), ...list(g.assoc_actor_2)]) if (a) goldActors.add(a);
    for (const s of list(g.sources)) goldSrc.add(s);
  }
  for (const a of goldActors) {
    // Unidentified armed groups and civilians come from fallbacks in the event assembly: not scored here.
    if (/^(Unidentified Armed Group|Civilians) \(/.test(a)) continue;
    actorsGold++;
    if (actorNames.has(canon(ACTORS, a))) actorsFound++;
    else note(missActors, a, id);
  }
  const goldSrcCanon = new Set([...goldSrc].map((s) => canon(SOURCES, s)));
  for (const s of goldSrc) {
    srcGold++;
    if (srcNames.has(canon(SOURCES, s))) srcFound++;
    else note(missSources, s, id);
  }
  for (const s of new Set(doc.sources.map((x) => x.source))) {
    srcFoundTotal++;
    if (goldSrcCanon.has(canon(SOURCES, s))) srcFoundUseful++;
    else note(extraSources, s, id);
  }

  // fields on matched events
  const pEvents: Ev[] = doc.events.filter((e) => !e.background);
  const pairs: Array<[number, number, number]> = [];
  gEvents.forEach((g, gi) => {
    pEvents.forEach((p, pi) => {
      const s = affinity(g, p);
      if (s >= 2) pairs.push([s, gi, pi]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  for (const [, gi, pi] of pairs) {
    if (usedG.has(gi) || usedP.has(pi)) continue;
    usedG.add(gi);
    usedP.add(pi);
    const g = gEvents[gi];
    const p = pEvents[pi];
    const msgs: string[] = [];
    for (const [k, key] of [
      ['a1', 'actor1'],
      ['a2', 'actor2'],
    ] as const) {
      if (!g[key]) continue;
      const ok = canon(ACTORS, g[key]) === canon(ACTORS, p[key]);
      field[k][1]++;
      if (ok) field[k][0]++;
      else msgs.push(`${key}: gold "${g[key]}" pred "${p[key] ?? '-'}"`);
    }
    const gs = new Set(list(g.sources).map((s) => canon(SOURCES, s)));
    const ps = new Set(list(p.sources).map((s) => canon(SOURCES, s)));
    for (const s of ps) gs.has(s) ? sTp++ : sFp++;
    for (const s of gs) if (!ps.has(s)) sFn++;
    if ([...gs].some((s) => !ps.has(s)) || [...ps].some((s) => !gs.has(s)))
      msgs.push(`sources: gold [${list(g.sources).join('; ')}] pred [${list(p.sources).join('; ')}]`);
    if (msgs.length) wrong.push(`${id} ${g.event_date ?? ''} ${g.sub_event_type}: ${msgs.join(' | ')}`);
  }
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
const top = (m: Map<string, string[]>) =>
  [...m.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([k, v]) => `  ${v.length}× ${k}  (${[...new Set(v)].join(',')})`)
    .join('\n');
console.log(
  `recognition: gold actors found in the article ${actorsFound}/${actorsGold} (${pct(actorsFound, actorsGold)}%) [UAG/civilians excluded]`,
);
console.log(`recognition: gold sources found in the article ${srcFound}/${srcGold} (${pct(srcFound, srcGold)}%) (incl. outlet)`);
console.log(
  `recognition: found source names that are gold somewhere in the article ${srcFoundUseful}/${srcFoundTotal} (${pct(srcFoundUseful, srcFoundTotal)}%)`,
);
const p = sTp / (sTp + sFp || 1);
const r = sTp / (sTp + sFn || 1);
console.log(
  `matched events: actor1 ${pct(field.a1[0], field.a1[1])}% of ${field.a1[1]}, actor2 ${pct(field.a2[0], field.a2[1])}% of ${field.a2[1]}, sources P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${((200 * p * r) / (p + r || 1)).toFixed(1)}`,
);
console.log(`\ngold actors never recognised:\n${top(missActors)}`);
console.log(`\ngold sources never recognised:\n${top(missSources)}`);
console.log(`\nsources found that are not gold in the article:\n${top(extraSources)}`);
if (verbose) console.log(`\nmatched-event errors:\n${wrong.join('\n')}`);
