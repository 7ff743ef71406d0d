// Browser-test harness: a real server on a free loopback port over a temp PGlite store, and Debian's Chromium.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { createPipeline, loadResources, type Pipeline } from '../../src/pipeline/index.ts';
import { startServer } from '../../src/server/start.ts';
import { openTestStore } from '../../src/server/testing/test-store.ts';
import type { Store } from '../../src/store/types.ts';

export const CHROMIUM = process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium';

/** undefined when Chromium can run; otherwise the reason to skip (or throws when MARSAD_REQUIRE_CHROMIUM is set). */
export function chromiumSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `${CHROMIUM} is absent (install Debian's chromium)`;
  if (process.env.MARSAD_REQUIRE_CHROMIUM) throw new Error(`MARSAD_REQUIRE_CHROMIUM is set but ${reason}`);
  return reason;
}

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
}

export interface Running {
  url: string;
  store: Store;
  pipeline: Pipeline;
  stop(): Promise<void>;
}

export async function runServer(opts: { seed?: boolean } = {}): Promise<Running> {
  const { store, dispose } = await openTestStore();
  const pipeline = createPipeline({ resources: loadResources() });
  const server = await startServer({ store, pipeline, port: 0, seed: opts.seed ?? false });
  return {
    url: server.url,
    store,
    pipeline,
    async stop() {
      await server.close();
      await dispose();
    },
  };
}
