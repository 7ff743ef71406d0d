// `marsad export` on a real embedded store: the command's own parser and action run in-process for the many filter
// and bad-argument cases (fast), and as a real process twice (exit codes, stdout/stderr as a user sees them).
// Bad arguments (bbox, dates, format) stop with a clear message before the database is opened.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { MANBIJ, makeEvent, makeExtraction, TAL_AFAR } from '../export/fixtures.ts';
import { openStore } from '../store/index.ts';
import { register } from './export.ts';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'marsad.js');
const dir = mkdtempSync(join(tmpdir(), 'marsad-export-cli-'));
const db = join(dir, 'db');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'export', ...args], { encoding: 'utf8', timeout: 60_000 });
let outN = 0;
/** The export command in-process (commander parsing + action), writing to a file; resolves to the file's text. */
async function inProcess(...args: string[]): Promise<string> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
  register(program);
  const out = join(dir, `out-${outN++}`);
  const quiet = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await program.parseAsync(['node', 'marsad', 'export', ...args, '--out', out]);
  } finally {
    process.stderr.write = quiet;
  }
  return readFileSync(out, 'utf8');
}

before(async () => {
  const store = await openStore(db);
  const events = [
    makeEvent({
      event_date: '2003-01-10',
      country: 'Syria',
      admin1: 'Idlib',
      location: 'Sarmin',
      latitude: 35.9,
      longitude: 36.72,
      event_type: 'Battles',
      actor1: 'Islamic State',
    }),
    makeEvent({ ...MANBIJ, event_date: '2003-02-10' }),
    makeEvent({ ...TAL_AFAR, event_date: '2003-03-10', event_type: 'Protests', sub_event_type: 'Peaceful protest' }),
  ];
  for (const [i, e] of events.entries()) {
    const text = `تقرير تجريبي ${i}`;
    await store.addExtraction(text, makeExtraction(text, [e]));
  }
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const lines = (s: string) =>
  s
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: Record<string, unknown> } & Record<string, unknown>);
const locations = (stdout: string) =>
  lines(stdout)
    .map((r) => (r.event ?? r).location as string)
    .sort();

test('export (process): filtered JSONL on stdout, the count on stderr, exit 0', () => {
  const r = run('--format', 'jsonl', '--db', db, '--country', 'Syria', '--from', '2003-01-01');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(locations(r.stdout), ['Manbij', 'Sarmin']);
  assert.match(r.stderr, /export: 2 events/);
});

test('export (process): a bad --bbox exits 2 with a clear message and no output', () => {
  const r = run('--format', 'jsonl', '--db', db, '--bbox', '0,50,10,40');
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^marsad: --bbox: bbox minLat is greater than maxLat/);
  assert.equal(r.stdout, '');
});

test('export: every event, then filtered by country, admin1, type, dates, bbox and actor', async () => {
  assert.deepEqual(locations(await inProcess('--format', 'jsonl', '--db', db)), ['Manbij', 'Sarmin', 'Tal Afar']);
  const cases: Array<[string[], string[]]> = [
    [['--country', 'iraq'], ['Tal Afar']],
    [['--admin1', 'Aleppo'], ['Manbij']],
    [['--type', 'Battles'], ['Sarmin']],
    [['--from', '2003-02-01', '--to', '2003-02-28'], ['Manbij']],
    [
      ['--bbox', '36,35,38.5,37'],
      ['Manbij', 'Sarmin'],
    ],
    [['--actor', 'islamic state'], ['Sarmin']],
    [['--country', 'Yemen'], []],
  ];
  for (const [filter, want] of cases)
    assert.deepEqual(locations(await inProcess('--format', 'jsonl', '--db', db, ...filter)), want, filter.join(' '));
});

test('export: ACLED CSV has the header and one row per event', async () => {
  const rows = (await inProcess('--format', 'acled-csv', '--db', db, '--country', 'Syria')).trim().split('\n');
  assert.equal(rows.length, 3);
  assert.match(rows[0] as string, /^event_id_cnty,/);
});

test('export: bad --bbox, dates or format → an error that says what is wrong, before the database is opened', async () => {
  const bad: Array<[string[], RegExp]> = [
    [['--bbox', '1,2,3'], /--bbox expects minLon,minLat,maxLon,maxLat/],
    [['--bbox', 'a,b,c,d'], /--bbox expects/],
    [['--bbox', '0,50,10,40'], /--bbox: bbox minLat is greater than maxLat/],
    [['--bbox', '0,0,200,10'], /--bbox: bbox longitudes must lie in \[-180, 180\]/],
    [['--bbox', '0,-95,10,10'], /--bbox: bbox latitudes must lie in \[-90, 90\]/],
    [['--from', '2003-13'], /--from expects YYYY-MM-DD/],
    [['--from', '2003-03-01', '--to', '2003-02-01'], /--from\/--to: from \(2003-03-01\) is after to \(2003-02-01\)/],
  ];
  for (const [args, message] of bad) await assert.rejects(inProcess('--format', 'jsonl', '--db', db, ...args), message, args.join(' '));
  await assert.rejects(
    inProcess('--format', 'xml', '--db', db),
    /--format expects one of acled-csv, json, jsonl, geojson, plover, got "xml"/,
  );
  // the database named does not exist and is not created: the bad bbox is reported first
  const missing = join(dir, 'never-created');
  await assert.rejects(inProcess('--format', 'json', '--db', missing, '--bbox', '1,2,3'), /--bbox expects/);
  assert.equal(existsSync(missing), false);
});
