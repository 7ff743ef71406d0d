// ACLED event typing of an incident from its trigger words: ACLED's ranking when tactics mix (a raid with fire
// from aircraft is one Battles event), the most specific sub-event type of explosions, territory changes of battles.
import type { TriggerMention } from '../pipeline/doc.ts';
import type { CueKind } from './lexicon.ts';

const TYPE_RANK: Record<string, number> = {
  Battles: 5,
  'Explosions/Remote violence': 4,
  'Violence against civilians': 3,
  Riots: 2,
  Protests: 2,
  'Strategic developments': 1,
};

const ERV_SPECIFICITY: Record<string, number> = {
  'Suicide bomb': 6,
  'Chemical weapon': 5,
  'Air/drone strike': 4,
  'Remote explosive/landmine/IED': 3,
  'Shelling/artillery/missile attack': 2,
  Grenade: 1,
};

export function chooseType(triggers: TriggerMention[], cues: Set<CueKind>): { type: TriggerMention | null; sub: string } {
  if (triggers.length === 0) return { type: null, sub: '' };
  const scored = [...triggers].sort((a, b) => {
    const ra = a.weight >= 0.75 ? (TYPE_RANK[a.event_type] ?? 0) : 0;
    const rb = b.weight >= 0.75 ? (TYPE_RANK[b.event_type] ?? 0) : 0;
    return rb - ra || b.weight - a.weight;
  });
  let top = scored[0] as TriggerMention;
  // deaths from the air beside only weak, generic triggers (عملية، هجوم): an air strike
  if (cues.has('air') && top.weight < 0.6 && !triggers.some((t) => t.event_type === 'Explosions/Remote violence'))
    top = { ...top, event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', plover: 'ASSAULT:aerial', weight: 0.6 };
  let sub = top.sub_event_type;
  if (top.event_type === 'Explosions/Remote violence') {
    for (const t of triggers)
      if (t.event_type === top.event_type && (ERV_SPECIFICITY[t.sub_event_type] ?? 0) > (ERV_SPECIFICITY[sub] ?? 0)) sub = t.sub_event_type;
    // قصف alone is read from the air around it, unless guns or rockets are named (قصف المدفعية)
    if (sub === 'Shelling/artillery/missile attack' && cues.has('air') && !cues.has('artillery')) sub = 'Air/drone strike';
  }
  if (top.event_type === 'Battles') {
    const capture = triggers.find((t) => /territory$/.test(t.sub_event_type) && t.weight >= 0.6);
    if (capture) sub = 'Government regains territory';
  }
  return { type: top, sub };
}
