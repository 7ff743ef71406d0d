// The dev gold as the eval scripts read it (eval-geo, eval-time, eval-actors): where the shared folder is, the
// gold files in id order, and the scorer's name folding and alias tables.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shared folder (MARSAD_SHARED, default ../shared beside the repo). */
export const SHARED = process.env.MARSAD_SHARED ?? join(REPO, '..', 'shared');
/** The dev set: gold/NNN.json and articles/NNN.txt (+ NNN.meta.json). */
export const DEV = join(SHARED, 'eval', 'dev');

/** One gold event, as far as the eval scripts read it (the scorer's README has the whole format). */
export interface GoldEvent {
  background?: boolean;
  event_date?: string | null;
  /** 1 day, 2 month, 3 year */
  time_precision?: number;
  event_type?: string;
  sub_event_type?: string;
  alt_types?: string[];
  actor1?: string | null;
  actor2?: string | null;
  assoc_actor_1?: string | string[] | null;
  assoc_actor_2?: string | string[] | null;
  country?: string;
  admin1?: string;
  location?: string;
  location_ar?: string;
  latitude?: number | null;
  longitude?: number | null;
  geo_precision?: number;
  fatalities?: number | null;
  fatalities_accept?: number[];
  civilian_fatalities?: number | null;
  sources?: string | string[];
  evidence_ar?: string;
}

export interface GoldArticle {
  /** the file name without `.json` */
  id: string;
  events: GoldEvent[];
}

/** The gold files of a folder in id order; `events` is [] where a file has none. */
export function readGold(goldDir = join(DEV, 'gold')): GoldArticle[] {
  return readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as { events?: GoldEvent[] };
      return { id: f.replace(/\.json$/, ''), events: gold.events ?? [] };
    });
}

/** The scorer's name folding: no diacritics, lower case, punctuation runs as one space. */
export const fold = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** One of the scorer's alias tables (`canonical<TAB>alias|alias…` in SHARED/eval/FILE), folded; empty when absent. */
export function aliasTable(file: string): Map<string, string> {
  const map = new Map<string, string>();
  const p = join(SHARED, 'eval', file);
  if (!existsSync(p)) return map;
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [c = '', aliases = ''] = line.split('\t');
    for (const a of [c, ...aliases.split('|')]) if (a.trim()) map.set(fold(a), fold(c));
  }
  return map;
}

/** A name's canonical form in an alias table (its folded self when the table does not know it). */
export const canon = (t: Map<string, string>, s: unknown) => t.get(fold(s)) ?? fold(s);
