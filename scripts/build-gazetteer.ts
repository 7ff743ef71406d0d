// Compiles the shared gazetteer sources (../shared/data/gazetteer, or $MARSAD_SHARED/data/gazetteer) into the
// compact index shipped at data/gazetteer/index.bin.gz, plus data/gazetteer/ATTRIBUTION.md.
//   npm run build:gazetteer
// Sources: Who's On First places (SY IQ TR LB JO), OpenSyria admin1-3, OCHA Iraq admin1-3, GeoNames cities15000
// (world), GeoNames admin1 and country tables, Arabic country names (eval/countries.tsv), and the hand-written
// data/gazetteer/admin1-ar.tsv. Known data faults handled here: names in Persian/Urdu/Kurdish letters or Latin
// script stored as Arabic are dropped; a WOF Arabic name that GeoNames does not know for the same place is demoted
// to a variant (e.g. Tuz Khurmatu carried "تازة خورماتو").
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodeIndex } from '../src/geo/codec.ts';
import { commonWords, frequentWords, placeSlotStats, wordCounts } from '../src/geo/common-words.ts';
import { loadGazetteer } from '../src/geo/gazetteer.ts';
import { isArabicName, nameKey } from '../src/geo/keys.ts';
import { type Admin1Info, type CountryInfo, FEATURES, type Feature, type IndexFile } from '../src/geo/types.ts';
import { parseTsv, splitList } from '../src/lexicon/tsv.ts';
import { normKey } from '../src/text/normalize.ts';
import { tokenize } from '../src/text/tokenize.ts';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.MARSAD_SHARED ?? join(REPO, '..', 'shared');
const SRC = join(SHARED, 'data', 'gazetteer');
const OUT_DIR = join(REPO, 'data', 'gazetteer');
const WOF_COUNTRIES = ['SY', 'IQ', 'TR', 'LB', 'JO'];

/** Cue words that sources put in front of names ("محافظة الحسكة"): stripped from aliases, handled by the matcher. */
const CUE_PREFIX = /^(محافظة|محافظه|ناحية|ناحيه|منطقة|منطقه|قضاء|مدينة|مدينه|ولاية|ولايه|قرية|قريه|بلدة|بلده|مركز ناحية)\s+/;

const log = (...a: unknown[]) => process.stderr.write(`${a.join(' ')}\n`);
const readText = (p: string) => (p.endsWith('.gz') ? gunzipSync(readFileSync(p)).toString('utf8') : readFileSync(p, 'utf8'));

// `--common-words`: only recompute data/gazetteer/common-words.tsv from the unlabelled corpus and the shipped index
if (process.argv.includes('--common-words')) {
  writeCommonWords();
  process.exit(0);
}

function writeCommonWords(): void {
  const gaz = loadGazetteer();
  const corpus = join(SHARED, 'data', 'corpus', 'saudinewsnet-10k.jsonl.gz');
  // the dev articles are left out of the counts (matched by their opening text)
  const devDir = join(SHARED, 'eval', 'dev', 'articles');
  const dev = existsSync(devDir) ? readdirSync(devDir).map((f) => normKey(readFileSync(join(devDir, f), 'utf8')).slice(0, 80)) : [];
  let used = 0;
  let skipped = 0;
  function* docs() {
    for (const line of readText(corpus).split('\n')) {
      if (!line.trim()) continue;
      const text = String((JSON.parse(line) as { text?: unknown }).text ?? '');
      const norm = normKey(text);
      if (dev.some((d) => d.length > 40 && norm.includes(d))) {
        skipped++;
        continue;
      }
      used++;
      yield tokenize(norm);
    }
  }
  const tokenised = [...docs()];
  const list = commonWords(placeSlotStats(tokenised, gaz), gaz);
  const frequent = frequentWords(wordCounts(tokenised), gaz);
  writeFileSync(
    join(OUT_DIR, 'frequent-words.tsv'),
    `${[
      '# source: computed by scripts/build-gazetteer.ts --common-words from the shared unlabelled news corpus (saudinewsnet-10k, dev articles left out): Arabic words (conjunction and ب ل stripped) seen at least 300 times that are not gazetteer names',
      '# licence: CC0 (word counts)',
      '# known problems: corpus-specific (Saudi news 2015); a place named by one of these words is still found when it is in the gazetteer; the list only keeps them from being read as unknown names after a cue word',
      'word\tcount',
      ...frequent.map((w) => `${w.word}\t${w.count}`),
    ].join('\n')}\n`,
  );
  log(`wrote ${frequent.length} frequent words`);
  const head = [
    '# source: computed by scripts/build-gazetteer.ts --common-words from the shared unlabelled news corpus (saudinewsnet-10k, dev articles left out) and the shipped gazetteer index: single-word place names seen at least 12 times, at most 12% of them after a free preposition or a place cue',
    '# licence: CC0 (word counts)',
    `# known problems: corpus-specific (Saudi news, ${used} articles, ${skipped} dev articles skipped); a real place with one of these names is still found after في/من/إلى or a cue word, or as part of a longer name`,
    '# allow: slot = taken as a place only after a free-standing preposition (في، من، إلى …) or a cue word (not after the clitic ب)',
    'word\tallow\ttotal\tin_place_slot',
  ];
  writeFileSync(
    join(OUT_DIR, 'common-words.tsv'),
    `${[...head, ...list.map((w) => `${w.word}\tslot\t${w.total}\t${w.slot}`)].join('\n')}\n`,
  );
  log(`wrote ${list.length} common words from ${used} articles (${skipped} dev articles skipped)`);
}

