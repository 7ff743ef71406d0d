// Event lexicons: trigger words → ACLED/PLOVER types, and cue phrases (background, negation, future …).

import { LexiconError, lexiconPath, loadTsv } from '../lexicon/tsv.ts';
import type { Doc, TriggerMention } from '../pipeline/doc.ts';
import { PhraseIndex } from '../text/phrase-index.ts';

export const EVENT_TYPES: Record<string, readonly string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

export function disorderType(eventType: string): string {
  if (eventType === 'Protests' || eventType === 'Riots') return 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

export type TriggerDef = Omit<TriggerMention, 'start' | 'end'>;

export type CueKind =
  | 'background'
  | 'background_weak'
  | 'negation'
  | 'denial'
  | 'future'
  | 'accident'
  | 'sport'
  | 'clause'
  | 'civilian_target'
  | 'air'
  | 'armed_target'
  | 'claim'
  | 'capture'
  | 'anaphora'
  | 'habitual'
  | 'static'
  | 'bomber'
  | 'bomber2'
  | 'place_ref'
  | 'speech_place'
  | 'disrupt'
  | 'halt'
  | 'purpose'
  | 'trial'
  | 'statement'
  | 'drone'
  | 'metaphor'
  | 'not_negation'
  | 'court_place'
  | 'forced'
  | 'threat'
  | 'reference'
  | 'air_origin'
  | 'crime'
  | 'crowd'
  | 'artillery';

const CUE_KINDS: readonly CueKind[] = [
  'background',
  'background_weak',
  'negation',
  'denial',
  'future',
  'accident',
  'sport',
  'clause',
  'civilian_target',
  'air',
  'armed_target',
  'claim',
  'capture',
  'anaphora',
  'habitual',
  'static',
  'bomber',
  'bomber2',
  'place_ref',
  'speech_place',
  'disrupt',
  'halt',
  'purpose',
  'trial',
  'statement',
  'drone',
  'metaphor',
  'not_negation',
  'court_place',
  'forced',
  'threat',
  'reference',
  'air_origin',
  'crime',
  'crowd',
  'artillery',
];

export interface CueMention {
  start: number;
  end: number;
  from: number;
  to: number;
  kind: CueKind;
}

/** Past-tense person/number suffixes a regular verb takes in news: he, she, they, the two (m, f). */
const PAST_SUFFIXES = ['', 'ت', 'وا', 'ا', 'تا'];

/**
 * The other past-tense forms of a phrase opening with a regular past verb (قصفت → قصف، قصفوا …; أطلق النار →
 * أطلقت النار …). Imperfect (يهاجم), weak-final (اعتدى) and object-suffixed (عذبوه) verbs, and phrases whose other
 * words agree with the subject (فجر نفسه، بسطت سيطرتها), are left as written.
 */
export function pastForms(phrase: string): string[] {
  const [verb, ...rest] = phrase.split(' ');
  if (!verb || verb.startsWith('ي') || rest.some((w) => /(ه|ها|هم|هما)$/.test(w))) return [];
  const stem = verb.endsWith('وا') ? verb.slice(0, -2) : verb.endsWith('ت') ? verb.slice(0, -1) : verb;
  if (/[ىاهو]$/.test(stem)) return [];
  if (stem.length < 3) return [];
  return PAST_SUFFIXES.map((x) => [stem + x, ...rest].join(' ')).filter((f) => f !== phrase);
}

export interface EventLexicon {
  triggers: PhraseIndex<TriggerDef>;
  cues: PhraseIndex<CueKind>;
  triggerCount: number;
}

export function loadEventLexicon(dir?: string): EventLexicon {
  const path = (n: string) => (dir ? `${dir}/${n}` : lexiconPath(n));
  const triggers = new PhraseIndex<TriggerDef>();
  const t = loadTsv(path('triggers.tsv'), ['phrase', 'event_type', 'sub_event_type', 'weight']);
  for (const { line, cells } of t.rows) {
    const subs = EVENT_TYPES[cells.event_type as string];
    if (!subs) throw new LexiconError(t.file, line, `unknown ACLED event type "${cells.event_type}"`);
    if (!subs.includes(cells.sub_event_type as string))
      throw new LexiconError(t.file, line, `"${cells.sub_event_type}" is not a sub-event type of ${cells.event_type}`);
    const weight = Number(cells.weight);
    if (!(weight >= 0 && weight <= 1)) throw new LexiconError(t.file, line, `weight must be 0..1, got "${cells.weight}"`);
    const pos = cells.pos || 'noun';
    const def: TriggerDef = {
      key: cells.phrase as string,
      event_type: cells.event_type as string,
      sub_event_type: cells.sub_event_type as string,
      disorder_type: disorderType(cells.event_type as string),
      plover: cells.plover || '',
      weight,
      pos: pos === 'verb-fixed' ? 'verb' : pos,
    };
    triggers.add(cells.phrase as string, def);
    // a past-tense verb stands for its other persons (قصفت → قصف، قصفوا، قصفا، قصفتا); verb-fixed rows do not
    if (pos === 'verb') for (const form of pastForms(cells.phrase as string)) triggers.add(form, def);
  }
  const cues = new PhraseIndex<CueKind>();
  const c = loadTsv(path('event-cues.tsv'), ['phrase', 'cue']);
  for (const { line, cells } of c.rows) {
    if (!CUE_KINDS.includes(cells.cue as CueKind)) throw new LexiconError(c.file, line, `unknown cue "${cells.cue}"`);
    cues.add(cells.phrase as string, cells.cue as CueKind);
  }
  return { triggers, cues, triggerCount: t.rows.length };
}

/** Trigger mentions in the document (longest match; the heaviest definition when a phrase has several). */
export function findTriggers(doc: Pick<Doc, 'tokens'>, lex: EventLexicon): TriggerMention[] {
  return lex.triggers.findAll(doc.tokens).map((m) => {
    const def = [...m.values].sort((a, b) => b.weight - a.weight)[0] as TriggerDef;
    return { ...def, start: m.start, end: m.end };
  });
}

/** All cue mentions; a phrase can carry several kinds. */
export function findCues(doc: Pick<Doc, 'tokens'>, lex: EventLexicon): CueMention[] {
  const out: CueMention[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const m = lex.cues.matchAt(doc.tokens, i);
    if (!m) continue;
    for (const kind of m.values) out.push({ start: m.start, end: m.end, from: m.from, to: m.to, kind });
  }
  return out;
}
