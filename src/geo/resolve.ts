// Resolution: ranks each name's gazetteer candidates with the whole article as context (country focus, admin
// units and towns named nearby, cue words, feature type, population) and turns the winner into a PlaceChoice.
import type { PlaceChoice, PlaceMention } from '../pipeline/doc.ts';
import type { NormText } from '../text/normalize.ts';
import { type Range, sentenceAt } from '../text/segment.ts';
import type { Token } from '../text/tokenize.ts';
import type { Doubt } from '../types.ts';
import { fuzzyInAdmin1 } from './fuzzy.ts';
import { entriesInCountry, type Gazetteer } from './gazetteer.ts';
import { wordHash } from './key-index.ts';
import { findRawPlaces, type RawPlace } from './match.ts';
import { endingVariants, translitCandidates } from './translit.ts';
import { FEATURES, type GazEntry } from './types.ts';

export interface GeoPlaceMention extends PlaceMention {
  /** normalised offsets of the whole phrase (cue and compass words included) */
  phrase: { start: number; end: number };
  /** compass word(s) of the phrase (جنوب، الشرقي) */
  direction?: string | null;
  /** 0..1 confidence of the choice */
  confidence: number;
  /** a common-noun reference to a place (العاصمة for the capital), not a name */
  nominal?: boolean;
  /** what the cue word points to (admin1 … locality, natural for جبل، وادي، طريق) */
  cueFeature?: string | null;
  /** the name is part of an institution's name (جامعة القاهرة): it still locates the site, but it is no place name
   * of its own (NER corpora tag it as part of the organisation) */
  inOrgName?: boolean;
}

interface Cand {
  e: GazEntry;
  variant: boolean;
  prior: number;
  score: number;
  support: number;
}

interface Work {
  raw: RawPlace;
  sentence: number;
  cands: Cand[];
  best: Cand | null;
  anchor: boolean;
}

/** Confidence of a macro-region choice (continent, sea, region spanning countries): below the 0.25 the event
 * assembler needs, so such a mention is reported with its point but never becomes an event's place. */
export const MACRO_CONFIDENCE = 0.2;

const MAX_CANDS = 30;
const MAX_OUT_CANDS = 8;

export function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(Math.min(1, h)));
}

const prior = (e: GazEntry, variant: boolean): number => e.rank * 0.6 + Math.log10(e.population + 1) * 0.35 - (variant ? 2 : 0);

/** Bonus of a candidate's feature given the cue word before the name. */
function cueBonus(cue: string | undefined, e: GazEntry): number {
  const f = e.feature;
  switch (cue) {
    case 'admin1':
      return f === 'admin1' ? 6 : f === 'country' ? -2 : -2;
    case 'admin2':
      return f === 'admin2' ? 5 : f === 'admin3' ? 2 : f === 'locality' ? 1.5 : -1;
    case 'admin3':
      return f === 'admin3' ? 5 : f === 'locality' ? 1.5 : f === 'admin2' ? 1 : -1;
    case 'locality':
      return f === 'locality' ? 2 : f === 'neighbourhood' ? 1 : f === 'country' ? -4 : -1.5;
    case 'neighbourhood':
      return f === 'neighbourhood' ? 4 : f === 'locality' ? 1 : -1;
    case 'capital':
    case 'centre':
    case 'near':
    case 'site':
    case 'natural':
    case 'front':
    case 'rural':
      return f === 'locality' ? 1 : f === 'country' ? -1 : 0;
    default:
      // no cue: a town is more often meant than the district named after it
      return f === 'locality' || f === 'neighbourhood' ? 1.2 : 0;
  }
}

/** Base ACLED precision of a gazetteer feature. */
export function basePrecision(e: GazEntry): 1 | 2 | 3 {
  if (e.feature === 'country' || e.feature === 'admin1' || e.feature === 'region' || e.feature === 'macro-region') return 3;
  if (e.feature === 'admin2' || e.feature === 'admin3') return 2;
  return 1;
}

/** The town that gives an admin2/admin3 unit its name (its seat), when there is one nearby. */
function seatOf(e: GazEntry, gaz: Gazetteer): GazEntry | null {
  if (e.feature !== 'admin2' && e.feature !== 'admin3') return null;
  let best: GazEntry | null = null;
  for (const k of e.keys) {
    for (const code of gaz.index.get(k) ?? []) {
      const o = gaz.entry(code >> 1);
      if ((o.feature !== 'locality' && o.feature !== 'neighbourhood') || o.cc !== e.cc || (e.a1 && o.a1 && o.a1 !== e.a1)) continue;
      if (km(o, e) > 60) continue;
      if (!best || o.rank > best.rank || (o.rank === best.rank && o.population > best.population)) best = o;
    }
  }
  return best;
}

const baseChoices = new WeakMap<Gazetteer, Map<number, PlaceChoice>>();
/** The PlaceChoice of an entry at its own precision, shared (memoised, frozen): for candidate lists. */
function sharedChoice(e: GazEntry, gaz: Gazetteer): PlaceChoice {
  let memo = baseChoices.get(gaz);
  if (!memo) {
    memo = new Map();
    baseChoices.set(gaz, memo);
  }
  let c = memo.get(e.id);
  if (!c) {
    c = Object.freeze(toChoice(e, gaz));
    if (memo.size > 50000) memo.clear();
    memo.set(e.id, c);
  }
  return c;
}

/** The PlaceChoice of an entry at its own precision (memoised: choices are plain data, copied on change). */
function choiceOf(e: GazEntry, gaz: Gazetteer): PlaceChoice {
  let memo = baseChoices.get(gaz);
  if (!memo) {
    memo = new Map();
    baseChoices.set(gaz, memo);
  }
  return { ...sharedChoice(e, gaz) };
}

