// Attribution: who says what. A cue (قال، أفاد، بحسب …) plus the named entity next to it (the subject after a
// verb, the object of a preposition) gives a source; its scope is the clause, quote or sentence it governs.
import { detectCountries } from '../actors/countries.ts';
import type { ActorMention, PlaceMention, SourceMention } from '../pipeline/doc.ts';
import type { NormText } from '../text/normalize.ts';
import { rawSpan } from '../text/normalize.ts';
import { type Range, sentenceAt } from '../text/segment.ts';
import { type Token, tokenIndexAt } from '../text/tokenize.ts';
import { type AttributionLexicon, type CueType, outletCountry, type SourceHit, templateName } from './lexicon.ts';

export interface AttributionDoc {
  norm: NormText;
  tokens: Token[];
  sentences: Range[];
  quotes: Range[];
  /** when present, the countries of resolved places weigh in the article's country (for bare وزارة الداخلية) */
  places?: PlaceMention[];
  /** when present, the outlet's home country weighs in (a Saudi daily's bare وزارة الداخلية is Saudi) */
  meta?: { source?: string | null };
}

/**
 * Countries of the article, most salient first: resolved places (2 each; a "place" inside an actor phrase such as
 * الجندي is a gazetteer homonym and is skipped), country names and agreeing adjectives (1 each), the outlet's home
 * country (1.5: above one passing mention of another country).
 */
export function sourceCountries(doc: AttributionDoc, lex: AttributionLexicon, actors: ActorMention[] = []): string[] {
  const score = new Map<string, number>();
  const first = new Map<string, number>();
  const add = (c: string, w: number, at: number) => {
    score.set(c, (score.get(c) ?? 0) + w);
    if (!first.has(c) || (first.get(c) as number) > at) first.set(c, at);
  };
  // places inside an actor's name do not count; actors sorted by start, a sweep finds the overlaps
  const names = [...actors].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const p of [...(doc.places ?? [])].sort((a, b) => a.start - b.start)) {
    const c = p.choice?.country_code;
    while (k < names.length && (names[k] as ActorMention).end <= p.start) k++;
    let inside = false;
    for (let j = k; j < names.length && (names[j] as ActorMention).start < p.end; j++) inside = true;
    if (!c || inside) continue;
    add(c, 2, p.start);
  }
  for (const c of detectCountries(doc, lex.actors.countries)) add(c.iso2, c.count, c.first);
  const home = doc.meta?.source ? outletCountry(doc.meta.source, lex) : null;
  if (home) add(home, 1.5, Number.MAX_SAFE_INTEGER);
  return [...score.entries()].sort((a, b) => b[1] - a[1] || (first.get(a[0]) as number) - (first.get(b[0]) as number)).map(([c]) => c);
}

interface Entity {
  /** first and last+1 token */
  from: number;
  to: number;
  start: number;
  end: number;
  /** resolved canonical name, or null for a back-reference to resolve against earlier sources */
  name: string | null;
  id: string | null;
  back?: string[];
  previous?: boolean;
}

/** Tokens after a speaker within which the outlet it spoke to is looked for (مصدر عسكري، لم يتم ذكر اسمه، بقاعدة طبرق لـ«بوابة الوسط»). */
const RELAY_REACH = 12;
/** Words after a cue before giving up on finding its subject. */
const MAX_GAP = 7;
const PUNCT_SKIP = new Set(['،', ',', ':', '(', ')', '«', '»', '"', '“', '”', '-', '–', '_']);

