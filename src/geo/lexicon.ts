// Place-word lexicon of the geocoder: cue words (قرية، محافظة، ريف …), compass words (جنوب X، X الشرقي) and the
// stop-list of common words that are also place names. Data files in data/gazetteer/, loaded here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, lexiconPath, parseTsv } from '../lexicon/tsv.ts';
import { PhraseIndex } from '../text/phrase-index.ts';
import { nameKey } from './keys.ts';

export interface Cue {
  word: string;
  /** admin1 admin2 admin3 locality neighbourhood site natural near rural centre capital any */
  feature: string;
  /** precision for the named place when the cue points inside/near it; null = the place itself */
  precision: 1 | 2 | 3 | null;
  /** a site whose place names an institution (جامعة القاهرة): see GeoLexicon.orgSites */
  orgSite?: boolean;
}

export interface GeoLexicon {
  cues: PhraseIndex<Cue>;
  /** compass words before a name (جنوب، شمال شرق) */
  dirBefore: PhraseIndex<string>;
  /** compass adjectives after a name (الشرقي) */
  dirAfter: PhraseIndex<string>;
  /** nameKeys of common words that are also place names → when they may still be a place: 'cue' (only after a
   * cue word), 'prep' (also after a preposition, the clitic ب included) or 'slot' (after a free preposition or a cue:
   * the corpus-derived common words) */
  stop: Map<string, 'cue' | 'prep' | 'slot'>;
  /** single-token cue keys (also blocked as places on their own) */
  cueKeys: Set<string>;
  /** single-token cue keys of a settlement (مدينة، بلدة، قرية): a gazetteer key that starts with one (مدينة القدس)
   * reports the name without it when the rest names the same place (an admin unit's type word stays: ناحية كنعان
   * names the district, not the town) */
  typeWords: Set<string>;
  /** given names (nameKey): a mention that starts with one, or follows one, is a person */
  givenNames: Set<string>;
  /** person titles before a name (الرئيس، رئيس الوزراء، الشيخ) */
  titles: PhraseIndex<string>;
  /** function words (never a place, never a fuzzy variant) and compound-name heads (أبو، تل: never a place alone) */
  functionWords: Map<string, 'function' | 'head'>;
  /** words a gazetteer key may carry that are not part of the place's name span (nameKey): descriptors before the
   * name (دولة قطر، قطاع غزة) and honorific epithets after it (مكة المكرمة، النجف الأشرف) */
  descriptors: Set<string>;
  epithets: Set<string>;
  /** words that make a following place name the name of an organisation (صحيفة الخليج، نادي ليفربول) and words
   * after a place name that make it one (مانشستر يونايتد، نيويورك تايمز) (nameKey) */
  orgBefore: Set<string>;
  orgAfter: Set<string>;
  /** nouns and verbs of a sports match (مباراة، ديربي، يستضيف، فاز، تعادل): a town right after one, joined to that
   * town by و, or after على/مع/أمام/ضد that follows one is a club (nameKey) */
  matchWords: Set<string>;
  /** words of match reports (الشوط، الدقيقة، مرمى، هدف، المباراة): with the match words, three in a sentence make it
   * one, and a town named bare there is its club (nameKey) */
  sportWords: Set<string>;
  /** words after which any place name, a country's too, names an organisation, an event or a building (شركة قطر،
   * بنك إنجلترا، بطولة الولايات المتحدة، معرض طهران) (nameKey) */
  orgNames: Set<string>;
  /** site cue words whose place names an institution (جامعة القاهرة، كلية …): the mention is kept and resolved (it
   * locates the site) but flagged as part of an organisation's name (nameKey) */
  orgSites: Set<string>;
  /** place names that are also common adjectives (البيضاء، الزرقاء): no place right after a definite noun (nameKey) */
  adjHomographs: Set<string>;
  /** country names that are also a feminine relation adjective (السعودية): no place right after a definite feminine
   * noun or plural (الحكومة السعودية، القوات السعودية), a place after a masculine one (زار الرئيس السعودية) (nameKey) */
  femAdjectives: Set<string>;
  /** masculine speech verbs (قال، أكد، أوضح): a small place's name right after one is a person (nameKey) */
  speechVerbs: Set<string>;
  /** one-word short names of news agencies (قنا، واس، بترا), from the source lexicon: after a dateline's dash, in
   * brackets or after وكالة they name the agency, not a town (nameKey) */
  agencies: Set<string>;
  /** definite masculine nationality adjectives (الإسباني، القطري) → ISO2: a club after its town (فالنسيا الإسباني) */
  adjMasc: Map<string, string>;
  /** ordinary words of news text (corpus-derived): never an unknown place name after a cue */
  frequentWords: Set<string>;
  /** nationality adjectives (all genders, with and without ال; nameKey) → ISO2, from data/lexicon/countries.tsv */
  adjectives: Map<string, string>;
}

