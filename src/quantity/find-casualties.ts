// Casualty counts in a document: "مقتل 27 شخصا"، "64 قتيلا"، "وإصابة 15"، "مقتل جنديين"، "عدم وقوع ضحايا مدنيين".
// Each count gets a role (killed, injured, arrested …), a civilian flag, and flags for mixed killed+wounded
// figures, subsets (بينهم 5 أطفال), cumulative tolls (منذ بداية …) and explicit zeros.
import type { CasualtyMention, CasualtyRole } from '../pipeline/doc.ts';
import type { NormText } from '../text/normalize.ts';
import type { Range } from '../text/segment.ts';
import { type Token, tokenIndexAt } from '../text/tokenize.ts';
import type { CasualtyWord, CasualtyWordType, QuantityLexicon } from './lexicon.ts';
import { type NumberPhrase, parseNumberAt } from './parse-number.ts';

/** Counts above this are not casualty figures of one report (no value is invented from them). */
const MAX_COUNT = 1_000_000;
/** How many words may stand between a cue and its count (مقتل ما لا يقل عن … is inside the number phrase). */
const MAX_GAP = 3;
/** Window (tokens) searched around a count for a cumulative cue (منذ بداية …). */
const CUMULATIVE_WINDOW = 10;

const ROLES = new Set<string>(['killed', 'injured', 'arrested', 'kidnapped', 'displaced', 'missing']);

interface Hit {
  word: CasualtyWord;
  prefix: string;
}

/** The first reading of `type` among a token's clitic forms. */
function wordOf(tok: Token | undefined, lex: QuantityLexicon, type: CasualtyWordType): Hit | null {
  if (tok?.kind !== 'ar') return null;
  for (let k = 0; k < tok.forms.length; k++) {
    const ws = lex.casualty.get(tok.forms[k] as string);
    const w = ws?.find((x) => x.type === type);
    if (w) return { word: w, prefix: tok.prefixes[k] ?? '' };
  }
  return null;
}

/** How far (in tokens) a list of named persons after one casualty (… العريف فلان، والجندي فلان) is read. */
const MAX_NAMED_LIST = 40;
const isBreak = (t: Token | undefined): boolean => !t || t.kind === 'punct' || t.kind === 'num';
const roleOf = (w: CasualtyWord | undefined | null): CasualtyRole | null =>
  w?.role && ROLES.has(w.role) ? (w.role as CasualtyRole) : null;

/** Is the token a role cue (trigger noun/verb or plural victim noun)? Returns the role. */
function cueRole(tok: Token | undefined, lex: QuantityLexicon): { role: CasualtyRole; conj: boolean } | null {
  const h = wordOf(tok, lex, 'trigger') ?? wordOf(tok, lex, 'victim');
  const role = roleOf(h?.word);
  return h && role ? { role, conj: h.prefix.startsWith('و') } : null;
}

function isDateWord(tok: Token | undefined, lex: QuantityLexicon): boolean {
  if (tok?.kind !== 'ar') return false;
  return tok.forms.some((f) => lex.monthWords.has(f) || lex.weekdayWords.has(f));
}

/** Civilian victims named in the few words after index k (قتيلا من المدنيين، 3 أطفال، مدنيا). */
function civilianNear(tokens: readonly Token[], k: number, end: number, lex: QuantityLexicon): boolean {
  for (let j = k; j < Math.min(end, k + 4); j++) {
    const t = tokens[j];
    if (isBreak(t)) return false;
    if (wordOf(t, lex, 'trigger') || wordOf(t, lex, 'verb-after')) return false;
    if (wordOf(t, lex, 'person')?.word.civilian) return true;
    if (j > k && wordOf(t, lex, 'victim')) return false;
  }
  return false;
}

/** A cumulative cue near the count: منذ (not منذ ساعات / منذ ثلاثة أيام), إجمالي, or a long span after the count
 * (خلال 3 أشهر، على مدى أسابيع). */
