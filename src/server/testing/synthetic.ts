// Synthetic articles + extraction results for tests and the load benchmark (no real article text).
// Every evidence span satisfies text === raw.slice(start, end).
import { createHash } from 'node:crypto';
import type { EventRecord, ExtractionResult, Span } from '../../types.ts';

export interface SyntheticOptions {
  /** deterministic seed */
  seed?: number;
  /** events per article (default 1–3) */
  eventsPerArticle?: [number, number];
  /**
   * spread events over this many distinct towns around each of the six base places (default 0: the six places
   * themselves, coordinates jittered ±0.75°). Large stores for benchmarks want thousands, so that few reports
   * share a town and a day and merge.
   */
  towns?: number;
}

/** Town `t` near a base place: a stable name and coordinates within ±1° of it. */
function town(base: [string, string, string, number, number], t: number): [string, string, string, number, number] {
  const h = (x: number) => {
    const v = Math.sin(x * 12.9898 + t * 78.233) * 43758.5453;
    return v - Math.floor(v);
  };
  return [base[0], base[1], `${base[2]}-${t}`, base[3] + (h(1) - 0.5) * 2, base[4] + (h(2) - 0.5) * 2];
}

const TYPES: Array<[string, string, string]> = [
  ['Political violence', 'Battles', 'Armed clash'],
  ['Political violence', 'Explosions/Remote violence', 'Air/drone strike'],
  ['Political violence', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Political violence', 'Violence against civilians', 'Attack'],
  ['Demonstrations', 'Protests', 'Peaceful protest'],
  ['Strategic developments', 'Strategic developments', 'Arrests'],
];
const PLACES: Array<[string, string, string, number, number]> = [
  ['Syria', 'Deir ez-Zor', 'Synthtown A', 35.33, 40.14],
  ['Syria', 'Aleppo', 'Synthtown B', 36.2, 37.16],
  ['Syria', 'Idlib', 'Synthtown C', 35.93, 36.63],
  ['Syria', 'Damascus', 'Synthtown D', 33.51, 36.29],
  ['Iraq', 'Nineveh', 'Synthtown E', 36.34, 43.13],
  ['Yemen', "Sana'a", 'Synthtown F', 15.37, 44.19],
];
const ACTORS = ['Synthetic Armed Group A', 'Synthetic Armed Group B', 'Military Forces of Synthland', 'Civilians (Synthland)'];
const SOURCES = ['Synthetic Observatory', 'Synthetic Agency'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Builds the article text piece by piece, remembering where each piece landed. */
class TextBuilder {
  text = '';
  add(s: string): Span {
    const start = this.text.length;
    this.text += s;
    return { start, end: this.text.length, text: s };
  }
}

export function syntheticArticle(index: number, opts: SyntheticOptions = {}): { text: string; result: ExtractionResult } {
  const r = rng((opts.seed ?? 7) * 1_000_003 + index);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const [lo, hi] = opts.eventsPerArticle ?? [1, 3];
  const n = lo + Math.floor(r() * (hi - lo + 1));
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 5 * 365) * 86_400_000).toISOString().slice(0, 10);
  const b = new TextBuilder();
  b.add(`مقال تجريبي رقم ${index}.\n`);
  const events: EventRecord[] = [];
  for (let k = 0; k < n; k++) {
    const [disorder, type, sub] = pick(TYPES);
    const base = pick(PLACES);
    const towns = opts.towns ?? 0;
    const [country, admin1, location, lat, lon] = towns > 0 ? town(base, Math.floor(r() * towns)) : base;
    const jitter = towns > 0 ? 0.01 : 1.5;
    const actor1 = pick(ACTORS);
    const actor2 = pick(ACTORS.filter((a) => a !== actor1));
    const fatalities = Math.floor(r() * r() * 30);
    const source = pick(SOURCES);
    b.add('قال ');
    const srcSpan = b.add(source);
    b.add(' إن ');
    const a1 = b.add(actor1);
    b.add(' هاجم ');
    const a2 = b.add(actor2);
    b.add(' في ');
    const loc = b.add(location);
    b.add(' يوم ');
    const date = b.add(day);
    b.add(' ما أدى إلى مقتل ');
    const fat = b.add(String(fatalities));
    b.add(' أشخاص.\n');
    events.push({
      event_id: `syn${index}-${k}`,
      background: false,
      event_date: day,
      time_precision: 1,
      disorder_type: disorder,
      event_type: type,
      sub_event_type: sub,
      actor1,
      assoc_actor_1: [],
      actor2,
      assoc_actor_2: [],
      country,
      admin1,
      admin2: null,
      admin3: null,
      location,
      latitude: +(lat + (r() - 0.5) * jitter).toFixed(5),
      longitude: +(lon + (r() - 0.5) * jitter).toFixed(5),
      geo_precision: 1,
      fatalities,
      sources: [source],
      notes: `Synthetic event ${index}-${k}.`,
      confidence: +(0.5 + r() * 0.5).toFixed(2),
      claims: [{ source, field: 'fatalities', value: fatalities, span: fat }],
      doubts:
        r() < 0.2
          ? [
              {
                code: 'place_ambiguous',
                field: 'location',
                message: 'synthetic doubt',
                span: loc,
              },
            ]
          : [],
      evidence: {
        actor1: [a1],
        actor2: [a2],
        location: [loc],
        event_date: [date],
        fatalities: [fat],
        sources: [srcSpan],
      },
    });
  }
  const text = b.text;
  return {
    text,
    result: {
      article: {
        id: `syn-${index}`,
        published: day,
        language: 'ar',
        sha256: createHash('sha256').update(text).digest('hex'),
        source: 'synthetic',
        url: null,
        chars: text.length,
      },
      events,
      doubts: [],
    },
  };
}