interface B {
  name: string;
  ar: string | null;
  cc: string;
  a1: string | null;
  a2: string | null;
  a3: string | null;
  lat: number;
  lon: number;
  f: Feature;
  pop: number;
  gn: number | null;
  rank: number;
  keys: Set<string>;
  variants: Set<string>;
  arVariants: Set<string>;
  dead?: boolean;
}

const entries: B[] = [];
function add(e: Omit<B, 'keys' | 'variants' | 'arVariants'>): B {
  const b: B = { ...e, keys: new Set(), variants: new Set(), arVariants: new Set() };
  entries.push(b);
  return b;
}
function addName(b: B, name: string | null | undefined, primary: boolean, stripCue = false): void {
  if (!name) return;
  let n = name.trim();
  if (!n) return;
  const ar = /[\u0600-\u06FF]/.test(n);
  if (ar && !isArabicName(n)) return; // Persian/Urdu/Kurdish spellings and mixed-script junk
  if (ar && stripCue) n = n.replace(CUE_PREFIX, '');
  const k = nameKey(n);
  if (!k || k.length < 2) return;
  if (primary) {
    b.keys.add(k);
    b.variants.delete(k);
  } else if (!b.keys.has(k)) b.variants.add(k);
  if (ar && !primary) b.arVariants.add(n);
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

function rankOf(fcode: string, pop: number): number {
  if (fcode === 'PPLC') return 9;
  if (fcode === 'PPLA') return 7;
  if (fcode === 'PPLA2') return pop >= 1000000 ? 7 : 5;
  if (fcode === 'PPLA3' || fcode === 'PPLA4') return pop >= 1000000 ? 7 : 4;
  // a town of a million people or more is as notable as a provincial seat (New York City is a plain PPL)
  if (pop >= 1000000) return 7;
  if (pop >= 100000) return 5;
  if (pop >= 15000) return 4;
  if (pop > 0) return 3;
  return 1;
}

// ---------- GeoNames tables ----------
const admin1: Map<string, Admin1Info> = new Map();
const admin1ByGn = new Map<number, string>();
for (const line of readText(join(SRC, 'world', 'geonames_admin1.tsv.gz')).split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [code, name, ascii, gid] = line.split('\t');
  if (!code || !name) continue;
  const gn = Number(gid) || null;
  admin1.set(code, { code, cc: code.slice(0, 2), name, name_ar: null, geonames_id: gn });
  if (gn) admin1ByGn.set(gn, code);
  void ascii;
}

const countries = new Map<string, CountryInfo & { capital: string; arAliases: string[] }>();
for (const line of readText(join(SRC, 'world', 'geonames_countryInfo.tsv')).split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const c = line.split('\t');
  const code = c[0] as string;
  countries.set(code, {
    code,
    name: c[4] as string,
    name_ar: null,
    lat: 0,
    lon: 0,
    population: Number(c[7]) || 0,
    geonames_id: Number(c[16]) || null,
    capital: c[5] as string,
    arAliases: [],
  });
}
// Arabic country names: facts from the shared countries table and the GeoNames translations.
const SHARED_COUNTRIES = join(SHARED, 'eval', 'countries.tsv');
if (existsSync(SHARED_COUNTRIES)) {
  for (const line of readFileSync(SHARED_COUNTRIES, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [code, names = ''] = line.split('\t');
    const c = countries.get(code as string);
    if (!c) continue;
    for (const n of names.split('|')) if (isArabicName(n)) c.arAliases.push(n.trim());
  }
}
const trans = JSON.parse(readText(join(SRC, 'world', 'geonames_country_names_ar_en.json'))) as Record<string, { ar?: string }>;
for (const c of countries.values()) {
  const t = c.geonames_id ? trans[String(c.geonames_id)] : undefined;
  if (t?.ar && isArabicName(t.ar)) c.arAliases.unshift(t.ar);
  c.name_ar = c.arAliases[0] ?? null;
}

// Hand-written short Arabic country names (قطر for دولة قطر).
for (const { cells } of parseTsv(readFileSync(join(OUT_DIR, 'countries-ar.tsv'), 'utf8'), 'countries-ar.tsv', ['code', 'names_ar']).rows) {
  const c = countries.get(cells.code as string);
  if (!c) throw new Error(`countries-ar.tsv: unknown country ${cells.code}`);
  const names = splitList(cells.names_ar);
  c.arAliases.push(...names);
  c.name_ar = names[0] ?? c.name_ar;
}

// Hand-written Arabic admin1 names (conflict countries outside the five WOF countries).
const a1ar = parseTsv(readFileSync(join(OUT_DIR, 'admin1-ar.tsv'), 'utf8'), 'admin1-ar.tsv', ['code', 'name_ar']);
const admin1ArAliases = new Map<string, string[]>();
/** hand-entered seat points for admin1 units whose seat is not a GeoNames town of 15,000+ */
const handSeat = new Map<string, { lat: number; lon: number }>();
for (const { cells } of a1ar.rows) {
  const a = admin1.get(cells.code as string);
  if (!a) throw new Error(`admin1-ar.tsv: unknown admin1 code ${cells.code}`);
  a.name_ar = cells.name_ar as string;
  admin1ArAliases.set(a.code, [cells.name_ar as string, ...splitList(cells.aliases_ar)]);
  const la = Number(cells.seat_lat);
  const lo = Number(cells.seat_lon);
  if (cells.seat_lat && cells.seat_lon && Number.isFinite(la) && Number.isFinite(lo)) handSeat.set(a.code, { lat: la, lon: lo });
}

// ---------- GeoNames cities15000 (world) ----------
interface City {
  gn: number;
  name: string;
  ascii: string;
  alt: string[];
  lat: number;
  lon: number;
  fcode: string;
  cc: string;
  a1: string;
  pop: number;
}
const cities: City[] = [];
for (const line of readText(join(SRC, 'world', 'geonames_cities15000.txt.gz')).split('\n')) {
  if (!line) continue;
  const c = line.split('\t');
  cities.push({
    gn: Number(c[0]),
    name: c[1] as string,
    ascii: c[2] as string,
    alt: (c[3] ?? '').split(',').filter(Boolean),
    lat: Number(c[4]),
    lon: Number(c[5]),
    fcode: c[7] as string,
    cc: c[8] as string,
    a1: c[10] ? `${c[8]}.${c[10]}` : '',
    pop: Number(c[14]) || 0,
  });
}
const cityByGn = new Map(cities.map((c) => [c.gn, c]));
// Seat of each admin1 (its PPLA, else its largest town) and each country's capital: the ACLED point for
// precision-3 (province) and country-level locations.
const seat = new Map<string, City>();
for (const c of cities) {
  if (!c.a1) continue;
  const s = seat.get(c.a1);
  const score = (x: City) => (x.fcode === 'PPLA' || x.fcode === 'PPLC' ? 1e12 : 0) + x.pop;
  if (!s || score(c) > score(s)) seat.set(c.a1, c);
}
for (const co of countries.values()) {
  const inC = cities.filter((c) => c.cc === co.code);
  const cap = inC.find((c) => c.fcode === 'PPLC') ?? inC.find((c) => c.name === co.capital) ?? inC.sort((a, b) => b.pop - a.pop)[0];
  if (cap) {
    co.lat = cap.lat;
    co.lon = cap.lon;
  }
}

// ---------- Who's On First ----------
interface WofRow {
  [k: string]: string;
}
const wofById = new Map<string, { row: WofRow; entry: B | null }>();
const entryByGn = new Map<number, B>();
const wofRegionA1 = new Map<string, string>(); // wof region id -> GeoNames admin1 code

function parseWof(cc: string): WofRow[] {
  const lines = readText(join(SRC, `wof_places_${cc}.tsv.gz`)).split('\n');
  const head = (lines[0] as string).split('\t');
  const rows: WofRow[] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const c = line.split('\t');
    const r: WofRow = {};
    head.forEach((h, i) => {
      r[h] = c[i] ?? '';
    });
    rows.push(r);
  }
  return rows;
}

function matchRegion(r: WofRow): string | null {
  const gn = Number(r.geonames_id);
  if (gn && admin1ByGn.has(gn)) return admin1ByGn.get(gn) as string;
  // by name, then by the admin1 seat nearest to the region centroid
  const fold = (s: string) => nameKey(s).replace(/^(al|as|ar|ad|an|ash|at|az|el|ad) /, '');
  const cands = [...admin1.values()].filter((a) => a.cc === r.country);
  const names = [r.name, r.name_en].filter(Boolean).map(fold);
  const byName = cands.find((a) => names.includes(fold(a.name)));
  if (byName) return byName.code;
  let best: string | null = null;
  let bd = Infinity;
  for (const a of cands) {
    const s = seat.get(a.code);
    if (!s) continue;
    const d = km({ lat: Number(r.latitude), lon: Number(r.longitude) }, s);
    if (d < bd) {
      bd = d;
      best = a.code;
    }
  }
  return bd < 150 ? best : null;
}

const WOF_FEATURE: Record<string, Feature> = {
  region: 'admin1',
  county: 'admin2',
  localadmin: 'admin3',
  locality: 'locality',
  neighbourhood: 'neighbourhood',
  campus: 'site',
};

for (const cc of WOF_COUNTRIES) {
  const rows = parseWof(cc);
  for (const r of rows) wofById.set(r.wof_id as string, { row: r, entry: null });
  // regions first: they give the admin1 codes
  for (const r of rows) {
    if (r.placetype !== 'region') continue;
    const code = matchRegion(r);
    if (!code) {
      log(`skip WOF region without GeoNames admin1: ${r.wof_id} ${r.name}`);
      continue;
    }
    wofRegionA1.set(r.wof_id as string, code);
    const a = admin1.get(code) as Admin1Info;
    if (!a.name_ar && r.name_ar && isArabicName(r.name_ar)) a.name_ar = r.name_ar;
  }
  for (const r of rows) {
    const f = WOF_FEATURE[r.placetype as string];
    if (r.placetype === 'country') {
      const co = countries.get(cc);
      if (co) for (const n of [r.name_ar, ...splitList(r.names_ar)]) if (n && isArabicName(n)) co.arAliases.push(n);
      continue;
    }
    if (!f) continue;
    const pop = Number(r.population) || 0;
    const gn = Number(r.geonames_id) || null;
    const city = gn ? cityByGn.get(gn) : undefined;
    const regionCode = r.placetype === 'region' ? wofRegionA1.get(r.wof_id as string) : wofRegionA1.get(r.region_id as string);
    if (r.placetype === 'region' && !regionCode) continue;
    const county = r.county_id ? wofById.get(r.county_id)?.row : undefined;
    const s = r.placetype === 'region' && regionCode ? seat.get(regionCode) : undefined;
    const b = add({
      name: city
        ? city.ascii || city.name
        : r.placetype === 'region' && regionCode
          ? (admin1.get(regionCode) as Admin1Info).name
          : r.name_en || r.name || '',
      ar: null,
      cc,
      a1: regionCode ?? (city?.a1 || null),
      a2: f === 'admin2' ? r.name_en || r.name || null : county ? county.name_en || county.name || null : null,
      a3: null,
      lat: s ? s.lat : Number(r.latitude),
      lon: s ? s.lon : Number(r.longitude),
      f,
      pop: Math.max(pop, city?.pop ?? 0),
      gn: r.placetype === 'region' ? (admin1.get(regionCode as string)?.geonames_id ?? gn) : gn,
      rank: f === 'admin1' ? 8 : f === 'admin2' ? 6 : rankOf(city?.fcode ?? '', Math.max(pop, city?.pop ?? 0)),
    });
    (wofById.get(r.wof_id as string) as { entry: B | null }).entry = b;
    // Arabic: WOF preferred name, unless GeoNames knows Arabic names for this place and not this one (a fault).
    const wofAr = [r.name_ar, ...splitList(r.names_ar)].filter((n): n is string => !!n && isArabicName(n));
    const gnAr = city ? city.alt.filter(isArabicName) : [];
    const gnKeys = new Set(gnAr.map(nameKey));
    let primaryAr = wofAr[0] ?? null;
    if (primaryAr && gnAr.length && !gnKeys.has(nameKey(primaryAr))) {
      primaryAr = wofAr.find((n) => gnKeys.has(nameKey(n))) ?? gnAr[0] ?? null;
    }
    if (!primaryAr && gnAr.length) primaryAr = gnAr[0] as string;
    b.ar = primaryAr;
    addName(b, primaryAr, true);
    for (const n of wofAr) addName(b, n, false);
    for (const n of gnAr) addName(b, n, false);
    addName(b, b.name, true);
    addName(b, r.name, true);
    addName(b, r.name_en, true);
    if (city) {
      addName(b, city.name, true);
      for (const n of city.alt) if (!/[\u0600-\u06FF]/.test(n) && /^[\p{Script=Latin}\s'’‘`ʿʾ.-]+$/u.test(n)) addName(b, n, false);
    }
    for (const kv of splitList(r.names_other)) {
      const [lang, val] = kv.split(/=(.*)/s);
      if (!val) continue;
      if (lang === 'eng' || lang === 'tur' || lang === 'kur' || lang === 'und' || lang === 'fra') addName(b, val, false);
    }
    if (gn && (f === 'locality' || f === 'admin1')) entryByGn.set(gn, b);
    if (f === 'admin1' && regionCode) for (const n of admin1ArAliases.get(regionCode) ?? []) addName(b, n, true, true);
  }
}

// ---------- OpenSyria: governorates (merge), districts (merge or add), sub-districts (add as admin3) ----------
interface OsRec {
  id: string;
  governorateId?: string;
  districtId?: string;
  name: { en: string; ar: string };
  aliases?: Array<{ value: string; language: string }>;
  centroid?: { latitude: number; longitude: number };
  population?: { value: number };
  externalIds?: { geonames?: string; ochaPcode?: string };
}
const os = (f: string) => JSON.parse(readText(join(SRC, 'opensyria', f))) as OsRec[];
const osGov = new Map<string, string>(); // governorate id -> admin1 code
for (const g of os('governorates.json')) {
  const gn = Number(g.externalIds?.geonames);
  const code = admin1ByGn.get(gn);
  if (!code) {
    log(`OpenSyria governorate without admin1: ${g.id}`);
    continue;
  }
  osGov.set(g.id, code);
  const b = entries.find((e) => e.f === 'admin1' && e.a1 === code);
  if (!b) continue;
  addName(b, g.name.ar, true);
  addName(b, g.name.en, true);
  for (const a of g.aliases ?? []) addName(b, a.value, false, true);
}
const osDist = new Map<string, string>();
for (const d of os('districts.json')) {
  const code = osGov.get(d.governorateId ?? '') ?? null;
  osDist.set(d.id, d.name.en);
  const k = nameKey(d.name.ar.replace(CUE_PREFIX, ''));
  let b = entries.find((e) => e.f === 'admin2' && e.cc === 'SY' && e.a1 === code && (e.keys.has(k) || e.variants.has(k)));
  if (!b && d.centroid) {
    b = add({
      name: d.name.en,
      ar: d.name.ar,
      cc: 'SY',
      a1: code,
      a2: d.name.en,
      a3: null,
      lat: d.centroid.latitude,
      lon: d.centroid.longitude,
      f: 'admin2',
      pop: d.population?.value ?? 0,
      gn: Number(d.externalIds?.geonames) || null,
      rank: 6,
    });
  }
  if (!b) continue;
  addName(b, d.name.ar, !b.ar, true);
  addName(b, d.name.en, true);
  for (const a of d.aliases ?? []) addName(b, a.value, false, true);
}
for (const s of os('subdistricts.json')) {
  if (!s.centroid) continue;
  const b = add({
    name: s.name.en,
    ar: s.name.ar,
    cc: 'SY',
    a1: osGov.get(s.governorateId ?? '') ?? null,
    a2: osDist.get(s.districtId ?? '') ?? null,
    a3: s.name.en,
    lat: s.centroid.latitude,
    lon: s.centroid.longitude,
    f: 'admin3',
    pop: s.population?.value ?? 0,
    gn: Number(s.externalIds?.geonames) || null,
    rank: 5,
  });
  addName(b, s.name.ar, true, true);
  addName(b, s.name.en, true);
  for (const a of s.aliases ?? []) addName(b, a.value, false, true);
}

// ---------- OCHA Iraq admin1-3 (names; polygon centroids) ----------
type Ring = number[][];
function centroid(geom: { type: string; coordinates: unknown }): { lat: number; lon: number } {
  const polys = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) as Ring[][];
  let A = 0;
  let X = 0;
  let Y = 0;
  for (const poly of polys) {
    const ring = poly[0] as Ring;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j] as [number, number];
      const [x1, y1] = ring[i] as [number, number];
      const c = x0 * y1 - x1 * y0;
      A += c;
      X += (x0 + x1) * c;
      Y += (y0 + y1) * c;
    }
  }
  return A ? { lon: X / (3 * A), lat: Y / (3 * A) } : { lon: 0, lat: 0 };
}
const ocha = (l: number) =>
  JSON.parse(readText(join(SRC, 'ocha_iraq', `irq_admbnda_adm${l}_cso_20190603.geojson`))) as {
    features: Array<{ properties: Record<string, string | null>; geometry: { type: string; coordinates: unknown } }>;
  };
