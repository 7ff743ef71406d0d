// Place-mention recognition measured as LOC named-entity recognition on a CoNLL-style corpus (ANERcorp's train
// split: docs/geo.md says where to get it). Each sentence's tokens are joined with spaces into a text, the
// geocoder's mention finder (the one `marsad places` uses) runs over it, and each mention is mapped to the tokens
// its span touches. Gold LOC mentions are B-LOC I-LOC… runs (an I-LOC after a non-LOC tag opens one, as conlleval
// does). Scores: exact span match (the CoNLL metric) and partial overlap (a mention counts when it shares a
// token with a gold one, each gold and each prediction matched at most once).
//   node --import tsx scripts/eval-ner.ts --conll PATH [--part all|look|held] [--held 0.2] [--group N]
//     [--resolved | --raw] [--errors [N]] [--summary] [--json] [--anercorp-original [--max-words 124000]]
//     [--format conll|nested] [--types LOC,GPE] [--trim-cues]
// --format nested reads Wojood-style files (a token and one or more BIO tags a line, nested entities each in their
// own column; a place inside an organisation's name is not scored; `$#$` paragraph marks dropped); --types lists the gold entity types scored as places (default LOC;
// GPE,LOC for Wojood, whose GPE holds countries and towns as ANERcorp's LOC does); --trim-cues drops a settlement
// or admin type word (cues.tsv: قرية، مدينة، محافظة، قضاء، حي، مخيم …) at the head of a gold span, the span
// convention of ANERcorp and of the mention finder (قرية اليامون → اليامون).
// --part look = the first (1 − held) of the sentences (for error analysis), held = the rest (the honest figure);
// --group N joins N consecutive sentences into one text (more context for the resolver); --resolved counts
// only mentions the resolver placed; --anercorp-original reads Benajiba's original ANERcorp file and keeps only
// the part inside CAMeL Lab's train split (see anercorpTrain); --raw scores the matcher's names before resolution (src/geo/match.ts, the
// resolver then drops weak and out-of-focus ones); --errors lists the most frequent missed LOC strings and false positives;
// --summary counts errors by kind only (missed / boundary / false positive by gold tag), safe to run on the held part.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placesOf } from '../src/cli/places.ts';
import { findPlaceMentions, type Gazetteer, type GeoPlaceMention, loadGazetteer } from '../src/geo/index.ts';
import { GEO_DATA_DIR } from '../src/geo/lexicon.ts';
import { findRawPlaces } from '../src/geo/match.ts';
import { normalize, rawSpan } from '../src/text/normalize.ts';
import { sentences } from '../src/text/segment.ts';
import { tokenize } from '../src/text/tokenize.ts';

export interface Sentence {
  tokens: string[];
  tags: string[];
}

/** CoNLL-style BIO data: a token and its tag per line (tag = last column), sentences separated by blank lines. */
export function parseConll(text: string): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence = { tokens: [], tags: [] };
  for (const line of text.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim() || line.startsWith('-DOCSTART-')) {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    if (cols.length < 2) continue;
    cur.tokens.push(cols[0] as string);
    cur.tags.push(cols[cols.length - 1] as string);
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}

/** Wojood-style nested BIO: a token and its tags a line (the outermost entity first, then the entities nested in
 * it), sentences separated by blank lines. Read nearly flat, as ANERcorp is annotated: a token keeps the first tag
 * of a wanted type unless an organisation's tag comes before it (a town inside an organisation's name, جامعة
 * بيرزيت، بلدية نابلس, is no place; one inside a title or an event, رئيس بلدية … في نابلس، الانتداب على فلسطين, is);
 * the wanted types are merged into one LOC sequence (B-GPE → B-LOC). `$#$` (Wojood's paragraph mark) is dropped. */
export function parseNested(text: string, types: readonly string[] = ['GPE', 'LOC']): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence = { tokens: [], tags: [] };
  for (const line of text.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim()) {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    if (cols.length < 2 || cols[0] === '$#$') continue;
    const kinds = cols.slice(1).map((t) => t.replace(/^[BI]-/, ''));
    const k = kinds.findIndex((t) => types.includes(t));
    const tag = k >= 0 && !kinds.slice(0, k).includes('ORG') ? (cols[k + 1] as string) : undefined;
    cur.tokens.push(cols[0] as string);
    cur.tags.push(tag ? `${tag.slice(0, 2)}LOC` : 'O');
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}

/** Maps a CoNLL file's tags of the wanted types to LOC (other tags to O). */
export function keepTypes(sents: Sentence[], types: readonly string[]): Sentence[] {
  return sents.map((s) => ({
    tokens: s.tokens,
    tags: s.tags.map((t) => (types.includes(t.replace(/^[BI]-/, '')) ? `${t.slice(0, 2)}LOC` : 'O')),
  }));
}

/** Gold spans without a leading settlement or admin type word (`words`, normalized keys), as ANERcorp marks them. */
export function trimCueWords(
  spans: Array<[number, number]>,
  tokens: readonly string[],
  words: ReadonlySet<string>,
): Array<[number, number]> {
  return spans.map(([a, b]) => {
    let x = a;
    while (x < b - 1 && words.has(normalize(tokens[x] as string).text)) x++;
    return [x, b] as [number, number];
  });
}

