// The attribution lexicon: sources (sources.tsv, with per-country templates) and cue words (attribution-cues.tsv).

import { type Country, expandTemplate, fillName } from '../actors/countries.ts';
import { type ActorLexicon, actorFor, loadActorLexicon } from '../actors/index.ts';
import { LexiconError, lexiconPath, loadTsv, splitList } from '../lexicon/tsv.ts';
import { normKey } from '../text/normalize.ts';
import { PhraseIndex } from '../text/phrase-index.ts';

export interface SourceRow {
  id: string;
  name: string;
  kind: string;
  /** ISO2, '*' (country from the phrase's adjective), '@ctx' (the article's country) or '' */
  country: string;
  aliases_ar: string[];
  aliases_en: string[];
  anaphora_ar: string[];
  template: string;
  line: number;
}

/** A source phrase: a fixed name, a name that needs the article's country, or a word referring back. */
export type SourceHit =
  | { t: 'source'; id: string; name: string; rank: number }
  | { t: 'ctx'; row: SourceRow }
  | { t: 'back'; ids: string[] }
  | { t: 'previous' };

export type CueType =
  | 'verb'
  | 'prep'
  | 'anaphor'
  | 'bridge'
  | 'skip'
  | 'cont'
  | 'title'
  | 'claim'
  | 'claimword'
  | 'function'
  | 'namepart'
  | 'anonymous'
  | 'scopestop';

export interface AttributionLexicon {
  sources: SourceRow[];
  byId: Map<string, SourceRow>;
  actors: ActorLexicon;
  index: PhraseIndex<SourceHit>;
  cues: PhraseIndex<CueType>;
  bridge: Set<string>;
  skip: Set<string>;
  /** titles that may follow a person's name before the body they speak for */
  titles: Set<string>;
  /** words of a claim of responsibility after أعلن X (مسؤوليته، المسؤولية) */
  claimWords: Set<string>;
  /** function words after a verb of saying that are not its subject (إلى، قائلا، بأن): not a person's name */
  functionWords: Set<string>;
  /** function words that are also given names (على / علي after normalisation): inside a name they do not end it */
  nameParts: Set<string>;
  /** canonical name of `template` for a country, from override rows */
  overrides: Map<string, string>;
}

const CUE_TYPES = new Set<CueType>([
  'verb',
  'prep',
  'anaphor',
  'bridge',
  'skip',
  'cont',
  'title',
  'claim',
  'claimword',
  'function',
  'anonymous',
  'scopestop',
  'namepart',
]);

export interface AttributionLexiconPaths {
  sources?: string;
  cues?: string;
}