const ochaA1 = new Map<string, string>(); // P-code -> admin1 code
for (const f of ocha(1).features) {
  const p = f.properties;
  const c = centroid(f.geometry);
  // the WOF region whose seat or centroid is nearest
  let best: B | null = null;
  let bd = Infinity;
  for (const e of entries) {
    if (e.f !== 'admin1' || e.cc !== 'IQ') continue;
    const k = nameKey((p.ADM1_AR as string) ?? '');
    const d = e.keys.has(k) || e.variants.has(k) ? 0 : km(c, e);
    if (d < bd) {
      bd = d;
      best = e;
    }
  }
  if (!best || bd > 200) {
    log(`OCHA adm1 unmatched: ${p.ADM1_EN}`);
    continue;
  }
  ochaA1.set(p.ADM1_PCODE as string, best.a1 as string);
  for (const n of [p.ADM1_AR, p.ADM1ALT1AR, p.ADM1ALT2AR]) addName(best, n, !best.ar, true);
  for (const n of [p.ADM1_EN, p.ADM1ALT1EN, p.ADM1ALT2EN]) addName(best, n, false);
  if (!best.ar && p.ADM1_AR) best.ar = p.ADM1_AR;
}
for (const level of [2, 3]) {
  for (const f of ocha(level).features) {
    const p = f.properties;
    const c = centroid(f.geometry);
    const en = p[`ADM${level}_EN`] as string;
    const ar = p[`ADM${level}_AR`] as string;
    const b = add({
      name: en,
      ar,
      cc: 'IQ',
      a1: ochaA1.get(p.ADM1_PCODE as string) ?? null,
      a2: (p.ADM2_EN as string) ?? null,
      a3: level === 3 ? en : null,
      lat: c.lat,
      lon: c.lon,
      f: level === 2 ? 'admin2' : 'admin3',
      pop: 0,
      gn: null,
      rank: level === 2 ? 6 : 5,
    });
    addName(b, ar, true, true);
    addName(b, en, true);
    for (const n of [p[`ADM${level}ALT1AR`], p[`ADM${level}ALT2AR`], p[`ADM${level}ALT1EN`], p[`ADM${level}ALT2EN`]]) addName(b, n, false);
  }
}

