// Feeds over a real loopback HTTP server: RSS and Atom, conditional GET (ETag → 304), malformed XML, a feed that
// hangs (timeout, retries with backoff), a 404, and a short item whose page is fetched and reduced to its article.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { parseFeed } from './feed.ts';
import { runIngest } from './run.ts';

const report = (n: number) =>
  `<p>أفاد مراسلون بأن اشتباكات اندلعت في قرية تجريبية رقم ${n} بين مجموعتين مسلحتين فجر اليوم، وأن عائلات عدة غادرت منازلها.</p>` +
  '<p>وذكر شهود أن الاشتباكات استمرت ساعات قبل أن تهدأ، فيما لم تصدر أي جهة رسمية بيانا حول الحادثة حتى الآن.</p>';

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>تجريبي</title>${items}</channel></rss>`;

const rssItem = (n: number, link: string, content: string) =>
  `<item><guid>item-${n}</guid><title>خبر ${n}</title><link>${link}</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><content:encoded><![CDATA[${content}]]></content:encoded></item>`;

const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>ذرة</title>
<entry><id>urn:a:1</id><title>خبر أ</title><link rel="alternate" href="http://example.invalid/a"/><published>2024-03-06T09:00:00Z</published><content type="html">${report(90).replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content></entry></feed>`;

let server: Server;
let base = '';
let dir: string;
let store: Store;
const hits: Record<string, number> = {};
const conditional: string[] = [];

function handler(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? '/';
  hits[url] = (hits[url] ?? 0) + 1;
  if (url === '/rss.xml') {
    if (req.headers['if-none-match'] === '"v1"') {
      conditional.push(url);
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      'last-modified': 'Tue, 05 Mar 2024 08:00:00 GMT',
    });
    res.end(
      rss(
        rssItem(1, `${base}/news/1`, report(1)) +
          rssItem(2, `${base}/news/2`, 'موجز قصير') +
          rssItem(3, `${base}/news/3`, 'English only summary'),
      ),
    );
    return;
  }
  if (url === '/news/2') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html><head><title>خبر 2</title></head><body><nav>قائمة</nav><article><h1>خبر 2</h1>${report(2)}${report(3)}</article></body></html>`,
    );
    return;
  }
  if (url === '/news/3') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body><p>Page with no Arabic article.</p></body></html>');
    return;
  }
  if (url === '/atom.xml') {
    res.writeHead(200, { 'content-type': 'application/atom+xml' });
    res.end(atom);
    return;
  }
  if (url === '/malformed.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end('<?xml version="1.0"?><rss><channel><item><title>مكسور</title></channel></rss>');
    return;
  }
  if (url === '/hang.xml') return; // never answers
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}

before(async () => {
  server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  dir = mkdtempSync(join(tmpdir(), 'marsad-feed-'));
  store = await openStore(join(dir, 'db'));
});

after(async () => {
  await store.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const fetchOpts = { timeoutMs: 300, retries: 2, backoffMs: 20 };

test('parseFeed reads RSS and Atom items and refuses malformed XML', () => {
  const items = parseFeed(rss(rssItem(7, 'http://x/7', report(7))));
  assert.equal(items.length, 1);
  assert.equal(items[0]?.published, '2024-03-05');
  assert.match(items[0]?.text ?? '', /اشتباكات/);
  assert.equal(parseFeed(atom)[0]?.link, 'http://example.invalid/a');
  assert.throws(() => parseFeed('<rss><channel>'), /malformed XML/);
  assert.throws(() => parseFeed('<html></html>'), /neither an RSS/);
});

test('RSS ingest: items stored, a short item fetched from its page, a bad page quarantined; then 304 adds nothing', async () => {
  const r1 = await runIngest(store, { inputs: [`${base}/rss.xml`], fetch: fetchOpts });
  assert.equal(r1.added, 2);
  assert.equal(r1.quarantined, 1);
  assert.equal(hits['/news/2'], 1);
  const st = await store.getFeedState(`${base}/rss.xml`);
  assert.equal(st?.etag, '"v1"');
  assert.equal(st?.items_seen, 3);
  const r2 = await runIngest(store, { inputs: [`${base}/rss.xml`], fetch: fetchOpts });
  assert.deepEqual(conditional, ['/rss.xml']);
  assert.equal(r2.added, 0);
  assert.equal(r2.plan.feeds[0]?.status, 'not_modified');
  assert.equal((await store.getFeedState(`${base}/rss.xml`))?.last_status, 304);
});

test('Atom ingest stores its entries', async () => {
  const r = await runIngest(store, { inputs: [`${base}/atom.xml`], fetch: fetchOpts });
  assert.equal(r.added, 1);
});

test('malformed XML, a hanging feed and a 404 are quarantined with the reason and recorded in feed state', async () => {
  const t0 = Date.now();
  const r = await runIngest(store, { inputs: [`${base}/malformed.xml`, `${base}/hang.xml`, `${base}/missing.xml`], fetch: fetchOpts });
  const secs = (Date.now() - t0) / 1000;
  assert.ok(secs < 5, `timeouts bound the run (${secs}s)`);
  assert.equal(r.added, 0);
  assert.equal(hits['/hang.xml'], 3, 'one try and two retries');
  assert.equal(hits['/missing.xml'], 1, 'a 404 is not retried');
  const q = (await store.listQuarantine({ limit: 100 })).items;
  const reason = (u: string) => q.find((i) => i.origin === `${base}${u}`)?.reason ?? '';
  assert.match(reason('/malformed.xml'), /^malformed_feed/);
  assert.match(reason('/hang.xml'), /^fetch_failed: timeout after 300 ms \(after 3 attempts\)/);
  assert.match(reason('/missing.xml'), /^fetch_failed: HTTP 404/);
  assert.equal((await store.getFeedState(`${base}/missing.xml`))?.last_status, 404);
  assert.equal((await store.getFeedState(`${base}/hang.xml`))?.failures, 1);
});
