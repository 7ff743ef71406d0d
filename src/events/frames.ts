// Frames: what each clause says about an incident (triggers, places, dates, casualties, actors, cues),
// with non-events filtered out (negated, future, denied, sport, accidents).
import type { ActorMention, CasualtyMention, DateMention, Doc, PlaceMention, TriggerMention } from '../pipeline/doc.ts';
import type { Clause } from './clauses.ts';
import type { CueKind, CueMention } from './lexicon.ts';

export interface Frame {
  clause: Clause;
  triggers: TriggerMention[];
  places: PlaceMention[];
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

/** Token index of a normalised offset (first token starting at or after it). */
function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.tokens[mid] as { start: number }).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is a trigger cancelled by a nearby negation, or by a future/threat/denial cue in its clause? */
function cancelled(doc: Doc, t: TriggerMention, clauseCues: CueMention[], sentenceCues: Set<CueKind>): boolean {
  const ti = tokenAt(doc, t.start);
  for (const c of clauseCues) {
    if (c.kind === 'negation' && c.to <= ti && ti - c.to <= 2) return true;
    if (c.kind === 'future') return true;
  }
  if (sentenceCues.has('denial')) return true;
  if ((sentenceCues.has('sport') || sentenceCues.has('accident')) && t.weight < 0.85) return true;
  return false;
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

export function buildFrames(
  doc: Doc,
  clauseList: readonly Clause[],
  cues: readonly CueMention[],
  published: string | null,
): Frame[] {
  const bySentence = new Map<number, Set<CueKind>>();
  for (const c of cues) {
    const cl = clauseList.find((k) => c.start >= k.start && c.start < k.end);
    if (!cl) continue;
    const set = bySentence.get(cl.sentence) ?? new Set<CueKind>();
    set.add(c.kind);
    bySentence.set(cl.sentence, set);
  }
  const sentenceRange = (si: number) => doc.sentences[si] ?? { start: 0, end: 0 };
  const frames: Frame[] = [];
  for (const clause of clauseList) {
    const sentenceCues = bySentence.get(clause.sentence) ?? new Set<CueKind>();
    const clauseCues = cues.filter((c) => inside(c, clause));
    const triggers = doc.triggers.filter((t) => inside(t, clause) && !cancelled(doc, t, clauseCues, sentenceCues));
    const s = sentenceRange(clause.sentence);
    const dates = doc.dates.filter((d) => inside(d, clause));
    const sentenceDates = doc.dates.filter((d) => inside(d, s));
    const casualties = doc.casualties.filter((c) => c.start < clause.end && c.end > clause.start);
    const killed = casualties.some((c) => c.role === 'killed' && !c.cumulative && c.best > 0);
    const maxWeight = Math.max(0, ...triggers.map((t) => t.weight));
    const eventive = maxWeight >= 0.5 || (maxWeight > 0 && killed);
    const frameDates = dates.length ? dates : sentenceDates;
    const hasQad = doc.tokens.slice(clause.from, clause.to).some((t) => t.text === 'قد');
    const sentenceHasQad = hasQad || /(^|\s)قد\s/.test(doc.norm.text.slice(s.start, s.end));
    const past = frameDates.some((d) => isPastDate(d, published));
    const earlier = frameDates.some((d) => d.date && published && d.date < published && daysBetween(d.date, published) > 1);
    const background =
      sentenceCues.has('background') || past || (sentenceCues.has('background_weak') && (sentenceHasQad || earlier));
    frames.push({
      clause,
      triggers,
      places: doc.places.filter((p) => inside(p, clause)),
      dates,
      sentenceDates,
      casualties,
      actors: doc.actors.filter((a) => inside(a, clause)),
      cues: clauseCues,
      sentenceCues,
      eventive,
      background,
    });
  }
  return frames;
}
