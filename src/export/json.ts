// JSON and JSON Lines writers for export rows (one object per event: the event plus its article).
import type { ExportRow } from './acled-csv.ts';

export const exportObject = ({ article, event }: ExportRow): Record<string, unknown> => ({ ...event, article });

export function toJson(rows: ReadonlyArray<ExportRow>): string {
  return `${JSON.stringify(rows.map(exportObject), null, 2)}\n`;
}

export function toJsonl(rows: ReadonlyArray<ExportRow>): string {
  return rows.map((r) => `${JSON.stringify(exportObject(r))}\n`).join('');
}