// ---------- world: cities15000 outside the WOF countries (and WOF-country towns WOF lacks) ----------
for (const c of cities) {
  const have = entryByGn.get(c.gn);
  if (have) continue;
  if (!countries.has(c.cc)) continue;
  const b = add({
    name: c.ascii || c.name,
    ar: null,
    cc: c.cc,
    a1: c.a1 && admin1.has(c.a1) ? c.a1 : null,
    a2: null,
    a3: null,
    lat: c.lat,
    lon: c.lon,
    f: 'locality',
    pop: c.pop,
    gn: c.gn,
    rank: rankOf(c.fcode, c.pop),
  });
  const ar = c.alt.filter(isArabicName);
  b.ar = ar[0] ?? null;
  for (const n of ar) addName(b, n, false);
  addName(b, c.name, true);
  addName(b, c.ascii, true);
  if (b.ar) addName(b, b.ar, true);
}

// ---------- world admin1 outside the WOF countries: point = the seat town ----------
for (const a of admin1.values()) {
  if (WOF_COUNTRIES.includes(a.cc)) continue;
  const s = seat.get(a.code) ?? handSeat.get(a.code);
  if (!s) continue;
  const b = add({
    name: a.name,
    ar: a.name_ar,
    cc: a.cc,
    a1: a.code,
    a2: null,
    a3: null,
    lat: s.lat,
    lon: s.lon,
    f: 'admin1',
    pop: 0,
    gn: a.geonames_id,
    rank: 8,
  });
  addName(b, a.name, true);
  for (const n of admin1ArAliases.get(a.code) ?? []) addName(b, n, true, true);
}

