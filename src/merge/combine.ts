// The merged event derived from its article-level records: sources united, fatalities by ACLED's lowest-credible
// rule, place from the most precise report, claims kept per source, a doubt when figures disagree.
import type { Doubt, EventRecord } from '../types.ts';

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** ACLED: the lowest credible figure when reports differ; a report with no figure (0) does not lower others. */
export function lowestCredible(values: ReadonlyArray<number | null | undefined>): number {
  const positive = values.filter((v): v is number => typeof v === 'number' && v > 0);
  return positive.length > 0 ? Math.min(...positive) : 0;
}

const precision = (r: EventRecord): number => (r.latitude != null ? (r.geo_precision ?? 3) : 4);

/** Combine records (in arrival order) into the merged record. `id` becomes the event_id. */
export function combineRecords(id: string, records: ReadonlyArray<EventRecord>): EventRecord {
  if (records.length === 0) throw new Error('combineRecords: no records');
  const byConfidence = [...records].sort((a, b) => b.confidence - a.confidence);
  const base = byConfidence[0] as EventRecord;
  const place = [...records].sort((a, b) => precision(a) - precision(b))[0] as EventRecord;
  const dated = [...records]
    .filter((r) => r.event_date)
    .sort((a, b) => a.time_precision - b.time_precision || (a.event_date as string).localeCompare(b.event_date as string));
  const date = dated[0] ?? base;
  const figures = records.map((r) => r.fatalities);
  const fatalities = lowestCredible(figures);
  const positive = figures.filter((f) => f > 0);
  const doubts: Doubt[] = [];
  for (const r of records) for (const d of r.doubts) if (!doubts.some((x) => x.code === d.code && x.message === d.message)) doubts.push(d);
  if (new Set(positive).size > 1)
    doubts.push({
      code: 'fatalities_conflict',
      field: 'fatalities',
      message: `reports differ: ${uniq(positive).join(', ')}; lowest credible kept`,
    });
  const civ = records.map((r) => r.civilian_fatalities).filter((v): v is number => typeof v === 'number');
  const inj = records.map((r) => r.injuries).filter((v): v is number => typeof v === 'number' && v > 0);
  const merged: EventRecord = {
    ...base,
    event_id: id,
    event_date: date.event_date,
    time_precision: date.time_precision,
    actor1: base.actor1 ?? records.find((r) => r.actor1)?.actor1 ?? null,
    actor2: base.actor2 ?? records.find((r) => r.actor2)?.actor2 ?? null,
    assoc_actor_1: uniq(records.flatMap((r) => r.assoc_actor_1 ?? [])),
    assoc_actor_2: uniq(records.flatMap((r) => r.assoc_actor_2 ?? [])),
    country: place.country ?? base.country,
    iso: place.iso ?? base.iso ?? null,
    admin1: place.admin1,
    admin2: place.admin2,
    admin3: place.admin3,
    location: place.location,
    location_ar: place.location_ar ?? null,
    latitude: place.latitude,
    longitude: place.longitude,
    geo_precision: place.geo_precision,
    fatalities,
    fatalities_low: positive.length > 0 ? Math.min(...positive) : 0,
    fatalities_high: positive.length > 0 ? Math.max(...positive) : 0,
    sources: uniq(records.flatMap((r) => r.sources)),
    confidence: Math.max(...records.map((r) => r.confidence)),
    claims: records.flatMap((r) => r.claims),
    doubts,
  };
  if (civ.length > 0) merged.civilian_fatalities = Math.min(...civ);
  if (inj.length > 0) merged.injuries = Math.min(...inj);
  return merged;
}