export const GEO_DATA_DIR = join(DATA_DIR, 'gazetteer');

/** Nationality adjectives of data/lexicon/countries.tsv (adj_m, adj_f, adj_pl; indefinite and with ال), except
 * forms that are also a country's name (سورية). */
export function parseAdjectives(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const names = new Set<string>();
  const rows = parseTsv(text, 'countries.tsv', ['iso2']).rows;
  for (const { cells } of rows) for (const n of String(cells.names_ar ?? '').split('|')) if (n.trim()) names.add(nameKey(n));
  for (const { cells } of rows) {
    const cc = String(cells.iso2 ?? '');
    for (const col of ['adj_m', 'adj_f', 'adj_pl']) {
      for (const a of String(cells[col] ?? '').split('|')) {
        const k = nameKey(a);
        if (!k || k.includes(' ')) continue;
        for (const f of [k, `ال${k}`]) if (!names.has(f) && !out.has(f)) out.set(f, cc);
      }
    }
  }
  return out;
}

/** Definite masculine nationality adjectives (الإسباني، القطري) → ISO2, from countries.tsv's adj_m column. */
export function parseMascAdjectives(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { cells } of parseTsv(text, 'countries.tsv', ['iso2']).rows) {
    const cc = String(cells.iso2 ?? '');
    for (const a of String(cells.adj_m ?? '').split('|')) {
      const k = nameKey(a);
      if (k && !k.includes(' ') && !out.has(`ال${k}`)) out.set(`ال${k}`, cc);
    }
  }
  return out;
}