export function findSources(
  doc: AttributionDoc,
  lex: AttributionLexicon,
  actors: ActorMention[],
  ctx?: { countries: string[] },
): SourceMention[] {
  const countries = ctx?.countries?.length ? ctx.countries : sourceCountries(doc, lex, actors);
  const actorAt = indexActors(doc.tokens, actors);
  const out: Array<SourceMention & { id: string | null; sentence: number }> = [];
  const persons = new Map<string, { name: string; id: string | null }>();
  const cues = lex.cues.findAll(doc.tokens);
  for (const cue of cues) {
    const type = cue.values[0] as CueType;
    if (type === 'anonymous' || type === 'scopestop') continue;
    const si = sentenceAt(doc.sentences, cue.start);
    if (si < 0) continue;
    const sent = doc.sentences[si] as Range;
    let found = subjects(doc, lex, actorAt, cue.to, sent.end, countries);
    if (found.length === 0 && type !== 'prep') found = afterTitle(doc, lex, actorAt, cue.to, sent.end, countries);
    if (found.length === 0 && type !== 'prep') found = beforeQad(doc, lex, actorAt, cue.from, countries);
    // a continuing verb inside a sentence speaks only when what it says follows (… وبين المصدر أن …), else it is
    // another word (بينها وبين الحوثيين: between)
    if (type === 'cont' && cue.from > firstToken(doc.tokens, sent.start) + 1 && !saysThat(doc.tokens, found, cue.to)) continue;
    const resolved: Entity[] = [];
    for (const e of found) {
      const r = resolveEntity(e, out);
      if (r) resolved.push(r);
    }
    // "قال رئيس الوزراء التركي أحمد داود أوغلو": the person's name speaks for that source later (وقال أوغلو)
    for (const e of resolved) if (e.name) rememberPerson(doc.tokens, lex, e, cue.to, sent.end, persons);
    if (resolved.length === 0 && type !== 'prep') {
      const known = personAt(doc.tokens, lex, cue.to, sent.end, persons);
      if (known) resolved.push({ ...known.span, name: known.name, id: known.id });
    }
    if (resolved.length === 0 && type !== 'prep') {
      // No named subject: a sentence-initial verb (وأضاف، وأشارت) or "البيان" continues the last source,
      // unless another speaker is named (مصدر في البلدة، a person the lexicon does not know).
      const initial = cue.from <= firstToken(doc.tokens, sent.start) + 1;
      const last = out[out.length - 1];
      const unnamed = explicitUnknownSubject(doc.tokens, lex, cue.to, sent.end) || personLike(doc.tokens, lex, cue.to, sent.end);
      if (!unnamed && (initial || type === 'cont' || found.some((f) => f.previous)) && last && si - last.sentence <= 2)
        resolved.push({ from: cue.from, to: cue.to, start: cue.start, end: cue.end, name: last.source, id: last.id });
    }
    const last = resolved[resolved.length - 1];
    const claim = last && (type === 'claim' || isClaim(doc.tokens, lex, last.to, sent.end));
    for (const e of resolved) {
      const scope = claim ? claimScope(doc, si, cue.from) : scopeOf(doc, lex, type, sent, cue.start, last as Entity);
      if (out.some((o) => o.source === e.name && o.scope.start === scope.start && o.scope.end === scope.end)) continue;
      out.push({ start: e.start, end: e.end, source: e.name as string, cue: cue.key, scope, id: e.id, sentence: si });
    }
  }
  return out.map(({ id: _id, sentence: _s, ...m }) => m);

  function resolveEntity(e: Entity, prev: Array<{ source: string; id: string | null }>): Entity | null {
    if (e.name) return e;
    if (e.back) {
      for (let k = prev.length - 1; k >= 0; k--) {
        const p = prev[k] as { source: string; id: string | null };
        if (p.id && e.back.includes(p.id)) return { ...e, name: p.source, id: p.id };
      }
      // An anaphor whose antecedent was never cited (القيادة after the actor was named): try the actors.
      return null;
    }
    if (e.previous) {
      const p = prev[prev.length - 1];
      return p ? { ...e, name: p.source, id: p.id } : null;
    }
    return null;
  }
}

