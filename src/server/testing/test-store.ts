// Test helper: a fresh embedded store (real PGlite) in a temp directory, removed on dispose.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/types.ts';

export async function openTestStore(): Promise<{ store: Store; dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'marsad-server-'));
  const store = await openStore(join(dir, 'db'));
  return {
    store,
    dir,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