export function parseGeoLexicon(files: {
  cues: string;
  directions: string;
  stoplist: string;
  persons?: string;
  functionWords?: string;
  countries?: string;
  /** the event trigger lexicon (read only): its one-word phrases (غارة، كمين، قصف) are no place names on their own */
  eventWords?: string;
  commonWords?: string;
  frequentWords?: string;
  /** the source lexicon (read only): one-word names of news agencies */
  sources?: string;
}): GeoLexicon {
  const cues = new PhraseIndex<Cue>();
  const cueKeys = new Set<string>();
  const typeWords = new Set<string>();
  const cueList: Cue[] = [];
  for (const { cells } of parseTsv(files.cues, 'cues.tsv', ['cue', 'feature']).rows) {
    const p = Number(cells.precision);
    const cue: Cue = { word: cells.cue as string, feature: cells.feature as string, precision: p === 1 || p === 2 || p === 3 ? p : null };
    cues.add(cue.word, cue);
    // an idiom is matched (so that its cue word is not) but names nothing
    if (cue.feature === 'idiom') continue;
    cueList.push(cue);
    cueKeys.add(nameKey(cue.word));
    if (cue.feature === 'locality' && !cue.word.includes(' ')) typeWords.add(nameKey(cue.word));
  }
  const dirBefore = new PhraseIndex<string>();
  const dirAfter = new PhraseIndex<string>();
  for (const { cells } of parseTsv(files.directions, 'directions.tsv', ['word', 'position']).rows) {
    (cells.position === 'after' ? dirAfter : dirBefore).add(cells.word as string, cells.word as string);
  }
  const stop = new Map<string, 'cue' | 'prep' | 'slot'>();
  for (const { cells } of parseTsv(files.stoplist, 'stoplist.tsv', ['word']).rows) {
    stop.set(nameKey(cells.word as string), cells.allow === 'prep' ? 'prep' : cells.allow === 'slot' ? 'slot' : 'cue');
  }
  if (files.commonWords) {
    for (const { cells } of parseTsv(files.commonWords, 'common-words.tsv', ['word']).rows) {
      const k = nameKey(cells.word as string);
      if (!stop.has(k)) stop.set(k, 'slot');
    }
  }
  if (files.eventWords) {
    for (const { cells } of parseTsv(files.eventWords, 'triggers.tsv', ['phrase']).rows) {
      const k = nameKey(cells.phrase as string);
      if (k && !k.includes(' ') && !stop.has(k)) stop.set(k, 'cue');
    }
  }
  const givenNames = new Set<string>();
  const titles = new PhraseIndex<string>();
  const speechVerbs = new Set<string>();
  if (files.persons) {
    for (const { cells } of parseTsv(files.persons, 'persons.tsv', ['word', 'kind']).rows) {
      if (cells.kind === 'title') titles.add(cells.word as string, cells.word as string);
      else if (cells.kind === 'verb') speechVerbs.add(nameKey(cells.word as string));
      else givenNames.add(nameKey(cells.word as string));
    }
  }
  const functionWords = new Map<string, 'function' | 'head'>();
  const descriptors = new Set<string>();
  const epithets = new Set<string>();
  const orgBefore = new Set<string>();
  const matchWords = new Set<string>();
  const sportWords = new Set<string>();
  const orgAfter = new Set<string>();
  const orgNames = new Set<string>();
  const orgSites = new Set<string>();
  const adjHomographs = new Set<string>();
  const femAdjectives = new Set<string>();
  if (files.functionWords) {
    for (const { cells } of parseTsv(files.functionWords, 'function-words.tsv', ['word', 'kind']).rows) {
      const k = nameKey(cells.word as string);
      if (cells.kind === 'descriptor') descriptors.add(k);
      else if (cells.kind === 'epithet') epithets.add(k);
      else if (cells.kind === 'org-before') orgBefore.add(k);
      else if (cells.kind === 'match') matchWords.add(k);
      else if (cells.kind === 'sport') sportWords.add(k);
      else if (cells.kind === 'org-after') orgAfter.add(k);
      else if (cells.kind === 'org-name') orgNames.add(k);
      else if (cells.kind === 'org-site') orgSites.add(k);
      else if (cells.kind === 'adjective') adjHomographs.add(k);
      else if (cells.kind === 'fem-adjective') femAdjectives.add(k);
      else functionWords.set(k, cells.kind === 'head' ? 'head' : 'function');
    }
  }
  for (const c of cueList) if (orgSites.has(nameKey(c.word))) c.orgSite = true;
  const adjectives = files.countries ? parseAdjectives(files.countries) : new Map<string, string>();
  const adjMasc = files.countries ? parseMascAdjectives(files.countries) : new Map<string, string>();
  const frequentWords = new Set<string>();
  if (files.frequentWords)
    for (const { cells } of parseTsv(files.frequentWords, 'frequent-words.tsv', ['word']).rows)
      frequentWords.add(nameKey(cells.word as string));
  const agencies = new Set<string>();
  if (files.sources)
    for (const { cells } of parseTsv(files.sources, 'sources.tsv', ['kind', 'aliases_ar']).rows) {
      if (cells.kind !== 'agency') continue;
      for (const a of String(cells.aliases_ar ?? '').split('|')) {
        const k = nameKey(a);
        if (k && !k.includes(' ')) agencies.add(k);
      }
    }
  return {
    agencies,
    cues,
    dirBefore,
    dirAfter,
    stop,
    cueKeys,
    typeWords,
    givenNames,
    titles,
    functionWords,
    descriptors,
    epithets,
    orgBefore,
    orgAfter,
    matchWords,
    sportWords,
    orgNames,
    orgSites,
    adjHomographs,
    femAdjectives,
    speechVerbs,
    adjMasc,
    adjectives,
    frequentWords,
  };
}

export function loadGeoLexicon(dir: string = GEO_DATA_DIR): GeoLexicon {
  const read = (f: string) => {
    try {
      return readFileSync(join(dir, f), 'utf8');
    } catch (e) {
      throw new Error(`geocoder lexicon ${join(dir, f)} missing: ${(e as Error).message}`);
    }
  };
  const readOptional = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined);
  return parseGeoLexicon({
    cues: read('cues.tsv'),
    directions: read('directions.tsv'),
    stoplist: read('stoplist.tsv'),
    persons: read('persons.tsv'),
    functionWords: read('function-words.tsv'),
    // corpus-derived lists (build-gazetteer --common-words): optional, so that they can be rebuilt from nothing
    commonWords: readOptional('common-words.tsv'),
    frequentWords: readOptional('frequent-words.tsv'),
    // the actor lexicon's country table (read only): nationality adjectives are not places
    countries: readFileSync(lexiconPath('countries.tsv'), 'utf8'),
    eventWords: readFileSync(lexiconPath('triggers.tsv'), 'utf8'),
    sources: readFileSync(lexiconPath('sources.tsv'), 'utf8'),
  });
}
