// Arabic-to-Latin matching for names the gazetteer knows only in Latin script (or under another Arabic spelling):
// both scripts are reduced to a consonant skeleton (vowels, ع and doubled letters dropped; sounds merged into
// one class: ت ط → t, س ص ث ش → s, ك ق → k, ج تش ç → j …) and compared. سوروتش → s r j ~ Suruç → s r j; كوباني → k b n ~
// Kobanî → k b n. Searched only among the places of the article's countries (per-country index built on first use).
import { byteLineAt, byteLineFilled } from './codec.ts';
import { entriesInCountry, type Gazetteer } from './gazetteer.ts';
import { FEATURES, type GazEntry } from './types.ts';

const AR: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ط: 't',
  ث: 's',
  س: 's',
  ص: 's',
  ج: 'j',
  ح: 'h',
  خ: 'h',
  ه: 'h',
  د: 'd',
  ض: 'd',
  ذ: 'd',
  ظ: 'z',
  ر: 'r',
  ز: 'z',
  ش: 's',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
};

/** Consonant skeleton of a normalised Arabic name ('' when it has letters outside the Arabic alphabet). */
export function arabicSkeleton(name: string): string {
  let w = name.replace(/ /g, '');
  if (w.startsWith('ال') && w.length > 4) w = w.slice(2);
  // تش is the Turkish ç (سوروتش = Suruç); a final ه is the ta marbuta or a vowel
  w = w.replace(/تش/g, 'C').replace(/ه$/, '');
  let out = '';
  for (const ch of w) {
    // ç and c are one class with ج: the gazetteer's Latin names are often ASCII-folded (Suruç → Suruc)
    const c = ch === 'C' ? 'j' : AR[ch];
    if (c === undefined) {
      if (/[اويىءأإآئؤعة]/.test(ch)) continue;
      return '';
    }
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Consonant skeleton of a Latin name; `turkish` reads c as j and ç as ch (Cizre, Suruç). */
export function latinSkeleton(name: string, turkish = false): string {
  let w = name.toLowerCase();
  w = w.replace(/ç/g, 'C').replace(/ş/g, 'S').replace(/ğ/g, '');
  w = w.replace(/sh/g, 'S').replace(/ch/g, 'C').replace(/kh/g, 'h').replace(/gh/g, 'g').replace(/th/g, 's').replace(/dh/g, 'd');
  w = w.normalize('NFKD').replace(/\p{M}/gu, '');
  // Arabic names romanised with the article (Al Busayrah, Ash Shaddadah): drop it as the Arabic side does
  w = w.replace(/^(al|el|as|ash|ad|ar|at|az|an|adh|ath)[\s-]+/, '');
  let out = '';
  for (const ch of w) {
    let c: string;
    if ('aeiouyw'.includes(ch) || ch === 'ı') continue;
    // ş and s are one class, ç, c and j another: ASCII-folded names lose the difference
    if (ch === 'C') c = 'j';
    else if (ch === 'S') c = 's';
    else if (ch === 'c') c = turkish ? 'j' : 'k';
    else if (ch === 'q') c = 'k';
    else if (ch === 'p') c = 'b';
    else if (ch === 'v') c = 'f';
    else if (ch === 'x') c = 'ks';
    else if (/[bdfghjklmnrstz]/.test(ch)) c = ch;
    else continue;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Long vowels of an Arabic name in order (ا → a, و → u, ي → i); short vowels are not written. */
export function arabicVowels(name: string): string {
  let w = name.replace(/ /g, '');
  if (w.startsWith('ال') && w.length > 4) w = w.slice(2);
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i] as string;
    if ('اآأإى'.includes(ch)) out += 'a';
    else if (ch === 'و' && i > 0) out += 'u';
    else if (ch === 'ي' && i > 0) out += 'i';
  }
  return out;
}

/** Vowels of a Latin name in order, in the same classes (o ö ü → u; ı y → i; e stays e: it matches a or i). */
export function latinVowels(name: string): string {
  const w = name
    .toLowerCase()
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/^(al|el|as|ash|ad|ar|at|az|an|adh|ath)[\s-]+/, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i] as string;
    if (ch === 'a' || ch === 'e' || ch === 'i') out += ch;
    else if (ch === 'o' || ch === 'u') out += 'u';
    else if (ch === 'y' && i > 0 && !'aeiou'.includes(w[i + 1] ?? '')) out += 'i';
  }
  return out;
}

