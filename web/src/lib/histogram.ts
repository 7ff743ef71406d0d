// Date histogram bins (by day, month or year depending on the span) for the timeline.
export interface Bin {
  key: string;
  /** first and last ISO day covered by the bin */
  from: string;
  to: string;
  count: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);

export function binDates(dates: ReadonlyArray<string | null>): Bin[] {
  const valid = dates.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  if (valid.length === 0) return [];
  const first = day(valid[0]);
  const last = day(valid[valid.length - 1]);
  const spanDays = (last.getTime() - first.getTime()) / 86_400_000;
  const unit: 'day' | 'month' | 'year' = spanDays <= 120 ? 'day' : spanDays <= 365 * 12 ? 'month' : 'year';
  const bins: Bin[] = [];
  const index = new Map<string, Bin>();
  const cursor = new Date(first);
  if (unit !== 'day') cursor.setUTCDate(1);
  if (unit === 'year') cursor.setUTCMonth(0);
  while (cursor <= last) {
    const from = iso(cursor);
    const next = new Date(cursor);
    if (unit === 'day') next.setUTCDate(next.getUTCDate() + 1);
    else if (unit === 'month') next.setUTCMonth(next.getUTCMonth() + 1);
    else next.setUTCFullYear(next.getUTCFullYear() + 1);
    const to = iso(new Date(next.getTime() - 86_400_000));
    const key = unit === 'day' ? from : unit === 'month' ? from.slice(0, 7) : from.slice(0, 4);
    const bin = { key, from, to, count: 0 };
    bins.push(bin);
    index.set(key, bin);
    cursor.setTime(next.getTime());
  }
  for (const d of valid) {
    const key = unit === 'day' ? d : unit === 'month' ? d.slice(0, 7) : d.slice(0, 4);
    const bin = index.get(key);
    if (bin) bin.count++;
  }
  return bins;
}
