// `marsad extract FILE… [--out DIR] [--published YYYY-MM-DD] [--format json|jsonl|csv]`
// Batch mode: one process, resources loaded once; a bad file is reported and the batch goes on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import { formatRows } from '../export/index.ts';
import { createPipeline, loadResources } from '../pipeline/index.ts';
import type { ExtractionResult } from '../types.ts';
import { InputError, readArticle, validDate } from './read-article.ts';

type Format = 'json' | 'jsonl' | 'csv';

export interface ExtractOptions {
  out?: string;
  published?: string;
  format?: Format;
  quiet?: boolean;
}

function render(results: ExtractionResult[], format: Format): string {
  if (format === 'json') return `${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`;
  const rows = results.flatMap((r) => r.events.map((event) => ({ article: r.article, event })));
  if (format === 'jsonl') return results.map((r) => JSON.stringify(r)).join('\n') + (results.length ? '\n' : '');
  return formatRows('acled-csv', rows);
}

/** Runs the command; returns the exit code (0 all processed, 1 some file failed, 2 usage error). */
export interface Output {
  write(s: string): unknown;
}

export function runExtract(
  files: string[],
  opts: ExtractOptions,
  io: { out: Output; err: Output } = { out: process.stdout, err: process.stderr },
): number {
  const format: Format = opts.format ?? 'json';
  if (!['json', 'jsonl', 'csv'].includes(format)) {
    io.err.write(`marsad extract: unknown --format "${format}" (json, jsonl or csv)\n`);
    return 2;
  }
  if (opts.published !== undefined && !validDate(opts.published)) {
    io.err.write(`marsad extract: --published must be a real date as YYYY-MM-DD, got "${opts.published}"\n`);
    return 2;
  }
  if (files.length === 0) {
    io.err.write('marsad extract: no input files\n');
    return 2;
  }
  const pipeline = createPipeline({ resources: loadResources() });
  if (opts.out) mkdirSync(opts.out, { recursive: true });
  const results: ExtractionResult[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const input = readArticle(file, opts.published);
      const result = pipeline.run(input.text, input.meta);
      for (const note of input.notes) result.doubts.push({ code: 'input_converted', message: note });
      const news = result.events.filter((e) => !e.background).length;
      if (!opts.quiet && (opts.out || files.length > 1))
        io.err.write(
          `${file}: ${news ? `${news} event${news > 1 ? 's' : ''}` : 'no events'}${result.events.length > news ? ` (+${result.events.length - news} background)` : ''}\n`,
        );
      if (opts.out) {
        const name = basename(file, extname(file));
        const ext = format === 'csv' ? 'csv' : format;
        writeFileSync(join(opts.out, `${name}.${ext}`), render([result], format));
      } else results.push(result);
    } catch (e) {
      failed++;
      const msg = e instanceof InputError ? e.message : `${file}: ${(e as Error).message}`;
      io.err.write(`marsad extract: ${msg}\n`);
    }
  }
  if (!opts.out && results.length) io.out.write(render(results, format));
  return failed ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract conflict events from Arabic article files (.txt, or HTML)')
    .argument('<files...>', 'article files; a sidecar NAME.meta.json gives published/source/url')
    .option('-o, --out <dir>', 'write DIR/<name>.json per input instead of printing')
    .option('-p, --published <date>', 'publication date YYYY-MM-DD (overrides the sidecar)')
    .option('-f, --format <format>', 'json | jsonl | csv (ACLED columns)', 'json')
    .option('-q, --quiet', 'no per-file progress lines')
    .action((files: string[], opts: ExtractOptions) => {
      process.exitCode = runExtract(files, opts);
    });
}
