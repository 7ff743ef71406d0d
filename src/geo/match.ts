// Finds gazetteer names in tokenised text: longest key match at each token, the first token through its
// proclitic-stripped forms (بدير الزور، وفي الرقة، لحلب), with the cue word before it (قرية، محافظة، ريف …) and
// compass words around it (جنوب X، ريف X الشرقي). A cue followed by an unknown name yields an `unknown` match.
import type { Token } from '../text/tokenize.ts';
import type { Gazetteer } from './gazetteer.ts';
import { extendHash, wordHash } from './key-index.ts';
import { tokenKey } from './keys.ts';
import type { Cue } from './lexicon.ts';

export interface RawPlace {
  /** token range of the name */
  from: number;
  to: number;
  /** normalised offsets of the name (clitics excluded) */
  start: number;
  end: number;
  key: string;
  /** encoded entry ids (id × 2, +1 for a variant spelling); empty for an unknown name after a cue */
  ids: Int32Array | readonly number[];
  cue: Cue | null;
  /** token index where the cue starts */
  cueFrom: number;
  /** compass words before / after */
  dirBefore: string | null;
  dirAfter: string | null;
  /** token range of the whole phrase (cue, compass words and name) */
  phraseFrom: number;
  phraseTo: number;
  /** a preposition (في، ب، من، إلى، قرب) sits right before the name or its cue */
  prep: boolean;
  /** a free-standing preposition (في، من، قرب … not the clitic ب) sits right before the name or its cue */
  freePrep?: boolean;
  /** the name is a dateline's (الرياض - واس، عين اليوم – جدة) */
  dateline?: boolean;
  /** "العاصمة" standing alone: the capital of the country in focus */
  capitalRef?: boolean;
  /** the country a nationality adjective after "العاصمة" names (العاصمة الروسية → RU) */
  capitalCc?: string;
  /** an unknown word in a place slot (after a free preposition, or coordinated with a place: الشدادي والركبان):
   * kept only when a spelling variant or transliteration resolves it */
  probe?: boolean;
  /** the name is part of an institution's name after a site cue (جامعة القاهرة): still a place for the events */
  inOrgName?: boolean;
}

/** Cues after which an unknown word is taken as a place name (قرية الزر), and the ones that name it strongly. */
const UNKNOWN_CUES = new Set(['locality', 'neighbourhood', 'admin2', 'admin3', 'admin1', 'any', 'site', 'natural', 'front']);
const STRONG_NAMING_CUES = new Set(['locality', 'admin2', 'admin3', 'admin1']);
/** Prepositions that put a place after them (also as the proclitic ب). */
// normalised forms: إلى is written الي after normalisation (ى → ي)
const PLACE_PREPS = new Set(['في', 'من', 'الي', 'الى', 'قرب', 'داخل', 'نحو', 'باتجاه', 'عند', 'حول']);
/** Proclitics that may be stripped from a place name: conjunctions and the prepositions ب ل (not the future س or ك). */
const OK_PREFIX = /^[وف]?[بل]?$/;

/** The forms of a token usable as the first word of a place name, with the stripped prefix. */
export function placeForms(t: Token): Array<{ form: string; prefix: string }> {
  if (t.kind === 'latin') return [{ form: tokenKey(t), prefix: '' }];
  if (t.kind !== 'ar') return [];
  const out: Array<{ form: string; prefix: string }> = [];
  for (let k = 0; k < t.forms.length; k++) {
    const form = t.forms[k] as string;
    const prefix = t.prefixes[k] ?? '';
    if (!OK_PREFIX.test(prefix)) continue;
    // only pure prefix stripping (no pronoun suffixes): text = prefix + form, or لل → ل + ال
    if (t.text !== prefix + form && !(prefix.endsWith('ل') && form.startsWith('ا') && t.text === prefix + form.slice(1))) continue;
    out.push({ form, prefix });
  }
  return out;
}

/** Index of the last form placeForms gives for an Arabic token, or -1 (no list or objects are made). */
function lastPlaceForm(t: Token): number {
  const tx = t.text;
  for (let k = t.forms.length - 1; k >= 0; k--) {
    const form = t.forms[k] as string;
    const prefix = t.prefixes[k] ?? '';
    if (!okPrefix(prefix) || !tx.startsWith(prefix)) continue;
    // text = prefix + form, or لل → ل + ال: text = prefix + form without its alef
    if (tx.length === prefix.length + form.length ? tx.endsWith(form) : tailAt(tx, prefix.length, form, prefix)) return k;
  }
  return -1;
}

/** text from `at` on is form without its first letter, an alef, after a prefix ending in ل. */
function tailAt(text: string, at: number, form: string, prefix: string): boolean {
  if (!prefix.endsWith('ل') || form.charCodeAt(0) !== 0x627 || text.length !== at + form.length - 1) return false;
  for (let i = 1; i < form.length; i++) if (text.charCodeAt(at + i - 1) !== form.charCodeAt(i)) return false;
  return true;
}

/** One of the token's forms is `form`. */
function hasForm(t: Token, form: string): boolean {
  for (let k = 0; k < t.forms.length; k++) if (t.forms[k] === form) return true;
  return false;
}

function isCapitalised(t: Token): boolean {
  const c = t.text[0] ?? '';
  return c !== c.toLowerCase();
}

const PRONOUN_END = /(ها|هم|هما|هن|كم|نا)$/;

/** A definite verbal noun of the derived verb forms VIII, VII and X (الاشتباك، الانتشار، الاستهداف) or its plural
 * (الاشتباكات): after منطقة it names what happens there (منطقة الاشتباكات), not a place. */
const VERBAL_NOUN = /^ال(?:ا.ت.ا.|ان..ا.|است..ا.)(?:ات)?$/;

/** A definite sound feminine plural (السندات، الانتقالات، الهواتف is broken and not caught). */
const DEFINITE_PLURAL = /^ال.{3,}ات$/;

/** An unknown word after a cue may be a name: not a function word, nationality adjective, given name or frequent
 * word of news text (منطقة اليورو), not a
 * verb or noun with a pronoun suffix (يخسرها), not an indefinite nisba adjective (عسكرية، حدودية). */
export function plausibleUnknown(form: string, gaz: Gazetteer): boolean {
  const lex = gaz.lex;
  if (form.length < 3 || lex.functionWords.has(form) || lex.adjectives.has(form) || lex.givenNames.has(form) || lex.frequentWords.has(form))
    return false;
  if (form.length >= 5 && PRONOUN_END.test(form)) return false;
  if (!form.startsWith('ال') && form.endsWith('يه')) return false;
  return true;
}

/** Folded keys of a text's Latin tokens, made on first use (an Arabic token's key is its text). */
export type LatinKeys = Map<number, string>;