/** Benajiba's original ANERcorp file (one "token tag" a line, no sentence breaks) read as CAMeL Lab's train split
 * does: blank tokens dropped, · and • read as periods, a sentence break after each run of periods, and only the
 * sentences within the first `maxWords` words (CAMeL's train split is the sentences holding the first 5/6 of the
 * words, 125,102; its test split is the rest, so the default 124,000 stays clear of it). */
export function anercorpTrain(text: string, maxWords = 124000): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence = { tokens: [], tags: [] };
  let words = 0;
  let prevDot = false;
  const flush = () => {
    if (!cur.tokens.length) return true;
    if (words + cur.tokens.length > maxWords) return false;
    words += cur.tokens.length;
    out.push(cur);
    cur = { tokens: [], tags: [] };
    return true;
  };
  for (const line of text.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 2) continue;
    const tok = cols[0] === '·' || cols[0] === '•' ? '.' : (cols[0] as string);
    const dot = /^\.+$/.test(tok);
    if (prevDot && !dot && !flush()) return out;
    cur.tokens.push(tok);
    cur.tags.push(cols[cols.length - 1] as string);
    prevDot = dot;
  }
  flush();
  return out;
}

/** Token ranges [from, to) of the entities of one type (B-X I-X…; a stray I-X opens one). */
export function bioSpans(tags: readonly string[], type = 'LOC'): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= tags.length; i++) {
    const t = tags[i] ?? 'O';
    const inside = t === `I-${type}` || t === `I-${type.slice(0, 3)}`;
    const begin = t === `B-${type}` || t === `B-${type.slice(0, 3)}`;
    if (start >= 0 && !inside) {
      out.push([start, i]);
      start = -1;
    }
    if (begin || (inside && start < 0)) start = i;
  }
  return out;
}

/** The place mentions of a token sequence joined by spaces, as token ranges [from, to). */
export function predictSpans(tokens: readonly string[], gaz: Gazetteer, mode: 'all' | 'resolved' | 'raw' = 'all'): Array<[number, number]> {
  const raw = tokens.join(' ');
  const offs: number[] = [];
  let p = 0;
  for (const t of tokens) {
    offs.push(p);
    p += t.length + 1;
  }
  const tokAt = (c: number) => {
    let lo = 0;
    let hi = offs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offs[mid] as number) <= c) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // mode all: exactly the `mentions` of `marsad places` (a common-noun reference such as العاصمة and a place inside
  // an institution's name, جامعة القاهرة, are listed apart there: NER corpora tag neither as LOC)
  let spans: Array<{ start: number; end: number }>;
  if (mode === 'all') spans = placesOf(raw, gaz).mentions;
  else {
    const norm = normalize(raw);
    const toks = tokenize(norm.text);
    const ms =
      mode === 'raw'
        ? findRawPlaces(toks, gaz).filter((r) => !r.probe)
        : (findPlaceMentions({ norm, tokens: toks, sentences: sentences(norm.text) }, gaz) as GeoPlaceMention[]).filter(
            (m) => !m.nominal && !m.inOrgName && m.choice,
          );
    spans = ms.map((m) => rawSpan(norm, m.start, m.end));
  }
  const out: Array<[number, number]> = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    const from = tokAt(s.start);
    const to = tokAt(s.end - 1) + 1;
    const last = out[out.length - 1];
    if (last && from < last[1]) continue;
    out.push([from, to]);
  }
  return out;
}

export interface Counts {
  gold: number;
  pred: number;
  exact: number;
  /** gold mentions overlapped by some prediction / predictions overlapping some gold mention (one-to-one) */
  partial: number;
}

/** Exact and one-to-one partial matches of predicted against gold token ranges. */
export function score(gold: ReadonlyArray<[number, number]>, pred: ReadonlyArray<[number, number]>, c: Counts): void {
  c.gold += gold.length;
  c.pred += pred.length;
  const exact = new Set(gold.map(([a, b]) => `${a}:${b}`));
  for (const [a, b] of pred) if (exact.has(`${a}:${b}`)) c.exact++;
  const used = new Set<number>();
  for (const [a, b] of pred) {
    const g = gold.findIndex(([x, y], k) => !used.has(k) && x < b && a < y);
    if (g >= 0) {
      used.add(g);
      c.partial++;
    }
  }
}