// ---------- countries ----------
for (const co of countries.values()) {
  if (!co.lat && !co.lon) continue;
  const b = add({
    name: co.name,
    ar: co.name_ar,
    cc: co.code,
    a1: null,
    a2: null,
    a3: null,
    lat: co.lat,
    lon: co.lon,
    f: 'country',
    pop: co.population,
    gn: co.geonames_id,
    rank: 9,
  });
  addName(b, co.name, true);
  for (const n of co.arAliases) addName(b, n, true);
}

// ---------- hand-written Arabic names of world cities (aliases-ar.tsv): the news spelling as the Arabic name ----------
{
  const byGn = new Map<number, B[]>();
  for (const e of entries) if (e.gn && !e.dead) byGn.set(e.gn, [...(byGn.get(e.gn) ?? []), e]);
  const rows = parseTsv(readFileSync(join(OUT_DIR, 'aliases-ar.tsv'), 'utf8'), 'aliases-ar.tsv', ['geonames_id', 'name', 'name_ar']).rows;
  for (const { cells, line } of rows) {
    const found = (byGn.get(Number(cells.geonames_id)) ?? []).filter((e) => e.f === 'locality');
    if (!found.length) throw new Error(`aliases-ar.tsv:${line}: no town with GeoNames id ${cells.geonames_id} (${cells.name})`);
    for (const e of found) {
      e.ar = cells.name_ar as string;
      for (const n of [cells.name_ar as string, ...splitList(cells.aliases_ar)]) addName(e, n, true);
    }
  }
}