/** The look-up key of token j ('' for punctuation and numbers). */
function keyAt(tokens: readonly Token[], j: number, latinKeys: LatinKeys | undefined): string {
  const t = tokens[j] as Token;
  if (t.kind === 'ar') return t.text;
  // a number inside a name (البرج 22), never its first word
  if (t.kind === 'num') return t.text;
  if (t.kind !== 'latin') return '';
  let k = latinKeys?.get(j);
  if (k === undefined) {
    k = tokenKey(t);
    latinKeys?.set(j, k);
  }
  return k;
}

/** Longest gazetteer key starting at token i. */
export function matchAt(
  tokens: readonly Token[],
  i: number,
  gaz: Gazetteer,
  latinKeys?: LatinKeys,
): { to: number; key: string; prefix: string; ids: Int32Array } | null {
  const first = tokenAt(tokens, i);
  if (!first) return null;
  let best: { to: number; key: string; prefix: string; ids: Int32Array } | null = null;
  const latin = first.kind === 'latin';
  if (!latin && first.kind !== 'ar') return null;
  const index = gaz.index;
  const tx = first.text;
  const nForms = latin ? 1 : first.forms.length;
  for (let f = 0; f < nForms; f++) {
    let form: string;
    let prefix: string;
    if (latin) {
      form = keyAt(tokens, i, latinKeys);
      prefix = '';
    } else if (f === 0) {
      // the surface itself (tokenize puts it first, with no prefix): usable as it is, and neither the text nor the
      // prefix list need be read for it
      form = first.forms[0] as string;
      prefix = '';
    } else {
      form = first.forms[f] as string;
      prefix = first.prefixes[f] ?? '';
      // only pure prefix stripping (no pronoun suffixes): text = prefix + form, or لل → ل + ال
      if (prefix.length === 0) {
        if (form !== tx) continue;
      } else {
        if (!okPrefix(prefix)) continue;
        const pure = tx.length === prefix.length + form.length ? tx.endsWith(form) : tailAt(tx, prefix.length, form, prefix);
        if (!pure) continue;
      }
    }
    // one hash of the form serves the first-word filter and every probe of a key
    const h0 = wordHash(form);
    const head = index.headOf(form, h0);
    if (head === 0) continue;
    const maxN = head & 255;
    // the longest key starting here: hash the candidate keys left to right (stopping at punctuation), probe longest
    // first; no key string is built but the winner's
    let n = 0;
    WORDBUF[0] = form;
    HASHBUF[0] = h0;
    const lim = Math.min(maxN, 12);
    for (let j = i + 1; j < tokens.length && j - i < lim; j++) {
      const t = tokens[j] as Token;
      const tk = keyAt(tokens, j, latinKeys);
      if (!tk) break;
      if (t.start - (tokens[j - 1] as Token).end > 2) break;
      const h = extendHash(HASHBUF[n] as number, tk);
      // no key continues with this word: no longer key here
      if (j === i + 1 && !index.mayPair(h)) break;
      WORDBUF[n + 1] = tk;
      HASHBUF[n + 1] = h;
      n++;
    }
    for (; n >= 0; n--) {
      if (best && i + 1 + n <= best.to) break;
      // the form as a key of its own is known from the heads table
      const slot = n === 0 ? (head >>> 8) - 1 : index.slotOfWords(WORDBUF, n, HASHBUF[n] as number);
      if (slot !== -1) {
        best = { to: i + 1 + n, key: n === 0 ? form : index.keyOf(slot), prefix, ids: index.postingsOf(slot) };
        break;
      }
    }
  }
  return best;
}

/** Scratch space for matchAt's candidate key words and their hashes (single-threaded; reused to spare allocations). */
const WORDBUF: string[] = new Array(16).fill('');
const HASHBUF = new Int32Array(16);

/** A proclitic chain that may be stripped from a place name: conjunction, then ب or ل (OK_PREFIX). */
function okPrefix(p: string): boolean {
  if (p.length === 0) return true;
  if (p.length > 2) return false;
  const a = p.charCodeAt(0);
  const conj = a === 0x648 || a === 0x641; // و ف
  if (p.length === 1) return conj || a === 0x628 || a === 0x644; // ب ل
  const b = p.charCodeAt(1);
  return conj && (b === 0x628 || b === 0x644);
}

/** The cue or compass phrase of `index` that ends right before token `to` (searching up to 3 tokens back). */
function phraseEndingAt<T>(
  tokens: readonly Token[],
  to: number,
  index: { matchAt(tokens: readonly Token[], i: number): { to: number; from: number; values: T[]; prefix: string } | null },
  lookback = 3,
): { from: number; value: T; prefix: string } | null {
  for (let j = Math.max(0, to - lookback); j < to; j++) {
    const m = index.matchAt(tokens, j);
    if (m && m.to === to && m.values.length) return { from: j, value: m.values[0] as T, prefix: m.prefix };
  }
  return null;
}

/** tokens[k], or undefined outside the list: read so rather than out of bounds, which deoptimises optimised code
 * (again after each recompilation). */
function tokenAt(tokens: readonly Token[], k: number): Token | undefined {
  return k >= 0 && k < tokens.length ? tokens[k] : undefined;
}

function prepBefore(tokens: readonly Token[], i: number, prefix: string): boolean {
  if (prefix.includes('ب')) return true;
  return freePrepBefore(tokens, i);
}

export function freePrepBefore(tokens: readonly Token[], i: number): boolean {
  const prev = tokenAt(tokens, i - 1);
  if (prev?.kind !== 'ar') return false;
  for (let k = 0; k < prev.forms.length; k++) if (isPlacePrep(prev.forms[k] as string)) return true;
  return false;
}

/** For each word of PLACE_PREPS, bit `length` of PREP_SHAPE[first letter − 0x620]: most words are ruled out by this
 * test, without a Set probe. */
const PREP_SHAPE = new Int32Array(64);
for (const w of PLACE_PREPS) {
  const c = w.charCodeAt(0) - 0x620;
  if (c >= 0 && c < 64 && w.length < 32) PREP_SHAPE[c] = (PREP_SHAPE[c] as number) | (1 << w.length);
}

function isPlacePrep(f: string): boolean {
  const c = f.charCodeAt(0) - 0x620;
  if (c >= 0 && c < 64 && f.length < 32 && ((PREP_SHAPE[c] as number) & (1 << f.length)) === 0) return false;
  return PLACE_PREPS.has(f);
}

/** The look-up form of a token without its conjunction (ومحمد → محمد), unless the whole word is itself listed in
 * `keep` (فهد, فيصل start with ف but are names). */
