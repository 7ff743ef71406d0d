// Kill an ingest child process midway (SIGKILL), rerun it: the rerun completes with no duplicates and no loss.
// Also: a second process on the same embedded database is refused while the first holds it.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPipeline, loadResources } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'marsad.js');
const N = 300;
const dir = mkdtempSync(join(tmpdir(), 'marsad-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// synthetic Arabic (written for this test); every text differs
const text = (i: number) =>
  `أفادت مصادر محلية يوم ${1 + (i % 28)} آذار بأن قصفا استهدف حي رقم ${i} في مدينة حلب، ما أسفر عن مقتل ${1 + (i % 5)} مدنيين. ` +
  `وقالت المصادر إن القصف تكرر في ساعات المساء على الحي ${i}، وإن فرق الإسعاف نقلت الجرحى إلى المستشفى.`;

function runCli(
  args: string[],
  onLine?: (line: string, child: ChildProcess) => void,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      const chunk = d.toString();
      stderr += chunk;
      for (const line of chunk.split('\n')) if (line) onLine?.(line, child);
    });
    child.stdout?.resume();
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

test('an ingest killed midway resumes on rerun with every article exactly once', { timeout: 180_000 }, async () => {
  const inp = join(dir, 'in');
  mkdirSync(inp);
  for (let i = 0; i < N; i++) writeFileSync(join(inp, `${String(i).padStart(4, '0')}.txt`), text(i));
  writeFileSync(join(inp, 'empty.txt'), '');
  const db = join(dir, 'db');
  const args = ['ingest', inp, '--db', db, '--progress', 'lines', '--batch', '4', '--published', '2024-03-30'];

  let killedAt = -1;
  const first = await runCli(args, (line, child) => {
    const m = /^ingest: (\d+)\/(\d+)/.exec(line);
    if (m && killedAt < 0 && Number(m[1]) >= 40) {
      killedAt = Number(m[1]);
      child.kill('SIGKILL');
    }
  });
  assert.equal(first.signal, 'SIGKILL', `the first run was killed midway (stderr: ${first.stderr.slice(-300)})`);
  assert.ok(killedAt >= 40 && killedAt < N, `killed at ${killedAt}`);

  const second = await runCli(args.map((a) => (a === 'lines' ? 'none' : a)));
  assert.equal(second.code, 0, second.stderr);

  const pipeline = createPipeline({ resources: loadResources() });
  const expectedRecords = readdirSync(inp)
    .filter((f) => f !== 'empty.txt')
    .reduce((n, f) => n + pipeline.run(readFileSync(join(inp, f), 'utf8'), { id: f, published: '2024-03-30' }).events.length, 0);

  const store = await openStore(db);
  try {
    const st = await store.stats();
    assert.equal(st.articles, N, 'no loss, no duplicate article');
    assert.equal(st.records, expectedRecords, 'each article has exactly its own records');
    assert.equal(st.quarantine, 1);
    assert.equal(st.jobs.queued ?? 0, 0);
    assert.equal(st.jobs.failed ?? 0, 0);
    assert.equal(st.jobs.done, N + 1);
    // while this process holds the database, another process is refused with a clear message
    const other = await runCli(['export', '--format', 'jsonl', '--db', db]);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /in use by process \d+/);
  } finally {
    await store.close();
  }
});
