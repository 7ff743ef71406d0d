// Finds actor mentions: named aliases (clitic-aware), nationality phrases (القوات الأمريكية, غارة تركية),
// anaphora (التنظيم after داعش) and generic phrases resolved by the article's countries (قوات النظام, مسلحون).
import type { ActorEntry, ActorMention } from '../pipeline/doc.ts';
import type { NormText } from '../text/normalize.ts';
import type { PhraseMatch } from '../text/phrase-index.ts';
import type { Token } from '../text/tokenize.ts';
import type { ActorHit, ActorLexicon, ActorRole, GenericRow } from './lexicon.ts';
import { ROLE_PREFIX } from './lexicon.ts';

export interface ActorContext {
  /** ISO2 codes, most salient first */
  countries: string[];
}

const PRIORITY: Record<ActorHit['t'], number> = { named: 0, pattern: 1, block: 2, anaphor: 3, generic: 4 };

export function findActors(doc: { norm: NormText; tokens: Token[] }, lex: ActorLexicon, ctx: ActorContext): ActorMention[] {
  const out: ActorMention[] = [];
  const countries = ctx.countries.filter(Boolean);
  const matches = lex.index.findAll(doc.tokens);
  const toks: Array<[number, number]> = [];
  for (const m of matches) {
    const hits = [...m.values].sort((a, b) => PRIORITY[a.t] - PRIORITY[b.t]);
    const mention = resolve(hits, m, doc.tokens, lex, countries, out);
    if (mention) {
      out.push(mention);
      toks.push([m.from, m.to]);
    }
  }
  return affiliate(out, toks, doc.tokens, lex);
}

/**
 * "33 مسلحا من تنظيم داعش"، "مسلحين تابعين للحوثيين": an unnamed fighter noun followed by a link word and a named
 * actor is a member of that actor, not an unidentified group.
 */
function affiliate(out: ActorMention[], toks: Array<[number, number]>, tokens: Token[], lex: ActorLexicon): ActorMention[] {
  return out.map((m, k) => {
    if (!m.generic || m.actor.kind !== 'unidentified') return m;
    const link = lex.links.matchAt(tokens, (toks[k] as [number, number])[1]);
    const next = out[k + 1];
    if (!link || !next || (toks[k + 1] as [number, number])[0] !== link.to) return m;
    // a named group, or an anaphor that refers back to one (مسلحين من التنظيم)
    if (next.generic && !['rebel', 'militia', 'pro-government'].includes(next.actor.kind)) return m;
    return { ...m, actor: next.actor };
  });
}

function resolve(
  hits: ActorHit[],
  m: PhraseMatch<ActorHit>,
  tokens: Token[],
  lex: ActorLexicon,
  countries: string[],
  prev: ActorMention[],
): ActorMention | null {
  for (const h of hits) {
    switch (h.t) {
      case 'named':
        return { start: m.start, end: m.end, actor: h.actor, key: m.key };
      case 'pattern': {
        const actor = resolveTarget(h.target, h.iso2, lex);
        if (actor) return { ...spanOf(m, tokens, h.span), actor, key: m.key, generic: true };
        break;
      }
      case 'block':
        return null;
      case 'anaphor': {
        for (let k = prev.length - 1; k >= 0; k--) {
          const p = prev[k] as ActorMention;
          if (h.ids.includes(p.actor.id)) return { start: m.start, end: m.end, actor: p.actor, key: m.key, generic: true };
        }
        break;
      }
      case 'generic': {
        const pick = pickRow(h.rows, countries);
        if (!pick) break;
        const actor = resolveTarget(pick.row.target, pick.iso2, lex);
        if (!actor) break;
        const mention: ActorMention = { ...spanOf(m, tokens, h.span), actor, key: m.key, generic: true };
        const t = pick.row.target;
        if (pick.row.country === '*' && (t === 'military' || t === 'police')) mention.focusRole = t;
        return mention;
      }
    }
  }
  return null;
}

function spanOf(m: PhraseMatch<ActorHit>, tokens: Token[], span: [number, number]): { start: number; end: number } {
  const from = m.from + span[0];
  const to = Math.min(m.from + span[1], m.to);
  if (span[0] === 0 || from >= to) return { start: m.start, end: from >= to ? m.end : (tokens[to - 1] as Token).end };
  return { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end };
}

/**
 * The generic row that applies: one for the article's main country, else a row for any country (resolved to the
 * main country), else one for another country of the article.
 */
export function pickRow(rows: GenericRow[], countries: string[]): { row: GenericRow; iso2: string } | null {
  const top = countries[0];
  if (!top) return null;
  const own = rows.find((r) => r.country === top);
  if (own) return { row: own, iso2: top };
  const any = rows.find((r) => r.country === '*');
  if (any) return { row: any, iso2: top };
  for (const c of countries.slice(1)) {
    const r = rows.find((x) => x.country === c);
    if (r) return { row: r, iso2: c };
  }
  return null;
}

export function resolveTarget(target: string, iso2: string, lex: ActorLexicon): ActorEntry | null {
  if (target.startsWith('actor:')) return lex.byId.get(target.slice(6)) ?? null;
  if (target in ROLE_PREFIX) return actorFor(target as ActorRole, iso2, lex);
  return null;
}

const ROLE_NAME: Record<ActorRole, { name: (c: { of_name: string; acled: string }) => string; inter: number; kind: string }> = {
  military: { name: (c) => `Military Forces of ${c.of_name}`, inter: 1, kind: 'state' },
  police: { name: (c) => `Police Forces of ${c.acled}`, inter: 1, kind: 'state' },
  government: { name: (c) => `Government of ${c.of_name}`, inter: 1, kind: 'state' },
  unidentified: { name: (c) => `Unidentified Armed Group (${c.acled})`, inter: 3, kind: 'unidentified' },
  civilians: { name: (c) => `Civilians (${c.acled})`, inter: 7, kind: 'civilians' },
  protesters: { name: (c) => `Protesters (${c.acled})`, inter: 6, kind: 'protesters' },
  rioters: { name: (c) => `Rioters (${c.acled})`, inter: 5, kind: 'rioters' },
  tribal: { name: (c) => `Unidentified Tribal Militia (${c.acled})`, inter: 4, kind: 'militia' },
};

/**
 * The generic actor of a role for a country: the actors.tsv row `<prefix>-<iso2>` (mil-iq, civ-ye …) when listed,
 * otherwise one named by ACLED's pattern from countries.tsv. Null for an unknown country.
 */
export function actorFor(role: ActorRole, iso2: string, lex: ActorLexicon): ActorEntry | null {
  const code = iso2.toUpperCase();
  const listed = lex.byId.get(`${ROLE_PREFIX[role]}-${code.toLowerCase()}`);
  if (listed) return listed;
  const c = lex.countries.byIso.get(code);
  if (!c) return null;
  const r = ROLE_NAME[role];
  const entry: ActorEntry = {
    id: `${ROLE_PREFIX[role]}-${code.toLowerCase()}`,
    name: r.name(c),
    inter: r.inter,
    country: code,
    kind: r.kind,
  };
  if (role === 'civilians') entry.source_name = 'Local sources';
  return entry;
}
