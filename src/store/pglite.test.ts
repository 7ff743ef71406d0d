// The contract suite on the embedded engine (PGlite in a temp directory), plus embedded-only failure cases.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { storeContract } from './contract.test-suite.ts';
import { openStore, StoreError } from './index.ts';

const root = mkdtempSync(join(tmpdir(), 'marsad-pglite-'));
storeContract(
  'pglite',
  () => openStore(join(root, 'db')),
  async () => rmSync(root, { recursive: true, force: true }),
);

function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      h.update(p);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

test('a directory that is not a database, or a corrupted one, is refused with a clear error and left untouched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bad-'));
  try {
    const notDb = join(dir, 'notdb');
    mkdirSync(notDb);
    writeFileSync(join(notDb, 'notes.txt'), 'mine');
    const h1 = treeHash(notDb);
    await assert.rejects(openStore(notDb), (e: StoreError) => e instanceof StoreError && /not an embedded database/.test(e.message));
    assert.equal(treeHash(notDb), h1);

    const corrupt = join(dir, 'corrupt');
    mkdirSync(join(corrupt, 'global'), { recursive: true });
    mkdirSync(join(corrupt, 'base'));
    writeFileSync(join(corrupt, 'PG_VERSION'), '\u0000\u0001garbage');
    writeFileSync(join(corrupt, 'global', 'pg_control'), Buffer.alloc(100, 7));
    const h2 = treeHash(corrupt);
    await assert.rejects(openStore(corrupt), (e: StoreError) => e instanceof StoreError && /corrupted/.test(e.message));
    assert.equal(treeHash(corrupt), h2);

    const file = join(dir, 'file.db');
    writeFileSync(file, 'SQLite format 3\u0000');
    await assert.rejects(openStore(file), /is a file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
