// `marsad places FILE…`: every place mention of an article as JSON, with raw-text offsets.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { findPlaceMentions, loadGazetteer } from '../geo/index.ts';
import type { PlaceMention } from '../pipeline/doc.ts';
import { normalize, rawSpan } from '../text/normalize.ts';
import { sentences } from '../text/segment.ts';
import { tokenize } from '../text/tokenize.ts';

export function placesOf(raw: string, gaz: ReturnType<typeof loadGazetteer>): { mentions: unknown[] } {
  const norm = normalize(raw);
  const mentions = findPlaceMentions({ norm, tokens: tokenize(norm.text), sentences: sentences(norm.text) }, gaz);
  return {
    mentions: mentions.map((m: PlaceMention) => {
      const span = rawSpan(norm, m.start, m.end);
      return {
        start: span.start,
        end: span.end,
        text: span.text,
        cue: m.cue ?? null,
        candidates: m.candidates,
        choice: m.choice,
        ...(m.doubt ? { doubt: m.doubt } : {}),
      };
    }),
  };
}

export function register(program: Command): void {
  program
    .command('places')
    .description('print every place mention of an article (offsets into the original text) with candidates and choice')
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
