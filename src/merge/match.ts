// When two article-level event records describe the same incident: date within a day, place within a few km or the
// same location name, compatible type and actors, same background flag.
import { normKey } from '../text/normalize.ts';
import type { EventRecord } from '../types.ts';

export interface MatchOptions {
  /** max distance between coordinates, km (default 5) */
  maxKm: number;
  /** max date difference, days (default 1) */
  maxDays: number;
}

export const DEFAULT_MATCH: MatchOptions = { maxKm: 5, maxDays: 1 };

/** ACLED types that reports of one incident plausibly disagree on (ACLED ranks Battles > Explosions > VAC). */
const COMPATIBLE_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['Battles', 'Explosions/Remote violence'],
  ['Explosions/Remote violence', 'Violence against civilians'],
  ['Battles', 'Violence against civilians'],
  ['Protests', 'Riots'],
];

export function dayNumber(iso: string | null): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000);
}

export function isoDay(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export const typesCompatible = (a: string, b: string): boolean =>
  a === b || COMPATIBLE_TYPES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

const nameKey = (s: string | null | undefined): string => (s ? normKey(s).toLowerCase() : '');

const isVague = (actor: string | null): boolean => !actor || /^unidentified\b/i.test(actor);

function actorCompatible(a: string | null, b: string | null): boolean {
  if (isVague(a) || isVague(b)) return true;
  return nameKey(a) === nameKey(b);
}

export function actorsCompatible(a: EventRecord, b: EventRecord): boolean {
  const straight = actorCompatible(a.actor1, b.actor1) && actorCompatible(a.actor2, b.actor2);
  const swapped = actorCompatible(a.actor1, b.actor2) && actorCompatible(a.actor2, b.actor1);
  return straight || swapped;
}

/** Same place: same location name (English or Arabic) in the same country, or coordinates within maxKm. */
export function placeDistance(a: EventRecord, b: EventRecord): number | null {
  if (a.country && b.country && nameKey(a.country) !== nameKey(b.country)) return null;
  if (a.latitude != null && a.longitude != null && b.latitude != null && b.longitude != null) {
    const km = haversineKm(a.latitude, a.longitude, b.latitude, b.longitude);
    // province-level coordinates (geo_precision 3) only match the same named place
    if ((a.geo_precision ?? 1) < 3 && (b.geo_precision ?? 1) < 3) return km;
  }
  const sameName =
    (a.location && b.location && nameKey(a.location) === nameKey(b.location)) ||
    (a.location_ar && b.location_ar && nameKey(a.location_ar) === nameKey(b.location_ar));
  return sameName ? 0 : null;
}

/** A match score in (0, 1], or 0 when the records are not the same incident. */
export function matchScore(a: EventRecord, b: EventRecord, opts: MatchOptions = DEFAULT_MATCH): number {
  if (a.background !== b.background) return 0;
  const da = dayNumber(a.event_date);
  const db = dayNumber(b.event_date);
  if (da === null || db === null) return 0;
  const dd = Math.abs(da - db);
  if (dd > opts.maxDays) return 0;
  if (!typesCompatible(a.event_type, b.event_type)) return 0;
  if (!actorsCompatible(a, b)) return 0;
  const km = placeDistance(a, b);
  if (km === null || km > opts.maxKm) return 0;
  const typeBonus = a.event_type === b.event_type ? 1 : 0.8;
  return typeBonus * (1 - dd / (opts.maxDays + 1) / 2) * (1 - km / opts.maxKm / 2);
}

/** Index of the best-matching candidate, or -1. */
export function bestMatch(rec: EventRecord, candidates: ReadonlyArray<EventRecord>, opts: MatchOptions = DEFAULT_MATCH): number {
  let best = -1;
  let bestScore = 0;
  candidates.forEach((c, i) => {
    const s = matchScore(rec, c, opts);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  });
  return best;
}