export function prf(tp: number, gold: number, pred: number): { p: number; r: number; f: number } {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Settlement and admin type words of cues.tsv (features admin1–3, locality, neighbourhood, any; مخيم), normalized. */
function cueWords(): Set<string> {
  const out = new Set<string>();
  const file = readFileSync(resolve(GEO_DATA_DIR, 'cues.tsv'), 'utf8');
  for (const line of file.split('\n')) {
    const [cue, feature] = line.split('\t');
    if (!cue || cue.startsWith('#') || cue.includes(' ')) continue;
    if (/^(admin[123]|locality|neighbourhood|any)$/.test(feature ?? '') || cue === 'مخيم') out.add(normalize(cue).text);
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (n: string) => {
    const i = args.indexOf(n);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const path = opt('--conll');
  if (!path) {
    process.stderr.write('usage: eval-ner.ts --conll PATH [--part all|look|held] [--held 0.2] [--group N] [--resolved] [--errors [N]]\n');
    process.exit(2);
  }
  const part = opt('--part') ?? 'all';
  const heldShare = Number(opt('--held') ?? 0.2);
  const group = Math.max(1, Number(opt('--group') ?? 1));
  const mode = args.includes('--raw') ? 'raw' : args.includes('--resolved') ? 'resolved' : 'all';
  const errIdx = args.indexOf('--errors');
  const nErr = errIdx >= 0 ? Number(args[errIdx + 1]) || 30 : 0;
  const text = readFileSync(path, 'utf8');
  const nested = opt('--format') === 'nested';
  const types = (opt('--types') ?? (nested ? 'GPE,LOC' : 'LOC')).split(',');
  const all = args.includes('--anercorp-original')
    ? anercorpTrain(text, Number(opt('--max-words') ?? 124000))
    : nested
      ? parseNested(text, types)
      : types.length === 1 && types[0] === 'LOC'
        ? parseConll(text)
        : keepTypes(parseConll(text), types);
  const trim = args.includes('--trim-cues') ? cueWords() : undefined;
  const cut = Math.round(all.length * (1 - heldShare));
  const sents = part === 'look' ? all.slice(0, cut) : part === 'held' ? all.slice(cut) : all;
  const gaz = loadGazetteer(opt('--gazetteer'));
  const c: Counts = { gold: 0, pred: 0, exact: 0, partial: 0 };
  const missed = new Map<string, number>();
  const falsePos = new Map<string, number>();
  const kinds = new Map<string, number>();
  const summary = args.includes('--summary');
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const t0 = performance.now();
  let nTokens = 0;
  for (let s = 0; s < sents.length; s += group) {
    const chunk = sents.slice(s, s + group);
    const tokens = chunk.flatMap((x) => x.tokens);
    const tags = chunk.flatMap((x) => x.tags);
    nTokens += tokens.length;
    const gold = trim ? trimCueWords(bioSpans(tags), tokens, trim) : bioSpans(tags);
    const pred = predictSpans(tokens, gaz, mode);
    score(gold, pred, c);
    if (summary || nErr) {
      // each error classified once: a missed gold span (partly found or not at all) and a false positive (crossing a
      // gold span, or lying on tokens of another gold tag); --summary counts the kinds, --errors the strings
      const text = ([a, b]: [number, number]) => tokens.slice(a, b).join(' ');
      const pk = new Set(pred.map(([a, b]) => `${a}:${b}`));
      const gk = new Set(gold.map(([a, b]) => `${a}:${b}`));
      for (const g of gold) {
        if (pk.has(`${g[0]}:${g[1]}`)) continue;
        if (summary) bump(kinds, pred.some(([x, y]) => x < g[1] && g[0] < y) ? 'missed, boundary' : 'missed, not found');
        if (nErr) bump(missed, text(g));
      }
      for (const p of pred) {
        if (gk.has(`${p[0]}:${p[1]}`)) continue;
        const overl = gold.some(([x, y]) => x < p[1] && p[0] < y);
        const tag = (tags.slice(p[0], p[1]).find((t) => t !== 'O') ?? 'O').replace(/^[BI]-/, '');
        if (summary) bump(kinds, `false positive, ${overl ? 'boundary' : `gold ${tag}`}`);
        if (nErr) bump(falsePos, `${text(p)}${overl ? ' (boundary)' : ` [${tag}]`}`);
      }
    }
  }
  const secs = (performance.now() - t0) / 1000;
  const ex = prf(c.exact, c.gold, c.pred);
  const pa = prf(c.partial, c.gold, c.pred);
  const pct = (x: number) => (100 * x).toFixed(1);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ part, sentences: sents.length, tokens: nTokens, ...c, exact_prf: ex, partial_prf: pa })}\n`);
  } else {
    process.stdout.write(
      `NER LOC eval: ${path} part=${part} sentences=${sents.length} tokens=${nTokens} (${secs.toFixed(1)} s)\n` +
        `gold LOC ${c.gold}, predicted ${c.pred}${mode === 'all' ? '' : ` (${mode} mentions)`}\n` +
        `exact:   P ${pct(ex.p)}  R ${pct(ex.r)}  F1 ${pct(ex.f)}\n` +
        `partial: P ${pct(pa.p)}  R ${pct(pa.r)}  F1 ${pct(pa.f)}\n`,
    );
  }
  if (summary) {
    const rows = [...kinds].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `  ${n}\t${k}`);
    process.stdout.write(`\nerrors by kind (counts only, no strings):\n${rows.join('\n')}\n`);
  }
  if (nErr) {
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, nErr)
        .map(([k, n]) => `  ${n}\t${k}`)
        .join('\n');
    process.stdout.write(`\nmissed LOC (not predicted exactly), top ${nErr}:\n${top(missed)}\n`);
    process.stdout.write(`\nfalse positives (gold tag or boundary), top ${nErr}:\n${top(falsePos)}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
