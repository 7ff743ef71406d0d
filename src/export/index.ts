// Export formats over (article, event) rows.
import { type AcledOptions, type ExportRow, toAcledCsv } from './acled-csv.ts';
import { toGeoJson } from './geojson.ts';
import { toJson, toJsonl } from './json.ts';
import { toPlover } from './plover.ts';

export { ACLED_COLUMNS, type AcledOptions, type ExportRow, toAcledCsv, toAcledRow } from './acled-csv.ts';
export { countryFacts, loadCountryTable } from './countries.ts';
export { toGeoJson } from './geojson.ts';
export { toJson, toJsonl } from './json.ts';
export { loadPloverTable, toPlover, toPloverRecord } from './plover.ts';

export const EXPORT_FORMATS = ['acled-csv', 'json', 'jsonl', 'geojson', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function formatRows(format: ExportFormat, rows: ReadonlyArray<ExportRow>, opts: AcledOptions = {}): string {
  switch (format) {
    case 'acled-csv':
      return toAcledCsv(rows, opts);
    case 'json':
      return toJson(rows);
    case 'jsonl':
      return toJsonl(rows);
    case 'geojson':
      return `${JSON.stringify(toGeoJson(rows))}\n`;
    case 'plover':
      return `${JSON.stringify(toPlover(rows), null, 2)}\n`;
  }
}
