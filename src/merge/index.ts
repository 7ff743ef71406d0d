export { clusterRecords } from './cluster.ts';
export { combineRecords, lowestCredible } from './combine.ts';
export {
  actorsCompatible,
  bestMatch,
  DEFAULT_MATCH,
  dayNumber,
  haversineKm,
  isoDay,
  type MatchOptions,
  matchScore,
  typesCompatible,
} from './match.ts';
