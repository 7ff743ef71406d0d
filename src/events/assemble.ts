// Event assembly: frames (one per clause) are grouped into incidents — one per actor pair, place and day —
// keeping news apart from background. The result is a list of drafts that `finalise` turns into records.
import type { Doc, PlaceChoice, PlaceMention, TriggerMention } from '../pipeline/doc.ts';
import { tokenIndexAt } from '../text/tokenize.ts';
import type { Frame } from './frames.ts';
import type { CueKind } from './lexicon.ts';
import { chooseType } from './typing.ts';

export interface Draft {
  frames: Frame[];
  background: boolean;
  /** the place the incident is anchored to (its first reported place) */
  place: PlaceMention | null;
  /** the place the incident was first reported at, and every place mention added since */
  firstPlace: PlaceMention | null;
  placeCandidates: PlaceMention[];
  /** true when this event shares a frame with earlier list siblings and must not take its casualties */
  casualtiesShared: boolean;
  /** type inherited from a sibling when the frame has no trigger of its own */
  inheritedType: TriggerMention | null;
  firstSentence: number;
  lastSentence: number;
  /** the latest clause (index) reported for it */
  lastClause: number;
  /** when a frame was last added (drafts are compared most recently reported first) */
  touched: number;
}

/** How far from a city a place "north-east of" it may lie and still be where the phrase points. */
const DIRECTION_REACH_KM = 200;
/** How many earlier incidents a repeated report is compared with. */
const MERGE_WINDOW = 64;
/** How many recently reported incidents a new clause is compared with. */
const RECENT = 16;
const FEATURE_RANK: Record<string, number> = {
  country: 0,
  region: 1,
  admin1: 1,
  admin2: 2,
  admin3: 2,
  locality: 3,
  neighbourhood: 4,
  // a continent, sea or cross-border region: never an incident's place
  'macro-region': -1,
};

export function placeRank(p: PlaceChoice): number {
  const r = FEATURE_RANK[p.feature] ?? 2;
  // a directional phrase around a town (ريف X، شرق X) is coarser than the town itself
  return p.feature === 'region' && p.geo_precision <= 2 ? 2.5 : r;
}

