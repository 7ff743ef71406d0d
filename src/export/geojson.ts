// GeoJSON FeatureCollection of events (Point at the event's coordinates; unlocated events left out unless asked).
import type { ExportRow } from './acled-csv.ts';

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
}

export interface GeoJsonCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

export interface GeoJsonOptions {
  /** keep events without coordinates as features with a null geometry (valid GeoJSON); default false */
  includeUnlocated?: boolean;
  /** keep the evidence spans in properties; default false (they are large) */
  includeEvidence?: boolean;
}

export function toGeoJson(rows: ReadonlyArray<ExportRow>, opts: GeoJsonOptions = {}): GeoJsonCollection {
  const features: GeoJsonFeature[] = [];
  for (const { article, event } of rows) {
    const located = typeof event.latitude === 'number' && typeof event.longitude === 'number';
    if (!located && !opts.includeUnlocated) continue;
    const { evidence, ...rest } = event;
    const properties: Record<string, unknown> = { ...rest, article_id: article.id };
    if (opts.includeEvidence) properties.evidence = evidence;
    features.push({
      type: 'Feature',
      id: event.event_id,
      geometry: located ? { type: 'Point', coordinates: [event.longitude as number, event.latitude as number] } : null,
      properties,
    });
  }
  return { type: 'FeatureCollection', features };
}