export function toChoice(e: GazEntry, gaz: Gazetteer, precision?: 1 | 2 | 3, feature?: string): PlaceChoice {
  const a1 = e.a1 ? gaz.admin1.get(e.a1) : undefined;
  const seat = seatOf(e, gaz);
  const pt = seat ?? e;
  return {
    name: e.name,
    name_ar: e.name_ar,
    country: gaz.countries.get(e.cc)?.name ?? e.cc,
    country_code: e.cc,
    admin1: e.feature === 'country' ? null : (a1?.name ?? null),
    admin1_ar: e.feature === 'country' ? null : (a1?.name_ar ?? null),
    admin2: e.feature === 'admin2' ? e.name : e.a2,
    admin3: e.feature === 'admin3' ? e.name : e.a3,
    latitude: Math.round(pt.lat * 1e5) / 1e5,
    longitude: Math.round(pt.lon * 1e5) / 1e5,
    geo_precision: precision ?? basePrecision(e),
    geonames_id: e.geonames_id,
    feature: feature ?? e.feature,
    population: e.population || null,
  };
}

/** The context the article gives: country focus, admin1 units named, anchor points per sentence. */
interface Context {
  countryShare: Map<string, number>;
  /** admin1 code → the distinct names of the anchors in it */
  docA1: Map<string, Set<string>>;
  sentenceAnchors: Map<number, Work[]>;
  /** topCountry and focusCountries (shares 0.3 and 0.2), made on first use: a context does not change once built */
  top?: string | null;
  focus3?: Set<string>;
  focus2?: Set<string>;
}

function buildCands(raw: RawPlace, gaz: Gazetteer): Cand[] {
  const ids = raw.ids;
  // a short list is checked for repeats in place (no Set)
  const seen = ids.length > 16 ? new Set<number>() : null;
  const out: Cand[] = [];
  for (let k = 0; k < ids.length; k++) {
    const code = ids[k] as number;
    const id = code >> 1;
    if (seen) {
      if (seen.has(id)) continue;
      seen.add(id);
    } else if (listed(out, id)) continue;
    const e = gaz.entry(id);
    const variant = (code & 1) === 1;
    out.push({ e, variant, prior: prior(e, variant), score: 0, support: 0 });
  }
  if (out.length > SHORT) out.sort((a, b) => b.prior - a.prior);
  else sortShort(out, byPrior);
  if (out.length > MAX_CANDS) out.length = MAX_CANDS;
  return out;
}

function listed(cands: readonly Cand[], id: number): boolean {
  for (let k = 0; k < cands.length; k++) if ((cands[k] as Cand).e.id === id) return true;
  return false;
}

const byPrior = (c: Cand): number => c.prior;
const byScore = (c: Cand): number => c.score;
/** Lists up to this long are sorted by sortShort. */
const SHORT = 32;

/** Candidates by descending key, ties kept in their order: an insertion sort, stable as Array.prototype.sort (so
 * the same order) but without the work array that sort allocates on every call. For short lists. */
function sortShort(cands: Cand[], key: (c: Cand) => number): void {
  for (let i = 1; i < cands.length; i++) {
    const c = cands[i] as Cand;
    const v = key(c);
    let j = i - 1;
    while (j >= 0 && key(cands[j] as Cand) < v) {
      cands[j + 1] = cands[j] as Cand;
      j--;
    }
    cands[j + 1] = c;
  }
}

/** By descending score, ties in order (as w.cands.sort((a, b) => b.score - a.score)). */
function sortByScore(cands: Cand[]): void {
  if (cands.length > SHORT) cands.sort((a, b) => b.score - a.score);
  else sortShort(cands, byScore);
}

const NO_ANCHORS: readonly Work[] = [];

function scoreCand(w: Work, c: Cand, ctx: Context | null): void {
  let s = c.prior + cueBonus(w.raw.cue?.feature, c.e);
  let support = 0;
  if (ctx) {
    const share = ctx.countryShare.get(c.e.cc) ?? 0;
    s += 4 * share;
    if (share === 0 && ctx.countryShare.size) s -= 1;
    if (c.e.a1 && c.e.feature !== 'admin1' && c.e.feature !== 'country') {
      const anchors = ctx.sentenceAnchors.get(w.sentence) ?? NO_ANCHORS;
      let sent = 0;
      let near = Infinity;
      for (const a of anchors) {
        if (a === w || !a.best) continue;
        const ae = a.best.e;
        if (ae.a1 === c.e.a1) sent = Math.max(sent, ae.feature === 'admin1' ? 5 : 4);
        if (ae.feature !== 'country' && ae.feature !== 'admin1') near = Math.min(near, km(ae, c.e));
      }
      const names = ctx.docA1.get(c.e.a1);
      const doc = names && (names.size > 1 || !names.has(w.raw.key)) ? 2 : 0;
      support = Math.max(sent, doc);
      if (near < 20) support += 2.5;
      else if (near < 60) support += 1.5;
    }
  }
  c.support = support;
  c.score = s + support;
}

/** The names of a list joined by و or commas (السعودية والإمارات والكويت وقطر وعمان): when two or more members are
 * countries and every other one may be a country too, a member that names a country as well as a town (الكويت،
 * عمان) is the country. */
function countryLists(works: readonly Work[], tokens: readonly Token[]): void {
  const joined = (a: Work, b: Work): boolean => {
    if (a.raw.phraseTo === b.raw.phraseFrom) return (tokens[b.raw.phraseFrom] as Token).prefixes[1] === 'و';
    if (a.raw.phraseTo + 1 !== b.raw.phraseFrom) return false;
    const between = tokens[a.raw.phraseTo] as Token;
    return between.kind === 'punct' && (between.text === '،' || between.text === ',');
  };
  let from = 0;
  while (from < works.length) {
    let to = from + 1;
    while (to < works.length && joined(works[to - 1] as Work, works[to] as Work)) to++;
    if (to - from >= 3) {
      const members = works.slice(from, to);
      const countryOf = (w: Work) => w.cands.find((c) => c.e.feature === 'country' && !c.variant);
      const sure = members.filter((w) => w.best?.e.feature === 'country').length;
      if (sure >= 2 && members.every((w) => w.best?.e.feature === 'country' || countryOf(w))) {
        for (const w of members) {
          const country = countryOf(w);
          if (!w.best || w.best.e.feature === 'country' || !country) continue;
          country.score = w.best.score + 1;
          sortByScore(w.cands);
          w.best = w.cands[0] ?? null;
        }
      }
    }
    from = to;
  }
}