function cumulativeNear(tokens: readonly Token[], from: number, to: number, sa: number, sb: number, lex: QuantityLexicon): boolean {
  // (a long span closes the clause the toll is told in, a little further off: … قتلوا وجرح 400 آخرون خلال أسبوعين)
  for (let j = Math.max(sa, from - CUMULATIVE_WINDOW); j < Math.min(sb, to + CUMULATIVE_WINDOW + 6); j++) {
    if (j >= from && j < to) continue;
    const over = j >= to && wordOf(tokens[j], lex, 'span-over');
    if (!over && (j >= to + CUMULATIVE_WINDOW || !wordOf(tokens[j], lex, 'cumulative'))) continue;
    let k = j + 1;
    const np = parseNumberAt(tokens, k, lex);
    if (np) k = np.to;
    if (over) {
      // (a dual span, أسبوعين، شهرين, reads as a number too)
      if (wordOf(tokens[k], lex, 'span-long') || wordOf(tokens[j + 1], lex, 'span-long')) return true;
      continue;
    }
    if (wordOf(tokens[k], lex, 'cumulative-not')) continue;
    return true;
  }
  return false;
}

function tokenRange(tokens: readonly Token[], r: Range): [number, number] {
  // binary search for the first token of the range (a linear scan from 0 made long texts quadratic)
  const a = tokenIndexAt(tokens, r.start);
  let b = a;
  while (b < tokens.length && (tokens[b] as Token).end <= r.end) b++;
  return [a, b];
}

interface Draft {
  role: CasualtyRole;
  from: number;
  to: number;
  numFrom: number;
  numTo: number;
  np: Pick<NumberPhrase, 'value' | 'low' | 'high' | 'qualifier'>;
  civilian: boolean;
  mixed: boolean;
  subset: boolean;
  explicitZero: boolean;
  plural?: boolean;
}

