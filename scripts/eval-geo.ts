// Geocoder evaluation on the dev gold: for each non-background gold event with `location_ar` and coordinates,
// runs findPlaceMentions over its article, takes the best choice among the mentions that name that location,
// and reports admin1 accuracy (names compared through the shared admin1/countries alias tables, as the
// scorer does) and the share within 10 km of the gold point (for gold geo_precision 1, as the scorer does;
// all events also reported). Misses are listed.
// Also reports place-mention recognition (LOC precision/recall/F1) against the gold `location_ar` phrases:
// recall = gold location phrases (background ones included) of which some mention's name is found in the
// article; precision = mentions inside the gold evidence passages whose name belongs to a gold location phrase
// of the article, or that resolve to the gold event's country or admin1 (an approximation: the gold marks event
// places only, so other true places elsewhere in the text are not judged).
//   node --import tsx scripts/eval-geo.ts [--gold DIR] [--articles DIR] [--json]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPlaceMentions, km, loadGazetteer } from '../src/geo/index.ts';
import type { PlaceMention } from '../src/pipeline/doc.ts';
import { normalize, normKey } from '../src/text/normalize.ts';
import { sentences } from '../src/text/segment.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { aliasTable, canon, DEV, readGold } from './lib/gold.ts';

const args = process.argv.slice(2);
const opt = (n: string) => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const goldDir = opt('--gold') ?? join(DEV, 'gold');
const artDir = opt('--articles') ?? join(DEV, 'articles');

// the scorer's alias tables
const ADMIN1 = aliasTable('admin1.tsv');
const COUNTRIES = aliasTable('countries.tsv');

const gaz = loadGazetteer();
let nerGold = 0;
let nerFound = 0;
let nerPred = 0;
let nerOk = 0;
let n = 0;
let a1ok = 0;
let p1n = 0;
let p1ok = 0;
let allKm = 0;
const misses: string[] = [];
for (const gold of readGold(goldDir)) {
  const id = gold.id;
  const txtPath = join(artDir, `${id}.txt`);
  if (!existsSync(txtPath)) continue;
  const norm = normalize(readFileSync(txtPath, 'utf8'));
  const doc = { norm, tokens: tokenize(norm.text), sentences: sentences(norm.text) };
  const mentions = findPlaceMentions(doc, gaz);
  // recognition: gold phrases found, mentions inside evidence passages judged
  const golds = [...new Set(gold.events.map((g) => (g.location_ar ? normKey(g.location_ar) : '')).filter(Boolean))];
  for (const loc of golds) {
    nerGold++;
    if (mentions.some((m) => m.end > m.start && loc.includes(norm.text.slice(m.start, m.end)))) nerFound++;
  }
  const judged = new Set<PlaceMention>();
  for (const g of gold.events) {
    if (!g.evidence_ar) continue;
    const ev = normKey(g.evidence_ar);
    const at = norm.text.indexOf(ev.slice(0, 40));
    if (at < 0) continue;
    for (const m of mentions) {
      if (m.start < at || m.end > at + ev.length || judged.has(m)) continue;
      judged.add(m);
      nerPred++;
      const name = norm.text.slice(m.start, m.end);
      const inGold = golds.some((loc) => loc.includes(name));
      const sameUnit =
        !!m.choice &&
        canon(COUNTRIES, g.country) === canon(COUNTRIES, m.choice.country) &&
        (m.choice.admin1 === null || canon(ADMIN1, g.admin1) === canon(ADMIN1, m.choice.admin1));
      if (inGold || sameUnit) nerOk++;
      else if (args.includes('--ner-misses'))
        console.log(`  ner fp ${id} ${name} → ${m.choice ? `${m.choice.name} (${m.choice.country_code})` : 'null'}`);
    }
  }
  for (const g of gold.events) {
    if (g.background || !g.location_ar || g.latitude == null || g.longitude == null) continue;
    n++;
    const loc = normKey(g.location_ar);
    // the sentence of the gold evidence, when it can be found
    let evStart = -1;
    let evEnd = -1;
    if (g.evidence_ar) {
      const ev = normKey(g.evidence_ar);
      const at = norm.text.indexOf(ev.slice(0, 40));
      if (at >= 0) {
        evStart = at;
        evEnd = at + ev.length;
      }
    }
    const named = mentions.filter((m) => m.choice && loc.includes(norm.text.slice(m.start, m.end)));
    const inEv = named.filter((m) => m.start >= evStart && m.end <= evEnd);
    const pool = inEv.length ? inEv : named;
    const pick: PlaceMention | undefined = [...pool].sort((a, b) => (a.choice?.geo_precision ?? 9) - (b.choice?.geo_precision ?? 9))[0];
    const ch = pick?.choice ?? null;
    const okA1 =
      !!ch && canon(COUNTRIES, g.country) === canon(COUNTRIES, ch.country) && canon(ADMIN1, g.admin1) === canon(ADMIN1, ch.admin1);
    const d = ch ? km({ lat: g.latitude, lon: g.longitude }, { lat: ch.latitude, lon: ch.longitude }) : Infinity;
    if (okA1) a1ok++;
    if (d <= 10) allKm++;
    if (Number(g.geo_precision ?? 1) === 1) {
      p1n++;
      if (d <= 10) p1ok++;
    }
    if (!okA1 || d > 10) {
      misses.push(
        `${id} ${g.location_ar} [gold ${g.admin1} ${g.latitude},${g.longitude} p${g.geo_precision}] → ${
          ch
            ? `${ch.name} (${ch.country_code}, ${ch.admin1}) ${ch.latitude},${ch.longitude} p${ch.geo_precision} ${d.toFixed(0)} km`
            : `no resolved mention (${
                named.length
                  ? 'named'
                  : mentions
                      .filter((m) => loc.includes(norm.text.slice(m.start, m.end)))
                      .map((m) => m.doubt?.code ?? '?')
                      .join(',') || 'not found'
              })`
        }${okA1 ? '' : ' ADMIN1'}`,
      );
    }
  }
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
const nerP = nerPred ? nerOk / nerPred : 0;
const nerR = nerGold ? nerFound / nerGold : 0;
const ner = {
  gold_phrases: nerGold,
  judged_mentions: nerPred,
  precision: (100 * nerP).toFixed(1),
  recall: (100 * nerR).toFixed(1),
  f1: nerP + nerR ? ((200 * nerP * nerR) / (nerP + nerR)).toFixed(1) : '0.0',
};
const res = { events: n, admin1: pct(a1ok, n), within10km_p1: pct(p1ok, p1n), p1_events: p1n, within10km_all: pct(allKm, n), ner };
if (args.includes('--json')) process.stdout.write(`${JSON.stringify({ ...res, misses }, null, 2)}\n`);
else {
  console.log(
    `events ${n}  admin1 ${res.admin1}% (${a1ok})  within 10 km: precision-1 events ${res.within10km_p1}% (${p1ok}/${p1n}), all ${res.within10km_all}%`,
  );
  console.log(
    `LOC mentions: precision ${ner.precision}% (${nerOk}/${nerPred} in evidence passages)  recall ${ner.recall}% (${nerFound}/${nerGold} gold phrases)  F1 ${ner.f1}`,
  );
  for (const m of misses) console.log(`  miss ${m}`);
}