function rankCands(w: Work, ctx: Context | null): void {
  for (const c of w.cands) scoreCand(w, c, ctx);
  sortByScore(w.cands);
  w.best = w.cands[0] ?? null;
}

const bitsOf = new WeakMap<ReadonlyMap<string, unknown>, Int32Array>();

/** One bit per hash (wordHash) of the words of a small map, 64 bits a word (built once per map): most words of a text
 * are no key of it, and a hash and a bit test answer them without a probe of the map (the lexicon's maps do not change
 * after loading). */
function wordBits(words: ReadonlyMap<string, unknown>): Int32Array {
  let bits = bitsOf.get(words);
  if (!bits) {
    let n = 1 << 10;
    while (n < words.size * 64) n <<= 1;
    bits = new Int32Array(n >>> 5);
    for (const w of words.keys()) {
      const b = wordHash(w) & (n - 1);
      bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
    }
    bitsOf.set(words, bits);
  }
  return bits;
}

/** The word may be a key of the map whose wordBits these are (false: it is not). */
function maybe(bits: Int32Array, w: string): boolean {
  const b = wordHash(w) & ((bits.length << 5) - 1);
  return ((bits[b >>> 5] as number) & (1 << (b & 31))) !== 0;
}

/** Nationality adjectives of the text (الحكومة التركية): votes for the article's country focus, capped per country. */
function adjectiveVotes(tokens: readonly Token[], gaz: Gazetteer): Map<string, number> {
  const votes = new Map<string, number>();
  const adj = gaz.lex.adjectives;
  if (!adj.size) return votes;
  const bits = wordBits(adj);
  for (const t of tokens) {
    if (t.kind !== 'ar') continue;
    // nationality adjectives end in ي، ية، يين، يون or are broken plurals ending in ك (أتراك): skip the rest
    const last = t.text.charCodeAt(t.text.length - 1);
    if (last !== 0x64a && last !== 0x647 && last !== 0x646 && last !== 0x643) continue;
    const f =
      t.forms.length > 1 && (t.prefixes[1] === 'و' || t.prefixes[1] === 'ب' || t.prefixes[1] === 'ل') ? (t.forms[1] as string) : t.text;
    // the word, then the form without its proclitic (the same word again when there is none: not looked up twice)
    const cc = (maybe(bits, t.text) ? adj.get(t.text) : undefined) ?? (f !== t.text && maybe(bits, f) ? adj.get(f) : undefined);
    if (cc) votes.set(cc, Math.min(3, (votes.get(cc) ?? 0) + 0.75));
  }
  return votes;
}

/** The article's context from its anchors and nationality adjectives; the countries of `seed` (the caller's) keep at
 * least their share. */
function buildContext(works: Work[], gaz: Gazetteer, adjVotes: Map<string, number> | undefined, seed: Context | null): Context {
  const votes = new Map<string, number>(adjVotes ?? []);
  const docA1 = new Map<string, Set<string>>();
  const sentenceAnchors = new Map<number, Work[]>();
  let total = 0;
  for (const v of votes.values()) total += v;
  const voted = new Set<string>();
  for (const w of works) {
    // a macro-region (no country) says nothing about the article's country
    if (!w.anchor || !w.best || w.best.e.feature === 'macro-region') continue;
    const e = w.best.e;
    // a name repeated votes once for its country; a name as likely in two countries (الجوف) votes for neither
    const once = `${w.raw.key}|${e.id}`;
    if (voted.has(once) || ambiguousCountry(w)) {
      const l = sentenceAnchors.get(w.sentence) ?? [];
      if (l.length < 24) l.push(w);
      sentenceAnchors.set(w.sentence, l);
      continue;
    }
    voted.add(once);
    // countries, provinces and capitals say most about the article's country; other towns a little
    const v = e.feature === 'country' ? 3 : e.feature === 'admin1' || e.rank >= 9 ? 2 : 0.5;
    votes.set(e.cc, (votes.get(e.cc) ?? 0) + v);
    total += v;
    if (e.a1) {
      const set = docA1.get(e.a1) ?? new Set<string>();
      set.add(w.raw.key);
      docA1.set(e.a1, set);
    }
    const l = sentenceAnchors.get(w.sentence) ?? [];
    if (l.length < 24) l.push(w);
    sentenceAnchors.set(w.sentence, l);
  }
  const countryShare = new Map<string, number>();
  for (const [cc, v] of votes) countryShare.set(cc, v / total);
  if (seed) for (const [cc, v] of seed.countryShare) countryShare.set(cc, Math.max(v, countryShare.get(cc) ?? 0));
  void gaz;
  return { countryShare, docA1, sentenceAnchors };
}

/** The name's best candidates lie in different countries: same kind of place, same rank or nearly the same prior. */
function ambiguousCountry(w: Work): boolean {
  const b = w.best;
  if (!b || b.e.feature === 'country') return false;
  for (const c of w.cands)
    if (c !== b && c.e.cc !== b.e.cc && c.e.feature === b.e.feature && (c.e.rank === b.e.rank || Math.abs(c.prior - b.prior) < 1.5))
      return true;
  return false;
}

function isStrong(w: Work): boolean {
  const b = w.best;
  if (!b || b.e.feature === 'macro-region') return false;
  if (b.variant && b.e.rank < 7) return false;
  return b.e.rank >= 4 || w.raw.cue !== null || w.raw.to - w.raw.from >= 2;
}

