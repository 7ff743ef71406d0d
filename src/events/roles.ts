// Actor roles from Arabic structure: who acted (actor1), against whom (actor2), with whom (associates).

import { LexiconError, lexiconPath, loadTsv } from '../lexicon/tsv.ts';
import type { ActorMention, Doc, SourceMention, TriggerMention } from '../pipeline/doc.ts';
import { PhraseIndex } from '../text/phrase-index.ts';
import { tokenIndexAt } from '../text/tokenize.ts';

export type RoleCue = 'victim' | 'agent' | 'assoc' | 'agent_verb' | 'neutral';
const ROLE_CUES: readonly RoleCue[] = ['victim', 'agent', 'assoc', 'agent_verb', 'neutral'];

export type RoleLexicon = PhraseIndex<RoleCue>;

export function loadRoleLexicon(dir?: string): RoleLexicon {
  const t = loadTsv(dir ? `${dir}/role-cues.tsv` : lexiconPath('role-cues.tsv'), ['phrase', 'role']);
  const idx = new PhraseIndex<RoleCue>();
  for (const { line, cells } of t.rows) {
    if (!ROLE_CUES.includes(cells.role as RoleCue)) throw new LexiconError(t.file, line, `unknown role "${cells.role}"`);
    idx.add(cells.phrase as string, cells.role as RoleCue);
  }
  return idx;
}

export type Role = 'agent' | 'victim' | 'assoc' | 'source' | 'none';

export interface RoledActor {
  mention: ActorMention;
  role: Role;
}

/** Token index of the token that starts at or contains `offset`. */
/** The last token starting at or before `offset`. */
function tokenIndex(doc: Doc, offset: number): number {
  const k = tokenIndexAt(doc.tokens, offset + 1) - 1;
  return Math.max(0, k);
}

// cue look-ups repeat for the same token across events; remembered per token array and lexicon
const cueMemo = new WeakMap<readonly unknown[], WeakMap<RoleLexicon, Map<number, RoleCue | null>>>();

/** The role cue ending right before token `i`, or one token earlier (closest first). */
function cueBefore(doc: Doc, lex: RoleLexicon, i: number, span: number): RoleCue | null {
  let perLex = cueMemo.get(doc.tokens);
  if (!perLex) {
    perLex = new WeakMap();
    cueMemo.set(doc.tokens, perLex);
  }
  let memo = perLex.get(lex);
  if (!memo) {
    memo = new Map();
    perLex.set(lex, memo);
  }
  const key = i * 16 + span;
  if (!memo.has(key)) memo.set(key, cueBeforeUncached(doc, lex, i, span));
  return memo.get(key) as RoleCue | null;
}

