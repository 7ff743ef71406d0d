// `marsad serve [--port N] [--db FILE|postgres://…] [--host H] [--api-key KEY]`: the web app + HTTP API.
import type { Command } from 'commander';
import { startServer } from '../server/start.ts';
import { openStore } from '../store/index.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the HTTP API (bundled examples are ingested into an empty store)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--db <target>', 'PGlite directory or postgres:// URL (default .marsad/db)')
    .option('--api-key <key>', 'API key required by write routes (default: env MARSAD_API_KEY; none = loopback-only writes)')
    .option('--no-seed', 'do not ingest the bundled examples')
    .action(async (o: { port: string; host: string; db?: string; apiKey?: string; seed: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected 0–65535, got ${o.port}`);
      const store = await openStore(o.db);
      const log = (s: string) => process.stderr.write(`${s}\n`);
      const apiKey = o.apiKey ?? process.env.MARSAD_API_KEY ?? undefined;
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({ store, port, host: o.host, apiKey: apiKey || undefined, seed: o.seed, log });
      } catch (e) {
        await store.close();
        throw e;
      }
      if (server.seeded) log(`ingested ${server.seeded} bundled example article(s)`);
      if (!apiKey && o.host !== '127.0.0.1' && o.host !== '::1' && o.host !== 'localhost')
        log('note: no API key set, so write routes accept loopback clients only');
      process.stdout.write(`marsad is serving ${server.url}/  (API docs: ${server.url}/docs, store: ${store.engine})\n`);
      const stop = async () => {
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