function doubt(code: string, message: string, nt: NormText | null, start: number, end: number): Doubt {
  const d: Doubt = { code, field: 'location', message };
  if (nt) {
    const rs = nt.map[start] ?? 0;
    const re = (nt.map[end - 1] ?? rs) + 1;
    d.span = { start: rs, end: re, text: nt.raw.slice(rs, re) };
  }
  return d;
}

function applyPhrase(choice: PlaceChoice, raw: RawPlace, e: GazEntry): PlaceChoice {
  const cue = raw.cue;
  const dir = raw.dirBefore ?? raw.dirAfter;
  const broad = e.feature === 'country' || e.feature === 'admin1';
  if (dir || cue?.feature === 'rural') {
    return { ...choice, geo_precision: broad ? 3 : 2, feature: 'region' };
  }
  if (cue?.precision && cue.precision > choice.geo_precision) {
    return {
      ...choice,
      geo_precision: cue.precision,
      feature: cue.feature === 'site' || cue.feature === 'natural' || cue.feature === 'front' ? 'region' : choice.feature,
    };
  }
  return choice;
}

/** The first-level unit a compass phrase on a country points to (شمال شرقي الأردن → Mafraq, شرق سوريا → Deir ez-Zor):
 * the unit lying farthest and most squarely that way from the units' mean point, at precision 3 with its point (the
 * choice keeps the feature country, so that it confines nothing in the event assembler). Null
 * when the phrase has no compass word or the country has fewer than three units in the gazetteer. */
function countryPart(choice: PlaceChoice, raw: RawPlace, e: GazEntry, gaz: Gazetteer): PlaceChoice | null {
  const dir = raw.dirBefore ?? raw.dirAfter;
  if (!dir) return null;
  const north = dir.includes('شمال') ? 1 : dir.includes('جنوب') ? -1 : 0;
  const east = dir.includes('شرق') ? 1 : dir.includes('غرب') ? -1 : 0;
  if (!north && !east) return null;
  const units: GazEntry[] = [];
  for (const id of entriesInCountry(gaz, e.cc)) {
    const u = gaz.entry(id);
    if (u.feature === 'admin1') units.push(u);
  }
  if (units.length < 3) return null;
  const lat0 = units.reduce((a, u) => a + u.lat, 0) / units.length;
  const lon0 = units.reduce((a, u) => a + u.lon, 0) / units.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  let best: GazEntry | null = null;
  let bestScore = -Infinity;
  const norm = Math.hypot(north, east);
  for (const u of units) {
    // the distance that way, weighted by how squarely that way the unit lies (east of Syria: Deir ez-Zor, not
    // Al-Hasakah, which lies farther east but more to the north)
    const dn = u.lat - lat0;
    const de = (u.lon - lon0) * k;
    const along = (north * dn + east * de) / norm;
    const dist = Math.hypot(dn, de) || 1;
    const score = along > 0 ? (along * along * along) / (dist * dist) : along;
    if (score > bestScore) {
      bestScore = score;
      best = u;
    }
  }
  // (still a country-wide choice for the event assembler: a town named later in the text, anywhere in the country,
  // is more precise and is not cut off by the guessed unit)
  return best ? { ...toChoice(best, gaz, 3, 'country'), name: choice.name, name_ar: choice.name_ar } : null;
}

export interface ResolveOptions {
  /** countries to favour (ISO2), e.g. from the article's outlet or a caller's knowledge */
  countries?: string[];
  near?: { lat: number; lon: number };
  /** the text is known to be a place name (geocodeName): no stop-list, no support needed */
  isName?: boolean;
}

function makeWorks(raws: readonly RawPlace[], sentences: readonly Range[], gaz: Gazetteer): Work[] {
  const works: Work[] = [];
  for (const raw of raws)
    works.push({ raw, sentence: sentenceAt(sentences, raw.start, true), cands: buildCands(raw, gaz), best: null, anchor: false });
  return works;
}

export function resolvePlaces(
  doc: { norm: NormText | null; tokens: readonly Token[]; sentences: readonly Range[] },
  gaz: Gazetteer,
  opts: ResolveOptions = {},
): GeoPlaceMention[] {
  const raws = findRawPlaces(doc.tokens, gaz, 100000, opts.isName === true, doc.norm?.text);
  // no names, no mentions (an empty list would also reach the loops below with another array map: a deopt)
  if (raws.length === 0) return [];
  const works = makeWorks(raws, doc.sentences, gaz);
  // pass 1: prior and cue only; strong matches become anchors
  const seed: Context | null = opts.countries?.length
    ? {
        countryShare: new Map(opts.countries.map((c) => [c, 1 / (opts.countries?.length ?? 1)])),
        docA1: new Map(),
        sentenceAnchors: new Map(),
      }
    : null;
  for (const w of works) {
    rankCands(w, seed);
    w.anchor = isStrong(w);
  }
  // pass 2: with the article's context; pass 3 settles anchors that changed
  const adjVotes = adjectiveVotes(doc.tokens, gaz);
  let ctx = buildContext(works, gaz, adjVotes, seed);
  for (const w of works) rankCands(w, ctx);
  for (const w of works) w.anchor = (isStrong(w) || (w.best !== null && w.best.support >= 4)) && !outOfFocus(w, ctx, gaz);
  ctx = buildContext(works, gaz, adjVotes, seed);
  for (const w of works) rankCands(w, ctx);
  countryLists(works, doc.tokens);
  if (opts.near) {
    const near = opts.near;
    for (const w of works) {
      for (const c of w.cands) {
        const d = km(near, c.e);
        c.score += d < 25 ? 3 : d < 100 ? 1.5 : 0;
      }
      sortByScore(w.cands);
      w.best = w.cands[0] ?? null;
    }
  }

  const out: GeoPlaceMention[] = [];
  const scene: Scene = { doc, gaz, ctx, works, out, isName: opts.isName === true, fuzzyBudget: 200 };
  for (const w of works) {
    if (w.raw.capitalRef) placeCapital(w, scene);
    else if (!w.cands.length) placeUnknown(w, scene);
    else placeKnown(w, scene);
  }
  return oneSensePerArticle(out);
}