function km(a: PlaceChoice, b: PlaceChoice): number {
  const r = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * r;
  const dLon = (b.longitude - a.longitude) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

export function samePlace(a: PlaceChoice, b: PlaceChoice): boolean {
  if (a.geonames_id && a.geonames_id === b.geonames_id) return true;
  return km(a, b) < 5 && Math.abs(placeRank(a) - placeRank(b)) < 1.5;
}

/** `coarse` contains `fine`: a country or admin1 holds its places; a district or town only what lies close by. */
export function containsPlace(coarse: PlaceChoice, fine: PlaceChoice): boolean {
  if (placeRank(coarse) >= placeRank(fine)) return false;
  if (coarse.country_code !== fine.country_code) return false;
  // a country, or a part of a country with no admin1 (شرق سوريا), contains everything in that country
  if (coarse.feature === 'country' || !coarse.admin1) return true;
  if (coarse.feature === 'admin1') return coarse.admin1 === fine.admin1;
  if (coarse.feature === 'region' && placeRank(coarse) < 2) return coarse.admin1 === fine.admin1;
  if (coarse.feature === 'admin2' && fine.admin2 && fine.admin2 === coarse.name) return true;
  if (coarse.feature === 'admin3' && fine.admin3 && fine.admin3 === coarse.name) return true;
  const radius = coarse.feature === 'region' ? 60 : coarse.feature === 'admin2' ? (fine.feature === 'neighbourhood' ? 8 : 25) : 15;
  return coarse.admin1 === fine.admin1 && km(coarse, fine) < radius;
}

const resolved = (p: PlaceMention | null | undefined): p is PlaceMention & { choice: PlaceChoice } => !!p?.choice;

/** The main place of a frame, or a coordinated list (في البيضاء وحجة وتعز) when the trigger governs several. */
/** How sure the geocoder is of a mention (1 when it does not say). */
const confidence = (p: PlaceMention) => (p as { confidence?: number }).confidence ?? 1;

/** A mention an incident can be placed at: resolved, confident enough, and no continent or sea. */
const usable = (p: PlaceMention): p is PlaceMention & { choice: PlaceChoice } =>
  resolved(p) && confidence(p) >= 0.25 && placeRank(p.choice) >= 0;

/** Rank of a mention for choosing an event's place: specific and confident first. */
const mentionRank = (p: PlaceMention & { choice: PlaceChoice }) =>
  placeRank(p.choice) - (confidence(p) < 0.55 && !p.cue ? 2.5 : 0) + cueBonus(p) + (confidence(p) >= 0.9 ? 0.2 : 0);

/** A cue naming a unit or a town (ناحية، مدينة) vouches for the mention; a natural feature (جبال، وادي) less. */
const cueBonus = (p: PlaceMention) => (!p.cue ? 0 : (p as { cueFeature?: string | null }).cueFeature === 'natural' ? 0.1 : 0.3);

export function framePlaces(doc: Doc, f: Frame): PlaceMention[] {
  const all = f.places.filter(usable);
  // "قضاء البعاج شمال غرب بغداد": a directional phrase right after a place only locates that place
  const ps = all.filter((p, k) => {
    const prev = all[k - 1];
    return !(
      prev &&
      p.choice.feature === 'region' &&
      /^[\s،,]*$/.test(doc.norm.text.slice(prev.end, (p as { phrase?: { start: number } }).phrase?.start ?? p.start))
    );
  });
  if (ps.length === 0) return [];
  // coordinated lists: consecutive mentions joined only by و / ، / and spaces, all of one rank
  const groups: PlaceMention[][] = [];
  let cur: PlaceMention[] = [ps[0] as PlaceMention];
  for (let k = 1; k < ps.length; k++) {
    const prev = cur[cur.length - 1] as PlaceMention;
    const p = ps[k] as PlaceMention;
    // (between the phrases: a cue word before a name, وناحية كنعان, belongs to the name's phrase)
    const phraseStart = (p as { phrase?: { start: number } }).phrase?.start;
    const cueStart = p.cue && phraseStart !== undefined && doc.norm.text[phraseStart] === 'و' ? phraseStart : undefined;
    const gap = doc.norm.text.slice(prev.end, cueStart ?? p.start);
    if (/^[\s،,]*و?\s*$/.test(gap)) cur.push(p);
    else {
      groups.push(cur);
      cur = [p];
    }
  }
  groups.push(cur);
  const before = (p: PlaceMention) => doc.norm.text.slice(Math.max(0, p.start - 12), p.start);
  const list = groups.find(
    (g) =>
      g.length >= 2 &&
      !/(^|\s)بين\s+(\S+\s+)?$/.test(before(g[0] as PlaceMention)) &&
      g.every(
        (p) => Math.abs(placeRank((p as { choice: PlaceChoice }).choice) - placeRank((g[0] as { choice: PlaceChoice }).choice)) <= 1,
      ) &&
      !g.some((p, k) => k > 0 && containsPlace((g[0] as { choice: PlaceChoice }).choice, (p as { choice: PlaceChoice }).choice)),
  );
  const trig = f.triggers[0];
  if (list && trig && (list[0] as PlaceMention).start > trig.start) return list;
  // otherwise the most specific place; on ties the first named; a place the act came "from" (طائرات … من قاعدة
  // طبرق … قبالة ميناء درنة) only when the clause names no other
  const fromPlace = (p: PlaceMention) => {
    const k = tokenIndexAt(doc.tokens, (p as { phrase?: { start: number } }).phrase?.start ?? p.start);
    return doc.tokens[k - 1]?.text === 'من';
  };
  const pool = ps.some((p) => !fromPlace(p)) ? ps.filter((p) => !fromPlace(p)) : ps;
  let best = pool[0] as PlaceMention & { choice: PlaceChoice };
  for (const p of pool) if (mentionRank(p) > mentionRank(best)) best = p;
  return [best];
}

/** The clause's date for telling incidents apart (a lone time of day, ظهرا، never separates two). */
function frameDate(f: Frame): string | null {
  const d = (f.dates.length ? f.dates : f.sentenceDates).find((x) => x.date && !x.weak);
  return d?.date ?? null;
}

// per draft, how far its frames were scanned for a date and what was found (frames are only ever appended)
const dateScan = new WeakMap<Draft, { upTo: number; date: string | null; ownUpTo: number; own: string | null }>();

/** A clause that tells the incident itself (a trigger or a toll), not a circumstance of the report. */
export const telling = (f: Frame) => f.triggers.length > 0 || f.casualties.length > 0;

/**
 * The incident's day so far: a date in a clause that tells the incident (… الهجوم الذي وقع ظهر أمس) before one in
 * a clause around it (يتزامن ذلك مع توجه رئيس الوزراء اليوم …).
 */
function draftDate(d: Draft, ownOnly = false): string | null {
  const memo = dateScan.get(d) ?? { upTo: 0, date: null, ownUpTo: 0, own: null };
  for (; !memo.own && memo.ownUpTo < d.frames.length; memo.ownUpTo++) {
    const f = d.frames[memo.ownUpTo] as Frame;
    if (telling(f)) memo.own = f.dates.find((x) => x.date && !x.weak)?.date ?? null;
  }
  for (; !memo.date && memo.upTo < d.frames.length; memo.upTo++) memo.date = frameDate(d.frames[memo.upTo] as Frame);
  dateScan.set(d, memo);
  return ownOnly ? memo.own : (memo.own ?? memo.date);
}

const cuesOf = (frames: readonly Frame[]) => new Set<CueKind>(frames.flatMap((f) => f.cues.map((c) => c.kind)));

/** The ACLED type ranking gives a clause of its own. */
function frameType(f: Frame): string | undefined {
  return chooseType(f.triggers, cuesOf([f])).type?.event_type;
}

const typeMemo = new WeakMap<Draft, { n: number; type: string | null }>();

/** The ACLED type ranking gives the incident so far (memoised: frames are only ever appended). */
function draftType(d: Draft): string | null {
  const m = typeMemo.get(d);
  if (m && m.n === d.frames.length) return m.type;
  const triggers = d.frames.flatMap((f) => f.triggers);
  const type = chooseType(triggers.length ? triggers : d.inheritedType ? [d.inheritedType] : [], cuesOf(d.frames)).type?.event_type ?? null;
  typeMemo.set(d, { n: d.frames.length, type });
  return type;
}

export function mainType(d: Draft): string | null {
  for (const f of d.frames) for (const t of f.triggers) if (t.weight >= 0.5) return t.event_type;
  return d.inheritedType?.event_type ?? null;
}

/** The clause opens with a cue that introduces another incident (فيما، بينما، كما، والثالث …). */
const opensNewClause = (f: Frame) => f.cues.some((c) => c.kind === 'clause' && c.from === f.clause.from);

/** Per frame, the clause index of the latest clause cue in its sentence up to it (set by `assemble`). */
const topicBreak = new WeakMap<Frame, number>();

export function compatible(doc: Doc, d: Draft, f: Frame, place: PlaceMention | null, isLast: boolean): boolean {
  if (d.background !== f.background) return false;
  // Inside one sentence, clauses describe one incident unless a clause cue or a toll of its own opens another.
  // (… or a place of its own across a border: سوروتش … قبالة مدينة كوباني السورية حيث فجر انتحاري نفسه)
  const a = bestPlace(d)?.choice;
  const b = place?.choice;
  const abroad =
    !!a && !!b && !!f.places.some((p) => p === place) && a.country_code !== b.country_code && placeRank(a) > 0 && placeRank(b) > 0;
  // (… and no clause cue since the incident's last clause: "… 66 قتيلا وجريحا من جهة أخرى أفاد مصدر … بدأت عملية")
  const sinceBreak = (topicBreak.get(f) ?? -1) <= d.lastClause;
  if (isLast && f.clause.sentence === d.lastSentence && !opensNewClause(f) && !killedHere(f) && !abroad && sinceBreak) return true;
  const fd = frameDate(f);
  const dd = draftDate(d);
  if (fd && dd && fd !== dd) return false;
  let sameSpot = false;
  if (a && b) {
    sameSpot = samePlace(a, b);
    if (!sameSpot && !containsPlace(a, b) && !containsPlace(b, a)) return false;
  } else if (!isLast) return false;
  // a frame with no place of its own, of the same type, continues the latest incident however far it is;
  // opening with a clause cue and a toll of its own (كما … بمقتل 19) it is another incident
  if (!b && isLast) {
    // the types ACLED's ranking gives them (هجوم انتحاري … الاعتداء الانتحاري: both suicide bombings)
    const ft0 = f.triggers.some((t) => t.weight >= 0.5) ? frameType(f) : undefined;
    const dt0 = draftType(d);
    if (opensNewClause(f) && killedHere(f) && f.clause.sentence !== d.lastSentence) return false;
    if (!ft0 || !dt0 || ft0 === dt0) return true;
    // of another type it is another incident (تدمير عجلات مفخخة after a bombing)
    return false;
  }
  const ft = f.triggers.find((t) => t.weight >= 0.5)?.event_type;
  const dt = mainType(d);
  if (ft && dt && ft !== dt) {
    // different tactics at the very same spot are one incident (ACLED ranks them); elsewhere only when adjacent
    const near = f.clause.sentence - d.lastSentence <= 1;
    if (!sameSpot && (!near || (a && b))) return false;
  }
  // a trigger-bearing frame far from the draft starts a new incident unless it names the same spot
  if (ft && !sameSpot && f.clause.sentence - d.lastSentence > 2) return false;
  void doc;
  return true;
}

let touchClock = 0;

function addFrame(d: Draft, f: Frame, place: PlaceMention | null): void {
  d.touched = ++touchClock;
  d.frames.push(f);
  if (place?.choice && !d.placeCandidates.includes(place)) d.placeCandidates.push(place);
  if (!d.firstPlace && place?.choice) d.firstPlace = place;
  d.lastSentence = Math.max(d.lastSentence, f.clause.sentence);
  d.lastClause = Math.max(d.lastClause, f.clause.index);
  if (!d.place && place?.choice) d.place = place;
}

function newDraft(f: Frame, place: PlaceMention | null, shared: boolean, inherited: TriggerMention | null): Draft {
  return {
    touched: ++touchClock,
    frames: [f],
    background: f.background,
    place,
    firstPlace: place?.choice ? place : null,
    placeCandidates: place?.choice ? [place] : [],
    casualtiesShared: shared,
    inheritedType: inherited,
    firstSentence: f.clause.sentence,
    lastSentence: f.clause.sentence,
    lastClause: f.clause.index,
  };
}

/** Deaths caused by a named armed actor, or from the air, without a trigger word (قتلت طائرات التحالف 21 عنصرا). */
function casualtyFrame(f: Frame): boolean {
  if (!killedHere(f) || f.sentenceCues.has('accident') || f.sentenceCues.has('sport')) return false;
  return f.actors.some((a) => a.actor.inter !== 7);
}

const killedHere = (f: Frame) => f.casualties.some((c) => c.role === 'killed' && !c.cumulative && c.best > 0 && !c.explicitZero);

/**
 * A clause that names no place, a sentence or more after a side incident, speaks of the article's lead incident
 * again ("واذا ثبتت مسؤولية التنظيم عن التفجير" after a paragraph on a second blast): salience, not recency.
 */
function returnsToLead(f: Frame, latest: Draft, lead: Draft): boolean {
  if (lead === latest || f.clause.sentence - latest.lastSentence < 2) return false;
  const ft = f.triggers.some((t) => t.weight >= 0.5) ? frameType(f) : undefined;
  return !ft || ft === draftType(lead);
}

/** Group frames into event drafts. */
export function assemble(doc: Doc, frames: readonly Frame[]): Draft[] {
  const drafts: Draft[] = [];
  const eventiveAny = frames.some((f) => f.eventive);
  // an article about an accident (تحطم طائرة، حريق) yields no incident from its death toll alone
  const accident = frames.some((f) => f.sentenceCues.has('accident'));
  if (!eventiveAny && (accident || !frames.some(casualtyFrame))) return drafts;
  let lastPlaceBySentence = new Map<number, PlaceMention>();
  // information clauses that open a sentence whose incident comes later in it wait for that incident
  const opensIncident = (f: Frame) => f.eventive || casualtyFrame(f);
  const pending: Frame[] = [];
  // sentence (and the stretch after its latest clause cue) where an incident was already opened
  const openedIn = new Set<string>();
  const stretch = (f: Frame) => `${f.clause.sentence}:${topicBreak.get(f) ?? -1}`;
  // every incident that took the clause gets the waiting ones (members of a coordinated list share them; only the
  // first counts their toll)
  const flushInto = (ds: Draft[]) => {
    const waiting = pending.splice(0);
    for (const d of ds)
      for (const p of waiting) {
        d.frames.push(p);
        for (const pl of p.places) if (usable(pl) && !d.placeCandidates.includes(pl)) d.placeCandidates.push(pl);
      }
  };
  // per frame, looking ahead within its sentence (one backward sweep, so long texts stay linear):
  // does a later clause open a news incident, and what type does the next eventive clause carry?
  const laterOpens: boolean[] = new Array(frames.length).fill(false);
  const laterEventive: boolean[] = new Array(frames.length).fill(false);
  const laterPlace: boolean[] = new Array(frames.length).fill(false);
  const nextType: Array<string | undefined> = new Array(frames.length).fill(undefined);
  for (let k = frames.length - 2; k >= 0; k--) {
    const f = frames[k] as Frame;
    const g = frames[k + 1] as Frame;
    if (g.clause.sentence !== f.clause.sentence) continue;
    laterOpens[k] = laterOpens[k + 1] || (opensIncident(g) && !g.background);
    laterEventive[k] = laterEventive[k + 1] || (g.eventive && !g.background);
    laterPlace[k] = laterPlace[k + 1] || g.places.some((p) => usable(p) && placeRank(p.choice) > 1);
    nextType[k] = (g.eventive ? g.triggers.find((t) => t.weight >= 0.5)?.event_type : undefined) ?? nextType[k + 1];
  }
  // the incidents reported on most recently, newest first (kept short: long texts have hundreds of incidents)
  let mru: Draft[] = [];
  const byRecency = (_all: readonly Draft[]) => mru;
  const remember = (createdFrom: number) => {
    const seen = new Set<Draft>();
    mru = [...mru, ...drafts.slice(createdFrom)]
      .filter((d) => !seen.has(d) && seen.add(d))
      .sort((a, b) => b.touched - a.touched)
      .slice(0, RECENT);
  };
  let breakAt = -1;
  for (const [fi, f] of frames.entries()) {
    if (fi === 0 || (frames[fi - 1] as Frame).clause.sentence !== f.clause.sentence) breakAt = -1;
    if (opensNewClause(f)) breakAt = f.clause.index;
    topicBreak.set(f, breakAt);
  }
  for (const [fi, f] of frames.entries()) {
    const createdFrom = drafts.length;
    processFrame(fi, f);
    remember(createdFrom);
  }
  function processFrame(fi: number, f: Frame): void {
    if (pending.length && (pending[0] as Frame).clause.sentence !== f.clause.sentence) pending.length = 0;
    // (only clauses before the sentence's first incident: "الهجوم الذي ضرب … وأسفر عن مقتل 15" tells of the one before)
    const prevInSentence = frames[fi - 1];
    const openedBefore = !!prevInSentence && prevInSentence.clause.sentence === f.clause.sentence && openedIn.has(stretch(f));
    // a toll told first (أن اثنين من عناصر الصحوة قتلا … بتفجير عبوة في X) waits for the incident its sentence names
    const waits = !opensIncident(f) ? laterOpens[fi] : !f.eventive && laterEventive[fi];
    if (waits && !openedBefore) {
      pending.push(f);
      return;
    }
    if (opensIncident(f)) openedIn.add(stretch(f));
    let places = framePlaces(doc, f);
    // "وفي محافظتي لحج وأبين، قتل …": the places of the waiting opening clauses are this incident's places
    if (places.length === 0 && pending.length) {
      for (const p of [...pending].reverse()) {
        // the incident stated after the opening clause governs a coordinated list there (as a trigger before it would)
        const governing = { ...(f.triggers[0] ?? ({ weight: 0.5 } as TriggerMention)), start: -1, end: -1 };
        const pp = framePlaces(doc, { ...p, triggers: [governing] });
        if (pp.length) {
          places = pp;
          break;
        }
      }
    }
    // a clause without a place of its own inherits the place of the previous clause in its sentence
    if (places.length === 0) {
      const inherited = lastPlaceBySentence.get(f.clause.sentence);
      if (inherited) places = [inherited];
    } else lastPlaceBySentence.set(f.clause.sentence, places[places.length - 1] as PlaceMention);
    const casualtyOnly = !f.eventive && casualtyFrame(f);
    // "ووقع الهجوم …" with no place of its own: a definite reference back to the incident, not a new one
    const ownPlaces = f.places.some((p) => p.choice);
    const anaphoric =
      f.eventive &&
      !ownPlaces &&
      // … unless its own sentence just named places or a toll (وفي لحج وأبين، قتل 9 … من الاشتباكات)
      !pending.some((p) => p.places.some((x) => x.choice) || p.casualties.length > 0) &&
      f.triggers
        .filter((t) => t.weight >= 0.5)
        .every((t) => f.cues.some((c) => c.kind === 'anaphora' && c.start <= t.start && c.end >= t.end));
    // a weak, generic trigger (هجوم، صواريخ) placed only at country or province level opens no incident of its own
    const weak =
      f.eventive &&
      !killedHere(f) &&
      frameStrength(f) < 0.6 &&
      // (with no place yet, the clauses after it may name one: انسحب المسلحون … من أجزاء من المدينة … شمال عدن)
      (places.length > 0 || !laterPlace[fi]) &&
      places.every((p) => !p.choice || placeRank(p.choice) <= 1);
    if (weak && !anaphoric) {
      const last = byRecency(drafts)[0];
      if (
        last &&
        !last.background &&
        !f.background &&
        f.clause.sentence - last.lastSentence <= 1 &&
        compatible(doc, last, f, places[0] ?? null, true)
      )
        addFrame(last, f, places[0] ?? null);
      return;
    }
    if ((f.eventive && !anaphoric) || casualtyOnly) {
      places.forEach((place, k) => {
        const recent = byRecency(drafts).slice(0, 4);
        const last = recent[0];
        let target: Draft | undefined;
        for (const d of recent) {
          const dp = bestPlace(d)?.choice;
          // a member of a coordinated list (في البيضاء وحجة وتعز) joins only an incident at that very spot
          // a toll without a trigger takes the type of the trigger that follows in its sentence (… خلال 24 ساعة من الاشتباكات)
          const ft = f.triggers.find((t) => t.weight >= 0.5)?.event_type ?? nextType[fi];
          if (places.length > 1 && (!(dp && place?.choice && samePlace(dp, place.choice)) || (ft && mainType(d) !== ft))) continue;
          if (compatible(doc, d, f, place, d === last)) {
            target = d;
            break;
          }
        }
        if (target && !(places.length > 1 && target.frames.includes(f))) addFrame(target, f, place);
        else drafts.push(newDraft(f, place, k > 0, null));
      });
      if (places.length === 0) {
        // the latest incident of the same standing (news or background) is the one this continues
        let last = byRecency(drafts).find((d) => d.background === f.background);
        // paragraphs after a side incident that name no place return to the article's lead incident
        const lead = drafts.find((d) => d.background === f.background);
        if (last && lead && returnsToLead(f, last, lead) && compatible(doc, lead, f, null, true)) last = lead;
        if (last && compatible(doc, last, f, null, true)) addFrame(last, f, null);
        else drafts.push(newDraft(f, null, false, null));
      }
      if (pending.length) {
        flushInto(drafts.filter((d) => d.frames.includes(f)));
      }
      return;
    }
    // An information-only clause (place, date, casualties, actors without a trigger) adds to the incident
    // it follows; with its own casualties and a new place it is a sibling incident (… والثالث في X مقتل 7).
    // A definite reference (العملية، الهجوم …) points back to the latest news incident, however far.
    // a sentence about an accident (تحطم طائرة، حادث سير) tells nothing of the incidents around it
    if (f.sentenceCues.has('accident') && !f.eventive) return;
    const refersBack = anaphoric || f.sentenceCues.has('anaphora');
    let last = refersBack ? byRecency(drafts).find((d) => !d.background && !f.background) : byRecency(drafts)[0];
    const lead = drafts.find((d) => !d.background);
    if (refersBack && last && lead && !f.background && returnsToLead(f, last, lead)) last = lead;
    if (!last || (!refersBack && f.clause.sentence - last.lastSentence > 1)) return;
    if (last.background !== f.background) return;
    const fd = frameDate(f);
    // a definite reference dated in its own clause (الهجوم الذي وقع ظهر أمس) outweighs dates around the report
    const ld = draftDate(last, refersBack && telling(f));
    if (fd && ld && fd !== ld) return;
    const place = places[0] ?? null;
    const lpm = last.firstPlace ?? last.place;
    const lp = lpm?.choice;
    const np = place?.choice;
    const newSpot =
      lp &&
      np &&
      !samePlace(lp, np) &&
      !containsPlace(lp, np) &&
      !containsPlace(np, lp) &&
      !(resolved(place) && resolved(lpm) && pointsTowards(lpm, place));
    // "… والثالث في X، مقتل 7": a clause opened by a cue with its own toll and its own place is a sibling incident
    const sibling = opensNewClause(f) && np && lp && !samePlace(lp, np);
    if ((newSpot || sibling) && killedHere(f) && f.clause.sentence === last.lastSentence) {
      const inherited = last.frames.flatMap((x) => x.triggers).find((t) => t.weight >= 0.5) ?? last.inheritedType;
      drafts.push(newDraft(f, place, false, inherited ?? null));
    } else if (!newSpot) {
      addFrame(last, f, place);
    }
  }
  lastPlaceBySentence = new Map();
  return mergeRepeats(drafts);
}

/**
 * One incident reported twice in an article (the lede at the town, a later paragraph at the town again or at its
 * province: أبها … منطقة عسير) is one event: same standing, same type, same day or no day, and one place at or
 * inside the other's province. Coordinated lists never merge (their members are distinct spots).
 */
export function mergeRepeats(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const a = bestPlace(d)?.choice;
    const t = draftType(d);
    // the latest incidents only, so that long texts stay linear
    const host = out.slice(-MERGE_WINDOW).find((o) => {
      if (o.background !== d.background || !t || draftType(o) !== t) return false;
      const od = draftDate(o);
      const dd = draftDate(d);
      if (od && dd && od !== dd) return false;
      const b = bestPlace(o)?.choice;
      if (!a || !b) return false;
      if (samePlace(a, b)) return !d.casualtiesShared && !o.casualtiesShared;
      const wide = (p: PlaceChoice) => placeRank(p) <= 1;
      return (wide(a) && containsPlace(a, b)) || (wide(b) && containsPlace(b, a));
    });
    if (!host) {
      out.push(d);
      continue;
    }
    const had = new Set(host.frames);
    for (const f of d.frames) if (!had.has(f)) host.frames.push(f);
    const placed = new Set(host.placeCandidates);
    for (const p of d.placeCandidates) if (!placed.has(p)) host.placeCandidates.push(p);
    host.lastSentence = Math.max(host.lastSentence, d.lastSentence);
    host.lastClause = Math.max(host.lastClause, d.lastClause);
    // the town, not the province, when the host was placed only at the province
    const hp = host.firstPlace?.choice;
    const dp = d.firstPlace?.choice;
    if (hp && dp && placeRank(dp) > placeRank(hp) && containsPlace(hp, dp)) host.firstPlace = d.firstPlace;
  }
  return out;
}

