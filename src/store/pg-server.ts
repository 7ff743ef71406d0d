// A throwaway PostgreSQL 15 server for tests and benchmarks: initdb + pg_ctl as user postgres in a temp directory
// on a spare loopback port, trust auth; stop() runs `pg_ctl -m fast stop` and removes the directory.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = process.env.MARSAD_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function pgBinariesPresent(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

async function sparePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

function uidOf(user: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

export interface ThrowawayPg {
  url: string;
  /** a URL to another database on the same server (created on demand by createDatabase) */
  urlFor(db: string): string;
  createDatabase(name: string): void;
  stop(): void;
}

export async function startThrowawayPostgres(opts: { fsync?: boolean } = {}): Promise<ThrowawayPg> {
  const root = process.getuid?.() === 0;
  const owner = root ? uidOf('postgres') : null;
  if (root && !owner) throw new Error('running as root but there is no "postgres" user to run the server');
  const dir = mkdtempSync(join(tmpdir(), 'marsad-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const run = (bin: string, args: string[]) => {
    const full = join(PG_BIN, bin);
    const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir }).toString();
  };
  run('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await sparePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=${opts.fsync ? 'on' : 'off'} -c max_connections=60`,
    'start',
  ]);
  const urlFor = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  let stopped = false;
  return {
    url: urlFor('postgres'),
    urlFor,
    createDatabase(name: string) {
      run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `create database "${name}"`]);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
