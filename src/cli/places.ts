// `marsad places FILE…`: every place mention of an article as JSON, with raw-text offsets. `mentions` holds the
// place names (what an NER corpus tags LOC); `references` holds what locates a site without being a place name of
// its own: a common noun for a place (العاصمة for the capital) and a place inside an institution's name (جامعة
// القاهرة). Both are resolved the same way.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { findPlaceMentions, loadGazetteer } from '../geo/index.ts';
import type { GeoPlaceMention } from '../geo/resolve.ts';
import { normalize, rawSpan } from '../text/normalize.ts';
import { sentences } from '../text/segment.ts';
import { tokenize } from '../text/tokenize.ts';

export interface PlacesOut {
  mentions: PlaceOut[];
  references: Array<PlaceOut & { kind: 'nominal' | 'in-org-name' }>;
}

export interface PlaceOut {
  start: number;
  end: number;
  text: string;
  cue: string | null;
  candidates: GeoPlaceMention['candidates'];
  choice: GeoPlaceMention['choice'];
  doubt?: GeoPlaceMention['doubt'];
}

export function placesOf(raw: string, gaz: ReturnType<typeof loadGazetteer>): PlacesOut {
  const norm = normalize(raw);
  const found = findPlaceMentions({ norm, tokens: tokenize(norm.text), sentences: sentences(norm.text) }, gaz) as GeoPlaceMention[];
  const out: PlacesOut = { mentions: [], references: [] };
  for (const m of found) {
    const span = rawSpan(norm, m.start, m.end);
    if (span.end <= span.start) continue;
    const place: PlaceOut = {
      start: span.start,
      end: span.end,
      text: span.text,
      cue: m.cue ?? null,
      candidates: m.candidates,
      choice: m.choice,
      ...(m.doubt ? { doubt: m.doubt } : {}),
    };
    if (m.nominal) out.references.push({ ...place, kind: 'nominal' });
    else if (m.inOrgName) out.references.push({ ...place, kind: 'in-org-name' });
    else out.mentions.push(place);
  }
  return out;
}

export function register(program: Command): void {
  program
    .command('places')
    .description(
      'print every place mention of an article (offsets into the original text) with candidates and choice; common-noun references and places inside institution names are listed apart',
    )
    .argument('<files...>', 'article text files (UTF-8)')
    .option('--gazetteer <path>', 'gazetteer index (default: the shipped data/gazetteer/index.bin.gz)')
    .action((files: string[], opts: { gazetteer?: string }) => {
      const gaz = loadGazetteer(opts.gazetteer);
      let failed = 0;
      for (const f of files) {
        let raw: string;
        try {
          raw = readFileSync(f, 'utf8');
        } catch (e) {
          process.stderr.write(`places: cannot read ${f}: ${(e as Error).message}\n`);
          failed++;
          continue;
        }
        const out = placesOf(raw, gaz);
        process.stdout.write(`${JSON.stringify(files.length > 1 ? { file: f, ...out } : out)}\n`);
      }
      if (failed) process.exitCode = 1;
    });
}