/** All casualty counts of a document, in text order. */
export function findCasualties(doc: { norm: NormText; tokens: Token[]; sentences: Range[] }, lex: QuantityLexicon): CasualtyMention[] {
  const { tokens } = doc;
  const out: CasualtyMention[] = [];
  const sentences = doc.sentences.length ? doc.sentences : [{ start: 0, end: doc.norm.text.length }];
  for (const s of sentences) {
    const [sa, sb] = tokenRange(tokens, s);
    const drafts: Draft[] = [];
    const usedNoun = new Set<number>();
    // 1. counts written as numbers (digits, words, vague quantifiers)
    const phrases: NumberPhrase[] = [];
    for (let i = sa; i < sb; ) {
      const np = parseNumberAt(tokens, i, lex);
      if (np && np.to <= sb) {
        phrases.push(np);
        i = np.to;
      } else i++;
    }
    for (const np of phrases) {
      const d = countDraft(tokens, np, sa, sb, lex, drafts);
      if (d) {
        drafts.push(d);
        for (let k = d.numTo; k < d.to; k++) usedNoun.add(k);
      }
    }
    // 2. counts carried by the noun itself: مقتل جندي، سقوط قتيلين، إصابة طفلين
    const inPhrase = (k: number) => phrases.some((p) => k >= p.from && k < p.to);
    for (let k = sa; k < sb; k++) {
      if (usedNoun.has(k) || inPhrase(k)) continue;
      const t = tokens[k];
      const victim = wordOf(t, lex, 'victim');
      const vRole = roleOf(victim?.word);
      if (victim && vRole && victim.word.count && !wordOf(tokens[k - 1], lex, 'mixed-cue') && !inPhrase(k - 1)) {
        drafts.push(nounDraft(vRole, k, k, victim.word.count, civilianNear(tokens, k + 1, sb, lex), false));
        continue;
      }
      const trig = wordOf(t, lex, 'trigger');
      const tRole = roleOf(trig?.word);
      if (!trig || !tRole) continue;
      const plural = wordOf(tokens[k + 1], lex, 'plural-victims');
      if (plural?.word.count && !plural.prefix.startsWith('و') && !inPhrase(k + 2) && !inPhrase(k + 1) && !usedNoun.has(k + 1)) {
        usedNoun.add(k + 1);
        const d = nounDraft(tRole, k, k + 1, plural.word.count, civilianNear(tokens, k + 1, sb, lex), false);
        d.plural = true;
        drafts.push(d);
        continue;
      }
      // مقتل أحد الجنود، استشهد أحد المجاهدين: one of them
      const one = wordOf(tokens[k + 1], lex, 'one-of');
      const ofWhom = tokens[k + 2];
      if (one && !one.prefix && ofWhom?.kind === 'ar' && !usedNoun.has(k + 1) && !inPhrase(k + 1)) {
        const noun = wordOf(ofWhom, lex, 'person') ?? wordOf(ofWhom, lex, 'plural-victims');
        if (noun || ofWhom.text.startsWith('ال')) {
          usedNoun.add(k + 1);
          usedNoun.add(k + 2);
          const d = nounDraft(tRole, k, k + 2, 1, !!noun?.word.civilian || civilianNear(tokens, k + 3, sb, lex), false);
          d.numFrom = k + 1;
          drafts.push(d);
          continue;
        }
      }
      // an active verb, its subject, then one person as its object (قتل مسلحون ضابطا، اغتال مسلحون مجهولون شرطيا): the
      // object's accusative ending marks it
      const object = objectAfterSubject(tokens, k, sb, lex);
      if (object >= 0 && !usedNoun.has(object) && !inPhrase(object)) {
        usedNoun.add(object);
        const obj = wordOf(tokens[object], lex, 'person');
        drafts.push(nounDraft(tRole, k, object + 1, 1, !!obj?.word.civilian || civilianNear(tokens, object + 1, sb, lex), false));
        continue;
      }
      const person = wordOf(tokens[k + 1], lex, 'person');
      if (!person?.word.count || inPhrase(k + 2) || usedNoun.has(k + 1)) continue;
      if (person.prefix && !/^(ال|لل|ل|بال)?$/.test(person.prefix)) continue; // وفاة لطفلة
      usedNoun.add(k + 1);
      const civ = person.word.civilian || civilianNear(tokens, k + 2, sb, lex);
      const d = nounDraft(tRole, k, k + 1, person.word.count, civ, false);
      // استشهاد العريف فلان، والجندي فلان، والجندي فلان: each named person after و adds one; so does one joined
      // right after the first (مقتل رجل وزوجته، استشهاد طفل وامرأة)
      if (person.word.count === 1) {
        const joined = wordOf(tokens[k + 2], lex, 'person');
        if (joined?.word.count === 1 && joined.prefix.startsWith('و') && !usedNoun.has(k + 2) && !inPhrase(k + 2)) {
          usedNoun.add(k + 2);
          d.np = { value: d.np.value + 1, low: d.np.low + 1, high: d.np.high + 1 };
          d.to = k + 3;
          if (joined.word.civilian) d.civilian = true;
        }
        for (let j = k + 2; j < Math.min(sb, k + 2 + MAX_NAMED_LIST); j++) {
          const t = tokens[j] as Token;
          if (t.kind === 'num' || (t.kind === 'punct' && t.text !== '،' && t.text !== ',')) break;
          if (wordOf(t, lex, 'trigger') || wordOf(t, lex, 'victim')) break;
          const next = wordOf(t, lex, 'person');
          if (next?.word.count === 1 && next.prefix.startsWith('و') && tokens[j - 1]?.kind === 'punct' && !usedNoun.has(j)) {
            usedNoun.add(j);
            d.np = { value: d.np.value + 1, low: d.np.low + 1, high: d.np.high + 1 };
            d.to = j + 1;
          }
        }
      }
      drafts.push(d);
    }
    // 3. explicit zeros: عدم وقوع ضحايا مدنيين، لم تسفر عن إصابات
    for (let k = sa; k < sb; k++) {
      if (!wordOf(tokens[k], lex, 'neg')) continue;
      for (let j = k + 1; j < Math.min(sb, k + 7); j++) {
        const zn = wordOf(tokens[j], lex, 'zero-noun');
        const zRole = roleOf(zn?.word);
        if (zn && zRole) {
          const civ = civilianNear(tokens, j + 1, sb, lex);
          const roles: CasualtyRole[] = zRole === 'injured' ? ['killed', 'injured'] : [zRole];
          for (const role of roles) {
            drafts.push({
              role,
              from: k,
              to: j + 1,
              numFrom: j,
              numTo: j + 1,
              np: { value: 0, low: 0, high: 0 },
              civilian: civ,
              mixed: false,
              subset: false,
              explicitZero: true,
            });
          }
          k = j;
          break;
        }
        if (!wordOf(tokens[j], lex, 'zero-link')) break;
      }
    }
    for (const d of drafts) {
      const first = tokens[d.from] as Token;
      const last = tokens[d.to - 1] as Token;
      const nFirst = tokens[d.numFrom] as Token;
      const nLast = tokens[d.numTo - 1] as Token;
      const m: CasualtyMention = {
        start: first.start,
        end: last.end,
        role: d.role,
        low: d.np.low,
        best: d.np.value,
        high: d.np.high,
        civilian: d.civilian,
        numStart: nFirst.start + cliticLen(nFirst, lex),
        numEnd: nLast.end,
      };
      if (d.explicitZero) m.explicitZero = true;
      else if (cumulativeNear(tokens, d.numFrom, d.numTo, sa, sb, lex)) m.cumulative = true;
      if (d.mixed) m.mixed = true;
      if (d.subset) m.subset = true;
      if (d.np.qualifier) m.qualifier = d.np.qualifier;
      if (d.plural) m.plural = true;
      if (!out.some((o) => o.role === m.role && o.numStart === m.numStart && o.explicitZero === m.explicitZero)) out.push(m);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.numStart - b.numStart);
}

/** After the trigger at k: one or two subject words (مسلحون مجهولون، الجيش), none a person noun, number or casualty
 * word, then a singular person noun with the accusative ending (ضابطا، جنديا، طفلا): that noun's index, else -1. */
function objectAfterSubject(tokens: readonly Token[], k: number, sb: number, lex: QuantityLexicon): number {
  for (let j = k + 2; j <= Math.min(k + 3, sb - 1); j++) {
    const between = tokens[j - 1] as Token;
    if (
      between.kind !== 'ar' ||
      wordOf(between, lex, 'person')?.word.count ||
      wordOf(between, lex, 'victim') ||
      wordOf(between, lex, 'trigger')
    )
      return -1;
    const t = tokens[j] as Token;
    const noun = wordOf(t, lex, 'person');
    if (noun?.word.count === 1 && !noun.prefix && t.kind === 'ar' && t.text.endsWith('ا')) return j;
  }
  return -1;
}

/** Length of a proclitic (و، ل، ب) glued to the first word of a number phrase (لثلاثة → ثلاثة). */
function cliticLen(tok: Token, lex: QuantityLexicon): number {
  if (tok.kind !== 'ar') return 0;
  for (let k = 0; k < tok.forms.length; k++) {
    const f = tok.forms[k] as string;
    if (lex.numberWords.has(f) || lex.casualty.has(f)) {
      const p = tok.prefixes[k] ?? '';
      return /^[وفبلك]+$/.test(p) ? p.length : 0;
    }
  }
  const m = lex.quantBefore.matchAt([tok], 0);
  return m && /^[وفبلك]+$/.test(m.prefix) ? m.prefix.length : 0;
}

function nounDraft(role: CasualtyRole, from: number, noun: number, count: number, civilian: boolean, mixed: boolean): Draft {
  return {
    role,
    from,
    to: noun + 1,
    numFrom: noun,
    numTo: noun + 1,
    np: { value: count, low: count, high: count },
    civilian,
    mixed,
    subset: false,
    explicitZero: false,
  };
}

/** A victim noun of the other of killed/injured joined by و (قتيلا وجريحا، بين قتيل وجريح). */
function otherRoleAt(tok: Token | undefined, role: CasualtyRole, lex: QuantityLexicon): boolean {
  const h = wordOf(tok, lex, 'victim');
  if (!h || h.word.count === 2 || wordOf(tok, lex, 'trigger')) return false;
  const r = roleOf(h.word);
  const c = h && r ? { role: r, conj: h.prefix.startsWith('و') } : null;
  if (!c?.conj) return false;
  return (role === 'killed' && c.role === 'injured') || (role === 'injured' && c.role === 'killed');
}

/** A trigger of the other of killed/injured (قتل وجرح). */
function otherTrigger(tok: Token | undefined, role: CasualtyRole, lex: QuantityLexicon): boolean {
  const c = roleOf(wordOf(tok, lex, 'trigger')?.word);
  return (role === 'killed' && c === 'injured') || (role === 'injured' && c === 'killed');
}

/** The casualty reading of one number phrase, or null when it counts something else. */
function countDraft(
  tokens: readonly Token[],
  np: NumberPhrase,
  sa: number,
  sb: number,
  lex: QuantityLexicon,
  previous: readonly Draft[],
): Draft | null {
  if (!Number.isInteger(np.value) || np.value < 0 || np.value > MAX_COUNT) return null;
  const firstTok = tokens[np.from] as Token;
  if (isDateWord(firstTok, lex)) return null;
  const before = tokens[np.from - 1];
  if (wordOf(before, lex, 'not-count-before')) return null;
  // digit dates 12/5/2015 and times 10:30
  if (before?.kind === 'punct' && /[/:\-.]/.test(before.text) && tokens[np.from - 2]?.kind === 'num' && before.start === firstTok.start - 1)
    return null;
  const after = tokens[np.to];
  if (after?.kind === 'punct' && /[/:\-.]/.test(after.text) && tokens[np.to + 1]?.kind === 'num' && after.end === tokens[np.to + 1]?.start)
    return null;
  if (after?.kind === 'punct' && after.text === '%') return null;
  let nounIdx = np.to;
  const ofTok = tokens[nounIdx];
  if (ofTok?.kind === 'ar' && ofTok.text === 'من' && np.to < sb - 1) nounIdx++;
  const noun = nounIdx < sb ? tokens[nounIdx] : undefined;
  if (isDateWord(noun, lex) || wordOf(noun, lex, 'not-count-after')) return null;

  let role: CasualtyRole | null = null;
  let from = np.from;
  let to = np.to;
  let mixed = false;
  let civilian = false;
  const victim = wordOf(noun, lex, 'victim');
  const vRole = roleOf(victim?.word);
  // one of the victims (واحدة من الضحايا، ثلاثة من القتلى): some of a toll already told, no toll of its own
  const partOfToll = !!victim && nounIdx > np.to && noun?.kind === 'ar' && /^(ال|لل)/.test(noun.text);
  if (partOfToll && !previous.length) return null;
  if (victim && vRole) {
    role = vRole;
    to = nounIdx + 1;
    if (otherRoleAt(tokens[nounIdx + 1], vRole, lex)) {
      mixed = true;
      to = nounIdx + 2;
    }
    civilian = civilianNear(tokens, nounIdx + 1, sb, lex);
  } else if (wordOf(noun, lex, 'mixed-cue')) {
    // 15 بين قتيل وجريح
    const a = cueRole(tokens[nounIdx + 1], lex);
    if (a && otherRoleAt(tokens[nounIdx + 2], a.role, lex)) {
      role = 'killed';
      mixed = true;
      to = nounIdx + 3;
    }
  }
  // subset: … بينهم 5 أطفال
  let subset = false;
  const sub = wordOf(before, lex, 'subset') ?? (before?.text === 'من' ? wordOf(tokens[np.from - 2], lex, 'subset') : null);
  if (sub || partOfToll) {
    const prev = previous[previous.length - 1];
    if (prev) {
      subset = true;
      role ??= prev.role;
    }
  }
  if (!role) {
    // a cue before the count: مقتل 27، قتل الجيش 5، وأصيب فيه أكثر من 82
    let words = 0;
    // ارتفع عدد القتلى منذ بداية الحملة إلى 300: a toll rising "to" a figure reaches further back
    const gap = before && /^(الي|الى)$/.test(before.text) ? MAX_GAP + 5 : MAX_GAP;
    for (let k = np.from - 1; k >= sa && words <= gap; k--) {
      const t = tokens[k];
      if (t && t.kind === 'punct' && /^[#@_]$/.test(t.text)) continue; // hashtags: قتلت طائرات #التحالف 21
      words++;
      if (isBreak(t)) break;
      const c = cueRole(t, lex);
      if (c) {
        role = c.role;
        from = k;
        const other = tokens[k - 1];
        // (قتل وجرح 400: one toll of both; but قتلوا وجرح 400: a plural verb closes the clause of its own subject)
        if (c.conj && k - 1 >= sa && wordOf(t, lex, 'trigger') && otherTrigger(other, c.role, lex) && !/وا$/.test(other?.text ?? '')) {
          mixed = true;
          role = 'killed';
          from = k - 1;
        } else if (cueRole(tokens[k + 1], lex)?.conj && k + 1 < np.from && otherTrigger(tokens[k + 1], c.role, lex)) {
          mixed = true;
          role = 'killed';
        }
        break;
      }
    }
  }
  if (!role) {
    // … و6 من مقاتلي المقاومة / إضافة إلى ثلاثة من العاملين: the previous count's role
    const prev = previous[previous.length - 1];
    const lead = wordOf(firstTok, lex, 'continue') ? null : firstTok;
    const joined =
      (lead && lead.kind === 'ar' && lead.text.startsWith('و') && lead.forms.length > 1) ||
      wordOf(before, lex, 'continue') ||
      (before?.text === 'و' && before.end === firstTok.start);
    // an explicit "in addition to" (إضافة إلى) reaches further than a bare و
    const strong = !!before && before.text !== 'و' && !before.text.startsWith('و') && !!wordOf(before, lex, 'continue');
    const strongAt = strong
      ? np.from - 1
      : wordOf(tokens[np.from - 2], lex, 'continue') && /^(الي|الى|ل|على|علي|عن)$/.test(before?.text ?? '')
        ? np.from - 2
        : -1;
    const reach = strongAt >= 0 ? 14 : 6;
    if (prev && !prev.explicitZero && prev.to <= np.from && np.from - prev.to <= reach && joined) {
      // a breakdown list (منهم 12 من الجنود، وثلاثة عمال) may separate its items with commas
      const listed = strongAt >= 0 || prev.subset;
      let clean = true;
      for (let k = prev.to; k < np.from; k++) {
        const t = tokens[k] as Token;
        if (t.kind === 'num' || (t.kind === 'punct' && (!listed || !/^[،,"«»]$/.test(t.text)))) clean = false;
      }
      if (clean) {
        role = prev.role;
        if (prev.subset) subset = true;
      }
    }
  }
  const person = wordOf(noun, lex, 'person');
  if (!role && noun && !isBreak(noun)) {
    // 18 مجندا أصيبوا
    let words = 0;
    for (let k = nounIdx + 1; k < sb && words < 6; k++) {
      const t = tokens[k];
      if (t && t.kind === 'punct' && /^["«»“”']$/.test(t.text)) continue; // 17 شخصا "استشهدوا"
      words++;
      if (isBreak(t)) break;
      const v = roleOf(wordOf(t, lex, 'verb-after')?.word);
      if (v) {
        role = v;
        to = k + 1;
        break;
      }
    }
  }
  if (!role) return null;
  if (person && noun) {
    to = Math.max(to, nounIdx + 1);
    if (person.word.civilian) civilian = true;
  }
  if (!civilian && !victim) civilian = civilianNear(tokens, nounIdx, sb, lex);
  return {
    role,
    from,
    to,
    numFrom: np.from,
    numTo: np.to,
    np,
    civilian,
    mixed,
    subset,
    explicitZero: false,
  };
}