function bareForm(t: Token | undefined, keep?: { has(w: string): boolean }): string {
  if (t?.kind !== 'ar') return '';
  if (keep?.has(t.text)) return t.text;
  return t.prefixes[1] === 'و' || t.prefixes[1] === 'ف' ? (t.forms[1] as string) : t.text;
}

/** A person title (الرئيس، رئيس الوزراء) ends right before token i, perhaps with one modifier between
 * (الرئيس التركي، الرئيس المخلوع). */
function titleBefore(tokens: readonly Token[], i: number, gaz: Gazetteer): boolean {
  const lex = gaz.lex;
  if (phraseEndingAt(tokens, i, lex.titles, 3)) return true;
  const prev = tokenAt(tokens, i - 1);
  if (prev?.kind !== 'ar') return false;
  const f = bareForm(prev);
  const modifier = lex.adjectives.has(f) || f === 'السابق' || f === 'الراحل' || f === 'الحالي' || !!lex.titles.matchAt(tokens, i - 1);
  return modifier && !!phraseEndingAt(tokens, i - 1, lex.titles, 3);
}

/** A title followed by a given name (الملك عبدالعزيز، الأمير سلطان، الشيخ محمد): a person, also when a cue comes
 * before it (جامعة الملك خالد، مدينة الملك عبدالعزيز name institutions after people). */
export function titledName(tokens: readonly Token[], i: number, gaz: Gazetteer): boolean {
  const title = gaz.lex.titles.matchAt(tokens, i);
  if (!title) return false;
  const next = bareForm(tokenAt(tokens, title.to), gaz.lex.givenNames);
  return gaz.lex.givenNames.has(next) || next.startsWith('عبد');
}

/** A definite relation adjective (البغدادي، القرشي، المصري) written right after a name. */
function nisbaAt(t: Token | undefined): boolean {
  return !!t && t.kind === 'ar' && /^ال.{2,}ي$/.test(t.text);
}

/** An indefinite nisba adjective (أمريكية، عسكرية، هاتفي): the word before it is a common noun (غارة أمريكية، اتصال
 * هاتفي), not a name. */
function indefiniteNisba(t: Token | undefined, gaz: Gazetteer): boolean {
  if (t?.kind !== 'ar' || t.text.startsWith('ال') || t.text.length < 4) return false;
  return gaz.lex.adjectives.has(t.text) || /(يه|يين|يون)$/.test(t.text) || (t.text.length >= 5 && t.text.endsWith('ي'));
}

/** Shapes of Arabic common nouns that a word in a place slot with no gazetteer entry is unlikely to be a name in:
 * verbal nouns of the derived forms (تزامن، تعامل، تزوير، محاربة، انتشار، استهداف), a possessive after ta marbuta
 * (زيارته، طالته) and an indefinite nisba or first-person possessive (شعبي، منزلي، داخلي). */
const COMMON_NOUN_SHAPE = /^(?:ت.ا..|ت..ي.|م.ا..ه|ا.ت.ا.|ان..ا.|است..ا.)$|^...+ت(?:ه|ها|هم)$|^[^ا][^ل].{1,3}ي$/;

export function commonNounShape(form: string): boolean {
  return COMMON_NOUN_SHAPE.test(form);
}

const KUNYA = new Set(['ابو', 'ابا', 'ابي']);
// (آل, normalised to ال, names a family: آل عمران، آل ثاني)
const NASAB = new Set(['بن', 'ابن', 'بنت', 'ال']);

/** The match looks like a person's name: it starts with a given name or عبد, follows a given name or a title, or
 * is a title word followed by a given name (الشيخ محمد). Provinces and large towns named by several words
 * (صلاح الدين) are kept. */
export function looksLikePerson(
  tokens: readonly Token[],
  i: number,
  to: number,
  key: string,
  ids: Int32Array | readonly number[],
  gaz: Gazetteer,
): boolean {
  const lex = gaz.lex;
  const sp = key.indexOf(' ');
  const head = sp === -1 ? key : key.slice(0, sp);
  let prev = bareForm(tokenAt(tokens, i - 1), lex.givenNames);
  // after a kunya or a nasab word that no gazetteer key continues (أبو غزة، أبا أيوب، سهل بن حنيف)
  const nasab = KUNYA.has(prev) || NASAB.has(prev);
  // على and علي are one word after normalisation: a function word before the name is no given name
  if (lex.functionWords.has(prev)) prev = '';
  const byName =
    lex.givenNames.has(head) ||
    head === 'عبد' ||
    lex.givenNames.has(prev) ||
    prev === 'عبد' ||
    nasab ||
    titleBefore(tokens, i, gaz) ||
    (sp !== -1 && !!lex.titles.matchAt(tokens, i) && lex.givenNames.has(key.slice(sp + 1).split(' ')[0] as string));
  // a kunya followed by a nisba (أبو بكر البغدادي، أبو محمد الجولاني): a person's name
  const kunya = KUNYA.has(head) && nisbaAt(tokenAt(tokens, to));
  if (!byName && !kunya) return false;
  // a province or a large town named by several words stays a place
  if (to - i >= 2) {
    for (const c of ids) {
      const e = gaz.entry(c >> 1);
      if (e && (c & 1) === 0 && (e.feature === 'admin1' || e.feature === 'admin2' || e.rank >= 5)) return false;
    }
  }
  return true;
}

/** The name's own offsets inside a multi-word gazetteer key that carries words outside the name: a state
 * descriptor before it naming the same place (دولة قطر، مملكة البحرين) or an honorific epithet after it (مكة المكرمة،
 * النجف الأشرف). The rest must itself be a gazetteer key. Null when the whole match is the name. Type words that
 * belong to a proper name (مدينة الصدر، قطاع غزة) and compass words of a region's name (جنوب لبنان) stay. The key and
 * token range are unchanged (the resolver reads them); only the reported span is narrower. */
