// Test helper: a fresh store in a temp directory (real PGlite via src/store when present).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../store/types.ts';
import { memoryStore } from './memory-store.ts';

export async function openTestStore(): Promise<{
  store: Store;
  dir: string;
  dispose(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'marsad-server-'));
  const storeIndex = new URL('../../store/index.ts', import.meta.url);
  let store: Store;
  if (existsSync(storeIndex)) {
    const mod = (await import(storeIndex.href)) as {
      openStore(target?: string): Promise<Store>;
    };
    store = await mod.openStore(join(dir, 'db'));
  } else {
    store = memoryStore();
  }
  return {
    store,
    dir,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
