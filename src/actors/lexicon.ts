// The actor lexicon: named actors (actors.tsv), generic and nationality phrases (actor-generic.tsv) and countries
// (countries.tsv), compiled into one phrase index. Adding an actor or an alias is a data change only.

import { LexiconError, lexiconPath, loadTsv, splitList } from '../lexicon/tsv.ts';
import type { ActorEntry } from '../pipeline/doc.ts';
import { normKey } from '../text/normalize.ts';
import { PhraseIndex } from '../text/phrase-index.ts';
import { tokenize } from '../text/tokenize.ts';
import { type Country, type CountryLexicon, expandTemplate, hasSlots, loadCountries } from './countries.ts';

export type ActorRole = 'military' | 'police' | 'government' | 'unidentified' | 'civilians' | 'protesters' | 'rioters' | 'tribal';

export const ROLE_PREFIX: Record<ActorRole, string> = {
  military: 'mil',
  police: 'pol',
  government: 'gov',
  unidentified: 'uag',
  civilians: 'civ',
  protesters: 'pro',
  rioters: 'rio',
  tribal: 'tribal',
};

/** A row of actors.tsv beyond what ActorEntry carries. */
export interface ActorInfo {
  entry: ActorEntry;
  branch: string;
  aliases_ar: string[];
  aliases_en: string[];
  anaphora_ar: string[];
  line: number;
}

export interface GenericRow {
  phrase: string;
  /** ISO2 or '*' */
  country: string;
  target: string;
  line: number;
}

/** What a matched phrase means. `span` = token offsets of the actor inside the phrase [from, to). */
export type ActorHit =
  | { t: 'named'; actor: ActorEntry }
  | { t: 'pattern'; target: string; iso2: string; span: [number, number] }
  | { t: 'block' }
  | { t: 'anaphor'; ids: string[] }
  | { t: 'generic'; rows: GenericRow[]; span: [number, number] };

export interface ActorLexicon {
  actors: ActorEntry[];
  byId: Map<string, ActorEntry>;
  info: Map<string, ActorInfo>;
  countries: CountryLexicon;
  generic: GenericRow[];
  index: PhraseIndex<ActorHit>;
  /** words between an unnamed fighter noun and a named actor (مسلحا من داعش): the noun names that actor */
  links: PhraseIndex<true>;
}

const KINDS = new Set([
  'state',
  'rebel',
  'militia',
  'pro-government',
  'civilians',
  'protesters',
  'rioters',
  'external',
  'coalition',
  'unidentified',
]);
const CLASS_TARGETS = new Set(Object.keys(ROLE_PREFIX));

export interface ActorLexiconPaths {
  actors?: string;
  generic?: string;
  countries?: string;
  links?: string;
}

export function loadActorLexicon(paths: ActorLexiconPaths = {}): ActorLexicon {
  const countries = loadCountries(paths.countries);
  const actorsPath = paths.actors ?? lexiconPath('actors.tsv');
  const t = loadTsv(actorsPath, ['id', 'name', 'inter', 'kind', 'aliases_ar']);
  const actors: ActorEntry[] = [];
  const byId = new Map<string, ActorEntry>();
  const info = new Map<string, ActorInfo>();
  for (const { line, cells } of t.rows) {
    const id = cells.id as string;
    if (byId.has(id)) throw new LexiconError(actorsPath, line, `duplicate actor id "${id}"`);
    const inter = Number(cells.inter);
    if (!Number.isInteger(inter) || inter < 1 || inter > 8)
      throw new LexiconError(actorsPath, line, `inter must be 1..8, found "${cells.inter}"`);
    const kind = cells.kind as string;
    if (!KINDS.has(kind)) throw new LexiconError(actorsPath, line, `unknown kind "${kind}"`);
    const country = cells.country || null;
    if (country && !countries.byIso.has(country)) throw new LexiconError(actorsPath, line, `unknown country "${country}"`);
    const entry: ActorEntry = { id, name: cells.name as string, inter, country, kind };
    if (cells.source_name) entry.source_name = cells.source_name;
    actors.push(entry);
    byId.set(id, entry);
    info.set(id, {
      entry,
      branch: cells.branch ?? '',
      aliases_ar: splitList(cells.aliases_ar),
      aliases_en: splitList(cells.aliases_en),
      anaphora_ar: splitList(cells.anaphora_ar),
      line,
    });
  }
  const genericPath = paths.generic ?? lexiconPath('actor-generic.tsv');
  const g = loadTsv(genericPath, ['phrase', 'country', 'target']);
  const generic: GenericRow[] = [];
  for (const { line, cells } of g.rows) {
    const row: GenericRow = { phrase: cells.phrase as string, country: cells.country as string, target: cells.target as string, line };
    checkTarget(row, byId, genericPath);
    if (row.country !== '*' && !countries.byIso.has(row.country))
      throw new LexiconError(genericPath, line, `unknown country "${row.country}"`);
    if (hasSlots(row.phrase) && row.country !== '*')
      throw new LexiconError(genericPath, line, 'a phrase with a nationality slot takes its country from the adjective: country must be *');
    generic.push(row);
  }
  const links = new PhraseIndex<true>();
  for (const { cells } of loadTsv(paths.links ?? lexiconPath('actor-links.tsv'), ['phrase']).rows) links.add(cells.phrase as string, true);
  return { actors, byId, info, countries, generic, index: buildIndex(actors, info, generic, countries), links };
}

