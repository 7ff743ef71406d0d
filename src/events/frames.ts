// Frames: what each clause says about an incident (triggers, places, dates, casualties, actors, cues),
// with non-events filtered out (negated, future, denied, sport, accidents).
import type { ActorMention, CasualtyMention, DateMention, Doc, PlaceMention, TriggerMention } from '../pipeline/doc.ts';
import { normalize } from '../text/normalize.ts';
import { type Token, tokenIndexAt } from '../text/tokenize.ts';
import type { Clause } from './clauses.ts';
import type { CueKind, CueMention } from './lexicon.ts';

export interface Frame {
  clause: Clause;
  triggers: TriggerMention[];
  places: PlaceMention[];
  /** places that only say where a source sits (قال المسؤول الصحي في عدن): the incident's place when it has no other */
  sourcePlaces: PlaceMention[];
  dates: DateMention[];
  /** dates of the sentence when the clause has none */
  sentenceDates: DateMention[];
  casualties: CasualtyMention[];
  actors: ActorMention[];
  cues: CueMention[];
  sentenceCues: Set<CueKind>;
  eventive: boolean;
  background: boolean;
}

const inside = (m: { start: number; end: number }, r: { start: number; end: number }) => m.start >= r.start && m.end <= r.end;

/** Items grouped by the range that contains their start, in one sweep (ranges sorted and disjoint). */
export function bucket<T extends { start: number; end: number }>(
  items: readonly T[],
  ranges: readonly { start: number; end: number }[],
): T[][] {
  const out: T[][] = ranges.map(() => []);
  const sorted = [...items].sort((a, b) => a.start - b.start);
  let r = 0;
  for (const it of sorted) {
    while (r < ranges.length && (ranges[r] as { end: number }).end <= it.start) r++;
    if (r >= ranges.length) break;
    const range = ranges[r] as { start: number; end: number };
    if (it.start >= range.start) (out[r] as T[]).push(it);
  }
  return out;
}

/** Token index of a normalised offset (first token starting at or after it). */
const tokenAt = (doc: Doc, offset: number): number => tokenIndexAt(doc.tokens, offset);
/** The token a mention starts in (a trigger may start after a clitic: و|قصفت، س|يهاجم). */
const tokenOf = (doc: Doc, offset: number): number => Math.max(0, tokenIndexAt(doc.tokens, offset + 1) - 1);

/** The trigger read as an imperfect verb behind the future prefix س (ستفجر، سيهاجمون، وسنقصف), not a word that
 * merely starts with س (سيطرت). */
function futureVerb(t: Token | undefined, key: string): boolean {
  if (t?.kind !== 'ar') return false;
  const first = normalize(key.split(' ')[0] ?? '').text;
  let future = false;
  t.forms.forEach((f, k) => {
    const p = t.prefixes[k] ?? '';
    if (f !== first) return;
    if (/^[وف]?س$/.test(p) && /^[تينا]/.test(f)) future = true;
    else if (!p.endsWith('س')) future = false;
  });
  return future && !t.forms.some((f, k) => f === first && !(t.prefixes[k] ?? '').endsWith('س'));
}

/** The trigger, or the verb noun before it (بشن، بتنفيذ), carries the clitic ب. */
function threatened(doc: Doc, ti: number): boolean {
  const withB = (k: number) => !!doc.tokens[k]?.prefixes.some((p) => p.startsWith('ب') || p.startsWith('وب'));
  return withB(ti) || withB(ti - 1);
}

