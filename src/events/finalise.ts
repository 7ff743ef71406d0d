// Draft → EventRecord: typing with ACLED's ranking, actors by role, date, place, fatalities, sources, evidence.
import { createHash } from 'node:crypto';
import type { ActorEntry, ActorMention, CasualtyMention, DateMention, Doc, TriggerMention } from '../pipeline/doc.ts';
import type { Recognisers } from '../pipeline/recognisers.ts';
import { rawSpan } from '../text/normalize.ts';
import type { Claim, Doubt, EventRecord, Span } from '../types.ts';
import { bestPlace, type Draft, telling } from './assemble.ts';
import { isPastDate } from './frames.ts';
import type { CueKind } from './lexicon.ts';
import { disorderType } from './lexicon.ts';
import { notesAr, notesEn } from './notes.ts';
import { type AllianceLexicon, allied, assignRoles, type RoledActor, type RoleLexicon } from './roles.ts';
import { chooseType } from './typing.ts';

/** Largest toll read as one event's fatalities; larger figures are cumulative tolls in practice. */
export const MAX_EVENT_FATALITIES = 1000;

/** ACLED inter codes that are armed (state, rebel, militias, external). */
const ARMED = new Set([1, 2, 3, 4, 8]);

export interface FinaliseContext {
  doc: Doc;
  rec: Recognisers;
  roles: RoleLexicon;
  alliances: AllianceLexicon;
  /** ISO2 codes of the article's country focus, most salient first */
  countries: string[];
  /** article-level default date (lede) when an event names none */
  defaultDate: DateMention | null;
  /** armed actors in a victim role anywhere in the article, most frequent first */
  victimsByFrequency: ActorEntry[];
}