/** A hand-written place (regions.tsv, places-ar.tsv), checked (country, admin1, point) and added with its names. */
function addHandPlace(
  where: string,
  p: {
    name: string;
    names: string[];
    cc: string;
    a1: string | null;
    lat: unknown;
    lon: unknown;
    f: Feature;
    gn: number | null;
    rank: number;
  },
): void {
  if (p.cc && !countries.has(p.cc)) throw new Error(`${where}: unknown country ${p.cc}`);
  if (p.a1 && (!p.cc || admin1.get(p.a1)?.cc !== p.cc))
    throw new Error(`${where}: admin1 ${p.a1} is no first-level unit of ${p.cc || 'a country'}`);
  const lat = Number(p.lat);
  const lon = Number(p.lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error(`${where}: bad point`);
  const b = add({
    name: p.name,
    ar: p.names[0] ?? null,
    cc: p.cc,
    a1: p.a1,
    a2: null,
    a3: null,
    lat,
    lon,
    f: p.f,
    pop: 0,
    gn: p.gn,
    rank: p.rank,
  });
  addName(b, p.name, true);
  for (const n of p.names) addName(b, n, true);
}

// ---------- regions (regions.tsv): continents, seas, rivers and regions that are no administrative unit ----------
// A region spanning countries (no country) becomes a 'macro-region' with no country; one inside a country a 'region'.
{
  const rows = parseTsv(readFileSync(join(OUT_DIR, 'regions.tsv'), 'utf8'), 'regions.tsv', ['name', 'names_ar', 'kind', 'lat', 'lon']).rows;
  const KINDS = new Set(['continent', 'ocean', 'sea', 'river', 'region']);
  for (const { cells, line } of rows) {
    const cc = cells.country ?? '';
    if (!KINDS.has(cells.kind as string)) throw new Error(`regions.tsv:${line}: unknown kind ${cells.kind}`);
    addHandPlace(`regions.tsv:${line}`, {
      name: cells.name as string,
      names: splitList(cells.names_ar),
      cc,
      a1: cells.admin1 || null,
      lat: cells.lat,
      lon: cells.lon,
      f: cc ? 'region' : 'macro-region',
      gn: Number(cells.geonames_id) || null,
      rank: cc ? 8 : 9,
    });
  }
}

// ---------- hand-written places (places-ar.tsv): district seats and sites of conflict areas missing upstream ----------
{
  const header = ['name', 'name_ar', 'country', 'admin1', 'feature', 'lat', 'lon', 'rank'];
  for (const { cells, line } of parseTsv(readFileSync(join(OUT_DIR, 'places-ar.tsv'), 'utf8'), 'places-ar.tsv', header).rows) {
    const f = cells.feature as string;
    if (f !== 'locality' && f !== 'site') throw new Error(`places-ar.tsv:${line}: feature must be locality or site`);
    addHandPlace(`places-ar.tsv:${line}`, {
      name: cells.name as string,
      names: [cells.name_ar as string, ...splitList(cells.aliases_ar)],
      cc: cells.country as string,
      a1: cells.admin1 || null,
      lat: cells.lat,
      lon: cells.lon,
      f: f as Feature,
      gn: null,
      rank: Number(cells.rank) || 3,
    });
  }
}

// ---------- merge duplicate admin units (WOF county vs OCHA/OpenSyria district with the same name) ----------
const byKey = new Map<string, B[]>();
for (const e of entries) {
  if (e.f !== 'admin2' && e.f !== 'admin3') continue;
  const k = `${e.f}|${e.ar ? nameKey(e.ar) : ''}`;
  if (!e.ar) continue;
  const list = byKey.get(k) ?? [];
  const twin = list.find((o) => o.cc === e.cc && km(o, e) < 30);
  if (twin) {
    for (const k2 of e.keys) twin.keys.add(k2);
    for (const v of e.variants) if (!twin.keys.has(v)) twin.variants.add(v);
    twin.a1 ??= e.a1;
    twin.pop = Math.max(twin.pop, e.pop);
    e.dead = true;
  } else {
    list.push(e);
    byKey.set(k, list);
  }
}

// ---------- district and sub-district seats: the town that shares the unit's name gets its rank and names ----------
const townsByKey = new Map<string, B[]>();
for (const e of entries) {
  if (e.dead || (e.f !== 'locality' && e.f !== 'neighbourhood')) continue;
  for (const k of e.keys) {
    const l = townsByKey.get(k) ?? [];
    l.push(e);
    townsByKey.set(k, l);
  }
}
let seats = 0;
for (const e of entries) {
  if (e.dead || (e.f !== 'admin2' && e.f !== 'admin3')) continue;
  let best: B | null = null;
  for (const k of e.keys) {
    for (const t of townsByKey.get(k) ?? []) {
      if (t.cc !== e.cc || (t.a1 && e.a1 && t.a1 !== e.a1) || km(t, e) > 40) continue;
      if (!best || t.rank > best.rank || (t.rank === best.rank && t.pop > best.pop)) best = t;
    }
  }
  if (!best) continue;
  seats++;
  best.rank = Math.max(best.rank, e.f === 'admin2' ? 5 : 4);
  for (const k of e.keys) if (!best.keys.has(k)) best.variants.add(k);
  if (!best.ar && e.ar) {
    best.ar = e.ar;
    best.keys.add(nameKey(e.ar));
    best.variants.delete(nameKey(e.ar));
  }
  best.a2 ??= e.f === 'admin2' ? e.name : e.a2;
  if (e.f === 'admin3') best.a3 ??= e.name;
}
log(`${seats} admin2/admin3 seats linked to their towns`);

// ---------- write ----------
const live = entries.filter((e) => !e.dead && Number.isFinite(e.lat) && Number.isFinite(e.lon) && (e.keys.size || e.variants.size));
const countryList = [...countries.values()].map(({ capital, arAliases, ...c }) => c);
const ccIdx = new Map(countryList.map((c, i) => [c.code, i]));
const a1List = [...admin1.values()];
const a1Idx = new Map(a1List.map((a, i) => [a.code, i]));
const strings: string[] = [];
const sIdx = new Map<string, number>();
const intern = (s: string | null) => {
  if (!s) return -1;
  let i = sIdx.get(s);
  if (i === undefined) {
    i = strings.length;
    strings.push(s);
    sIdx.set(s, i);
  }
  return i;
};
const P: IndexFile['places'] = {
  name: [],
  ar: [],
  cc: [],
  a1: [],
  a2: [],
  a3: [],
  lat: [],
  lon: [],
  f: [],
  pop: [],
  gn: [],
  rank: [],
  k: [],
  v: [],
};
for (const e of live) {
  P.name.push(e.name);
  P.ar.push(e.ar ?? '');
  P.cc.push(ccIdx.get(e.cc) ?? -1);
  P.a1.push(e.a1 ? (a1Idx.get(e.a1) ?? -1) : -1);
  P.a2.push(intern(e.a2));
  P.a3.push(intern(e.a3));
  P.lat.push(Math.round(e.lat * 1e5));
  P.lon.push(Math.round(e.lon * 1e5));
  P.f.push(FEATURES.indexOf(e.f));
  P.pop.push(e.pop);
  P.gn.push(e.gn ?? 0);
  P.rank.push(e.rank);
  P.k.push([...e.keys].join('|'));
  P.v.push([...e.variants].join('|'));
}
const readme = readFileSync(join(SRC, 'README.md'), 'utf8');
const attribution = /### Required attribution[^\n]*\n+```\n([\s\S]*?)```/.exec(readme)?.[1]?.trim() ?? '';
if (!attribution) throw new Error('attribution block not found in the gazetteer README');
const index: IndexFile = { format: 'marsad-gazetteer/1', attribution, countries: countryList, admin1: a1List, strings, places: P };
mkdirSync(OUT_DIR, { recursive: true });
// format 2: binary columns and a prebuilt key table (src/geo/codec.ts), gzip-compressed
const gz = gzipSync(encodeIndex(index), { level: 9 });
writeFileSync(join(OUT_DIR, 'index.bin.gz'), gz);
const licences = /## Licences[^\n]*\n([\s\S]*?)### Required attribution/.exec(readme)?.[1]?.trim() ?? '';
writeFileSync(
  join(OUT_DIR, 'ATTRIBUTION.md'),
  `# Gazetteer attribution\n\n\`data/gazetteer/index.bin.gz\` is compiled by \`scripts/build-gazetteer.ts\` from the sources below\n(the shared offline gazetteer; its README lists the exact upstream commits). \`admin1-ar.tsv\`, \`aliases-ar.tsv\` (Arabic names of world cities), \`regions.tsv\` (continents, seas,\nregions) and \`places-ar.tsv\` (district seats and sites of conflict areas missing upstream) are hand-written (CC0 facts).\n\n## Required attribution\n\n\`\`\`\n${attribution}\n\`\`\`\n\n## Licences\n\n${licences}\n`,
);
const counts: Record<string, number> = {};
for (const e of live) counts[e.f] = (counts[e.f] ?? 0) + 1;
log(
  `wrote ${live.length} places (${JSON.stringify(counts)}), ${countryList.length} countries, ${a1List.length} admin1; ${(gz.length / 1e6).toFixed(2)} MB`,
);