/** One document's resolution state, shared by the functions that turn its names into mentions (kept apart, each
 * small enough to be optimised early and recompiled alone). */
interface Scene {
  doc: { norm: NormText | null; tokens: readonly Token[] };
  gaz: Gazetteer;
  ctx: Context;
  works: readonly Work[];
  out: GeoPlaceMention[];
  isName: boolean;
  /** fuzzy look-ups left for the document */
  fuzzyBudget: number;
}

/** العاصمة: the capital of the country the adjective names (العاصمة الروسية), else of the article's country. */
function placeCapital(w: Work, s: Scene): void {
  const { doc, gaz, ctx, out } = s;
  const raw = w.raw;
  const cc = raw.capitalCc ?? topCountry(ctx);
  const cap = cc ? capitalOf(cc, gaz) : null;
  if (!cap) return;
  const ch = toChoice(cap, gaz, raw.dirBefore ? 2 : 1, raw.dirBefore ? 'region' : undefined);
  out.push({ ...baseOf(raw, doc), candidates: [toChoice(cap, gaz)], choice: ch, confidence: 0.6, nominal: true });
}

/** A name with no gazetteer entry (after a cue, or a probe): another spelling, a fuzzy match in the admin context, or
 * the unit it lies in. */
function placeUnknown(w: Work, s: Scene): void {
  const { doc, gaz, ctx, out } = s;
  const raw = w.raw;
  // another spelling of the ending (الشدادي ~ الشدادة) or a transliteration (سوروتش ~ Suruç) in the article's countries
  const alt = alternateSpelling(w, ctx, gaz);
  if (!alt && raw.probe) return;
  const base = baseOf(raw, doc);
  if (alt) {
    const ch = applyPhrase(choiceOf(alt, gaz), raw, alt);
    out.push({ ...base, candidates: [choiceOf(alt, gaz)], choice: ch, confidence: 0.6 });
    return;
  }
  // an unknown name after a cue: spelling variants inside the admin context, else the named admin unit
  const a1s = contextAdmin1(w, ctx);
  const fz = s.fuzzyBudget-- > 0 && a1s.length ? fuzzyInAdmin1(raw.key, a1s, gaz, anchorPoints(w, ctx)) : null;
  if (fz) {
    const ch = { ...toChoice(fz, gaz, 2), feature: fz.feature };
    out.push({ ...base, candidates: [toChoice(fz, gaz)], choice: applyPhrase(ch, raw, fz), confidence: 0.5 });
    return;
  }
  const container = containerOf(w, ctx);
  const msg = `"${base.text}" is not in the gazetteer`;
  // an unknown district, sub-district or village with no container in its sentence: the article's main province
  const main = !container && raw.cue && ADMIN_CUES.has(raw.cue.feature) ? mainAdmin1(s.works, ctx) : null;
  if (main) {
    out.push({
      ...base,
      candidates: [],
      choice: { ...toChoice(main, gaz, 3, 'region'), ...(main.feature === 'admin1' ? {} : { admin2: null, admin3: null }) },
      doubt: doubt(
        'place_unresolved',
        `${msg}; placed in ${gaz.admin1.get(main.a1 ?? '')?.name ?? main.name}, the province the article names most`,
        doc.norm,
        raw.start,
        raw.end,
      ),
      confidence: 0.2,
    });
  } else if (container) {
    const p = container.feature === 'admin1' || container.feature === 'country' ? 3 : 2;
    out.push({
      ...base,
      candidates: [],
      choice: toChoice(container, gaz, p, 'region'),
      doubt: doubt('place_unresolved', `${msg}; placed at ${container.name}, named with it`, doc.norm, raw.start, raw.end),
      confidence: 0.3,
    });
  } else {
    out.push({
      ...base,
      candidates: [],
      choice: null,
      doubt: doubt('place_unresolved', msg, doc.norm, raw.start, raw.end),
      confidence: 0,
    });
  }
}

/** A name with gazetteer candidates: the best one, unless it lies abroad, is weak or ambiguous. */
function placeKnown(w: Work, s: Scene): void {
  const raw = w.raw;
  const ctx = s.ctx;
  const best = w.best as Cand;
  // a continent, sea or region spanning countries: reported with its rough point at precision 3, no country, and a
  // confidence too low for an event place (compass words do not make it a town's surroundings)
  if (best.e.feature === 'macro-region') placeMacro(w, best, s);
  // a single-word name whose candidates all lie outside the article's countries: look for a local spelling variant
  else if (
    best.support === 0 &&
    (ctx.countryShare.get(best.e.cc) ?? 0) < 0.3 &&
    topCountry(ctx) !== best.e.cc &&
    best.e.rank < 7 &&
    (raw.cue !== null || raw.freePrep === true)
  )
    placeVariant(w, best, s);
  else placeChosen(w, best, s);
}

// placeKnown's rarer cases are functions of their own: the common one stays small (optimised early, cheap to compile)

function placeMacro(w: Work, best: Cand, s: Scene): void {
  s.out.push({
    ...baseOf(w.raw, s.doc),
    candidates: outCands(w.cands, null, s.gaz),
    choice: choiceOf(best.e, s.gaz),
    confidence: MACRO_CONFIDENCE,
  });
}

/** A local spelling variant in the admin context, else the unit or town of the article's country named in the same
 * sentence, else the name's own best candidate. */
function placeVariant(w: Work, best: Cand, s: Scene): void {
  const { doc, gaz, ctx } = s;
  const raw = w.raw;
  const a1s = contextAdmin1(w, ctx);
  const fz = s.fuzzyBudget-- > 0 && a1s.length ? fuzzyInAdmin1(raw.key, a1s, gaz, anchorPoints(w, ctx)) : null;
  if (fz) {
    placeChosen(w, { e: fz, variant: true, prior: prior(fz, true), score: best.score, support: 3 }, s);
    return;
  }
  // no local variant: the admin unit or town of the article's country named in the same sentence
  const container = containerOf(w, ctx);
  if (container && container.cc === topCountry(ctx)) s.out.push(atContainer(baseOf(raw, doc), w, container, gaz, doc.norm));
  else placeChosen(w, best, s);
}