export function nameSpan(
  tokens: readonly Token[],
  i: number,
  m: { to: number; key: string; prefix: string; ids: Int32Array | readonly number[] },
  gaz: Gazetteer,
): { start: number; end: number } | null {
  if (m.to - i < 2) return null;
  const lex = gaz.lex;
  const words = m.key.split(' ');
  if (words.length !== m.to - i) return null;
  let from = 0;
  let to = words.length;
  const compass = lex.dirBefore.matchAt(tokens, i);
  // a settlement's type word kept in a gazetteer key (مدينة القدس): outside the span when the rest names the same
  // place (not مدينة الصدر: الصدر alone is another place or none)
  if (lex.typeWords.has(words[0] as string)) {
    const rest = gaz.index.get(words.slice(1).join(' '));
    if (rest && sharesEntry(rest, m.ids)) from = 1;
  } else if (lex.descriptors.has(words[0] as string) || compass?.to === i + 1) {
    const rest = gaz.index.get(words.slice(1).join(' '));
    // a state word (دولة قطر) names the same place; a type word (قطاع غزة) or a compass word (جنوب لبنان، شمال
    // سيناء) a part of the same country, named after the rest (not جنوب السودان: another country than السودان)
    if (rest && sharesEntryOrCountry(rest, m.ids, gaz)) from = 1;
  }
  // the epithet stays when the name without it is a common word (المدينة المنورة: المدينة alone is "the city")
  if (to - from >= 2 && lex.epithets.has(words[to - 1] as string)) {
    const rest = words.slice(from, to - 1).join(' ');
    if (gaz.index.has(rest) && !lex.stop.has(rest)) to--;
  }
  if (from === 0 && to === words.length) return null;
  const first = tokens[i] as Token;
  const start = from === 0 ? first.start + Math.min(m.prefix.length, first.text.length - 1) : (tokens[i + from] as Token).start;
  return { start, end: (tokens[i + to - 1] as Token).end };
}

// (loops, not closures: a closure over a function's variables makes it allocate a context on every call)

/** Some entry of `a` is an entry of `b`. */
function sharesEntry(a: Int32Array | readonly number[], b: Int32Array | readonly number[]): boolean {
  for (const c of a) for (const d of b) if (d >> 1 === c >> 1) return true;
  return false;
}

/** Some entry of `a` is an entry of `b`, or lies in a country (not '') of an entry of `b`. */
function sharesEntryOrCountry(a: Int32Array | readonly number[], b: Int32Array | readonly number[], gaz: Gazetteer): boolean {
  for (const c of a) {
    for (const d of b) if (d >> 1 === c >> 1) return true;
    const cc = gaz.entry(c >> 1).cc;
    if (cc !== '') for (const d of b) if (gaz.entry(d >> 1).cc === cc) return true;
  }
  return false;
}

/** Some form of the token is in the set. */
function someFormIn(t: Token, set: ReadonlySet<string>): boolean {
  for (let k = 0; k < t.forms.length; k++) if (set.has(t.forms[k] as string)) return true;
  return false;
}

/** Some entry of the key (any spelling) is a place of rank 7 or more (a capital or large city). */
function hasLargePlace(ids: Int32Array | readonly number[], gaz: Gazetteer): boolean {
  for (const c of ids) if ((gaz.entry(c >> 1)?.rank ?? 0) >= 7) return true;
  return false;
}

const QUOTES = new Set(['"', '«', '»', '“', '”', "'", '‘', '’']);

/** The match is an organisation's (or a title's) name: an org word (صحيفة، نادي) right before it or (يونايتد، تايمز)
 * right after it; a word such as شركة، بطولة، معرض before it (a country's name too: شركة قطر); a name alone in
 * quotes (« الشرق الأوسط »، صحيفة " القادسية ") with no place cue before the quotes; a town or country followed by
 * its own country's masculine nationality adjective, which agrees with نادي، فريق, not with a town (فالنسيا
 * الإسباني، قطر القطري; a town takes the feminine: حلب السورية). */
function orgName(
  tokens: readonly Token[],
  i: number,
  to: number,
  ids: Int32Array | readonly number[],
  gaz: Gazetteer,
  cueEnds: ReadonlyMap<number, unknown>,
  prefix: string,
): boolean {
  const lex = gaz.lex;
  const prev = tokenAt(tokens, i - 1);
  const next = tokenAt(tokens, to);
  const adjacent = prev !== undefined && prev.end + 2 >= (tokens[i] as Token).start;
  // a gazetteer key that opens with an org word (a venue listed as صحيفة حريت) names the organisation
  const first = tokens[i] as Token;
  if (to - i >= 2 && first.kind === 'ar' && lex.orgNames.has(first.text)) return true;
  // an indefinite org word in construct with the name (شركة قطر, not الشركة بالسعودية)
  if (prev?.kind === 'ar' && adjacent && !prefix.includes('ب') && !prefix.includes('ل')) {
    for (let k = 0; k < prev.forms.length; k++)
      if (lex.orgNames.has(prev.forms[k] as string) && !(prev.prefixes[k] as string).endsWith('ال')) return true;
  }
  if (
    prev?.kind === 'punct' &&
    QUOTES.has(prev.text) &&
    next?.kind === 'punct' &&
    QUOTES.has(next.text) &&
    !cueEnds.has(i - 1) &&
    !(tokenAt(tokens, i - 2) && freePrepBefore(tokens, i - 1))
  )
    return true;
  // not after a site word or a nationality adjective (مطاري عمان الأردني ودمشق السوري: the adjectives agree with مطار)
  const pf = prev?.kind === 'ar' ? bareForm(prev) : '';
  if (next?.kind === 'ar' && next.text.startsWith('ال') && !pf.startsWith('مطار') && !lex.cueKeys.has(pf) && !lex.adjectives.has(pf)) {
    const cc = lex.adjMasc.get(next.text);
    if (cc !== undefined) {
      for (const c of ids) {
        const e = gaz.entry(c >> 1);
        if ((c & 1) === 0 && e.cc === cc && (e.feature === 'locality' || e.feature === 'country' || e.feature === 'admin1')) return true;
      }
    }
  }
  if (clubNisba(next, ids, gaz) || agencyName(tokens, i, to, gaz) || fixtureTeam(tokens, i, to, ids, gaz)) return true;
  if (matchSide(tokens, i, gaz) && !isUnit(ids, gaz)) return true;
  if (!lex.orgBefore.size && !lex.orgAfter.size) return false;
  const before = prev?.kind === 'ar' && adjacent && someFormIn(prev, lex.orgBefore);
  const after = next?.kind === 'ar' && lex.orgAfter.has(next.text);
  if (!before && !after) return false;
  return after || !isUnit(ids, gaz);
}

const OPPONENT_PREPS = new Set(['علي', 'مع', 'امام', 'ضد']);

/** A side of a match: a town right after a match word (مباراة ليفربول، ديربي مدريد، يستضيف برشلونة), the town
 * joined to it by و (مباراة ليفربول وشيفلد), or the opponent after على، مع، أمام، ضد with a match word just before (فاز
 * الفريق على فالنسيا، تعادل مع روما). The caller keeps countries and provinces as places (a national side is coded as
 * its country). */