function cueBeforeUncached(doc: Doc, lex: RoleLexicon, i: number, span: number): RoleCue | null {
  // quotes and brackets around a name do not separate it from its cue («قسد»، (سنتكوم))
  while (i > 0 && /^[«»"“”()]$/.test((doc.tokens[i - 1] as { text: string }).text)) i--;
  for (const gap of [0, 1]) {
    // the longest cue phrase ending `gap` tokens before the name (الذي استهدف over استهدف)
    for (let k = Math.max(0, i - span - 1 - gap); k <= i - 1 - gap; k++) {
      const m = lex.matchAt(doc.tokens, k);
      if (!m || m.to !== i - gap) continue;
      // a longer phrase that only names a unit's parent (قوة من جهاز مكافحة الإرهاب) hides the shorter cue in it
      if (m.values.includes('neutral')) return null;
      for (const role of ['assoc', 'agent_verb', 'agent', 'victim'] as const) {
        if (m.values.includes(role) && (role !== 'agent_verb' || gap === 0)) return role;
      }
    }
  }
  return null;
}

/**
 * Assign a role to each actor mention of an event.
 * `triggers` are the event's triggers; `sources` the attribution mentions (an actor that is a speaker is a 'source').
 */
export function assignRoles(
  doc: Doc,
  lex: RoleLexicon,
  actors: readonly ActorMention[],
  triggers: readonly TriggerMention[],
  sources: readonly SourceMention[],
): RoledActor[] {
  const roled = directRoles(doc, lex, actors, triggers, sources);
  // "سيطرت المقاومة الشعبية وقوات الجيش": an actor joined by و to the one before shares its role
  for (let k = 1; k < roled.length; k++) {
    const prev = roled[k - 1] as RoledActor;
    const cur = roled[k] as RoledActor;
    if (cur.role !== 'none' || prev.role === 'none' || prev.role === 'source') continue;
    if (joinedByWa(doc, prev.mention, cur.mention)) roled[k] = { mention: cur.mention, role: prev.role };
  }
  // "القوات العراقية وميليشيات الحشد، استعادت …": the first of a coordinated pair shares the role found for the second
  for (let k = roled.length - 2; k >= 0; k--) {
    const cur = roled[k] as RoledActor;
    const next = roled[k + 1] as RoledActor;
    if (cur.role !== 'none' || next.role !== 'agent') continue;
    if (joinedByWa(doc, cur.mention, next.mention)) roled[k] = { mention: cur.mention, role: 'agent' };
  }
  return roled;
}

/** The verb right before token i follows an event noun of its sentence with no actor or punctuation between, and
 * carries no object pronoun (الهجوم الذي تبناه التنظيم: the resumptive ه leaves the subject after the verb). */
function afterEventNoun(doc: Doc, i: number, actors: readonly ActorMention[], triggers: readonly TriggerMention[]): boolean {
  const verb = doc.tokens[i - 1];
  if (!verb || /(ه|ها|هم|هما)$/.test(verb.text)) return false;
  return triggers.some(
    (t) =>
      t.pos === 'noun' &&
      t.end <= verb.start &&
      verb.start - t.end <= 40 &&
      !/[.،,؛:!?؟\n]/.test(doc.norm.text.slice(t.end, verb.start)) &&
      !actors.some((a) => a.start >= t.end && a.end <= verb.start),
  );
}

/** Two mentions joined only by و (المقاومة الشعبية وقوات الجيش). */
function joinedByWa(doc: Doc, a: ActorMention, b: ActorMention): boolean {
  return /^\s*و?\s*$/.test(doc.norm.text.slice(a.end, b.start)) && doc.norm.text[b.start - 1] === 'و';
}

function directRoles(
  doc: Doc,
  lex: RoleLexicon,
  actors: readonly ActorMention[],
  triggers: readonly TriggerMention[],
  sources: readonly SourceMention[],
): RoledActor[] {
  return actors.map((mention) => {
    const i = tokenIndex(doc, mention.start);
    const tok = doc.tokens[i];
    const cue = cueBefore(doc, lex, i, 3);
    // a claimant (تبنت جماعة X، أعلن X مسؤوليته) acts, even when it is also the source of the claim; but right after an
    // event noun the verb opens a relative clause (هجوم بطائرة مسيرة استهدف القوات الأمريكية: an indefinite noun takes
    // no relative pronoun) and the actor after it is the target
    if (cue === 'agent_verb') return { mention, role: (afterEventNoun(doc, i, actors, triggers) ? 'victim' : 'agent') as Role };
    // Speaker of an attribution cue (قالت القيادة …, بحسب المرصد)
    if (sources.some((s) => mention.start < s.end && s.start < mention.end)) return { mention, role: 'source' as Role };
    // غارة لطيران التحالف، قصف للحوثيين: ل right after a trigger marks the perpetrator
    const prevTrigger = triggers.find((t) => t.end <= mention.start && mention.start - t.end <= 12);
    const lPrefix = tok?.text.startsWith('ل') && (tok.prefixes.some((p) => p.endsWith('ل')) || tok.text.startsWith('لل'));
    if (prevTrigger && lPrefix) return { mention, role: 'agent' as Role };
    // غارة أمريكية: a nationality adjective right after the trigger
    if (prevTrigger && mention.generic && mention.start - prevTrigger.end <= 2) return { mention, role: 'agent' as Role };
    if (cue === 'assoc') return { mention, role: 'assoc' as Role };
    if (cue === 'agent') return { mention, role: 'agent' as Role };
    if (cue === 'victim') return { mention, role: 'victim' as Role };
    // subject right before an active verb trigger: القوات العراقية تمكنت … / X يشن (a comma may stand between)
    const nextTrigger = triggers.find(
      (t) => t.start >= mention.end && /^[\s،,]*$/.test(doc.norm.text.slice(mention.end, t.start)) && t.pos === 'verb',
    );
    if (nextTrigger) return { mention, role: 'agent' as Role };
    return { mention, role: 'none' as Role };
  });
}

/** Actor name → the blocs it belongs to (data/lexicon/alliances.tsv). */
export type AllianceLexicon = Map<string, Set<string>>;

export function loadAlliances(dir?: string): AllianceLexicon {
  const t = loadTsv(dir ? `${dir}/alliances.tsv` : lexiconPath('alliances.tsv'), ['bloc', 'members']);
  const out: AllianceLexicon = new Map();
  for (const { cells } of t.rows)
    for (const m of (cells.members as string)
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const set = out.get(m) ?? new Set<string>();
      set.add(cells.bloc as string);
      out.set(m, set);
    }
  return out;
}

/** Two actors usually on the same side. */
export function allied(lex: AllianceLexicon, a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = lex.get(a);
  const y = lex.get(b);
  return !!x && !!y && [...x].some((bloc) => y.has(bloc));
}