/** Is a trigger cancelled by a nearby negation, or by a future/threat/denial cue in its clause? */
function cancelled(doc: Doc, t: TriggerMention, clauseCues: CueMention[], sentenceCues: Set<CueKind>, leadCues: Set<CueKind>): boolean {
  const ti = tokenOf(doc, t.start);
  for (const c of clauseCues) {
    if (c.kind === 'negation' && c.to <= ti && ti - c.to <= 2) return true;
    // (عمليات اغتيال: a series; the definite العمليات الانتحارية names the ones reported)
    if (c.kind === 'habitual' && c.to <= ti && ti - c.to <= 1 && !/^(ال|وال)/.test(doc.tokens[c.from]?.text ?? '')) return true;
    // an incident named only as what someone is charged with or what time is counted from (بتهمة خطف، منذ اغتيال)
    if (c.kind === 'reference' && c.to <= ti && ti - c.to <= 1) return true;
    if (c.kind === 'future') return true;
    // يتوعد بالذبح، توعد بشن هجمات: what the threat is made with (after ب) has not happened
    if (c.kind === 'threat' && c.to <= ti && ti - c.to <= 6 && threatened(doc, ti)) return true;
    // what operations are halted for, or what an act prepares or aims at (تمهيدا لاقتحام، بهدف السيطرة): after the
    // cue, nothing in the clause happened
    if ((c.kind === 'halt' || c.kind === 'purpose') && c.to <= ti) return true;
    // a court as a landmark (انفجار قرب محكمة) is no trial
    if (c.kind === 'trial' && !clauseCues.some((x) => x.kind === 'court_place' && x.start <= c.start && x.end >= c.end)) return true;
    if (c.kind === 'metaphor' && c.from === tokenAt(doc, t.end)) return true;
    if (c.kind === 'statement' && t.weight < 0.85) return true;
    // what a condemnation names with the article (أدان التفجير الإرهابي، استنكاره للهجوم) is an incident already
    // reported, referred to: no incident of this report
    if (c.kind === 'statement' && c.to <= ti && ti - c.to <= 3 && /^(ال|لل|بال|وال)/.test(doc.tokens[ti]?.text ?? '')) return true;
    if (c.kind === 'static' && c.start < t.end && t.start < c.end) return true;
  }
  if (sentenceCues.has('denial')) return true;
  // a verb in the future (ستفجر نفسها، سيهاجمون): not an act reported
  if (futureVerb(doc.tokens[ti], t.key)) return true;
  // in a sentence about sport or an accident, or in a clause referring back to the accident an article opens with
  // (تم توقيف قائد المركب إثر الحادث), a weak trigger is no conflict event
  const nonConflict = (s: Set<CueKind>) => s.has('sport') || s.has('accident');
  const backToLead = nonConflict(leadCues) && clauseCues.some((c) => c.kind === 'anaphora');
  if ((nonConflict(sentenceCues) || backToLead) && t.weight < 0.85) return true;
  // an arrest for an ordinary crime (احتيال، مخدرات، سرقة) is no political arrest; nor a weak trigger beside it, or
  // anywhere in an article that opens with the crime
  if ((sentenceCues.has('crime') || leadCues.has('crime')) && (t.sub_event_type === 'Arrests' || t.weight < 0.85)) return true;
  return false;
}

/** Explosives destroyed, defused or seized before use (تدمير عجلات مفخخة، تفكيك عبوة) are a disrupted attack. */
function disrupted(doc: Doc, t: TriggerMention, clauseCues: CueMention[]): TriggerMention {
  // (and an attack foiled: أحبطت قوات الجيش هجوما للتنظيم)
  const foiled = t.event_type === 'Battles' && t.sub_event_type === 'Armed clash' && t.weight < 0.75;
  if ((t.event_type !== 'Explosions/Remote violence' && !foiled) || t.sub_event_type === 'Air/drone strike') return t;
  const ti = tokenOf(doc, t.start);
  const hit = clauseCues.some(
    (c) => c.kind === 'disrupt' && c.to <= ti && ti - c.to <= 3 && (!foiled || /حبط/.test(doc.norm.text.slice(c.start, c.end))),
  );
  return hit
    ? {
        ...t,
        event_type: 'Strategic developments',
        sub_event_type: 'Disrupted weapons use',
        disorder_type: 'Strategic developments',
        plover: 'COERCE:seize',
      }
    : t;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 864e5;
}

/** A date that places the incident before the reporting window of the article. */
export function isPastDate(d: DateMention, published: string | null): boolean {
  if (!d.date || !published) return false;
  if (d.yearOnly) return d.date.slice(0, 4) < published.slice(0, 4);
  if (d.precision === 3) return d.date.slice(0, 7) < published.slice(0, 7);
  return daysBetween(d.date, published) > 31;
}

/** "قال المسؤول الصحي في عدن إن …": the place right after a source, before what it says, is where the source sits. */
function sourceSeat(doc: Doc, p: PlaceMention): boolean {
  const src = doc.sources.find((s) => s.end <= p.start && p.start - s.end <= 12);
  if (!src || !/^\s*في\s*$/.test(doc.norm.text.slice(src.end, (p as { phrase?: { start: number } }).phrase?.start ?? p.start)))
    return false;
  // what the source says follows: إن / أن within a few words
  return /^[^.،,]{0,40}?(^|\s)(ان|إن|أن)\s/.test(doc.norm.text.slice(p.end, p.end + 60));
}

