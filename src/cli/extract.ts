// `marsad extract FILE… [--out DIR] [--published YYYY-MM-DD] [--format json|jsonl|csv]` (lead owns this file).
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('extract')
    .argument('<files...>')
    .action(() => {
      process.stderr.write('extract: not implemented yet\n');
    });
}