/** The chosen candidate: placed, unless it lies abroad, is weak or is ambiguous. */
function placeChosen(w: Work, best: Cand, s: Scene): void {
  const { doc, gaz, ctx, out } = s;
  const raw = w.raw;
  // a place outside the article's countries needs a naming cue or a preposition and some size; else the
  // article's own country wins: the in-country container named with it, or nothing
  if (!s.isName && isForeign(best, ctx) && !foreignOk(best, raw, gaz)) {
    placeForeign(w, best, s);
    return;
  }
  // weak single village names need some support from the article
  // weak: a village with no cue, or a spelling variant of a minor town; it needs support from its sentence
  // (an admin unit or a town nearby named with it), or a preposition and the article's country focus
  const weak = (best.e.rank <= 5 || (best.variant && best.e.rank < 7)) && !raw.cue && !raw.dirBefore && !raw.dirAfter;
  if (weak && !s.isName) {
    const share = ctx.countryShare.get(best.e.cc) ?? 0;
    const ok = best.support >= 3 || (share >= 0.3 && (raw.freePrep === true || raw.to - raw.from >= 2));
    if (!ok) return;
  }
  const second = secondFar(w.cands, best);
  const margin = second ? best.score - second.score : 99;
  // best is not among the candidates when it is a local variant found by fuzzyInAdmin1
  const fuzzy = !w.cands.includes(best);
  const candidates = outCands(w.cands, fuzzy ? best : null, gaz);
  const base = baseOf(raw, doc);
  if (margin < 0.75 && best.support === 0 && best.e.rank <= 4 && second) {
    out.push({
      ...base,
      candidates,
      choice: null,
      doubt: doubt(
        'place_ambiguous',
        `"${base.text}" may be ${best.e.name} (${best.e.cc}) or ${second.e.name} (${second.e.cc})`,
        doc.norm,
        raw.start,
        raw.end,
      ),
      confidence: 0,
    });
    return;
  }
  const phrased = applyPhrase(fuzzy ? toChoice(best.e, gaz, 2) : choiceOf(best.e, gaz), raw, best.e);
  const choice = best.e.feature === 'country' ? (countryPart(phrased, raw, best.e, gaz) ?? phrased) : phrased;
  const confidence = Math.max(0.05, Math.min(0.99, 1 / (1 + Math.exp(-(margin - 1)))));
  // the common case, built field by field (an object spread here was a measurable share of the benchmark)
  const mention: GeoPlaceMention = {
    start: base.start,
    end: base.end,
    text: base.text,
    cue: base.cue,
    cueFeature: base.cueFeature,
    phrase: base.phrase,
    direction: base.direction,
    candidates,
    choice,
    confidence: Math.round(confidence * 100) / 100,
  };
  if (raw.inOrgName) mention.inOrgName = true;
  out.push(mention);
}

/** The first candidate other than best more than 30 km from it. */
function secondFar(cands: readonly Cand[], best: Cand): Cand | undefined {
  for (const c of cands) if (c !== best && km(c.e, best.e) > 30) return c;
  return undefined;
}

/** A candidate known only abroad with no cue or preposition that allows it. */
function placeForeign(w: Work, best: Cand, s: Scene): void {
  const { doc, gaz, ctx, out } = s;
  const raw = w.raw;
  // a name that starts with a cue word (مدينة زنجبار) and is known under it only abroad: the name without the cue
  // in the article's country (Zinjibar, Yemen), when it has one
  const local = withoutCue(raw.key, ctx, gaz);
  if (local) {
    out.push({
      ...baseOf(raw, doc),
      candidates: [sharedChoice(local, gaz)],
      choice: applyPhrase(choiceOf(local, gaz), raw, local),
      confidence: 0.6,
    });
    return;
  }
  const container = raw.cue || raw.freePrep ? containerOf(w, ctx) : null;
  if (container) {
    out.push(atContainer(baseOf(raw, doc), w, container, gaz, doc.norm));
  } else if (raw.cue) {
    const base = baseOf(raw, doc);
    out.push({
      ...base,
      candidates: outCands(w.cands, null, gaz),
      choice: null,
      doubt: doubt('place_unresolved', `"${base.text}" is known only outside the article's country`, doc.norm, raw.start, raw.end),
      confidence: 0,
    });
  } else if (best.e.rank >= 7 && !best.variant && (best.e.feature === 'locality' || best.e.feature === 'region')) {
    // a capital or large city abroad named in passing (قالت واشنطن، وفد من لندن وصل): a place mention, left
    // unplaced so that it never becomes the place of the article's events
    const base = baseOf(raw, doc);
    out.push({
      ...base,
      candidates: outCands(w.cands, null, gaz),
      choice: null,
      doubt: doubt(
        'place_unresolved',
        `"${base.text}" (${best.e.name}, ${best.e.cc}) lies outside the article's country and is named in passing (no free-standing preposition, no cue): not placed`,
        doc.norm,
        raw.start,
        raw.end,
      ),
      confidence: 0,
    });
  }
}

type MentionBase = Pick<GeoPlaceMention, 'start' | 'end' | 'text' | 'cue' | 'cueFeature' | 'phrase' | 'direction' | 'inOrgName'>;

/** The fields every mention of a name starts with; made only for the names reported (most probes and weak names
 * are dropped before). */