/** Armed actors the article puts in a victim role, most frequent first. */
export function articleVictims(doc: Doc, roles: RoleLexicon): ActorEntry[] {
  const counts = new Map<string, { e: ActorEntry; n: number }>();
  for (const r of assignRoles(doc, roles, doc.actors, doc.triggers, doc.sources)) {
    if (r.role !== 'victim' || !ARMED.has(r.mention.actor.inter) || /^Government of /.test(r.mention.actor.name)) continue;
    const c = counts.get(r.mention.actor.name) ?? { e: r.mention.actor, n: 0 };
    c.n++;
    counts.set(r.mention.actor.name, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.e);
}

const span = (doc: Doc, m: { start: number; end: number }): Span => rawSpan(doc.norm, m.start, m.end);

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function pickActors(
  roledIn: RoledActor[],
  ctx: FinaliseContext,
  country: string | null,
  civilianVictims: boolean,
  personBombing: boolean,
  clash: boolean,
): { a1: ActorMention | ActorEntry | null; a2: ActorMention | ActorEntry | null; assoc1: ActorMention[]; assoc2: ActorMention[] } {
  const name = (x: ActorMention | ActorEntry | null) => (x ? ('actor' in x ? x.actor.name : x.name) : null);
  // a government as such (الحكومة) speaks and decides; it is not a party to the fighting
  const roled = roledIn.filter((r) => !(r.mention.actor.kind === 'state' && /^Government of /.test(r.mention.actor.name)));
  const agents = roled.filter((r) => r.role === 'agent').map((r) => r.mention);
  const victims = roled.filter((r) => r.role === 'victim').map((r) => r.mention);
  const neutral = roled.filter((r) => r.role === 'none').map((r) => r.mention);
  const speakers = roled.filter((r) => r.role === 'source' && ARMED.has(r.mention.actor.inter)).map((r) => r.mention);
  const assoc = roled.filter((r) => r.role === 'assoc').map((r) => r.mention);
  const isCivil = (m: ActorMention) => m.actor.inter === 7;
  // state forces acting with militias lead (ACLED): among co-agents the state comes before a rebel group or
  // militia named first, but not before a multinational force (طائرات التحالف … الطائرات الإماراتية)
  const armedAgents = agents.filter((m) => !isCivil(m));
  const firstAgent = armedAgents[0];
  let a1: ActorMention | ActorEntry | null =
    (firstAgent && firstAgent.actor.inter !== 8 ? armedAgents.find((m) => m.actor.inter === 1) : undefined) ??
    firstAgent ??
    neutral.find((m) => !isCivil(m) && !victims.some((v) => v.actor.id === m.actor.id)) ??
    null;
  // a military speaker announcing its own strike (أعلنت القيادة … مقتل …) is the actor; police and ministries are not
  if (!a1 && speakers.length && victims.length)
    a1 =
      speakers.find(
        (s) => (s.actor.inter !== 1 || /^Military Forces/.test(s.actor.name)) && !victims.some((v) => v.actor.id === s.actor.id),
      ) ?? null;
  // a battle told only by its losses on both sides (قتل 9 من الحوثيين و6 من المقاومة): the two sides, in order
  if (!a1 && clash) {
    const sides = uniqueBy(
      victims.filter((m) => !isCivil(m) && ARMED.has(m.actor.inter)),
      (m) => m.actor.name,
    );
    if (sides.length >= 2) a1 = sides[0] as ActorMention;
  }
  let a2: ActorMention | ActorEntry | null = victims.find((m) => name(m) !== name(a1)) ?? null;
  if (!a2) a2 = neutral.find((m) => name(m) !== name(a1) && !agents.includes(m)) ?? null;
  if ((!a2 || isCivil(a2 as ActorMention)) && civilianVictims && country) a2 = ctx.rec.actorFor('civilians', country) ?? a2;
  // bombs (not from the air) that kill people with no armed target named hit civilians
  if (!a2 && personBombing && country) a2 = ctx.rec.actorFor('civilians', country);
  // still no target: the armed actor the article most often puts on the receiving end (other than actor1)
  if (!a2 && ctx.victimsByFrequency.length) a2 = ctx.victimsByFrequency.find((v) => v.name !== name(a1) && v.inter !== 7) ?? null;
  if (!a1 && country) a1 = ctx.rec.actorFor('unidentified', country);
  const n1 = name(a1);
  const n2 = name(a2);
  const assoc1 = uniqueBy(
    [...assoc, ...agents.filter((m) => m.actor.name !== n1)].filter((m) => m.actor.name !== n1 && m.actor.name !== n2),
    (m) => m.actor.name,
  );
  const assoc2 = uniqueBy(
    victims.filter((m) => m.actor.name !== n2 && m.actor.name !== n1 && !assoc1.includes(m)),
    (m) => m.actor.name,
  );
  return { a1, a2, assoc1, assoc2 };
}

const entryOf = (x: ActorMention | ActorEntry | null): ActorEntry | null => (x ? ('actor' in x ? x.actor : x) : null);

function interaction(i1: number | null, i2: number | null): number | null {
  if (!i1) return null;
  if (!i2) return i1 * 10;
  const [a, b] = i1 <= i2 ? [i1, i2] : [i2, i1];
  return a * 10 + b;
}

function chooseFatalities(cs: CasualtyMention[]): { value: number; low: number | null; high: number | null; m: CasualtyMention | null } {
  // a thousand dead or more in one place and day is a war toll, not one event's fatalities (kept as a claim)
  const killed = cs.filter((c) => c.role === 'killed' && !c.cumulative && !c.explicitZero && !c.subset && c.best < MAX_EVENT_FATALITIES);
  // a precise count beats a vague or mixed one (عشرات القتلى والجرحى) reported for the same incident
  const vague = (c: CasualtyMention) => !!c.mixed || !!(c as { plural?: boolean }).plural;
  const first = killed.find((c) => !vague(c)) ?? killed[0];
  if (!first) return { value: 0, low: null, high: null, m: null };
  const value = first.mixed ? Math.min(first.best, 3) : first.best;
  return { value, low: Math.min(...killed.map((c) => c.low)), high: Math.max(...killed.map((c) => c.high)), m: first };
}

export function finalise(d: Draft, ctx: FinaliseContext, index: number): EventRecord {
  const { doc, rec } = ctx;
  const evidence: Record<string, Span[]> = {};
  const doubts: Doubt[] = [];
  const put = (field: string, m: { start: number; end: number } | null | undefined) => {
    if (!m) return;
    const s = span(doc, m);
    evidence[field] ??= [];
    const list = evidence[field] as Span[];
    if (!list.some((x) => x.start === s.start && x.end === s.end)) list.push(s);
  };
  const cues = new Set<CueKind>(d.frames.flatMap((f) => f.cues.map((c) => c.kind)));
  const triggers = d.frames.flatMap((f) => f.triggers);
  const chosen = chooseType(triggers.length ? triggers : d.inheritedType ? [d.inheritedType] : [], cues);
  for (const t of triggers) put('event_type', t);

  // place and country
  const where = bestPlace(d) ?? d.frames.flatMap((f) => f.sourcePlaces).find((p) => p.choice) ?? null;
  const place = where?.choice ?? null;
  if (where) put('location', where);
  const country = place?.country_code ?? ctx.countries[0] ?? null;
  if (!place) doubts.push({ code: 'place_unresolved', field: 'location', message: 'no resolved place for this event' });

  // casualties
  const casualties = d.casualtiesShared ? [] : d.frames.flatMap((f) => f.casualties);
  const fat = chooseFatalities(casualties);
  if (fat.m) put('fatalities', { start: fat.m.numStart, end: fat.m.end });
  const civ = casualties.filter((c) => c.role === 'killed' && c.civilian);
  const civilianKilled = civ.find((c) => !c.explicitZero);
  const civilianZero = civ.find((c) => c.explicitZero) ?? casualties.find((c) => c.explicitZero && c.civilian);
  const injured = casualties.find((c) => c.role === 'injured' && !c.explicitZero);
  const civilianVictims = casualties.some((c) => c.civilian && !c.explicitZero) || cues.has('civilian_target');

  // actors
  const all = uniqueBy(
    d.frames.flatMap((f) => f.actors),
    (m) => `${m.start}`,
  );
  // "33 مسلحا من تنظيم داعش": the generic word names members of the group that follows, not an unknown group
  const actors = all.filter(
    (m) =>
      !(m.generic && m.actor.kind === 'unidentified') ||
      !all.some(
        (n) =>
          !n.generic &&
          n.start >= m.end &&
          /^\s*من\s*$/.test(doc.norm.text.slice(m.end, n.start).replace(/(^|\s)(تنظيم|عناصر|جماعة|ميليشيا)(?=\s|$)/g, ' ')),
      ),
  );
  // an unnamed force on the receiving end of an incident placed in another country than the article's focus is
  // that country's force (a Saudi border post shelled, in a report focused on Yemen: Saudi soldiers)
  const roled = assignRoles(doc, ctx.roles, actors, triggers, doc.sources).map((r) => {
    const m = r.mention;
    if (r.role === 'agent' || !m.focusRole || !place || m.actor.country === place.country_code) return r;
    const local = rec.actorFor(m.focusRole, place.country_code);
    return local ? { ...r, mention: { ...m, actor: local } } : r;
  });
  const ground = ['Suicide bomb', 'Remote explosive/landmine/IED', 'Grenade'];
  const personBombing = ground.includes(chosen.sub) && casualties.some((c) => (c.role === 'killed' || c.role === 'injured') && c.best > 0);
  const picked = pickActors(roled, ctx, country, civilianVictims, personBombing, chosen.type?.event_type === 'Battles');
  let a1 = entryOf(picked.a1);
  let a2 = entryOf(picked.a2);
  // aircraft belong to states and coalitions: an air strike (not a drone) "by" an armed group has the roles reversed
  const stateLike = (x: ActorEntry | null) => !!x && (x.inter === 1 || x.inter === 8 || x.kind === 'coalition' || x.kind === 'external');
  if (chosen.sub === 'Air/drone strike' && !cues.has('drone') && a1 && a2 && !stateLike(a1) && stateLike(a2)) {
    [a1, a2] = [a2, a1];
    [evidence.actor1, evidence.actor2] = [evidence.actor2 ?? [], evidence.actor1 ?? []];
  }
  // air strikes are flown by the military, not the police
  if (chosen.sub === 'Air/drone strike' && a1?.kind === 'state' && /^Police Forces of /.test(a1.name) && a1.country) {
    a1 = rec.actorFor('military', a1.country) ?? a1;
    delete evidence.actor1;
  }
  // state forces do not plant bombs or blow themselves up in these reports: they are the target, or the side hit
  if ((chosen.sub === 'Suicide bomb' || chosen.sub === 'Remote explosive/landmine/IED') && a1 && a1.inter === 1) {
    if (a2 && a2.inter !== 1 && a2.inter !== 7 && ARMED.has(a2.inter)) {
      [a1, a2] = [a2, a1];
      [evidence.actor1, evidence.actor2] = [evidence.actor2 ?? [], evidence.actor1 ?? []];
    } else if (country) {
      if (!a2 || a2.inter === 7) a2 = a2 ?? a1;
      if (a2 === a1) delete evidence.actor2;
      a1 = rec.actorFor('unidentified', country);
      delete evidence.actor1;
    }
  }
  // allies are not each other's target: the second becomes an associate and another target is sought
  if (a1 && a2 && allied(ctx.alliances, a1.name, a2.name)) {
    const ally = picked.a2 && 'actor' in picked.a2 ? picked.a2 : null;
    if (ally && !picked.assoc1.some((m) => m.actor.name === ally.actor.name)) {
      picked.assoc1.push(ally);
      put('assoc_actor_1', ally);
    }
    delete evidence.actor2;
    const target = a1;
    a2 =
      ctx.victimsByFrequency.find((v) => v.name !== target.name && !allied(ctx.alliances, target.name, v.name) && v.inter !== 7) ??
      (civilianVictims && country ? rec.actorFor('civilians', country) : null);
  }
  for (const [field, x] of [
    ['actor1', picked.a1],
    ['actor2', picked.a2],
  ] as const)
    if (x && 'actor' in x) put(field, x);
  for (const m of picked.assoc1) put('assoc_actor_1', m);
  for (const m of picked.assoc2) put('assoc_actor_2', m);

  // type adjustments by actors (ACLED: armed vs armed = Battles; attack on unarmed civilians = VAC)
  // no trigger word: deaths from the air are an air strike; armed against armed a clash; else an attack
  let eventType =
    chosen.type?.event_type ??
    (cues.has('air')
      ? 'Explosions/Remote violence'
      : // deaths with no trigger word and no armed side hit (مسلح يقتل شخصين): violence against civilians
        (a2 && a2.inter === 7) || (!a2 && a1?.kind === 'unidentified')
        ? 'Violence against civilians'
        : 'Battles');
  let sub = chosen.type ? chosen.sub : cues.has('air') ? 'Air/drone strike' : eventType === 'Battles' ? 'Armed clash' : 'Attack';
  // a raid or arrest campaign in which people were killed is fighting (or, against civilians, violence against them)
  if (eventType === 'Strategic developments' && sub === 'Arrests' && fat.value > 0) {
    eventType = 'Battles';
    sub = 'Armed clash';
  }
  // protesters in violent confrontation (مواجهات، اشتباكات، شغب) are a riot; without violence a protest
  // a protest trigger, or protesters among the parties (مواجهات مع المتظاهرين)
  const protesterParty = [a1, a2].some((x) => x && (x.kind === 'protesters' || x.kind === 'rioters'));
  const protest =
    triggers.find((t) => t.event_type === 'Protests') ??
    (protesterParty ? ({ event_type: 'Protests', sub_event_type: 'Protest with intervention' } as TriggerMention) : undefined);
  const clashed = triggers.some((t) => t.event_type === 'Battles' && t.sub_event_type === 'Armed clash' && t.weight >= 0.5);
  if (protest && (eventType === 'Battles' || eventType === 'Riots' || fat.value > 0 || clashed)) {
    eventType = 'Riots';
    sub = 'Violent demonstration';
  } else if (protest && eventType !== 'Protests' && eventType !== 'Explosions/Remote violence') {
    eventType = 'Protests';
    sub = protest.sub_event_type;
  }
  // a withdrawal forced by the other side's advance (… ما أجبر المسلحين على الانسحاب) is ground taken in battle, by that side
  if (sub === 'Non-violent transfer of territory' && cues.has('forced')) {
    // (the side forced out is the victim of أجبر: role-cues.tsv)
    eventType = 'Battles';
    sub = 'Government regains territory';
  }
  if (eventType === 'Battles' && a2?.inter === 7) {
    eventType = 'Violence against civilians';
    sub = 'Attack';
  }
  // who takes the ground decides the sub-type; an unknown taker is read from whom it was taken from
  const stateForce = (x: ActorEntry | null) => !!x && (x.inter === 1 || x.kind === 'state');
  // coalitions fight on a government's side (the Saudi-led coalition for Yemen's, the global one for Iraq's)
  const governmentSide = (x: ActorEntry | null) => stateForce(x) || x?.kind === 'pro-government' || x?.kind === 'coalition';
  // a foiled attack is the foiling side's act (ACLED: the forces that disrupt it are actor1)
  if (sub === 'Disrupted weapons use' && a1 && a2 && !governmentSide(a1) && governmentSide(a2)) {
    [a1, a2] = [a2, a1];
    [evidence.actor1, evidence.actor2] = [evidence.actor2 ?? [], evidence.actor1 ?? []];
  }
  if (eventType === 'Battles' && (sub === 'Government regains territory' || sub === 'Non-state actor overtakes territory')) {
    const taker = a1 && a1.kind !== 'unidentified' ? governmentSide(a1) : !governmentSide(a2);
    sub = taker ? 'Government regains territory' : 'Non-state actor overtakes territory';
  }
  if (eventType === 'Protests' || eventType === 'Riots') {
    const role = eventType === 'Riots' ? 'rioters' : 'protesters';
    {
      const p = country ? rec.actorFor(role, country) : null;
      if (p && p.name !== a1?.name) {
        // the forces they faced become actor2; a named movement leading them stays as an associate
        const faced = [a1, a2].find((x) => x && x.inter === 1) ?? null;
        if (a1 && a1.inter !== 1 && a1.inter !== 7 && a1.kind !== 'protesters' && a1.kind !== 'rioters')
          picked.assoc1.unshift(
            ...roled
              .filter((r) => r.mention.actor === a1)
              .map((r) => r.mention)
              .slice(0, 1),
          );
        a2 = faced ?? (a2 && a2.inter !== 7 ? a2 : null);
        a1 = p;
      }
    }
  }
  // ACLED: a peaceful protest has protesters alone (interaction 60); the forces that step in make it a protest with
  // intervention, the cause or target protested against is no party
  const intervened = triggers.some((t) => t.sub_event_type === 'Arrests' || t.sub_event_type === 'Protest with intervention');
  if (sub === 'Peaceful protest' && stateForce(a2) && intervened) {
    // protesters arrested or dispersed by the forces named: a protest with intervention
    sub = 'Protest with intervention';
  } else if (sub === 'Peaceful protest' && a2) {
    a2 = null;
    delete evidence.actor2;
    delete evidence.assoc_actor_2;
    picked.assoc2 = [];
  }
  // an arrest announced by a government (أعلنت السلطات المغربية اعتقال 8 أشخاص … باسم داعش) is made by its forces;
  // the group the arrested are tied to is the other side
  if (sub === 'Arrests' && a1 && !stateForce(a1) && place?.country_code) {
    const cc = place.country_code;
    const announced = roled.some((r) => r.role === 'source' && r.mention.actor.country === cc && stateForce(r.mention.actor));
    const police = announced ? rec.actorFor('police', cc) : null;
    if (police) {
      a2 = a1;
      a1 = police;
      evidence.actor2 = evidence.actor1 ?? [];
      delete evidence.actor1;
    }
  }
  if (eventType === 'Violence against civilians' && !a2 && country) a2 = rec.actorFor('civilians', country);
  // unnamed groups and civilians are named by where the incident happened (an Egyptian report of a bombing in Abha:
  // Unidentified Armed Group (Saudi Arabia))
  const local = (x: ActorEntry | null): ActorEntry | null => {
    if (!x || !place?.country_code || x.country === place.country_code) return x;
    if (x.kind !== 'unidentified' && x.kind !== 'civilians') return x;
    return rec.actorFor(x.kind, place.country_code) ?? x;
  };
  a1 = local(a1);
  a2 = local(a2);
  // ACLED: attackers who die count — a suicide bomber who blew himself up is one more death
  const bombers = sub === 'Suicide bomb' ? (cues.has('bomber2') ? 2 : cues.has('bomber') ? 1 : 0) : 0;
  const fatalities = fat.value + bombers;

  // date
  // the clause's own date first; a date elsewhere in the sentence only when it is not a past one (background)
  const published = doc.meta.published ?? null;
  // (a date in the clause of a trigger or toll before one borrowed from elsewhere in a sentence)
  // (a news incident takes no date from a clause told as background: يذكر أن … في 20 يونيو الماضي)
  const dating = d.background ? d.frames : d.frames.filter((f) => !f.background);
  const own = dating.filter((f) => telling(f) && f.dates.length).flatMap((f) => f.dates);
  const frameDates = [
    ...own,
    ...dating.flatMap((f) => (f.dates.length ? f.dates : f.sentenceDates.filter((x) => d.background || !isPastDate(x, published)))),
  ].filter((x) => x.date);
  // a lone time of day (ظهرا) is the publication day only when nothing else dates the incident
  const weak = frameDates.find((x) => x.weak) ?? null;
  const date = frameDates.find((x) => !x.weak) ?? (d.background ? weak : (ctx.defaultDate ?? weak));
  if (date) put('event_date', date);
  let eventDate = date?.date ?? null;
  let precision: 1 | 2 | 3 = date?.precision ?? 1;
  if (!eventDate && !d.background && doc.meta.published) {
    eventDate = doc.meta.published;
    precision = 1;
    doubts.push({ code: 'date_unresolved', field: 'event_date', message: 'no date in the text: publication date used' });
  }
  if (!eventDate) doubts.push({ code: 'date_unresolved', field: 'event_date', message: 'no date could be fixed' });

  // sources: attributions whose scope covers the event's clauses; else the outlet
  // the sources of the clauses that report the incident itself (its triggers or its toll), else of any of its clauses
  const core = d.frames.filter(
    (f) =>
      f.triggers.length > 0 ||
      f.casualties.length > 0 ||
      f.cues.some((c) => c.kind === 'anaphora') ||
      // who did it to whom (أفاد مصدر أن قوات الجيش نفذت عمليتها على مواقع الحوثيين)
      (f.actors.length > 0 && !f.background),
  );
  const covering = (fs: typeof d.frames) =>
    doc.sources.filter((s) => fs.some((f) => s.scope.start < f.clause.end && s.scope.end > f.clause.start));
  const srcs = covering(core).length ? covering(core) : covering(d.frames);
  for (const s of srcs) put('sources', s);
  let sources = uniqueBy(
    srcs.map((s) => s.source),
    (x) => x,
  );
  // the outlet stands as the source when no one else is named — unless the metadata says the outlet is unknown
  const outletKnown = doc.meta.source && !/\b(not recorded|unknown|n\/a)\b/i.test(doc.meta.source);
  if (sources.length === 0 && outletKnown) sources = [rec.outletSource(doc.meta.source as string)];

  const claims: Claim[] = [];
  for (const c of casualties.filter((x) => x.role === 'killed' && !x.cumulative)) {
    const src = srcs.find((s) => c.start >= s.scope.start && c.end <= s.scope.end)?.source ?? sources[0] ?? 'unattributed';
    claims.push({ source: src, field: c.civilian ? 'civilian_fatalities' : 'fatalities', value: c.best, span: span(doc, c) });
  }
  const figures = new Set(claims.filter((c) => c.field === 'fatalities').map((c) => c.value));
  if (figures.size > 1)
    doubts.push({ code: 'fatalities_conflict', field: 'fatalities', message: `different figures reported: ${[...figures].join(', ')}` });

  const inter1 = a1?.inter ?? null;
  const inter2 = a2?.inter ?? null;
  const conf = Math.min(1, (chosen.type?.weight ?? 0.4) * (place ? 1 : 0.7) * (eventDate ? 1 : 0.85) * (a1 ? 1 : 0.8));
  const record: EventRecord = {
    event_id: `${doc.meta.id}-${index + 1}`,
    background: d.background,
    event_date: eventDate,
    time_precision: precision,
    disorder_type: disorderType(eventType),
    event_type: eventType,
    sub_event_type: sub,
    plover_type: chosen.type?.plover || undefined,
    actor1: a1?.name ?? null,
    inter1,
    assoc_actor_1: picked.assoc1.map((m) => m.actor.name),
    actor2: a2?.name ?? null,
    inter2,
    assoc_actor_2: picked.assoc2.map((m) => m.actor.name),
    interaction: interaction(inter1, inter2),
    country: place?.country ?? (country ? rec.countryName(country) : null),
    iso: place?.country_code ?? country,
    admin1: place?.admin1 ?? null,
    admin2: place?.admin2 ?? null,
    admin3: place?.admin3 ?? null,
    location: place?.name ?? null,
    location_ar: where ? span(doc, where).text : null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    geo_precision: place?.geo_precision ?? null,
    geonames_id: place?.geonames_id ?? null,
    fatalities,
    fatalities_low: fat.low === null ? null : fat.low + bombers,
    fatalities_high: fat.high === null ? null : fat.high + bombers,
    injuries: injured ? injured.best : null,
    sources,
    notes: '',
    confidence: Math.round(conf * 100) / 100,
    claims,
    doubts,
    evidence,
  };
  if (civilianKilled) {
    record.civilian_fatalities = civilianKilled.best;
    put('civilian_fatalities', { start: civilianKilled.numStart, end: civilianKilled.end });
  } else if (civilianZero) {
    record.civilian_fatalities = 0;
    put('civilian_fatalities', civilianZero);
  }
  if (injured) put('injuries', { start: injured.numStart, end: injured.end });
  record.notes = notesEn(record);
  record.notes_ar = notesAr(record);
  return record;
}

/** Stable id from the article hash and the event's evidence. */
export function eventId(sha: string, e: EventRecord): string {
  const h = createHash('sha1')
    .update(`${sha}|${e.event_date}|${e.location}|${e.event_type}|${(e.evidence.event_type ?? [])[0]?.start ?? ''}`)
    .digest('hex');
  return h.slice(0, 12);
}
