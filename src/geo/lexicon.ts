// Place-word lexicon of the geocoder: cue words (قرية، محافظة، ريف …), compass words (جنوب X، X الشرقي) and the
// stop-list of common words that are also place names. Data files in data/gazetteer/, loaded here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, parseTsv } from '../lexicon/tsv.ts';
import { PhraseIndex } from '../text/phrase-index.ts';
import { nameKey } from './keys.ts';

export interface Cue {
  word: string;
  /** admin1 admin2 admin3 locality neighbourhood site natural near rural centre capital any */
  feature: string;
  /** precision for the named place when the cue points inside/near it; null = the place itself */
  precision: 1 | 2 | 3 | null;
}

export interface GeoLexicon {
  cues: PhraseIndex<Cue>;
  /** compass words before a name (جنوب، شمال شرق) */
  dirBefore: PhraseIndex<string>;
  /** compass adjectives after a name (الشرقي) */
  dirAfter: PhraseIndex<string>;
  /** nameKeys of common words that are also place names → when they may still be a place: 'cue' (only after a
   * cue word) or 'prep' (also after a preposition) */
  stop: Map<string, 'cue' | 'prep'>;
  /** single-token cue keys (also blocked as places on their own) */
  cueKeys: Set<string>;
}

export const GEO_DATA_DIR = join(DATA_DIR, 'gazetteer');

export function parseGeoLexicon(files: { cues: string; directions: string; stoplist: string }): GeoLexicon {
  const cues = new PhraseIndex<Cue>();
  const cueKeys = new Set<string>();
  for (const { cells } of parseTsv(files.cues, 'cues.tsv', ['cue', 'feature']).rows) {
    const p = Number(cells.precision);
    const cue: Cue = { word: cells.cue as string, feature: cells.feature as string, precision: p === 1 || p === 2 || p === 3 ? p : null };
    cues.add(cue.word, cue);
    cueKeys.add(nameKey(cue.word));
  }
  const dirBefore = new PhraseIndex<string>();
  const dirAfter = new PhraseIndex<string>();
  for (const { cells } of parseTsv(files.directions, 'directions.tsv', ['word', 'position']).rows) {
    (cells.position === 'after' ? dirAfter : dirBefore).add(cells.word as string, cells.word as string);
  }
  const stop = new Map<string, 'cue' | 'prep'>();
  for (const { cells } of parseTsv(files.stoplist, 'stoplist.tsv', ['word']).rows) {
    stop.set(nameKey(cells.word as string), cells.allow === 'prep' ? 'prep' : 'cue');
  }
  return { cues, dirBefore, dirAfter, stop, cueKeys };
}

export function loadGeoLexicon(dir: string = GEO_DATA_DIR): GeoLexicon {
  const read = (f: string) => {
    try {
      return readFileSync(join(dir, f), 'utf8');
    } catch (e) {
      throw new Error(`geocoder lexicon ${join(dir, f)} missing: ${(e as Error).message}`);
    }
  };
  return parseGeoLexicon({ cues: read('cues.tsv'), directions: read('directions.tsv'), stoplist: read('stoplist.tsv') });
}
