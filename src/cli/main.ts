// marsad command line: each command is one small file under src/cli/ exporting `register(program)`.
import { Command } from 'commander';
import { register as registerExport } from './export.ts';
import { register as registerExtract } from './extract.ts';
import { register as registerIngest } from './ingest.ts';
import { register as registerPlaces } from './places.ts';
import { register as registerServe } from './serve.ts';

const program = new Command();
program.name('marsad').description('Arabic conflict-event extraction (ACLED-compatible records with evidence)').version('0.1.0');

for (const register of [registerExtract, registerServe, registerIngest, registerExport, registerPlaces]) register(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`marsad: ${(e as Error).message}\n`);
  process.exit(2);
});