function matchSide(tokens: readonly Token[], i: number, gaz: Gazetteer): boolean {
  const lex = gaz.lex;
  if (!lex.matchWords.size) return false;
  const prev = tokenAt(tokens, i - 1);
  if (prev?.kind !== 'ar') return false;
  if (someFormIn(prev, lex.matchWords)) return true;
  const t = tokens[i] as Token;
  const before2 = tokenAt(tokens, i - 2);
  if (t.prefixes[1] === 'و' && before2?.kind === 'ar' && someFormIn(before2, lex.matchWords)) return true;
  if (!OPPONENT_PREPS.has(bareForm(prev))) return false;
  for (let k = i - 2; k >= Math.max(0, i - 5); k--) {
    const w = tokens[k] as Token;
    if (w.kind !== 'ar') return false;
    if (someFormIn(w, lex.matchWords)) return true;
  }
  return false;
}

/** A sports club named by a place and the masculine relation adjective of a town of the same country (المغرب
 * التطواني، المغرب الفاسي، الكوكب المراكشي): the adjective agrees with نادي/فريق, and a place takes the feminine or its
 * own country's adjective. The town must have 50,000 people or more, so that a village named like a common stem
 * (الشرقي، العربي) does not count. */
function clubNisba(next: Token | undefined, ids: Int32Array | readonly number[], gaz: Gazetteer): boolean {
  if (!nisbaAt(next) || gaz.lex.adjMasc.has((next as Token).text)) return false;
  const text = (next as Token).text;
  const stem = text.slice(2, -1);
  if (stem.length < 3 || gaz.lex.functionWords.has(stem)) return false;
  const countries = new Set<string>();
  for (const c of ids) if ((c & 1) === 0) countries.add(gaz.entry(c >> 1).cc);
  for (const key of [stem, `${stem}ه`, `ال${stem}ه`, `ال${stem}`]) {
    const towns = gaz.index.get(key);
    if (!towns) continue;
    for (const c of towns) {
      const e = gaz.entry(c >> 1);
      if ((c & 1) === 0 && e.feature === 'locality' && e.population >= 50000 && countries.has(e.cc)) return true;
    }
  }
  return false;
}

const OPEN_BRACKETS = new Set(['(', '[']);

/** A news agency's short name (قنا، واس، بترا) after a dateline's dash or in brackets (الدوحة - قنا، الرياض (واس)),
 * or after the word وكالة a few words back (وكالة الأنباء القطرية قنا): the source, not a town of that name. */
function agencyName(tokens: readonly Token[], i: number, to: number, gaz: Gazetteer): boolean {
  const lex = gaz.lex;
  if (to - i !== 1 || !lex.agencies.has(bareForm(tokens[i] as Token))) return false;
  const prev = tokenAt(tokens, i - 1);
  if (prev?.kind === 'punct' && (DASHES.has(prev.text) || OPEN_BRACKETS.has(prev.text))) return true;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'ar') break;
    if (hasForm(t, 'وكاله')) return true;
  }
  return false;
}

/** A team in a fixture list: a town with its country in brackets, next to a dash joining it to another team
 * (ليفربول ( إنجلترا ) - غلطة سراي ( تركيا )). */
function fixtureTeam(tokens: readonly Token[], i: number, to: number, ids: Int32Array | readonly number[], gaz: Gazetteer): boolean {
  const open = tokenAt(tokens, to);
  const close = tokenAt(tokens, to + 2);
  if (open?.kind !== 'punct' || !OPEN_BRACKETS.has(open.text) || close?.kind !== 'punct' || close.text !== ')') return false;
  const country = tokenAt(tokens, to + 1);
  if (country?.kind !== 'ar' || !gaz.countryKeys.has(bareForm(country))) return false;
  if (isUnit(ids, gaz)) return false;
  const after = tokenAt(tokens, to + 3);
  const before = tokenAt(tokens, i - 1);
  const dash = (t: Token | undefined) => t?.kind === 'punct' && DASHES.has(t.text);
  return dash(after) || (dash(before) && tokenAt(tokens, i - 2)?.text === ')');
}

/** A masculine speech verb (قال، أكد، أوضح) right before a name that is neither a country, a province nor a large
 * town: the speaker is a person (وأوضح أنان، وتوعد نصر الله); places that speak for governments are countries and
 * capitals, and take the feminine (أعلنت واشنطن). */
function speakerName(tokens: readonly Token[], i: number, ids: Int32Array | readonly number[], gaz: Gazetteer): boolean {
  const lex = gaz.lex;
  if (!lex.speechVerbs.size || !lex.speechVerbs.has(bareForm(tokenAt(tokens, i - 1)))) return false;
  for (const c of ids) {
    const e = gaz.entry(c >> 1);
    if ((c & 1) === 0 && (e.feature === 'country' || e.feature === 'admin1' || e.rank >= 7)) return false;
  }
  return true;
}

/** A place name that is also a common adjective (البيضاء، الزرقاء) right after a definite noun agrees with it
 * (الأسود البيضاء، البطاقات الزرقاء): no place. Not after a nationality adjective, a function word or a masculine
 * sound plural (المسلحون، الحوثيين: a subject or object before a place). */
function adjectiveAfterNoun(tokens: readonly Token[], i: number, key: string, gaz: Gazetteer): boolean {
  const lex = gaz.lex;
  if (!lex.adjHomographs.has(key)) return false;
  const prev = tokenAt(tokens, i - 1);
  if (prev?.kind !== 'ar' || prev.end + 2 < (tokens[i] as Token).start) return false;
  const f = bareForm(prev);
  if (lex.functionWords.has(f) || lex.adjectives.has(f) || f.endsWith('ون') || f.endsWith('ين')) return false;
  for (let k = 0; k < prev.forms.length; k++) if ((prev.forms[k] as string).startsWith('ال')) return true;
  return false;
}

/** A country name that is also a feminine relation adjective (السعودية) right after a definite feminine noun or
 * plural (الحكومة السعودية، القوات السعودية، العائلة المالكة السعودية): the adjective, not the country. */
function femAdjectiveAfterNoun(tokens: readonly Token[], i: number, key: string, gaz: Gazetteer): boolean {
  if (!gaz.lex.femAdjectives.has(key)) return false;
  const t = tokens[i] as Token;
  if (t.kind !== 'ar' || t.text !== key) return false;
  const prev = tokenAt(tokens, i - 1);
  if (prev?.kind !== 'ar' || prev.end + 2 < t.start) return false;
  const f = bareForm(prev);
  return f.startsWith('ال') && (f.endsWith('ه') || f.endsWith('ات')) && !gaz.lex.functionWords.has(f);
}

/** Some entry of the key (primary spelling) is a country or a first-level unit. */
function isUnit(ids: Int32Array | readonly number[], gaz: Gazetteer): boolean {
  for (const c of ids) {
    const f = gaz.entry(c >> 1).feature;
    if ((c & 1) === 0 && (f === 'country' || f === 'admin1')) return true;
  }
  return false;
}