/** The entities a cue governs: the first after it (across titles, time words), then any joined with و or عن. */
function subjects(
  doc: AttributionDoc,
  lex: AttributionLexicon,
  actorAt: Map<number, ActorMention>,
  from: number,
  limit: number,
  countries: string[],
): Entity[] {
  const out: Entity[] = [];
  let j = from;
  let gap = 0;
  while (j < doc.tokens.length && gap <= MAX_GAP) {
    const t = doc.tokens[j] as Token;
    if (t.start >= limit) break;
    const e = entityAt(doc.tokens, j, lex, actorAt, countries);
    if (e && isRecipient(e, doc.tokens, lex)) {
      // "قال لـ«الحدث» مصدر عسكري", "أبلغ «الاقتصادية» مصدر": the outlet is told, the speaker follows.
      const rest = subjects(doc, lex, actorAt, e.to, limit, countries);
      if (rest.length) return rest;
    }
    if (e?.previous) {
      // "أوضح بيان وزارة الداخلية": the statement of a named body is that body speaking
      const owner = entityAt(doc.tokens, e.to, lex, actorAt, countries);
      if (owner && !owner.previous) {
        out.push(owner);
        break;
      }
    }
    if (e) {
      out.push(e);
      if (e.previous) break;
      // Coordination (ومصادر طبية، "علي الحسيني، رئيس بلدية X، ومصدران بالشرطة") or relay (نقلت وكالة X عن مصادر Y): one more entity.
      let after = e.to;
      const comma = doc.tokens[after];
      if (comma && (comma.text === '،' || comma.text === ',') && doc.tokens[after + 1]?.text.startsWith('و')) after++;
      const nx = doc.tokens[after];
      if (!nx || nx.start >= limit) break;
      const relay = relayedOutlet(doc, lex, actorAt, e.to, limit, countries);
      if (relay) {
        // "مصدر عسكري، لم يذكر اسمه، لـ«بوابة الوسط»": the outlet that carried the statement is a source too
        out.push(relay);
        break;
      }
      if (nx.text === 'عن' || nx.text === 'و') {
        j = after + 1;
      } else if (nx.text.startsWith('و') && nx.forms.length > 1) {
        j = after;
      } else break;
      const e2 = entityAt(doc.tokens, j, lex, actorAt, countries);
      if (e2 && !e2.previous) out.push(e2);
      break;
    }
    const f = t.forms;
    if (t.kind === 'punct' ? PUNCT_SKIP.has(t.text) : f.some((x) => lex.skip.has(x) || lex.bridge.has(x))) {
      j++;
      gap++;
      continue;
    }
    break;
  }
  return out;
}

/** A media outlet addressed with لـ a few words after the speaker (مصدر عسكري بقاعدة طبرق لـ«بوابة الوسط»). */
function relayedOutlet(
  doc: AttributionDoc,
  lex: AttributionLexicon,
  actorAt: Map<number, ActorMention>,
  from: number,
  limit: number,
  countries: string[],
): Entity | null {
  for (let k = from; k < Math.min(doc.tokens.length, from + RELAY_REACH); k++) {
    const t = doc.tokens[k] as Token;
    // "، لم يتم ذكر اسمه،": the speaker's anonymity, read past
    const anon = lex.cues.matchAt(doc.tokens, k);
    if (anon?.values.includes('anonymous')) {
      k = anon.to - 1;
      continue;
    }
    if (t.start >= limit || t.text === 'ان' || t.text === 'فان' || t.text === 'بان' || anon) break;
    if (t.kind !== 'ar' || !t.text.startsWith('ل')) continue;
    let j = t.text === 'ل' ? k + 1 : k;
    while (j < doc.tokens.length && PUNCT_SKIP.has((doc.tokens[j] as Token).text)) j++;
    const o = entityAt(doc.tokens, j, lex, actorAt, countries);
    if (o?.id && lex.byId.get(o.id)?.kind === 'media' && (j > k || isRecipient(o, doc.tokens, lex))) return o;
  }
  return null;
}

/** Words of a person's name after `from` (up to 4, stopping at punctuation and known words), as token indexes. */
function nameTokens(tokens: Token[], lex: AttributionLexicon, from: number, limit: number, nameFirst = false): number[] {
  const out: number[] = [];
  for (let j = from; j < Math.min(tokens.length, from + 4); j++) {
    const t = tokens[j] as Token;
    if (t.start >= limit || t.kind !== 'ar' || t.text.length < 2) break;
    if (t.forms.some((f) => lex.skip.has(f) || lex.bridge.has(f) || lex.titles.has(f))) break;
    if (lex.functionWords.has(t.text) && !((j > from || nameFirst) && lex.nameParts.has(t.text))) break;
    if (lex.cues.matchAt(tokens, j) || lex.index.matchAt(tokens, j)) break;
    out.push(j);
  }
  return out;
}