export function buildFrames(doc: Doc, clauseList: readonly Clause[], cues: readonly CueMention[], published: string | null): Frame[] {
  const cueBuckets = bucket(cues, clauseList);
  const bySentence = new Map<number, Set<CueKind>>();
  // background cues reach forward only: "… في الهجوم، وهو الأحدث في سلسلة …" leaves the first clause news
  const backgroundSoFar: Set<CueKind>[] = [];
  let running = new Set<CueKind>();
  clauseList.forEach((cl, k) => {
    const set = bySentence.get(cl.sentence) ?? new Set<CueKind>();
    if (k === 0 || (clauseList[k - 1] as Clause).sentence !== cl.sentence) running = new Set<CueKind>();
    for (const c of cueBuckets[k] as CueMention[]) {
      set.add(c.kind);
      if (c.kind === 'background' || c.kind === 'background_weak') running.add(c.kind);
    }
    backgroundSoFar[k] = new Set(running);
    bySentence.set(cl.sentence, set);
  });
  const by = {
    triggers: bucket(doc.triggers, clauseList),
    dates: bucket(doc.dates, clauseList),
    sentenceDates: bucket(doc.dates, doc.sentences),
    casualties: bucket(doc.casualties, clauseList),
    places: bucket(doc.places, clauseList),
    actors: bucket(doc.actors, clauseList),
  };
  const frames: Frame[] = [];
  const leadCues = bySentence.get(clauseList[0]?.sentence ?? 0) ?? new Set<CueKind>();
  clauseList.forEach((clause, k) => {
    const sentenceCues = bySentence.get(clause.sentence) ?? new Set<CueKind>();
    const clauseCues = (cueBuckets[k] as CueMention[]).filter((c) => inside(c, clause));
    const triggers = (by.triggers[k] as TriggerMention[])
      .filter((t) => inside(t, clause) && !cancelled(doc, t, clauseCues, sentenceCues, leadCues))
      .map((t) => disrupted(doc, t, clauseCues));
    const s = doc.sentences[clause.sentence] ?? { start: 0, end: 0 };
    // a date starting in the clause is the clause's, even when its bracketed weekday runs past the cut: ظهر أمس (الاثنين)
    const dates = by.dates[k] as DateMention[];
    const sentenceDates = (by.sentenceDates[clause.sentence] ?? []).filter((d) => inside(d, s));
    const casualties = by.casualties[k] as CasualtyMention[];
    const killed = casualties.some((c) => c.role === 'killed' && !c.cumulative && c.best > 0);
    const maxWeight = Math.max(0, ...triggers.map((t) => t.weight));
    // an act dated after publication is planned or expected, not reported (… the trial on Tuesday next)
    const future = !!published && dates.some((d) => d.date && d.date > published);
    const eventive = !future && (maxWeight >= 0.5 || (maxWeight > 0 && killed));
    const frameDates = dates.length ? dates : sentenceDates;
    const sentenceHasQad = /(^|\s)قد\s/.test(doc.norm.text.slice(s.start, s.end));
    const past = frameDates.some((d) => isPastDate(d, published));
    const earlier = frameDates.some((d) => d.date && published && d.date < published && daysBetween(d.date, published) > 1);
    const bg = backgroundSoFar[k] as Set<CueKind>;
    const background = bg.has('background') || past || (bg.has('background_weak') && (sentenceHasQad || earlier));
    // a place right after "على بعد … من" or "في تصريح أدلى به في" is a reference point, not the incident's place
    // (only the first place after the cue: أطلق من صعدة على جازان — Jazan is where it fell)
    // (with its bracketed alias: من بلدة عين العرب (كوباني))
    const inClause = (by.places[k] as PlaceMention[]).filter((p) => inside(p, clause));
    const refs = new Set<PlaceMention>();
    for (const c of clauseCues) {
      // (a base or airport aircraft flew from: only in a clause about aircraft, طائرات … من قاعدة طبرق الجوية)
      const airOrigin = c.kind === 'air_origin' && clauseCues.some((x) => x.kind === 'air');
      if (c.kind !== 'place_ref' && c.kind !== 'speech_place' && !airOrigin) continue;
      // (the place may begin inside the cue phrase: باستخدام قاعدة العديد, where قاعدة is part of the key)
      let at = inClause.findIndex((p) => p.start >= c.start && p.end > c.end && p.start - c.end <= 30);
      if (at < 0) continue;
      refs.add(inClause[at] as PlaceMention);
      while (at + 1 < inClause.length) {
        const prev = inClause[at] as PlaceMention;
        const next = inClause[at + 1] as PlaceMention;
        if (!/^[\s()«»"]*$/.test(doc.norm.text.slice(prev.end, next.start))) break;
        refs.add(next);
        at++;
      }
    }
    const own = inClause.filter((p) => !refs.has(p));
    const seat = own.filter((p) => sourceSeat(doc, p));
    frames.push({
      clause,
      triggers,
      places: seat.length ? own.filter((p) => !seat.includes(p)) : own,
      sourcePlaces: seat,
      dates,
      sentenceDates,
      casualties,
      actors: (by.actors[k] as ActorMention[]).filter((a) => inside(a, clause)),
      cues: clauseCues,
      sentenceCues,
      eventive,
      background,
    });
  });
  return frames;
}
