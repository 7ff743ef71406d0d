// Synthetic duplicate reports for measuring merge quality: incidents reported by several outlets with realistic
// disagreement (date ±1 day, coordinates a few km apart, transliteration variants, unnamed attacker, differing
// tolls, Battles vs Explosions), plus near-miss distractors (same town days later, a town 20+ km away, a protest).
import type { EventRecord } from '../types.ts';

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticReport {
  record: EventRecord;
  /** true incident id */
  incident: number;
}

const ACTORS = [
  'Military Forces of Syria (2000-)',
  'Islamic State',
  'Hayat Tahrir al-Sham',
  'Syrian Democratic Forces',
  'Military Forces of Turkey (2016-)',
];

const dayIso = (base: number, d: number) => new Date(Date.UTC(2024, 0, 1) + (base + d) * 86_400_000).toISOString().slice(0, 10);

export function syntheticReports(incidents: number, seed = 1): SyntheticReport[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: SyntheticReport[] = [];
  for (let i = 0; i < incidents; i++) {
    // incidents spread over a year and a 4°×4° box, so unrelated ones rarely collide
    const day = Math.floor(r() * 365);
    const lat = 33 + r() * 4;
    const lon = 36 + r() * 4;
    const type = pick(['Battles', 'Explosions/Remote violence', 'Violence against civilians'] as const);
    const a1 = pick(ACTORS);
    const a2 = type === 'Violence against civilians' ? 'Civilians (Syria)' : pick(ACTORS.filter((a) => a !== a1));
    const name = `Town${i}`;
    const deaths = 1 + Math.floor(r() * 12);
    const base: EventRecord = {
      event_id: `s${i}`,
      background: false,
      event_date: dayIso(day, 0),
      time_precision: 1,
      disorder_type: 'Political violence',
      event_type: type,
      sub_event_type:
        type === 'Battles' ? 'Armed clash' : type === 'Violence against civilians' ? 'Attack' : 'Shelling/artillery/missile attack',
      actor1: a1,
      assoc_actor_1: [],
      actor2: a2,
      assoc_actor_2: [],
      country: 'Syria',
      admin1: 'X',
      admin2: null,
      admin3: null,
      location: name,
      location_ar: `بلدة${i}`,
      latitude: lat,
      longitude: lon,
      geo_precision: 1,
      fatalities: deaths,
      sources: ['Outlet 0'],
      notes: '',
      confidence: 0.7,
      claims: [],
      doubts: [],
      evidence: {},
    };
    const reports = 1 + Math.floor(r() * 4);
    for (let k = 0; k < reports; k++) {
      const rec: EventRecord = { ...base, sources: [`Outlet ${k}`], confidence: 0.5 + r() * 0.4 };
      if (k > 0) {
        if (r() < 0.35) rec.event_date = dayIso(day, r() < 0.5 ? 1 : -1); // re-reported next day / dated differently
        if (r() < 0.5) {
          // geocoded to a nearby point (≤ ~3 km), sometimes under another transliteration
          rec.latitude = lat + (r() - 0.5) * 0.05;
          rec.longitude = lon + (r() - 0.5) * 0.05;
          if (r() < 0.5) rec.location = `${name} (alt)`;
        }
        if (r() < 0.2) {
          rec.latitude = null; // place known by name only
          rec.longitude = null;
          rec.geo_precision = null;
        }
        if (r() < 0.25) rec.actor1 = 'Unidentified Armed Group (Syria)';
        if (r() < 0.4) rec.fatalities = Math.max(0, deaths + Math.floor((r() - 0.5) * 6));
        if (type !== 'Violence against civilians' && r() < 0.2) {
          rec.event_type = type === 'Battles' ? 'Explosions/Remote violence' : 'Battles';
        }
      }
      out.push({ record: rec, incident: i });
    }
    // distractors: same town 4 days later (a new incident), and a town ~25 km away the same day
    if (r() < 0.3) out.push({ record: { ...base, event_date: dayIso(day, 4), sources: ['Outlet D'] }, incident: incidents + i * 2 });
    if (r() < 0.3)
      out.push({
        record: { ...base, location: `${name}-far`, location_ar: `بعيدة${i}`, latitude: lat + 0.23, longitude: lon, sources: ['Outlet D'] },
        incident: incidents + i * 2 + 1,
      });
  }
  // arrival order: shuffled (outlets publish in any order)
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as SyntheticReport, out[i] as SyntheticReport];
  }
  return out;
}

/** Pairwise precision/recall/F1 of a clustering against the true incidents, and cluster counts. */
export function pairwiseScores(truth: ReadonlyArray<number>, predicted: ReadonlyArray<number>) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < truth.length; i++)
    for (let j = i + 1; j < truth.length; j++) {
      const same = truth[i] === truth[j];
      const merged = predicted[i] === predicted[j];
      if (same && merged) tp++;
      else if (merged) fp++;
      else if (same) fn++;
    }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    incidents: new Set(truth).size,
    events: new Set(predicted).size,
  };
}