/**
 * The event's place: the most specific, best-vouched mention among those reported for it that lies at or
 * inside the place the incident was first reported at (chosen at the end, not greedily).
 */
const bestMemo = new WeakMap<Draft, { n: number; first: PlaceMention | null; best: PlaceMention | null }>();

/** How strongly a frame's triggers signal an incident: its strongest trigger weight, and at least a battle word's
 * when a seizing trigger (استولى، سيطروا) has a military target in its clause (استولى المسلحون على معسكر للجيش في
 * محافظة حجة: taking ground). */
export function frameStrength(f: Frame): number {
  const strongest = Math.max(0, ...f.triggers.map((t) => t.weight));
  const seizesSite = f.triggers.some((t) => t.plover.startsWith('SEIZE')) && f.cues.some((c) => c.kind === 'armed_target');
  return seizesSite ? Math.max(strongest, 0.85) : strongest;
}

export function bestPlace(d: Draft): PlaceMention | null {
  const memo = bestMemo.get(d);
  if (memo && memo.n === d.placeCandidates.length && memo.first === d.firstPlace) return memo.best;
  const best = computeBestPlace(d);
  bestMemo.set(d, { n: d.placeCandidates.length, first: d.firstPlace, best });
  return best;
}

/** "شمال شرق بغداد" first, then "ناحية قرة تبه": a direction from a city only points towards the named place. */
function pointsTowards(dm: PlaceMention & { choice: PlaceChoice }, p: PlaceMention & { choice: PlaceChoice }): boolean {
  const direction = dm.choice;
  // (a confident directional phrase, not a guess at an unknown spot near a town)
  return (
    placeRank(direction) === 2.5 &&
    confidence(dm) >= 0.55 &&
    p.choice.country_code === direction.country_code &&
    placeRank(p.choice) >= 2 &&
    placeRank(p.choice) !== 2.5 &&
    (!!p.cue || confidence(p) >= 0.9) &&
    km(direction, p.choice) < DIRECTION_REACH_KM
  );
}

function computeBestPlace(d: Draft): PlaceMention | null {
  const first = d.firstPlace as (PlaceMention & { choice: PlaceChoice }) | null;
  if (!first) return d.place;
  let best = first;
  const towards = (p: PlaceMention & { choice: PlaceChoice }) => pointsTowards(first, p);
  for (const p of d.placeCandidates as Array<PlaceMention & { choice: PlaceChoice }>) {
    if (p === first) continue;
    // a bare country first (often an actor's name: التحالف الذي تقوده السعودية) does not confine the choice
    const inside = placeRank(first.choice) <= 0 || samePlace(first.choice, p.choice) || containsPlace(first.choice, p.choice);
    if (towards(p) && (best === first || mentionRank(p) > mentionRank(best))) best = p;
    else if (inside && mentionRank(p) > mentionRank(best)) best = p;
  }
  return best;
}
