// Ingest from files, folders, JSONL (gzip too) and HTML into a real embedded store; bad items land in quarantine.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { checkText, decodeBytes } from './decode.ts';
import { extractPage } from './html.ts';
import { runIngest } from './run.ts';

// synthetic Arabic (written for these tests)
export const arabicReport = (n: number) =>
  `قالت مصادر محلية إن قصفا مدفعيا استهدف بلدة تجريبية رقم ${n} صباح اليوم، ما أدى إلى أضرار في المنازل. ` +
  'وأضافت المصادر أن فرق الدفاع المدني عملت على إخماد الحرائق في الحي الشرقي من البلدة، وأن الأهالي نزحوا إلى القرى المجاورة.';

const page = (body: string) =>
  `<!doctype html><html><head><title>خبر</title><meta property="article:published_time" content="2024-02-03T10:00:00Z"></head><body><nav>الرئيسية | أخبار</nav>${body}<footer>حقوق النشر</footer></body></html>`;

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-ingest-'));
  store = await openStore(join(dir, 'db'));
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('decode: empty, binary, invalid UTF-8 and non-Arabic are rejected with a reason', () => {
  assert.deepEqual(decodeBytes(Buffer.alloc(0)), { ok: false, reason: 'empty' });
  assert.equal((decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1])) as { reason: string }).reason, 'binary');
  assert.equal((decodeBytes(Buffer.from([0xd9, 0x86, 0xff, 0xfe, 0x20])) as { reason: string }).reason, 'invalid_utf8');
  assert.equal((checkText('An English sentence only.') as { reason: string }).reason, 'non_arabic');
  assert.equal(checkText(arabicReport(1)).ok, true);
  assert.equal(checkText('\uFEFF').ok, false);
});

test('HTML: main text extracted, navigation left out; a page with no article gives null', () => {
  const p = extractPage(page(`<article><h1>عنوان الخبر</h1><p>${arabicReport(1)}</p><p>${arabicReport(2)}</p></article>`));
  assert.ok(p);
  assert.match(p.text, /قصفا مدفعيا/);
  assert.doesNotMatch(p.text, /حقوق النشر/);
  assert.equal(p.published, '2024-02-03');
  assert.equal(extractPage(page('<div><a href="/a">رابط</a></div>')), null);
  assert.equal(extractPage('\u0000\u0001 not html at all'), null);
});

test('a folder of text, sidecar meta, HTML and JSONL.gz is ingested; bad items are quarantined; a rerun adds nothing', async () => {
  const inp = join(dir, 'in');
  mkdirSync(join(inp, 'sub'), { recursive: true });
  writeFileSync(join(inp, '001.txt'), arabicReport(1));
  writeFileSync(join(inp, '001.meta.json'), JSON.stringify({ published: '2024-01-05', source: 'Outlet T', url: 'http://x/1' }));
  writeFileSync(join(inp, 'sub', '002.txt'), arabicReport(2));
  writeFileSync(join(inp, 'dup.txt'), arabicReport(2));
  writeFileSync(join(inp, 'empty.txt'), '   \n');
  writeFileSync(join(inp, 'english.txt'), 'This is an English article about the weather in a city far away from anything.');
  writeFileSync(join(inp, 'broken.txt'), Buffer.concat([Buffer.from(arabicReport(3)), Buffer.from([0xc3, 0x28])]));
  writeFileSync(join(inp, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  writeFileSync(join(inp, 'page.html'), page(`<article><p>${arabicReport(4)}</p><p>${arabicReport(5)}</p></article>`));
  writeFileSync(join(inp, 'menu.html'), page('<ul><li><a href="/">رئيسية</a></li></ul>'));
  const lines = [
    JSON.stringify({ text: arabicReport(6), published: '2024-01-07', source: 'Outlet J', title: 'عنوان' }),
    '{not json',
    JSON.stringify({ body: 'no text field' }),
    JSON.stringify({ text: arabicReport(7), date_extracted: '2024-01-08 10:00:00', source: 'Outlet K' }),
    '',
  ];
  writeFileSync(join(inp, 'items.jsonl.gz'), gzipSync(lines.join('\n')));

  const r1 = await runIngest(store, { inputs: [inp] });
  assert.equal(r1.added, 5, '001, 002, page.html, 2 JSONL lines … and dup.txt is a duplicate');
  assert.equal(r1.duplicates, 1);
  const q = await store.listQuarantine({ limit: 100 });
  const reasons = q.items.map((i) => `${i.origin.split('/').pop()} ${i.reason.split(':')[0]}`).sort();
  assert.deepEqual(reasons, [
    'binary.txt binary',
    'broken.txt invalid_utf8',
    'empty.txt empty',
    'english.txt non_arabic',
    'items.jsonl.gz:2 invalid_json',
    'items.jsonl.gz:3 no_text_field',
    'menu.html no_article',
  ]);
  assert.equal(r1.quarantined, 7);
  const st = await store.stats();
  assert.equal(st.articles, 5);

  const r2 = await runIngest(store, { inputs: [inp] });
  assert.equal(r2.plan.enqueued, 0);
  assert.equal(r2.added, 0);
  const st2 = await store.stats();
  assert.equal(st2.articles, 5);
  assert.equal(st2.quarantine, 7);
  assert.equal(st2.events, st.events);
});
