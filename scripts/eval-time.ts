// Rough recall of the time and quantity resolvers on the dev set: does the gold event_date appear among the
// dates findDates reads in the article, and does the gold fatality figure appear among the 'killed' counts?
// The real score comes from the full pipeline; this only guides work on src/time and src/quantity.
//   node --import tsx scripts/eval-time.ts [--dev ../shared/eval/dev] [--verbose]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCasualties, loadQuantityLexicon } from '../src/quantity/index.ts';
import { normalize } from '../src/text/normalize.ts';
import { sentences } from '../src/text/segment.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { findDates, loadTimeLexicon } from '../src/time/index.ts';
import { DEV, readGold } from './lib/gold.ts';

const args = process.argv.slice(2);
const devIdx = args.indexOf('--dev');
const dev = devIdx >= 0 ? (args[devIdx + 1] as string) : DEV;
const verbose = args.includes('--verbose');

/** The scorer's date rule: precision 3 → same year, 2 → same month, 1 → same day. */
function dateOk(gold: string, precision: number, pred: string | null): boolean {
  if (!pred) return false;
  if (precision >= 3) return gold.slice(0, 4) === pred.slice(0, 4);
  if (precision === 2) return gold.slice(0, 7) === pred.slice(0, 7);
  return gold === pred;
}

const timeLex = loadTimeLexicon();
const qLex = loadQuantityLexicon();
const tally = {
  dates: [0, 0],
  datesFirst: [0, 0],
  fat: [0, 0],
  fatZero: [0, 0],
  civ: [0, 0],
};
for (const gold of readGold(join(dev, 'gold'))) {
  const id = gold.id;
  const txt = join(dev, 'articles', `${id}.txt`);
  if (!existsSync(txt)) continue;
  const metaPath = join(dev, 'articles', `${id}.meta.json`);
  const meta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { published?: string }) : {};
  const raw = readFileSync(txt, 'utf8');
  const norm = normalize(raw);
  const tokens = tokenize(norm.text);
  const dates = findDates({ norm, tokens }, meta.published ?? null, timeLex);
  const cas = findCasualties({ norm, tokens, sentences: sentences(norm.text) }, qLex);
  // a mixed killed+wounded figure leaves the deaths unspecified: read as several (3), as the gold codes it
  const killed = cas.filter((c) => c.role === 'killed' && !c.cumulative).map((c) => (c.mixed ? { ...c, best: 3 } : c));
  const firstDated = dates.find((d) => d.date);
  for (const ev of gold.events) {
    if (ev.background) continue;
    if (ev.event_date) {
      const p = ev.time_precision ?? 1;
      const hit = dates.some((d) => dateOk(ev.event_date as string, p, d.date));
      tally.dates[1]++;
      if (hit) tally.dates[0]++;
      tally.datesFirst[1]++;
      if (firstDated && dateOk(ev.event_date, p, firstDated.date)) tally.datesFirst[0]++;
      if (!hit && verbose) {
        console.log(
          `${id} date miss: gold ${ev.event_date}/${p}; found ${dates.map((d) => `${d.date}/${d.precision}«${norm.text.slice(d.start, d.end)}»`).join(', ')}`,
        );
      }
    }
    if (ev.fatalities != null) {
      const accept = [ev.fatalities, ...(ev.fatalities_accept ?? [])];
      if (ev.fatalities > 0) {
        tally.fat[1]++;
        const hit = killed.some((k) => accept.includes(k.best));
        if (hit) tally.fat[0]++;
        else if (verbose)
          console.log(
            `${id} fatalities miss: gold ${ev.fatalities}; killed ${killed.map((k) => `${k.best}«${norm.text.slice(k.start, k.end)}»`).join(', ')}`,
          );
      } else {
        tally.fatZero[1]++;
        // a zero is right when nothing is killed near … here: when no credible killed count is read at all
        if (!killed.some((k) => k.best > 0 && !k.explicitZero)) tally.fatZero[0]++;
      }
    }
    if (ev.civilian_fatalities != null) {
      tally.civ[1]++;
      const civ = cas.filter((c) => c.role === 'killed' && c.civilian);
      const hit = civ.some((c) => c.best === ev.civilian_fatalities);
      if (hit) tally.civ[0]++;
      else if (verbose)
        console.log(
          `${id} civilian miss: gold ${ev.civilian_fatalities}; civilian killed ${civ.map((k) => `${k.best}«${norm.text.slice(k.start, k.end)}»`).join(', ')}`,
        );
    }
  }
}
const pct = ([a, b]: number[]) => `${a}/${b} = ${b ? ((100 * (a as number)) / (b as number)).toFixed(1) : '–'} %`;
console.log(`event_date among findDates outputs:          ${pct(tally.dates)}`);
console.log(`event_date = first resolved date of article:   ${pct(tally.datesFirst)}`);
console.log(`fatalities > 0 among 'killed' bests:           ${pct(tally.fat)}`);
console.log(`fatalities = 0 events, article w/o killed count: ${pct(tally.fatZero)} (weak proxy)`);
console.log(`civilian_fatalities among civilian 'killed':   ${pct(tally.civ)}`);
