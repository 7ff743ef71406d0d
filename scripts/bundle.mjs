// Bundles the CLI into dist/marsad.mjs (npm's "prepare" runs this on install) so a command starts without
// compiling TypeScript; bin/marsad.js falls back to the sources (through tsx) whenever they are newer.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  // the CLI, and the benchmark so that it measures the same compiled code users run
  entryPoints: { marsad: join(root, 'src', 'cli', 'main.ts'), bench: join(root, 'scripts', 'bench.ts') },
  outdir: join(root, 'dist'),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