function baseOf(raw: RawPlace, doc: { norm: NormText | null; tokens: readonly Token[] }): MentionBase {
  const base: MentionBase = {
    start: raw.start,
    end: raw.end,
    text: doc.norm ? doc.norm.text.slice(raw.start, raw.end) : raw.key,
    cue: raw.cue?.word ?? null,
    cueFeature: raw.cue?.feature ?? null,
    phrase: { start: doc.tokens[raw.phraseFrom]?.start ?? raw.start, end: doc.tokens[raw.phraseTo - 1]?.end ?? raw.end },
    direction: raw.dirBefore ?? raw.dirAfter,
  };
  if (raw.inOrgName) base.inOrgName = true;
  return base;
}

/** The candidate list of a mention: the first MAX_OUT_CANDS, after `head` when given (one array, no copies). */
function outCands(cands: readonly Cand[], head: Cand | null, gaz: Gazetteer): PlaceChoice[] {
  const out: PlaceChoice[] = [];
  if (head) out.push(sharedChoice(head.e, gaz));
  for (let k = 0; k < cands.length && out.length < MAX_OUT_CANDS; k++) out.push(sharedChoice((cands[k] as Cand).e, gaz));
  return out;
}

/** A name left unresolved is read as the same name resolved elsewhere in the article (قاعدة العند … في لحج). */
function oneSensePerArticle(out: GeoPlaceMention[]): GeoPlaceMention[] {
  const seen = new Map<string, GeoPlaceMention>();
  for (const m of out) if (m.choice && !seen.has(m.text)) seen.set(m.text, m);
  if (!seen.size) return out;
  return out.map((m) => {
    if (m.choice || m.doubt?.code !== 'place_unresolved') return m;
    const o = seen.get(m.text);
    if (!o?.choice) return m;
    return { ...m, candidates: o.candidates, choice: { ...o.choice }, confidence: Math.min(o.confidence, 0.3), doubt: o.doubt ?? m.doubt };
  });
}

/** For a key whose first word is a cue word, the most important place of the article's countries named by the
 * rest of the key. */
function withoutCue(key: string, ctx: Context, gaz: Gazetteer): GazEntry | null {
  const sp = key.indexOf(' ');
  if (sp <= 0 || !gaz.lex.cueKeys.has(key.slice(0, sp))) return null;
  const focus = focusCountries(ctx);
  let best: GazEntry | null = null;
  for (const code of gaz.index.get(key.slice(sp + 1)) ?? []) {
    if (code & 1) continue;
    const e = gaz.entry(code >> 1);
    if (!focus.has(e.cc) || e.feature === 'country') continue;
    if (!best || prior(e, false) > prior(best, false)) best = e;
  }
  return best;
}

/** A place of the article's countries written with another ending or known only in Latin script. */
function alternateSpelling(w: Work, ctx: Context, gaz: Gazetteer): GazEntry | null {
  const focus = focusCountries(ctx, 0.2);
  if (!focus.size) return null;
  const found: GazEntry[] = [];
  // a short word in a bare place slot (من شأنه، في مجلة) is mostly a common noun: other endings only after a cue
  // word or for longer names (الشدادي ~ الشدادة)
  const variants = w.raw.probe && !w.raw.cue && w.raw.key.length < 6 ? [] : endingVariants(w.raw.key);
  for (const k of variants) {
    for (const code of gaz.index.get(k) ?? []) {
      const e = gaz.entry(code >> 1);
      if (focus.has(e.cc) && e.feature !== 'country') found.push(e);
    }
  }
  // transliteration only for a name in a clear place slot (a cue or a free preposition)
  if (!found.length && (w.raw.cue || w.raw.freePrep)) for (const e of translitCandidates(w.raw.key, focus, gaz)) found.push(e);
  if (!found.length) return null;
  let best = found[0] as GazEntry;
  for (let k = 1; k < found.length; k++)
    if (alternateScore(found[k] as GazEntry, ctx) > alternateScore(best, ctx)) best = found[k] as GazEntry;
  return best;
}

/** How well a place fits the article, for alternateSpelling (a function of its own, not a closure over the context:
 * alternateSpelling runs for every unknown word). */
function alternateScore(e: GazEntry, ctx: Context): number {
  return (
    (e.a1 && ctx.docA1.has(e.a1) ? 4 : 0) +
    3 * (ctx.countryShare.get(e.cc) ?? 0) +
    e.rank +
    (e.feature === 'locality' ? 1.5 : 0) +
    Math.log10(e.population + 1) * 0.3
  );
}

/** The candidate lies outside the article's countries while the article has a clear focus elsewhere. */
function isForeign(c: Cand, ctx: Context): boolean {
  if (c.e.feature === 'country' || c.e.feature === 'macro-region') return false;
  const share = ctx.countryShare.get(c.e.cc) ?? 0;
  if (share >= 0.15) return false;
  const top = topCountry(ctx);
  return top !== null && (ctx.countryShare.get(top) ?? 0) >= 0.35;
}

/** A foreign place is kept when it is a capital or large town named after a free preposition or a fitting cue. */
function foreignOk(c: Cand, raw: RawPlace, gaz: Gazetteer): boolean {
  if (c.variant) return false;
  const cue = raw.cue?.feature;
  const namingCue =
    cue === 'admin1'
      ? c.e.feature === 'admin1'
      : cue === 'locality' || cue === 'admin2' || cue === 'admin3'
        ? c.e.feature !== 'admin1'
        : false;
  if (namingCue && c.e.rank >= 4) return true;
  // words of the name itself (a leading cue word such as مدينة in مدينة زنجبار does not count)
  const sp = raw.key.indexOf(' ');
  const words = raw.to - raw.from - (sp > 0 && gaz.lex.cueKeys.has(raw.key.slice(0, sp)) ? 1 : 0);
  // (a large city with a glued ب, في قصر سموه بجدة, or a dateline's, is named as a place too)
  return c.e.rank >= 7 && (raw.freePrep === true || raw.prep || raw.dateline === true || words >= 2 || namingCue);
}

/** The mention's best candidate is foreign (see isForeign). */
function outOfFocus(w: Work, ctx: Context, gaz: Gazetteer): boolean {
  return !!w.best && isForeign(w.best, ctx) && !foreignOk(w.best, w.raw, gaz);
}