const DASHES = new Set(['-', '–', '—']);

/** A non-space character, searched from lastIndex (no slice of the text is made). */
const NON_SPACE = /\S/g;

function newlineIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** A dateline: the name opens a line (or the text) and a dash follows it (الرياض - واس), or a dash before it ends the
 * line within its first five words (ماجد هود - جدة). `text` is the normalised text the tokens come from. */
export function datelineAt(tokens: readonly Token[], i: number, to: number, text: string): boolean {
  const first = tokens[i] as Token;
  const last = tokens[to - 1] as Token;
  const next = tokenAt(tokens, to);
  const prev = tokenAt(tokens, i - 1);
  const dashAfter = next?.kind === 'punct' && DASHES.has(next.text);
  // no dash on either side: no dateline (the line start is not looked for)
  if (!dashAfter && (prev?.kind !== 'punct' || !DASHES.has(prev.text))) return false;
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  NON_SPACE.lastIndex = lineStart;
  if (!NON_SPACE.test(text) || NON_SPACE.lastIndex > first.start) return dashAfter;
  if (prev?.kind !== 'punct' || !DASHES.has(prev.text) || (next && !newlineIn(text, last.end, next.start))) return false;
  let k = i - 1;
  while (k > 0 && (tokens[k - 1] as Token).start >= lineStart) k--;
  return i - k <= 5;
}

/** A cue word ending before a token: where it starts, the cue, its proclitics. */
interface CueHit {
  from: number;
  value: Cue;
  prefix: string;
}

type Match = NonNullable<ReturnType<typeof matchAt>>;

/** One findRawPlaces scan: what the functions reading its tokens share. */
interface Scan {
  /** per token, whether its sentence reads as a match report (built on first use) */
  sport?: Uint8Array;
  tokens: readonly Token[];
  gaz: Gazetteer;
  isName: boolean;
  text: string | undefined;
  keys: LatinKeys;
  /** keys of matches read as person names so far */
  personKeys: Set<string>;
  /** token index where each cue word ends → the cue */
  cueEnds: Map<number, CueHit>;
  out: RawPlace[];
  /** the match at the next token, when a coordination test needed it first (the loop then reuses it) */
  memoAt: number;
  memoMatch: Match | null;
}

/** All place-name matches in the token stream, left to right, non-overlapping. The scan's cases are functions of
 * their own: the loop stays small (optimised early, cheap to recompile) and a rare case reached late deoptimises only
 * its own code. */
export function findRawPlaces(tokens: readonly Token[], gaz: Gazetteer, maxMatches = 100000, isName = false, text?: string): RawPlace[] {
  const out: RawPlace[] = [];
  const cueEnds = new Map<number, CueHit>();
  // cue words, found once
  for (const c of gaz.lex.cues.findAll(tokens))
    if (c.values[0] && c.values[0].feature !== 'idiom') cueEnds.set(c.to, { from: c.from, value: c.values[0], prefix: c.prefix });
  const s: Scan = { tokens, gaz, isName, text, keys: new Map(), personKeys: new Set(), cueEnds, out, memoAt: -1, memoMatch: null };
  for (let i = 0; i < tokens.length && out.length < maxMatches; ) {
    const t = tokens[i] as Token;
    if (t.kind !== 'ar' && t.kind !== 'latin') {
      i++;
      continue;
    }
    const m = s.memoAt === i ? s.memoMatch : matchAt(tokens, i, gaz, s.keys);
    // cue word before this token (may itself carry clitics: بمدينة، وقرية)
    let cueHit = cueEnds.get(i) ?? null;
    // a definite cue word (المنطقة العسكرية، القاعدة البحرية) is followed by an adjective, not by a name
    if (cueHit?.prefix.endsWith('ال') && cueHit.value.feature !== 'capital') cueHit = null;
    const place =
      (m ? namedPlace(s, i, m, cueHit) : null) ??
      (t.kind === 'ar' ? (capitalPlace(s, i) ?? (cueHit ? unknownAfterCue(s, i, cueHit) : null)) : null);
    if (place) {
      out.push(place);
      i = place.phraseTo;
      continue;
    }
    // an unknown word in a place slot: after a free preposition or a cue, or coordinated with a place
    if (!isName && t.kind === 'ar' && t.text.length >= 4) {
      const probe = probeAt(s, i, cueHit);
      if (probe) out.push(probe);
    }
    i++;
  }
  return out;
}

/** A town that may name a club: a locality below capital rank (a continent, country, province or capital stays a
 * place even in a match report: غادر المنتخب الدوحة، أندية أوروبا). */
function clubTown(ids: Int32Array | readonly number[], gaz: Gazetteer): boolean {
  let town = false;
  for (const c of ids) {
    if ((c & 1) === 1) continue;
    const e = gaz.entry(c >> 1);
    if (e.feature !== 'locality' || e.rank >= 8) return false;
    town = true;
  }
  return town;
}

const SENTENCE_ENDS = new Set(['.', '!', '?', '؟']);
/** Sport words (`sport` and `match` in function-words.tsv) that make a sentence a match report. */
const SPORT_SENTENCE_WORDS = 3;

/** Token i's sentence has three sport words or more (مباراة، الشوط، الدقيقة، مرمى، هدف …). */
function sportSentence(s: Scan, i: number): boolean {
  if (!s.sport) {
    const { tokens } = s;
    const lex = s.gaz.lex;
    const flags = new Uint8Array(tokens.length);
    let from = 0;
    let n = 0;
    for (let k = 0; k <= tokens.length; k++) {
      const t = tokens[k];
      if (!t || (t.kind === 'punct' && SENTENCE_ENDS.has(t.text))) {
        if (n >= SPORT_SENTENCE_WORDS) flags.fill(1, from, k);
        from = k + 1;
        n = 0;
      } else if (t.kind === 'ar' && (someFormIn(t, lex.sportWords) || someFormIn(t, lex.matchWords))) n++;
    }
    s.sport = flags;
  }
  return s.sport[i] === 1;
}

/** The gazetteer match at token i as a place, or null when it is blocked: a stop-listed word, a person's name, an
 * organisation's name. */
