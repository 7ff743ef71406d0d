// npm run eval: extract every dev article and print the scorer's table (needs ../shared; not part of npm test).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExtract } from '../src/cli/extract.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.MARSAD_SHARED ?? resolve(root, '..', 'shared');
const dev = join(shared, 'eval', 'dev');
if (!existsSync(dev)) {
  console.error(`eval: ${dev} not found (set MARSAD_SHARED to the shared folder)`);
  process.exit(2);
}
const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'marsad-eval-'));
const files = readdirSync(join(dev, 'articles'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(dev, 'articles', f));
runExtract(files, { out, quiet: true });
const args = [join(shared, 'eval', 'score.mjs'), '--gold', join(dev, 'gold'), '--pred', out, ...process.argv.slice(3)];
process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }));
console.log(`predictions in ${out}`);
