export { DEFAULT_MATCH, type MatchOptions, matchScore, bestMatch, haversineKm, dayNumber, isoDay, typesCompatible, actorsCompatible } from './match.ts';
export { combineRecords, lowestCredible } from './combine.ts';
export { clusterRecords } from './cluster.ts';
