// Spelling-variant tolerance for names missing from the gazetteer, searched only inside the admin units the
// article names: a name that is one word of a longer local name (الزر ~ صفات الزر) or one edit away from a
// local name, letters swapped included (الزر ~ الرز).
import { entriesInAdmin1, type Gazetteer } from './gazetteer.ts';
import type { GazEntry } from './types.ts';

/** Damerau-Levenshtein distance, capped: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m] as number;
}

const stem = (w: string) => (w.startsWith('ال') && w.length > 4 ? w.slice(2) : w);
/** Letters of a name without the article. */
const coreLength = (w: string) => (w.startsWith('ال') ? w.length - 2 : w.length);

/** Two equal-length words that differ by one swap of neighbouring letters (الزر ~ الرز). */
export function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** One edit is trusted on a name of four letters or more (without the article); shorter names only by a swap. */
export function closeEnough(a: string, b: string): boolean {
  if (editDistance(a, b, 1) > 1) return false;
  return Math.min(coreLength(a), coreLength(b)) >= 4 || isSwap(a, b);
}

/** How well an entry key matches an unknown name: 2 = the name is a word of the key, 1 = one edit away, 0 = no. */
export function variantScore(name: string, key: string): number {
  if (!/[\u0621-\u064A]/.test(name)) return 0;
  const words = key.split(' ');
  if (words.length > 1 && words.includes(name) && name.length >= 4) return 2;
  const a = stem(name);
  const b = stem(key);
  if (a.length >= 3 && b.length >= 3 && closeEnough(a, b)) return 1;
  for (const w of words) if (words.length > 1 && w.length >= 4 && a.length >= 3 && closeEnough(a, stem(w))) return 1;
  return 0;
}

const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const dy = (a.lat - b.lat) * 111;
  const dx = (a.lon - b.lon) * 111 * Math.cos((a.lat * Math.PI) / 180);
  return Math.sqrt(dx * dx + dy * dy);
};

/** Per-admin1 look-up tables for variant search: word → entries (containment) and stem length → keys (edits). */
interface LocalIndex {
  byWord: Map<string, Array<{ id: number; variant: boolean }>>;
  /** symmetric-delete index: each stem and its one-letter deletions → keys */
  byDel: Map<string, Array<{ id: number; stem: string; variant: boolean }>>;
  /** the hits of names looked up before (the same words come back across articles) */
  hits: Map<string, ReadonlyArray<readonly [number, number]>>;
}

function deletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}
const localCache = new WeakMap<Gazetteer, Map<string, LocalIndex>>();

function localIndex(gaz: Gazetteer, code: string): LocalIndex {
  let perGaz = localCache.get(gaz);
  if (!perGaz) {
    perGaz = new Map();
    localCache.set(gaz, perGaz);
  }
  let li = perGaz.get(code);
  if (li) return li;
  li = { byWord: new Map(), byDel: new Map(), hits: new Map() };
  for (const id of entriesInAdmin1(gaz, code)) {
    const e = gaz.entry(id);
    if (e.feature === 'country' || e.feature === 'admin1') continue;
    const add = (key: string, variant: boolean) => {
      if (!/[\u0621-\u064A]/.test(key)) return;
      const words = key.split(' ');
      const stems = words.length > 1 ? [key, ...words.filter((w) => w.length >= 4)] : [key];
      if (words.length > 1) {
        for (const w of words) {
          if (w.length < 3) continue;
          const l = li?.byWord.get(w) ?? [];
          l.push({ id, variant });
          li?.byWord.set(w, l);
        }
      }
      for (const st of stems) {
        const sm = stem(st);
        if (sm.length < 3) continue;
        for (const d of new Set(deletions(sm))) {
          const l = li?.byDel.get(d) ?? [];
          l.push({ id, stem: sm, variant });
          li?.byDel.set(d, l);
        }
      }
    };
    for (const k of e.keys) add(k, false);
    for (const k of e.variants) add(k, true);
  }
  perGaz.set(code, li);
  return li;
}

/** The local places an unknown name may be a variant of, with how well (variantScore's scale), in the order found;
 * kept per admin1 unit for the next look-up of the name. `a` is the name's stem. */
function localHits(li: LocalIndex, name: string, a: string): ReadonlyArray<readonly [number, number]> {
  const known = li.hits.get(name);
  if (known) return known;
  const hits = new Map<number, number>();
  if (name.length >= 4) for (const h of li.byWord.get(name) ?? []) hits.set(h.id, Math.max(hits.get(h.id) ?? 0, h.variant ? 1.8 : 2));
  if (a.length >= 3) {
    for (const d of new Set(deletions(a))) {
      for (const h of li.byDel.get(d) ?? []) {
        if (!closeEnough(a, h.stem)) continue;
        hits.set(h.id, Math.max(hits.get(h.id) ?? 0, h.variant ? 0.9 : 1));
      }
    }
  }
  const found = [...hits];
  // bounded: a long-running server sees ever new words
  if (li.hits.size >= 20000) li.hits.clear();
  li.hits.set(name, found);
  return found;
}

/** Best local place for an unknown name within the given admin1 units (nearest to the anchors on ties). */
export function fuzzyInAdmin1(name: string, admin1: readonly string[], gaz: Gazetteer, anchors: readonly GazEntry[] = []): GazEntry | null {
  if (!/[\u0621-\u064A]/.test(name) || name.length < 3 || gaz.lex.functionWords.has(name) || gaz.lex.adjectives.has(name)) return null;
  let best: GazEntry | null = null;
  let bestScore = 0;
  const a = stem(name);
  for (let k = 0; k < admin1.length; k++) {
    for (const [id, s] of localHits(localIndex(gaz, admin1[k] as string), name, a)) {
      const e = gaz.entry(id);
      // a large town's spelling is well known: variants are for villages and districts
      if (e.rank >= 7 && e.feature === 'locality') continue;
      let score = s * 10 - k * 3 + e.rank * 0.2;
      if (anchors.length) {
        let d = Infinity;
        for (const x of anchors) d = Math.min(d, km(x, e));
        score += d < 15 ? 4 : d < 40 ? 2 : d < 100 ? 0.5 : -2;
      }
      if (score > bestScore) {
        bestScore = score;
        best = e;
      }
    }
  }
  return best;
}
