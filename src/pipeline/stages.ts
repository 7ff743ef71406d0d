// The pipeline, in order. Each stage is small and pure: (doc, resources) → doc.
import { assemble, frameStrength } from '../events/assemble.ts';
import { clauses } from '../events/clauses.ts';
import { articleVictims, eventId, finalise } from '../events/finalise.ts';
import { buildFrames } from '../events/frames.ts';
import { findCues, findTriggers } from '../events/lexicon.ts';
import { normalize } from '../text/normalize.ts';
import { quotes, sentences } from '../text/segment.ts';
import { type Token, tokenIndexAt, tokenize } from '../text/tokenize.ts';
import { addDays, isoOf, parseIso } from '../time/calendar.ts';
import type { ArticleMeta } from '../types.ts';
import type { ActorMention, DateMention, Doc, PlaceMention } from './doc.ts';
import type { Resources } from './index.ts';

export interface Stage {
  name: string;
  run(doc: Doc, res: Resources): Doc;
}

export function emptyDoc(raw: string, meta: ArticleMeta): Doc {
  return {
    meta,
    raw,
    norm: { raw, text: '', map: new Uint32Array(1) },
    tokens: [],
    sentences: [],
    quotes: [],
    triggers: [],
    actors: [],
    places: [],
    dates: [],
    casualties: [],
    sources: [],
    events: [],
    countries: [],
    doubts: [],
  };
}

const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/** A past verb in the feminine, which a country or city as subject takes (اغتالت إسرائيل، أعلنت أنقرة); a word in ـات
 * is a plural noun (سمات), one in ال a noun. */
function feminineVerb(t: Token | undefined): boolean {
  return t?.kind === 'ar' && t.text.length >= 3 && t.text.endsWith('ت') && !t.text.endsWith('ات') && !t.text.startsWith('ال');
}

/** The index of the token a place's name opens with no clitic glued to it (إسرائيل, not وإسرائيل), else -1. */
function bareTokenAt(doc: Doc, p: PlaceMention): number {
  const k = tokenIndexAt(doc.tokens, p.start);
  return doc.tokens[k]?.start === p.start ? k : -1;
}

/**
 * A country's name written bare right after a violent verb (اغتالت إسرائيل قياديا، قصفت تركيا مواقع), or between a
 * feminine verb and a violent act (شنت روسيا غارات), is the verb's subject: an actor, that state's military, and no
 * place of the incident.
 */
export function stateSubjects(doc: Doc, res: Resources): Doc {
  const violent = doc.triggers.filter((t) => VIOLENT.has(t.event_type));
  if (!violent.length) return doc;
  // a country subject takes the feminine verb (اغتالت إسرائيل، شنت روسيا); a masculine one has it as its object (حرر
  // اليمن)
  const after = new Set<number>();
  for (const t of violent) {
    const first = tokenIndexAt(doc.tokens, t.start);
    if (t.pos === 'verb' || t.pos === 'verb-fixed') {
      const last = tokenIndexAt(doc.tokens, t.end) - 1;
      if (feminineVerb(doc.tokens[last])) after.add(last + 1);
    }
    // a support verb, the country, then the act (شنت روسيا غارات، نفذت إسرائيل غارة)
    else if (feminineVerb(doc.tokens[first - 2])) after.add(first - 1);
  }
  const added: ActorMention[] = [];
  const places = doc.places.map((p) => {
    const c = p.choice;
    if (c?.feature !== 'country' || !c.country_code || p.cue) return p;
    const k = bareTokenAt(doc, p);
    if (k < 0 || !after.has(k)) return p;
    if (doc.actors.some((a) => a.start < p.end && p.start < a.end)) return p;
    const actor = res.recognisers.actorFor('military', c.country_code);
    if (!actor) return p;
    added.push({ start: p.start, end: p.end, actor, key: 'state-subject', generic: true });
    return asGovernment(p);
  });
  if (!added.length) return doc;
  return { ...doc, places, actors: [...doc.actors, ...added].sort((a, b) => a.start - b.start) };
}