/** The Arabic long vowels appear, in order, among the Latin vowels (e matching a or i). */
export function vowelsFit(arabic: string, latin: string): boolean {
  let j = 0;
  for (const v of arabic) {
    while (j < latin.length && latin[j] !== v && !(latin[j] === 'e' && (v === 'a' || v === 'i'))) j++;
    if (j === latin.length) return false;
    j++;
  }
  return true;
}

/** A name starting with a vowel in one script starts with one in the other (اسطنبول ~ Istanbul, not Seyhan). */
export function initialVowelFits(arabic: string, latin: string): boolean {
  const a = 'اأإآع'.includes(arabic[0] ?? '');
  const l = 'aeiouıöüAEIOUİÖÜ'.includes(latin[0] ?? '');
  return a === l;
}

const cache = new WeakMap<Gazetteer, Map<string, Map<string, number[]>>>();

/** Per-country skeleton index over the places' Latin names, for countries whose places mostly lack Arabic names (built on first use). */
function countryIndex(gaz: Gazetteer, cc: string): Map<string, number[]> {
  let per = cache.get(gaz);
  if (!per) {
    per = new Map();
    cache.set(gaz, per);
  }
  let idx = per.get(cc);
  if (idx) return idx;
  idx = new Map();
  const ids = entriesInCountry(gaz, cc);
  const D = gaz.data;
  const hasAr = (i: number) => byteLineFilled(D.ar, i);
  let ar = 0;
  for (const i of ids) if (hasAr(i)) ar++;
  // in a country whose places mostly have Arabic names, Arabic text uses those names (and its spelling variants are
  // the fuzzy matcher's business): no transliteration there
  if (ar > ids.length / 2) {
    per.set(cc, idx);
    return idx;
  }
  const country = FEATURES.indexOf('country');
  for (const i of ids) {
    if (D.f[i] === country) continue;
    const sk = latinSkeleton(byteLineAt(D.name, i), cc === 'TR');
    if (sk.length < 3) continue;
    const l = idx.get(sk);
    if (l) l.push(i);
    else idx.set(sk, [i]);
  }
  per.set(cc, idx);
  return idx;
}

/** Places of the given countries whose Latin name has the Arabic name's skeleton (at least 3 consonants) and
 * whose vowels fit the Arabic long vowels, most important first. */
export function translitCandidates(name: string, countries: Iterable<string>, gaz: Gazetteer): GazEntry[] {
  // Arabic morphology marks an Arabic word, not a transliteration: the article, a sound plural ending (مخططات،
  // مسلحين), a hamza seat (تباطؤ)
  // mostly wrote a ta marbuta or a possessive pronoun (حديقة، كتابه) where a foreign name is written with ا
  if (name.startsWith('ال') || (name.length >= 5 && /(ات|ين|ون)$/.test(name)) || /[ءؤئ]/.test(name) || name.endsWith('ه')) return [];
  const sk = arabicSkeleton(name);
  if (sk.length < 3) return [];
  const vowels = arabicVowels(name);
  const out: GazEntry[] = [];
  for (const cc of countries) {
    for (const id of countryIndex(gaz, cc).get(sk) ?? []) {
      const e = gaz.entry(id);
      const lv = latinVowels(e.name);
      // Arabic spells a foreign name's vowels out (سوروتش، كوباني): all of them in a short name (صديق is no Sadik),
      // all but one in a longer one (رومونغ ~ Rumonge; مركز is no Merkez)
      const missing = name.length >= 6 ? 1 : 0;
      if (vowels.length >= lv.length - missing && vowelsFit(vowels, lv) && initialVowelFits(name, e.name)) out.push(e);
    }
  }
  return out.sort((a, b) => b.rank - a.rank || b.population - a.population);
}

/** Other spellings of a name's last letter (ta marbuta, alif, ya: الشدادي ~ الشدادة). */
export function endingVariants(key: string): string[] {
  if (key.length < 4 || key.includes(' ')) return [];
  const last = key[key.length - 1] as string;
  if (!'يها'.includes(last)) return [];
  const base = key.slice(0, -1);
  return ['ه', 'ي', 'ا'].filter((c) => c !== last).map((c) => base + c);
}