function checkTarget(row: GenericRow, byId: Map<string, ActorEntry>, file: string): void {
  if (row.target === '-' || CLASS_TARGETS.has(row.target)) return;
  if (row.target.startsWith('actor:') && byId.has(row.target.slice(6))) return;
  throw new LexiconError(
    file,
    row.line,
    `bad target "${row.target}" (military|police|government|civilians|protesters|rioters|unidentified|tribal|actor:<id>|-)`,
  );
}

/** Split "غارة [{adj_f}]" into the phrase and the actor's token span inside it. */
export function phraseSpan(template: string): { phrase: string; span: [number, number] | null } {
  const open = template.indexOf('[');
  const close = template.indexOf(']');
  if (open === -1 || close < open) return { phrase: template, span: null };
  const count = (s: string) => tokenize(normKey(s)).length;
  const before = count(template.slice(0, open));
  const inside = count(template.slice(open + 1, close));
  return { phrase: template.replace(/[[\]]/g, ''), span: [before, before + inside] };
}

function buildIndex(
  actors: ActorEntry[],
  info: Map<string, ActorInfo>,
  generic: GenericRow[],
  countries: CountryLexicon,
): PhraseIndex<ActorHit> {
  const index = new PhraseIndex<ActorHit>();
  for (const a of actors) {
    const hit: ActorHit = { t: 'named', actor: a };
    for (const alias of info.get(a.id)?.aliases_ar ?? []) index.add(alias, hit);
    for (const alias of info.get(a.id)?.aliases_en ?? [])
      if (/^[A-Z][A-Za-z-]{2,}$/.test(alias) && alias.toUpperCase() === alias) index.add(alias, hit);
  }
  // Anaphora: one hit per phrase listing every actor it may refer back to.
  const anaphora = new Map<string, { t: 'anaphor'; ids: string[] }>();
  for (const a of actors) {
    for (const w of info.get(a.id)?.anaphora_ar ?? []) {
      const k = normKey(w);
      let h = anaphora.get(k);
      if (!h) {
        h = { t: 'anaphor', ids: [] };
        anaphora.set(k, h);
        index.add(k, h);
      }
      h.ids.push(a.id);
    }
  }
  const generics = new Map<string, { t: 'generic'; rows: GenericRow[]; span: [number, number] }>();
  const blocks: ActorHit = { t: 'block' };
  for (const row of generic) {
    const { phrase, span } = phraseSpan(row.phrase);
    if (hasSlots(phrase)) {
      for (const c of countries.byIso.values()) addPattern(index, phrase, span, row, c);
      continue;
    }
    if (row.target === '-') {
      index.add(phrase, blocks);
      continue;
    }
    const k = normKey(phrase);
    let h = generics.get(k);
    if (!h) {
      h = { t: 'generic', rows: [], span: span ?? [0, tokenize(k).length] };
      generics.set(k, h);
      index.add(k, h);
    }
    h.rows.push(row);
  }
  return index;
}

function addPattern(index: PhraseIndex<ActorHit>, phrase: string, span: [number, number] | null, row: GenericRow, c: Country): void {
  for (const p of expandTemplate(phrase, c)) {
    const n = tokenize(normKey(p)).length;
    // A slot may expand to several words (جنوب سوداني): the span then runs to the phrase end.
    const s: [number, number] = span ? [span[0], span[1] === span[0] + 1 && n > span[1] ? n : span[1]] : [0, n];
    index.add(p, { t: 'pattern', target: row.target, iso2: c.iso2, span: s });
  }
}