const PERSON_WORDS =
  /^(رئيس|الرئيس|وزير|الوزير|المتحدث|متحدث|المتحدثه|الناطق|ناطق|الناطقه|ممثل|ممثله|المندوب|المندوبه|مندوب|مندوبه|السفير|السفيره|قائد|محافظ|المحافظ|امين|الامين|مدير|عميد|نائب)$/;

/** After a titled source (رئيس الوزراء التركي، المتحدث باسم X) or before its title, remember the person's family name. */
function rememberPerson(
  tokens: Token[],
  lex: AttributionLexicon,
  e: Entity,
  cueTo: number,
  limit: number,
  persons: Map<string, { name: string; id: string | null }>,
): void {
  const titled = tokens.slice(e.from, e.to).some((t) => t.forms.some((f) => PERSON_WORDS.test(f)));
  const before = e.from > cueTo ? nameTokens(tokens, lex, cueTo, limit, true).filter((j) => j < e.from) : [];
  const after = titled ? nameTokens(tokens, lex, e.to, limit) : [];
  for (const name of [before, after]) {
    if (name.length < 2) continue;
    const last = (tokens[name[name.length - 1] as number] as Token).text;
    if (last.length >= 3 && !persons.has(last)) persons.set(last, { name: e.name as string, id: e.id });
  }
}

/** A remembered family name right after the cue (وقال داود أوغلو، وأكد الأحمدي). */
function personAt(
  tokens: Token[],
  lex: AttributionLexicon,
  from: number,
  limit: number,
  persons: Map<string, { name: string; id: string | null }>,
): { span: { from: number; to: number; start: number; end: number }; name: string; id: string | null } | null {
  if (persons.size === 0) return null;
  let j = from;
  while (j < tokens.length && (tokens[j] as Token).kind === 'ar' && (tokens[j] as Token).forms.some((f) => lex.skip.has(f))) j++;
  for (const k of nameTokens(tokens, lex, j, limit).slice(0, 3)) {
    const t = tokens[k] as Token;
    const p = persons.get(t.text);
    if (p) {
      const first = tokens[j] as Token;
      return { span: { from: j, to: k + 1, start: first.start, end: t.end }, ...p };
    }
  }
  return null;
}

/** Two or more unknown words right after the cue: a person the lexicon does not know speaks (وقال عثمان علي). */
function personLike(tokens: Token[], lex: AttributionLexicon, from: number, limit: number): boolean {
  let j = from;
  while (j < tokens.length && (tokens[j] as Token).kind === 'ar' && (tokens[j] as Token).forms.some((f) => lex.skip.has(f))) j++;
  const name = nameTokens(tokens, lex, j, limit);
  if (name.length < 2 || name[0] !== j) return false;
  const w = (tokens[j] as Token).text;
  return !w.startsWith('ال') && !w.startsWith('و');
}

/** "قال علي الحسيني، رئيس بلدية X" / "قال العقيد فلان المتحدث باسم X": the entity after a title near the cue. */
function afterTitle(
  doc: AttributionDoc,
  lex: AttributionLexicon,
  actorAt: Map<number, ActorMention>,
  from: number,
  limit: number,
  countries: string[],
): Entity[] {
  for (let j = from; j < Math.min(doc.tokens.length, from + MAX_GAP + 2); j++) {
    const t = doc.tokens[j] as Token;
    if (t.start >= limit) break;
    if (t.text === 'ان' || t.text === 'انه') break;
    // a preposition means the verb has moved on to its object (أعلنت سيطرتها على مواقع … قوات الرئيس المخلوع);
    // على is told from the name علي by its raw spelling
    if (/^(الي|عن|من|مع|ضد)$/.test(t.text) || (t.text === 'علي' && /ى$/.test(rawSpan(doc.norm, t.start, t.end).text))) break;
    if (t.forms.some((f) => lex.titles.has(f))) {
      const e = entityAt(doc.tokens, j, lex, actorAt, countries);
      if (e) return subjects(doc, lex, actorAt, j, limit, countries);
      return subjects(doc, lex, actorAt, j + 1, limit, countries);
    }
  }
  return [];
}