/** Countries the article is about: the top one and any with a share of at least `min`. */
function focusCountries(ctx: Context, min: 0.3 | 0.2 = 0.3): ReadonlySet<string> {
  const known = min === 0.3 ? ctx.focus3 : ctx.focus2;
  if (known) return known;
  const out = new Set<string>();
  const top = topCountry(ctx);
  if (top) out.add(top);
  for (const [cc, s] of ctx.countryShare) if (s >= min) out.add(cc);
  if (min === 0.3) ctx.focus3 = out;
  else ctx.focus2 = out;
  return out;
}

function topCountry(ctx: Context): string | null {
  if (ctx.top !== undefined) return ctx.top;
  let best: string | null = null;
  let v = 0;
  for (const [cc, s] of ctx.countryShare) if (s > v) [best, v] = [cc, s];
  ctx.top = best;
  return best;
}

const capitals = new WeakMap<Gazetteer, Map<string, GazEntry | null>>();
function capitalOf(cc: string, gaz: Gazetteer): GazEntry | null {
  let memo = capitals.get(gaz);
  if (!memo) {
    memo = new Map();
    capitals.set(gaz, memo);
  }
  if (!memo.has(cc)) memo.set(cc, findCapital(cc, gaz));
  return memo.get(cc) ?? null;
}

function findCapital(cc: string, gaz: Gazetteer): GazEntry | null {
  const c = gaz.countries.get(cc);
  if (!c) return null;
  // the national capital (rank 9), else the town nearest the country's reference point
  let best = -1;
  let bestD = Infinity;
  const D = gaz.data;
  const locality = FEATURES.indexOf('locality');
  for (const i of entriesInCountry(gaz, cc)) {
    if (D.f[i] !== locality) continue;
    const d = (D.rank[i] as number) >= 9 ? -1 : km({ lat: (D.lat[i] as number) / 1e5, lon: (D.lon[i] as number) / 1e5 }, c);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best >= 0 && bestD < 25 ? gaz.entry(best) : null;
}

/** admin1 codes named in the mention's sentence, then the article's most named ones. */
function contextAdmin1(w: Work, ctx: Context): string[] {
  const out: string[] = [];
  const focus = focusCountries(ctx);
  const inFocus = (a1: string) => focus.size === 0 || focus.has(a1.slice(0, 2));
  for (const a of ctx.sentenceAnchors.get(w.sentence) ?? [])
    if (a.best?.e.a1 && !out.includes(a.best.e.a1) && inFocus(a.best.e.a1)) out.push(a.best.e.a1);
  const doc = [...ctx.docA1.entries()].sort((a, b) => b[1].size - a[1].size);
  for (const [a1] of doc) if (out.length < 3 && !out.includes(a1) && inFocus(a1)) out.push(a1);
  return out;
}

function anchorPoints(w: Work, ctx: Context): GazEntry[] {
  return (ctx.sentenceAnchors.get(w.sentence) ?? []).filter((a) => a.best && a.best.e.feature !== 'country').map((a) => (a.best as Cand).e);
}

/** The admin unit or town named in the same sentence that an unknown place lies in (first after it, else before). */
/** Cues naming an administrative unit or a populated place (not a site or a landform). */
const ADMIN_CUES = new Set(['admin2', 'admin3', 'locality']);

/** The province of the article's main country that the article names with the most distinct names, when one
 * clearly leads (an admin1 entry when it was named itself, else its most important place). */
function mainAdmin1(works: readonly Work[], ctx: Context): GazEntry | null {
  const top = topCountry(ctx);
  if (!top) return null;
  let best: string | null = null;
  let bestN = 0;
  let second = 0;
  for (const [a1, names] of ctx.docA1) {
    // admin1 codes start with the country's ISO2 (GeoNames: YE.24)
    if (!a1.startsWith(`${top}.`)) continue;
    if (names.size > bestN) {
      second = bestN;
      bestN = names.size;
      best = a1;
    } else if (names.size > second) second = names.size;
  }
  if (!best || bestN < 2 || bestN <= second) return null;
  let pick: GazEntry | null = null;
  for (const w of works) {
    const e = w.best?.e;
    if (!w.anchor || !e || e.a1 !== best) continue;
    if (e.feature === 'admin1') return e;
    if (!pick || e.rank > pick.rank) pick = e;
  }
  return pick;
}

/** A name known only abroad, placed at the unit or town of the article's country named with it (a typed doubt). */
function atContainer<B extends { text: string }>(
  base: B,
  w: Work,
  container: GazEntry,
  gaz: Gazetteer,
  nt: Parameters<typeof doubt>[2],
): B & Pick<GeoPlaceMention, 'candidates' | 'choice' | 'doubt' | 'confidence'> {
  const p = container.feature === 'admin1' || container.feature === 'country' ? 3 : 2;
  const raw = w.raw;
  return {
    ...base,
    candidates: outCands(w.cands, null, gaz),
    choice: toChoice(container, gaz, p, 'region'),
    doubt: doubt(
      'place_unresolved',
      `"${base.text}" is known only outside the article's country; placed at ${container.name}, named with it`,
      nt,
      raw.start,
      raw.end,
    ),
    confidence: 0.3,
  };
}

function containerOf(w: Work, ctx: Context): GazEntry | null {
  const focus = focusCountries(ctx);
  // the first anchor after the name, else the last before it
  let last: GazEntry | null = null;
  for (const a of ctx.sentenceAnchors.get(w.sentence) ?? NO_ANCHORS) {
    if (a === w || !a.best || a.best.e.feature === 'country') continue;
    // only containers in the article's countries: a foreign container loses to an unresolved doubt
    if (focus.size && !focus.has(a.best.e.cc)) continue;
    if (a.raw.start > w.raw.start) return a.best.e;
    last = a.best.e;
  }
  return last;
}
