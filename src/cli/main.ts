// marsad command line: each command is one small file under src/cli/ exporting `register(program)`.
// Only the command being run is loaded (the store and server pull in databases and web frameworks).
import { Command } from 'commander';

type Registrar = () => Promise<{ register(program: Command): void }>;

const COMMANDS: Record<string, Registrar> = {
  extract: () => import('./extract.ts'),
  places: () => import('./places.ts'),
  ingest: () => import('./ingest.ts'),
  export: () => import('./export.ts'),
  serve: () => import('./serve.ts'),
};

const program = new Command();
program.name('marsad').description('Arabic conflict-event extraction (ACLED-compatible records with evidence)').version('0.1.0');

const asked = process.argv[2];
const wanted = asked && asked in COMMANDS ? [COMMANDS[asked] as Registrar] : Object.values(COMMANDS);
for (const load of wanted) (await load()).register(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`marsad: ${(e as Error).message}\n`);
  process.exit(2);
});