function entityAt(
  tokens: Token[],
  j: number,
  lex: AttributionLexicon,
  actorAt: Map<number, ActorMention>,
  countries: string[],
): Entity | null {
  const m = lex.index.matchAt(tokens, j);
  const a = actorAt.get(j);
  const aTo = a ? tokenAfter(tokens, j, a.end) : -1;
  if (m && (!a || m.to >= aTo)) {
    const hit = pick(m.values);
    const base = { from: m.from, to: m.to, start: m.start, end: m.end };
    if (hit.t === 'source') return { ...base, name: hit.name, id: hit.id };
    if (hit.t === 'back') return { ...base, name: null, id: null, back: hit.ids };
    if (hit.t === 'previous') return { ...base, name: null, id: null, previous: true };
    const c = countries[0] ? lex.actors.countries.byIso.get(countries[0]) : undefined;
    if (c) return { ...base, name: templateName(lex, hit.row, c), id: hit.row.template || hit.row.id };
    return null;
  }
  if (a) {
    const g = a.actor;
    if (g.kind === 'unidentified' || g.kind === 'protesters' || g.kind === 'rioters') return null;
    return { from: j, to: aTo, start: a.start, end: a.end, name: g.source_name || g.name, id: `actor:${g.id}` };
  }
  return null;
}

/** A media outlet introduced with لـ, or in quotes right after the verb: the addressee, not the speaker. */
function isRecipient(e: Entity, tokens: Token[], lex: AttributionLexicon): boolean {
  if (!e.id || lex.byId.get(e.id)?.kind !== 'media') return false;
  const first = tokens[e.from] as Token;
  const before = tokens[e.from - 1];
  return first.text.startsWith('ل') && !first.text.startsWith('ال')
    ? true
    : before?.text === '«' || before?.text === '"' || before?.text === 'ل';
}

/** "وكان المتحدث باسم الوزارة قد صرح": the subject stands between كان and قد, before the verb. */
function beforeQad(
  doc: AttributionDoc,
  lex: AttributionLexicon,
  actorAt: Map<number, ActorMention>,
  cueFrom: number,
  countries: string[],
): Entity[] {
  if ((doc.tokens[cueFrom - 1] as Token | undefined)?.text !== 'قد') return [];
  for (let k = cueFrom - 2; k >= Math.max(0, cueFrom - 12); k--) {
    const t = doc.tokens[k] as Token;
    if (t.kind === 'punct' && /[.!?؟]/.test(t.text)) return [];
    if (t.forms.some((f) => f === 'كان' || f === 'كانت')) {
      const limit = (doc.tokens[cueFrom - 1] as Token).start;
      return subjects(doc, lex, actorAt, k + 1, limit, countries);
    }
  }
  return [];
}

/** أن / إن within three words after the subject (or after the cue when it has none). */
function saysThat(tokens: Token[], found: Entity[], cueTo: number): boolean {
  const from = found.length ? (found[found.length - 1] as Entity).to : cueTo;
  for (let k = from; k < Math.min(tokens.length, from + 3); k++) if (/^(ان|انه|انها)$/.test((tokens[k] as Token).text)) return true;
  return false;
}

/** Prepositions among the bridge words: "قالت في بيان" still has an implicit (pronoun) subject. */
const PREPS = new Set(['في', 'من', 'ب', 'لدي', 'داخل', 'عن']);