function namedPlace(s: Scan, i: number, m: Match, cueHit: CueHit | null): RawPlace | null {
  const { tokens, gaz, isName, text } = s;
  const lex = gaz.lex;
  const t = tokens[i] as Token;
  const cue = cueHit?.value ?? null;
  const single = m.to - i === 1;
  // a stop-listed word read whole: the key itself (single words; several words too: رأس المال), or the word with
  // its clitic preposition when stripping it would leave a place (بحجة "on the pretext" is no ب + حجة، لغات no ل + غات)
  const stop = isName ? undefined : (lex.stop.get(m.key) ?? (single && /[بل]/.test(m.prefix) ? lex.stop.get(bareForm(t)) : undefined));
  // (a front, جبهة, names a group as often as a front line: the word after it must be a name on its own)
  const namingCue = !!cue && cue.feature !== 'near' && cue.feature !== 'centre' && cue.feature !== 'front';
  // whether the name is a dateline's, read once when a rule below first asks
  let datelineMemo: boolean | undefined;
  const dateline = () => (datelineMemo ??= !!text && datelineAt(tokens, i, m.to, text));
  const stopBlocked =
    (!single && stop !== undefined && !namingCue) ||
    (single &&
      (lex.cueKeys.has(m.key) ||
        (stop === 'cue' && !namingCue) ||
        (stop === 'prep' &&
          !namingCue &&
          !prepBefore(tokens, i, m.prefix) &&
          !dateline() &&
          !capitalNamed(tokens, i, gaz) &&
          !inPlaceList(s, i, m)) ||
        (stop === 'slot' && !namingCue && !freePrepBefore(tokens, i) && !dateline()) ||
        (!isName && (lex.functionWords.has(m.key) || lex.adjectives.has(m.key))) ||
        (!isName && !namingCue && !prepBefore(tokens, i, m.prefix) && adjectiveAfterNoun(tokens, i, m.key, gaz)) ||
        (!isName && !prepBefore(tokens, i, m.prefix) && femAdjectiveAfterNoun(tokens, i, m.key, gaz)) ||
        // a name right after a cue word carries no preposition of its own (قاعدة بحرية is a naval base, not ب + حرية)
        (namingCue && t.kind === 'ar' && /[بل]/.test(m.prefix)) ||
        // an indefinite nisba after a site word is its adjective (مطار دولي، سجن مركزي، مستشفى ميداني)
        (cue?.feature === 'site' && t.kind === 'ar' && m.key.length >= 4 && !m.key.startsWith('ال') && /(ي|يه)$/.test(m.key)) ||
        (t.kind === 'ar' && m.key.length < 3) ||
        (t.kind === 'latin' && (!isCapitalised(t) || m.key.length < 3))));
  if (stopBlocked) return null;
  const person =
    !isName &&
    t.kind === 'ar' &&
    ((!namingCue && (looksLikePerson(tokens, i, m.to, m.key, m.ids, gaz) || speakerName(tokens, i, m.ids, gaz))) ||
      (m.to - i === 1 && titledName(tokens, i, gaz)));
  if (person) {
    s.personKeys.add(m.key);
    return null;
  }
  // the name of a newspaper, club or agency (صحيفة الخليج، نادي ليفربول، مانشستر يونايتد): not a place, unless a
  // country or province (منتخب فرنسا names the country's team, but the corpus calls the country a place)
  const org = !namingCue && !isName && orgName(tokens, i, m.to, m.ids, gaz, s.cueEnds, m.prefix);
  // a name read as a person's earlier in the text is the person again (كوفي أنان … أنان), unless a cue names a
  // place or it is a country or province
  const samePerson = !namingCue && t.kind === 'ar' && s.personKeys.has(m.key) && !isUnit(m.ids, gaz);
  if (samePerson || org) return null;
  // a town named bare in a match report (وواصل ليفربول محاولاته، حاصر ليفربول منطقة الجزاء) is its club; after a
  // preposition it is where the match was played (في ليفربول)
  if (!cue && !isName && t.kind === 'ar' && !prepBefore(tokens, i, m.prefix) && clubTown(m.ids, gaz) && sportSentence(s, i)) return null;
  // a cue word that is also a key prefix of a longer name (مدينة الصدر) is part of the name: handled by longest match
  const before = phraseEndingAt(tokens, cueHit ? cueHit.from : i, lex.dirBefore, 2);
  const afterM = lex.dirAfter.matchAt(tokens, m.to);
  const phraseFrom = before ? before.from : cueHit ? cueHit.from : i;
  const span = isName ? null : nameSpan(tokens, i, m, gaz);
  return {
    from: i,
    to: m.to,
    start: span ? span.start : t.start + Math.min(m.prefix.length, t.text.length - 1),
    end: span ? span.end : (tokens[m.to - 1] as Token).end,
    key: m.key,
    ids: m.ids,
    cue,
    cueFrom: cueHit ? cueHit.from : i,
    dirBefore: before ? (before.value as string) : null,
    dirAfter: afterM ? (afterM.values[0] as string) : null,
    phraseFrom,
    phraseTo: afterM ? afterM.to : m.to,
    prep: prepBefore(tokens, cueHit ? cueHit.from : i, cueHit ? cueHit.prefix : m.prefix),
    freePrep: freePrepBefore(tokens, cueHit ? cueHit.from : i),
    ...(!cueHit && dateline() ? { dateline: true } : {}),
    ...(cue?.orgSite ? { inOrgName: true } : {}),
  };
}

/** The name at token i follows العاصمة, perhaps with its country's adjective between (العاصمة الأردنية عمان). */
function capitalNamed(tokens: readonly Token[], i: number, gaz: Gazetteer): boolean {
  const prev = tokenAt(tokens, i - 1);
  if (prev?.kind !== 'ar') return false;
  if (hasForm(prev, 'العاصمه')) return true;
  const prev2 = tokenAt(tokens, i - 2);
  return prev2?.kind === 'ar' && hasForm(prev2, 'العاصمه') && gaz.lex.adjectives.has(bareForm(prev));
}

/** A one-word name in a list of countries or large towns joined by و (قطر وعمان والقاهرة، عمان واليمن): the name
 * before it or the name after it, joined by و, is a country or a capital-sized town. */
function inPlaceList(s: Scan, i: number, m: Match): boolean {
  if (m.to - i !== 1) return false;
  const { tokens, gaz } = s;
  const t = tokens[i] as Token;
  const bigPlace = (k: number) => {
    const w = tokenAt(tokens, k);
    if (w?.kind !== 'ar') return false;
    const n = matchAt(tokens, k, gaz, s.keys);
    if (!n || n.to !== k + 1 || gaz.lex.stop.has(n.key)) return false;
    for (const c of n.ids) {
      const e = gaz.entry(c >> 1);
      if ((c & 1) === 0 && (e.feature === 'country' || e.rank >= 7)) return true;
    }
    return false;
  };
  if (t.prefixes[1] === 'و' && bigPlace(i - 1)) return true;
  const next = tokenAt(tokens, i + 1);
  return next?.kind === 'ar' && next.prefixes[1] === 'و' && bigPlace(i + 1);
}

