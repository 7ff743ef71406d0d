// `marsad export --format acled-csv|json|jsonl|geojson|plover [--db …] [--from --to --country --admin1 --type --actor --bbox] [--out FILE]`
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat, formatRows } from '../export/index.ts';
import { bboxProblem, type EventFilters, filtersToQuery, ISO_DATE, parseBbox, rangeProblem } from '../store/filters.ts';
import { openStore } from '../store/index.ts';
import type { EventQuery } from '../store/types.ts';

interface Opts extends EventFilters {
  format: string;
  db?: string;
  out?: string;
}

export function toQuery(o: Opts): EventQuery {
  for (const k of ['from', 'to'] as const)
    if (o[k] && !ISO_DATE.test(o[k] as string)) throw new Error(`--${k} expects YYYY-MM-DD, got "${o[k]}"`);
  if (o.bbox) {
    const box = parseBbox(o.bbox);
    if (!box) throw new Error(`--bbox expects minLon,minLat,maxLon,maxLat, got "${o.bbox}"`);
    const bad = bboxProblem(box);
    if (bad) throw new Error(`--bbox: ${bad} (got "${o.bbox}", expected minLon,minLat,maxLon,maxLat)`);
  }
  const inverted = rangeProblem(o.from, o.to);
  if (inverted) throw new Error(`--from/--to: ${inverted}`);
  return filtersToQuery(o);
}

export function register(program: Command): void {
  program
    .command('export')
    .description('write stored (merged) events as ACLED CSV, JSON, JSONL, GeoJSON or PLOVER JSON')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
    .option('--db <target>', 'embedded database directory or postgres:// URL (default .marsad/db)')
    .option('--from <date>', 'first event date (inclusive)')
    .option('--to <date>', 'last event date (inclusive)')
    .option('--country <name>')
    .option('--admin1 <name>')
    .option('--type <event_type>', 'ACLED event type')
    .option('--actor <name>', 'actor name (part, any side)')
    .option('--bbox <minLon,minLat,maxLon,maxLat>')
    .option('--q <text>', 'fuzzy search over places and actors (Arabic or English)')
    .option('--background', 'include background (historical) events')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (o: Opts) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(o.format))
        throw new Error(`--format expects one of ${EXPORT_FORMATS.join(', ')}, got "${o.format}"`);
      const query = toQuery(o);
      const store = await openStore(o.db);
      try {
        const rows = await store.exportRows(query);
        const text = formatRows(o.format as ExportFormat, rows);
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
        process.stderr.write(`export: ${rows.length} events\n`);
      } finally {
        await store.close();
      }
    });
}
