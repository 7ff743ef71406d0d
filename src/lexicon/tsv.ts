// Reads the versioned TSV lexicons in data/: a header of `# key: value` provenance lines, then a line of
// column names, then rows. The loader validates columns and reports file:line on every problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.ts';

export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'LexiconError';
  }
}

export interface TsvTable {
  file: string;
  /** provenance header: source, licence, version, known problems … */
  header: Record<string, string>;
  columns: string[];
  rows: Array<{ line: number; cells: Record<string, string> }>;
}

/** Folder of the shipped data files (data/ at the package root). */
export const DATA_DIR = join(PACKAGE_ROOT, 'data');

export function lexiconPath(name: string): string {
  return join(DATA_DIR, 'lexicon', name);
}

const REQUIRED_HEADER = ['source', 'licence'];

/** Parse TSV text. `required` columns must exist and be non-empty in every row. */
export function parseTsv(text: string, file: string, required: readonly string[] = []): TsvTable {
  const header: Record<string, string> = {};
  const rows: TsvTable['rows'] = [];
  let columns: string[] | null = null;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, idx) => {
    const line = idx + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const m = /^#\s*([\w -]+):\s*(.*)$/.exec(raw);
      if (m && !columns) header[(m[1] as string).trim().toLowerCase()] = (m[2] as string).trim();
      return;
    }
    const cells = raw.split('\t');
    if (!columns) {
      columns = cells.map((c) => c.trim());
      for (const r of required) if (!columns.includes(r)) throw new LexiconError(file, line, `missing column "${r}"`);
      return;
    }
    if (cells.length > columns.length) throw new LexiconError(file, line, `${cells.length} cells, expected at most ${columns.length}`);
    const rec: Record<string, string> = {};
    columns.forEach((c, k) => {
      rec[c] = (cells[k] ?? '').trim();
    });
    for (const r of required) if (!rec[r]) throw new LexiconError(file, line, `empty "${r}"`);
    rows.push({ line, cells: rec });
  });
  if (!columns) throw new LexiconError(file, 1, 'no column line');
  for (const h of REQUIRED_HEADER) if (!header[h]) throw new LexiconError(file, 1, `provenance header "# ${h}:" missing`);
  return { file, header, columns, rows };
}

export function loadTsv(path: string, required: readonly string[] = []): TsvTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new LexiconError(path, 0, `cannot read lexicon: ${(e as Error).message}`);
  }
  return parseTsv(text, path, required);
}

/** Split a `|`-separated cell into trimmed non-empty parts. */
export const splitList = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