/** The cue is followed by a subject the lexicon does not know (مصدر في بني حشيش, مسؤول محلي): no inheritance. */
function explicitUnknownSubject(tokens: Token[], lex: AttributionLexicon, from: number, limit: number): boolean {
  for (let j = from; j < tokens.length && (tokens[j] as Token).start < limit; j++) {
    const t = tokens[j] as Token;
    if (t.kind === 'punct' ? PUNCT_SKIP.has(t.text) : t.forms.some((x) => lex.skip.has(x))) continue;
    return t.kind === 'ar' && t.forms.some((x) => lex.bridge.has(x)) && !PREPS.has(t.text);
  }
  return false;
}

const RANK: Record<SourceHit['t'], number> = { source: 0, ctx: 1, back: 2, previous: 3 };

function pick(hits: SourceHit[]): SourceHit {
  return [...hits].sort((x, y) => RANK[x.t] - RANK[y.t] || (x.t === 'source' && y.t === 'source' ? x.rank - y.rank : 0))[0] as SourceHit;
}

/** أعلن X مسؤوليته عن …: a claim word within a few words after the subject. */
function isClaim(tokens: Token[], lex: AttributionLexicon, from: number, limit: number): boolean {
  for (let j = from; j < Math.min(tokens.length, from + 4); j++) {
    const t = tokens[j] as Token;
    if (t.start >= limit) break;
    if (t.forms.some((f) => lex.claimWords.has(f))) return true;
  }
  return false;
}

/**
 * A claim of responsibility speaks for the incident it names: its whole sentence, and the sentence before when the
 * claim opens its own sentence (… انفجرت سيارة مفخخة. وتبنى تنظيم داعش الهجوم).
 */
function claimScope(doc: AttributionDoc, si: number, cueFrom: number): { start: number; end: number } {
  const sent = doc.sentences[si] as Range;
  const opens = cueFrom <= firstToken(doc.tokens, sent.start) + 1;
  const prev = opens && si > 0 ? (doc.sentences[si - 1] as Range) : sent;
  return { start: prev.start, end: sent.end };
}

function scopeOf(
  doc: AttributionDoc,
  lex: AttributionLexicon,
  type: CueType,
  sent: Range,
  cueStart: number,
  subject: Entity,
): { start: number; end: number } {
  if (type === 'prep') return { start: sent.start, end: sent.end };
  let start = Math.max(subject.end, cueStart);
  let end = sent.end;
  for (const q of doc.quotes) if (q.start >= cueStart && q.start <= sent.end + 2) end = Math.max(end, q.end);
  // a run-on sentence turning to another story (… من جهة أخرى أفاد مصدر …) ends what the source governs
  for (let k = tokenIndexAt(doc.tokens, start); k < doc.tokens.length && (doc.tokens[k] as Token).start < end; k++) {
    if (lex.cues.matchAt(doc.tokens, k)?.values.includes('scopestop')) {
      end = (doc.tokens[k] as Token).start;
      while (end > start && /\s/.test(doc.norm.text[end - 1] as string)) end--;
      break;
    }
  }
  // "… حسب ما أفادت مصادر عسكرية." — nothing follows the subject: the source governs the whole sentence.
  const rest = doc.norm.text.slice(start, end).replace(/[\s.،,:؛!؟?»«"]+/g, '');
  if (rest.length < 4) start = sent.start;
  if (start >= end) start = sent.start;
  while (start < end && /[\s:،,]/.test(doc.norm.text[start] as string)) start++;
  return { start, end };
}

function indexActors(tokens: Token[], actors: ActorMention[]): Map<number, ActorMention> {
  const byTok = new Map<number, ActorMention>();
  let k = 0;
  const sorted = [...actors].sort((a, b) => a.start - b.start);
  for (const a of sorted) {
    while (k < tokens.length && (tokens[k] as Token).end <= a.start) k++;
    const t = tokens[k];
    if (t && t.start <= a.start && !byTok.has(k)) byTok.set(k, a);
  }
  return byTok;
}

function tokenAfter(tokens: Token[], from: number, end: number): number {
  let j = from;
  while (j < tokens.length && (tokens[j] as Token).start < end) j++;
  return j;
}

const firstToken = (tokens: Token[], pos: number): number => tokenIndexAt(tokens, pos);