/** "العاصمة" alone at token i (غرب العاصمة): the capital of the country in focus. */
function capitalPlace(s: Scan, i: number): RawPlace | null {
  const { tokens, gaz } = s;
  const lex = gaz.lex;
  const capHit = hasForm(tokens[i] as Token, 'العاصمه') ? lex.cues.matchAt(tokens, i) : null;
  if (!capHit) return null;
  // the capital's name may follow its country's adjective (العاصمة الأردنية عمان)
  const adj = lex.adjectives.has(bareForm(tokenAt(tokens, capHit.to)));
  const nextName = matchAt(tokens, capHit.to + (adj ? 1 : 0), gaz, s.keys);
  const namesCapital = !!nextName && hasLargePlace(nextName.ids, gaz);
  if (capHit.values[0]?.feature !== 'capital' || namesCapital) return null;
  const before = phraseEndingAt(tokens, i, lex.dirBefore, 2);
  const capCc = lex.adjectives.get(bareForm(tokenAt(tokens, capHit.to)));
  return {
    from: i,
    to: capHit.to,
    start: capHit.start,
    end: capHit.end,
    key: capHit.key,
    ids: [],
    cue: null,
    cueFrom: i,
    dirBefore: before ? (before.value as string) : null,
    dirAfter: null,
    phraseFrom: before ? before.from : i,
    phraseTo: capHit.to,
    prep: prepBefore(tokens, i, capHit.prefix),
    freePrep: freePrepBefore(tokens, i),
    capitalRef: true,
    ...(capCc ? { capitalCc: capCc } : {}),
  };
}

/** An unknown name at token i right after a naming cue (قرية الزر، مدينة لودر): one or two Arabic words. */
function unknownAfterCue(s: Scan, i: number, cueHit: CueHit): RawPlace | null {
  const { tokens, gaz } = s;
  const lex = gaz.lex;
  const t = tokens[i] as Token;
  const cue = cueHit.value;
  if (!UNKNOWN_CUES.has(cue.feature) || lex.cueKeys.has(t.text) || s.cueEnds.has(i + 1)) return null;
  const pf = placeForms(t)[0];
  if (!pf) return null;
  // after قرية/مدينة/ناحية… any word may be a name; after حي/منطقة only a definite one (حي التواهي, not مناطق مختلفة)
  // after a landform cue (جبل، وادي) a longer bare word is a name too (وادي حلحلان)
  const strongCue = STRONG_NAMING_CUES.has(cue.feature) || (cue.feature === 'natural' && pf.form.length >= 4);
  // after جبهة an indefinite word is a front line's place (جبهة نهم), a definite one a group (جبهة النصرة)
  const plausible = pf.form.length >= 3 && (cue.feature === 'front' ? !pf.form.startsWith('ال') : pf.form.startsWith('ال') || strongCue);
  const notWord =
    !lex.stop.has(pf.form) &&
    !lex.dirBefore.matchAt(tokens, i) &&
    !lex.cues.matchAt(tokens, i) &&
    plausibleUnknown(pf.form, gaz) &&
    !(cue.feature === 'any' && VERBAL_NOUN.test(pf.form)) &&
    // after a site or landform word, a definite feminine plural names goods or a metaphor (سوق السندات، سوق
    // الانتقالات), not a place
    !((cue.feature === 'site' || cue.feature === 'natural') && DEFINITE_PLURAL.test(pf.form)) &&
    !titledName(tokens, i, gaz);
  // the head of a compound name (أبو، تل، عين) takes the next word with it (قرية أبو العراج)
  const next = tokenAt(tokens, i + 1);
  const headed =
    lex.functionWords.get(pf.form) === 'head' &&
    next &&
    next.kind === 'ar' &&
    next.start - t.end <= 2 &&
    plausibleUnknown(next.text, gaz) &&
    !lex.stop.has(`${pf.form} ${next.text}`);
  if (!headed && !(plausible && notWord)) return null;
  const to = headed ? i + 2 : i + 1;
  const afterM = lex.dirAfter.matchAt(tokens, to);
  return {
    from: i,
    to,
    start: t.start + Math.min(pf.prefix.length, t.text.length - 1),
    end: (tokens[to - 1] as Token).end,
    key: headed ? `${pf.form} ${(next as Token).text}` : pf.form,
    ids: [],
    cue,
    cueFrom: cueHit.from,
    dirBefore: null,
    dirAfter: afterM ? (afterM.values[0] as string) : null,
    phraseFrom: cueHit.from,
    phraseTo: afterM ? afterM.to : to,
    prep: prepBefore(tokens, cueHit.from, cueHit.prefix),
    freePrep: freePrepBefore(tokens, cueHit.from),
  };
}

/** An unknown Arabic word at token i in a place slot (after a free preposition or a cue, or coordinated with a place):
 * a probe, kept only when the resolver finds it under another spelling. */
function probeAt(s: Scan, i: number, cueHit: CueHit | null): RawPlace | null {
  const { tokens, gaz } = s;
  const lex = gaz.lex;
  const t = tokens[i] as Token;
  const prev = s.out[s.out.length - 1];
  const nextT = tokenAt(tokens, i + 1);
  const slot =
    !!cueHit ||
    freePrepBefore(tokens, i) ||
    (t.text.charCodeAt(0) === 0x648 && prev?.to === i) ||
    (nextT?.kind === 'ar' && nextT.text.charCodeAt(0) === 0x648 && nextT.prefixes.includes('و') && !!matchNext(s, i + 1));
  if (!slot) return null;
  // the last of placeForms, found without building them
  const k = lastPlaceForm(t);
  if (k < 0) return null;
  const form = t.forms[k] as string;
  const prefix = t.prefixes[k] ?? '';
  if (
    form.length < 4 ||
    !plausibleUnknown(form, gaz) ||
    lex.stop.has(form) ||
    lex.cues.matchAt(tokens, i) ||
    indefiniteNisba(nextT, gaz) ||
    commonNounShape(form)
  )
    return null;
  return {
    from: i,
    to: i + 1,
    start: t.start + Math.min(prefix.length, t.text.length - 1),
    end: t.end,
    key: form,
    ids: [],
    cue: cueHit?.value ?? null,
    cueFrom: cueHit?.from ?? i,
    dirBefore: null,
    dirAfter: null,
    phraseFrom: cueHit?.from ?? i,
    phraseTo: i + 1,
    prep: prepBefore(tokens, cueHit?.from ?? i, cueHit?.prefix ?? prefix),
    freePrep: freePrepBefore(tokens, cueHit?.from ?? i),
    probe: true,
  };
}

/** The match at token j, kept for the loop's next step. */
function matchNext(s: Scan, j: number): Match | null {
  s.memoAt = j;
  s.memoMatch = matchAt(s.tokens, j, s.gaz, s.keys);
  return s.memoMatch;
}
