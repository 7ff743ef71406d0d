// In-memory incremental clustering with the store's rule (each record joins the best-matching earlier cluster,
// compared with the cluster's merged record), for measuring merge quality without a database.
import type { EventRecord } from '../types.ts';
import { combineRecords } from './combine.ts';
import { bestMatch, DEFAULT_MATCH, type MatchOptions } from './match.ts';

export function clusterRecords(records: ReadonlyArray<EventRecord>, opts: MatchOptions = DEFAULT_MATCH): number[] {
  const clusters: Array<{ members: EventRecord[]; merged: EventRecord }> = [];
  const out: number[] = [];
  for (const r of records) {
    const k = bestMatch(
      r,
      clusters.map((c) => c.merged),
      opts,
    );
    if (k < 0) {
      clusters.push({ members: [r], merged: combineRecords(`c${clusters.length}`, [r]) });
      out.push(clusters.length - 1);
    } else {
      const c = clusters[k] as (typeof clusters)[number];
      c.members.push(r);
      c.merged = combineRecords(`c${k}`, c.members);
      out.push(k);
    }
  }
  return out;
}