/** Country focus: countries of resolved places first, then those the text names or implies. */
export function countryFocus(doc: Doc, res: Resources): string[] {
  const counts = new Map<string, number>();
  // (continents and seas have no country)
  for (const p of doc.places) if (p.choice?.country_code) counts.set(p.choice.country_code, (counts.get(p.choice.country_code) ?? 0) + 2);
  for (const [k, c] of res.recognisers.countries(doc).entries()) counts.set(c, (counts.get(c) ?? 0) + Math.max(1, 3 - k));
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

/** "من ليل الأحد" (Sunday night, not Lille): a bare name right before a weekday is a time of day. */
function beforeWeekday(doc: Doc, p: PlaceMention, weekdays: ReadonlySet<string>): boolean {
  if (p.cue) return false;
  const next = doc.tokens[tokenIndexAt(doc.tokens, p.end)];
  return !!next && next.forms.some((f) => weekdays.has(f));
}

/** How sure a place is once read as a government's name: below what an event place needs. */
const METONYM_CONFIDENCE = 0.1;

/** A city this big named bare abroad is read as its government (capitals and metropolises). */
const METONYM_MIN_POPULATION = 500_000;

/** A big city outside the countries where the article places things, named with no locative word before it. */
export function governmentName(doc: Doc, p: PlaceMention, focus: ReadonlySet<string>, locatives: ReadonlySet<string>): boolean {
  const c = p.choice;
  if (c?.feature !== 'locality' || !c.country_code || focus.has(c.country_code)) return false;
  if ((c.population ?? 0) < METONYM_MIN_POPULATION) return false;
  return !locative(doc, p, locatives);
}

/** A big city named bare right after a feminine verb of saying (أعلنت الرياض، نفت أنقرة، أكدت طهران): the government
 * speaking, wherever the article places things. (شهدت بغداد is no verb of saying: Baghdad stays the place.) */
export function speakingCity(doc: Doc, p: PlaceMention, res: Resources): boolean {
  const c = p.choice;
  if (c?.feature !== 'locality' || (c.population ?? 0) < METONYM_MIN_POPULATION || p.cue) return false;
  const k = bareTokenAt(doc, p);
  if (k < 1 || !feminineVerb(doc.tokens[k - 1])) return false;
  const m = res.attribution.cues.matchAt(doc.tokens, k - 1);
  return !!m && m.to === k && m.values.includes('verb');
}

/** A cue word (مدينة), a glued ب / ل (بواشنطن) or a locative word (في، قرب، شمال) before the name. */
function locative(doc: Doc, p: PlaceMention, locatives: ReadonlySet<string>): boolean {
  if (p.cue) return true;
  const start = (p as { phrase?: { start: number } }).phrase?.start ?? p.start;
  const k = tokenIndexAt(doc.tokens, start);
  const tok = doc.tokens[k];
  // a clitic glued to the name: بواشنطن، وفي … (ب or ل means a place; و alone does not)
  const glued = tok && tok.start < p.start ? doc.norm.text.slice(tok.start, p.start) : '';
  if (/[بل]/.test(glued)) return true;
  const prev = doc.tokens[k - 1];
  return !!prev && prev.forms.some((f) => locatives.has(f));
}

const asGovernment = (p: PlaceMention): PlaceMention => ({ ...p, confidence: METONYM_CONFIDENCE, metonym: true }) as PlaceMention;

/**
 * An incident needs two kinds of support besides one trigger word: an actor named in the text, casualties,
 * a strong trigger, a specific place (a town or district, not just a country or province), or both sides named
 * at a place. Metaphors and sport (هجوم الفريق، معركة انتخابية) rarely have two.
 */
export function anchored(e: import('../types.ts').EventRecord, strongest: number, crowd = false): boolean {
  const namedActor =
    (e.evidence.actor1?.length ?? 0) > 0 || (e.evidence.actor2?.length ?? 0) > 0 || (e.evidence.assoc_actor_1?.length ?? 0) > 0;
  const casualties = e.fatalities > 0 || (e.injuries ?? 0) > 0 || e.civilian_fatalities !== undefined;
  const specificPlace = e.latitude !== null && e.geo_precision !== null && e.geo_precision <= 2;
  // both sides named, at a place however coarse (تجددت المواجهات بين الحوثيين والجيش في محافظة الجوف)
  const bothSides = (e.evidence.actor1?.length ?? 0) > 0 && (e.evidence.actor2?.length ?? 0) > 0 && e.latitude !== null;
  // a crowd told in a protest's clause (تظاهر آلاف العراقيين) stands for the protesters as a named actor would
  const protestCrowd = crowd && (e.event_type === 'Protests' || e.event_type === 'Riots');
  return [namedActor || protestCrowd, casualties, strongest >= 0.85, specificPlace, bothSides].filter(Boolean).length >= 2;
}

/** The ISO day `n` days before an ISO date, or null when the date is not a real one. */
export function daysBefore(iso: string, n: number): string | null {
  const day = parseIso(iso);
  return day ? isoOf(addDays(day, -n)) : null;
}

/** The event's date period (its day; the week around a week's midpoint; its month) starts after `published`. */
export function startsAfter(e: { event_date: string | null; time_precision: 1 | 2 | 3 }, published: string | null | undefined): boolean {
  if (!e.event_date || !published) return false;
  const start =
    e.time_precision === 3
      ? `${e.event_date.slice(0, 8)}01`
      : e.time_precision === 2
        ? (daysBefore(e.event_date, 3) ?? e.event_date)
        : e.event_date;
  return start > published;
}

export const STAGES: readonly Stage[] = [
  { name: 'normalise', run: (doc) => ({ ...doc, norm: normalize(doc.raw) }) },
  { name: 'tokenise', run: (doc) => ({ ...doc, tokens: tokenize(doc.norm.text, doc.norm) }) },
  { name: 'segment', run: (doc) => ({ ...doc, sentences: sentences(doc.norm.text), quotes: quotes(doc.norm.text) }) },
  { name: 'places', run: (doc, res) => ({ ...doc, places: res.recognisers.places(doc) }) },
  { name: 'countries', run: (doc, res) => ({ ...doc, countries: countryFocus(doc, res) }) },
  { name: 'actors', run: (doc, res) => ({ ...doc, actors: res.recognisers.actors(doc, doc.countries) }) },
  { name: 'triggers', run: (doc, res) => ({ ...doc, triggers: findTriggers(doc, res.events) }) },
  {
    name: 'dates',
    run: (doc, res) => {
      // "today" in quoted speech is the day the speaker spoke, often the day before publication: it yields to any
      // other date of the incident, as a lone time of day does
      const quoted = (d: DateMention) => doc.quotes.some((q) => q.start <= d.start && d.end <= q.end);
      const dates = res.recognisers
        .dates(doc, doc.meta.published ?? null)
        // (a time of day alone, «… فجرا», is when the act happened, not when it was told)
        .map((d) => (d.kind === 'today' && !d.daypartOnly && quoted(d) ? { ...d, weak: true } : d));
      return { ...doc, dates };
    },
  },
  { name: 'casualties', run: (doc, res) => ({ ...doc, casualties: res.recognisers.casualties(doc) }) },
  { name: 'sources', run: (doc, res) => ({ ...doc, sources: res.recognisers.sources(doc, doc.actors) }) },
  // a place named inside an actor's or a source's name (المقاومة الإسلامية في العراق، وزارة الداخلية التركية) is not where it happened
  {
    name: 'places-in-names',
    run: (doc) => {
      const names = [...doc.actors, ...doc.sources].filter((m) => m.end - m.start > 0).sort((a, b) => a.start - b.start);
      // names sorted by start: only those starting at or before the place can contain it; look back a few
      const covering = (p: { start: number; end: number }) => {
        let lo = 0;
        let hi = names.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((names[mid] as { start: number }).start <= p.start) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo - 1; k >= Math.max(0, lo - 8); k--) {
          const n = names[k] as { start: number; end: number };
          if (p.end <= n.end && n.end - n.start > p.end - p.start) return true;
        }
        return false;
      };
      return { ...doc, places: doc.places.filter((p) => !covering(p)) };
    },
  },
  // a country right after a violent verb (اغتالت إسرائيل، قصفت تركيا) is the verb's subject: that state's military
  { name: 'state subjects', run: stateSubjects },
  // a city abroad named without a locative word (أعلنت واشنطن، حلفاء موسكو) stands for its government; a bare name
  // before a weekday (ليل الأحد) is a time of day
  {
    name: 'metonyms',
    run: (doc, res) => {
      // the countries where the article places things (في، قرب، مدينة …), most named first
      const counts = new Map<string, number>();
      for (const p of doc.places)
        if (p.choice?.country_code && locative(doc, p, res.locatives))
          counts.set(p.choice.country_code, (counts.get(p.choice.country_code) ?? 0) + 1);
      const places = doc.places
        .filter((p) => !beforeWeekday(doc, p, res.weekdays))
        // a capital speaking (أعلنت الرياض، نفت أنقرة) is its government, at home too
        .map((p) => (speakingCity(doc, p, res) ? asGovernment(p) : p));
      if (counts.size === 0) return { ...doc, places };
      const focus = new Set(
        [...counts.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 2)
          .map(([c]) => c),
      );
      return { ...doc, places: places.map((p) => (governmentName(doc, p, focus, res.locatives) ? asGovernment(p) : p)) };
    },
  },
  {
    name: 'events',
    run: (doc, res) => {
      const cues = findCues(doc, res.events);
      // a sports report (مباراة، الدوري، هدفا …) has attacks and shots but no incidents unless people were killed
      const sportsReport = cues.filter((c) => c.kind === 'sport').length >= 3;
      const cl = clauses(doc.tokens, doc.sentences, cues);
      const published = doc.meta.published ?? null;
      const frames = buildFrames(doc, cl, cues, published);
      const drafts = assemble(doc, frames);
      const countries = doc.countries;
      // the lede's date: the first day-precise date of the article within the reporting window (the week up to
      // publication; a date months back, يذكر أن … في 20 يونيو الماضي, is history, not the lede's day)
      const windowStart = published ? daysBefore(published, 7) : null;
      const inWindow = (d: DateMention) =>
        !!d.date && d.precision === 1 && (!published || (d.date <= published && (!windowStart || d.date >= windowStart)));
      const defaultDate = doc.dates.find((d) => inWindow(d) && !d.weak) ?? doc.dates.find(inWindow) ?? null;
      const ctx = {
        doc,
        rec: res.recognisers,
        roles: res.roles,
        alliances: res.alliances,
        countries,
        defaultDate,
        victimsByFrequency: articleVictims(doc, res.roles),
      };
      // an incident needs an anchor besides its trigger word: a place, a toll, a date or a named actor
      const events = drafts
        .map((d, k) => ({ d, e: finalise(d, ctx, k) }))
        .filter(
          ({ d, e }) =>
            e.background ||
            anchored(
              e,
              Math.max(0, ...d.frames.map(frameStrength)),
              d.frames.some((f) => f.triggers.some((t) => t.event_type === 'Protests') && f.cues.some((c) => c.kind === 'crowd')),
            ),
        )
        .filter(({ e }) => !sportsReport || e.fatalities > 0)
        // an incident whose day, week or month starts after publication is expected (الأسبوع المقبل), not reported
        .filter(({ e }) => e.background || !startsAfter(e, doc.meta.published))
        .map(({ e }) => e);
      const sha = doc.meta.id;
      for (const e of events) e.event_id = `${sha}-${eventId(doc.raw.length.toString(36), e)}`;
      return { ...doc, events };
    },
  },
];