export function loadAttributionLexicon(actors: ActorLexicon = loadActorLexicon(), paths: AttributionLexiconPaths = {}): AttributionLexicon {
  const file = paths.sources ?? lexiconPath('sources.tsv');
  const t = loadTsv(file, ['id', 'name', 'kind', 'aliases_ar']);
  const sources: SourceRow[] = [];
  const byId = new Map<string, SourceRow>();
  for (const { line, cells } of t.rows) {
    const row: SourceRow = {
      id: cells.id as string,
      name: cells.name as string,
      kind: cells.kind as string,
      country: cells.country ?? '',
      aliases_ar: splitList(cells.aliases_ar),
      aliases_en: splitList(cells.aliases_en),
      anaphora_ar: splitList(cells.anaphora_ar),
      template: cells.template ?? '',
      line,
    };
    if (byId.has(row.id)) throw new LexiconError(file, line, `duplicate source id "${row.id}"`);
    if (row.country && row.country !== '*' && row.country !== '@ctx' && !actors.countries.byIso.has(row.country))
      throw new LexiconError(file, line, `unknown country "${row.country}"`);
    sources.push(row);
    byId.set(row.id, row);
  }
  for (const r of sources)
    if (r.template && !byId.has(r.template)) throw new LexiconError(file, r.line, `unknown template "${r.template}"`);
  const overrides = new Map<string, string>();
  for (const r of sources)
    if (r.template && r.country && r.country !== '@ctx' && r.country !== '*') overrides.set(`${r.template}:${r.country}`, r.name);

  const index = new PhraseIndex<SourceHit>();
  const lex: AttributionLexicon = {
    sources,
    byId,
    actors,
    index,
    cues: new PhraseIndex<CueType>(),
    bridge: new Set(),
    skip: new Set(),
    titles: new Set(),
    claimWords: new Set(),
    functionWords: new Set(),
    nameParts: new Set(),
    overrides,
  };
  const backs = new Map<string, { t: 'back'; ids: string[] }>();
  for (const r of sources) {
    if (r.country === '*') {
      for (const c of actors.countries.byIso.values())
        for (const a of r.aliases_ar)
          for (const p of expandTemplate(a, c)) index.add(p, { t: 'source', id: r.id, name: templateName(lex, r, c), rank: 2 });
    } else if (r.country === '@ctx') {
      const hit: SourceHit = { t: 'ctx', row: r };
      for (const a of r.aliases_ar) index.add(a, hit);
    } else {
      const hit: SourceHit = { t: 'source', id: r.id, name: r.name, rank: r.template ? 1 : 0 };
      for (const a of r.aliases_ar) index.add(a, hit);
    }
    for (const w of r.anaphora_ar) {
      const k = normKey(w);
      let h = backs.get(k);
      if (!h) {
        h = { t: 'back', ids: [] };
        backs.set(k, h);
        index.add(k, h);
      }
      h.ids.push(r.id);
    }
  }

  const cuesFile = paths.cues ?? lexiconPath('attribution-cues.tsv');
  const c = loadTsv(cuesFile, ['cue', 'type']);
  const previous: SourceHit = { t: 'previous' };
  for (const { line, cells } of c.rows) {
    const type = cells.type as CueType;
    if (!CUE_TYPES.has(type)) throw new LexiconError(cuesFile, line, `unknown cue type "${type}"`);
    const k = normKey(cells.cue as string);
    if (type === 'bridge') lex.bridge.add(k);
    else if (type === 'skip') lex.skip.add(k);
    else if (type === 'title') lex.titles.add(k);
    else if (type === 'claimword') lex.claimWords.add(k);
    else if (type === 'function') lex.functionWords.add(k);
    else if (type === 'namepart') {
      lex.functionWords.add(k);
      lex.nameParts.add(k);
    } else if (type === 'anaphor') index.add(k, previous);
    else lex.cues.add(k, type);
  }
  return lex;
}

/** Canonical name of a template row for a country (override rows first). */
export function templateName(lex: AttributionLexicon, row: SourceRow, c: Country): string {
  const base = row.template || row.id;
  const o = lex.overrides.get(`${base}:${c.iso2}`);
  if (o) return o;
  const template = row.template ? (lex.byId.get(row.template)?.name ?? row.name) : row.name;
  return fillName(template, c, {
    military_source: actorFor('military', c.iso2, lex.actors)?.source_name ?? 'Military sources',
    police_source: actorFor('police', c.iso2, lex.actors)?.source_name ?? 'Security sources',
  });
}

/** Canonical source name of an outlet (meta.source: "Al Arabiya", "aawsat", "alriyadh" …); the input when unknown. */
export function outletSource(outlet: string, lex: AttributionLexicon): string {
  const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9\u0621-\u064a]/g, '');
  // "Arabic Wikinews (Wikinews contributors)": the name, then what the brackets hold
  const bare = outlet.replace(/\([^)]*\)/g, ' ').trim();
  const inner = [...outlet.matchAll(/\(([^)]*)\)/g)].map((m) => (m[1] as string).split(/[;,]/)[0] as string);
  for (const cand of [outlet, bare, ...inner]) {
    const f = fold(normKey(cand));
    if (!f) continue;
    for (const r of lex.sources) {
      if (r.country === '*' || r.country === '@ctx') continue;
      const keys = [r.id, r.id.split('-')[0] as string, r.name, ...r.aliases_en, ...r.aliases_ar.map(normKey)];
      if (keys.some((k) => fold(k) === f)) return r.name;
    }
  }
  return outlet;
}

/** ISO2 of an outlet's home country (Al-Riyadh → SA), or null when the outlet is unknown or international. */
export function outletCountry(outlet: string, lex: AttributionLexicon): string | null {
  const name = outletSource(outlet, lex);
  const row = lex.sources.find((r) => r.name === name && r.country && r.country !== '*' && r.country !== '@ctx');
  return row?.country ?? null;
}
