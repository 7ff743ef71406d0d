// Countries: ISO2, English names, Arabic names and nationality adjectives (data/lexicon/countries.tsv), and the
// expansion of lexicon phrase templates ({adj_f_def}, {name} …) over them.
import { lexiconPath, loadTsv, splitList } from '../lexicon/tsv.ts';
import { normKey } from '../text/normalize.ts';
import { PhraseIndex } from '../text/phrase-index.ts';
import type { Token } from '../text/tokenize.ts';

export interface Country {
  iso2: string;
  /** GeoNames English name */
  name: string;
  /** ACLED country name used inside actor names: "Civilians (<acled>)" */
  acled: string;
  /** form after "Military Forces of" ("the United States") */
  of_name: string;
  /** English adjective for source names ("Turkish") */
  adj_en: string;
  names_ar: string[];
  adj_m: string[];
  adj_f: string[];
  adj_pl: string[];
}

export interface CountryLexicon {
  byIso: Map<string, Country>;
  /** country names and nationality adjectives (all genders, with and without ال) → ISO2 */
  index: PhraseIndex<string>;
  /** normalised definite masculine adjectives (التركي، الليبي): also family names when no definite noun precedes them */
  definiteAdjectives: Set<string>;
}

export function loadCountries(path = lexiconPath('countries.tsv')): CountryLexicon {
  const t = loadTsv(path, ['iso2', 'name']);
  const byIso = new Map<string, Country>();
  const index = new PhraseIndex<string>();
  const definiteAdjectives = new Set<string>();
  for (const { cells } of t.rows) {
    const c: Country = {
      iso2: cells.iso2 as string,
      name: cells.name as string,
      acled: cells.acled || (cells.name as string),
      of_name: cells.of_name || cells.acled || (cells.name as string),
      adj_en: cells.adj_en || cells.acled || (cells.name as string),
      names_ar: splitList(cells.names_ar),
      adj_m: splitList(cells.adj_m),
      adj_f: splitList(cells.adj_f),
      adj_pl: splitList(cells.adj_pl),
    };
    byIso.set(c.iso2, c);
    for (const n of c.names_ar) index.add(n, c.iso2);
    for (const a of [...c.adj_m, ...c.adj_f, ...c.adj_pl]) {
      index.add(a, c.iso2);
      index.add(definite(a), c.iso2);
    }
    for (const a of c.adj_m) definiteAdjectives.add(normKey(definite(a)));
  }
  for (const c of byIso.values()) for (const n of c.names_ar) definiteAdjectives.delete(normKey(n));
  return { byIso, index, definiteAdjectives };
}

/** The definite form of an adjective: ال + word (the first word of a two-word adjective only gets it). */
export function definite(adj: string): string {
  const words = adj.split(' ');
  return words.map((w) => (w.startsWith('ال') ? w : `ال${w}`)).join(' ');
}

const SLOT_RE = /\{(adj_m|adj_f|adj_pl|adj_m_def|adj_f_def|adj_pl_def|name)\}/g;

export const hasSlots = (template: string): boolean => /\{(adj_m|adj_f|adj_pl|adj_m_def|adj_f_def|adj_pl_def|name)\}/.test(template);

function slotValues(c: Country, slot: string): string[] {
  switch (slot) {
    case 'adj_m':
      return c.adj_m;
    case 'adj_f':
      return c.adj_f;
    case 'adj_pl':
      return c.adj_pl;
    case 'adj_m_def':
      return c.adj_m.map(definite);
    case 'adj_f_def':
      return c.adj_f.map(definite);
    case 'adj_pl_def':
      return c.adj_pl.map(definite);
    case 'name':
      return c.names_ar;
    default:
      return [];
  }
}

/** All phrases a template yields for one country (empty when the country lacks a slot's words). */
export function expandTemplate(template: string, c: Country): string[] {
  let out = [''];
  let last = 0;
  for (const m of template.matchAll(SLOT_RE)) {
    const lit = template.slice(last, m.index);
    const vals = slotValues(c, m[1] as string);
    if (vals.length === 0) return [];
    out = out.flatMap((o) => vals.map((v) => o + lit + v));
    last = (m.index ?? 0) + m[0].length;
  }
  const tail = template.slice(last);
  return [...new Set(out.map((o) => o + tail))];
}

/** Fill English name slots: {adj_en} {of_name} {acled} {name}. */
export function fillName(template: string, c: Country, extra: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => {
    if (k in extra) return extra[k] as string;
    if (k === 'adj_en') return c.adj_en;
    if (k === 'of_name') return c.of_name;
    if (k === 'acled' || k === 'name') return c.acled;
    return all;
  });
}

/** ISO2 of a country name or nationality adjective (any gender, with or without ال), or null. */
export function countryOfAdjective(word: string, lex: CountryLexicon): string | null {
  const key = normKey(word);
  for (const c of lex.byIso.values()) {
    for (const a of [...c.adj_m, ...c.adj_f, ...c.adj_pl, ...c.names_ar]) {
      const n = normKey(a);
      if (key === n || key === normKey(definite(a))) return c.iso2;
    }
  }
  return null;
}

/** ISO2 counts of country names and nationality adjectives in the text, most frequent first. */
export function detectCountries(doc: { tokens: Token[] }, lex: CountryLexicon): Array<{ iso2: string; count: number; first: number }> {
  const counts = new Map<string, { iso2: string; count: number; first: number }>();
  for (const m of lex.index.findAll(doc.tokens)) {
    if (surname(doc.tokens, m, lex)) continue;
    for (const iso2 of m.values.slice(0, 1)) {
      const e = counts.get(iso2) ?? { iso2, count: 0, first: m.start };
      e.count++;
      counts.set(iso2, e);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first);
}

/**
 * A definite nationality adjective agrees with a definite noun before it (الجيش التركي، وزارة الداخلية التركية);
 * after a proper name, a number or punctuation it is a family name (عبدالله التركي، الليبي) and names no country.
 */
function surname(tokens: Token[], m: { from: number; to: number; key: string }, lex: CountryLexicon): boolean {
  if (m.to - m.from !== 1 || !lex.definiteAdjectives.has(m.key)) return false;
  const prev = tokens[m.from - 1];
  if (prev?.kind !== 'ar') return true;
  return !prev.forms.some((f) => f.startsWith('ال') && f.length > 3);
}
