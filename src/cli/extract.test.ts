// The extract command on real files: the contract of ../shared/eval/README.md §2 and bad input.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runExtract } from './extract.ts';

function sink() {
  let text = '';
  return {
    write: (s: string) => {
      text += s;
      return true;
    },
    get text() {
      return text;
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'marsad-extract-'));
const article = 'قتل خمسة أشخاص أمس في انفجار سيارة مفخخة في سوق بمدينة الرمادي، بحسب مصادر أمنية.';
writeFileSync(join(dir, 'good.txt'), article);
writeFileSync(join(dir, 'good.meta.json'), JSON.stringify({ published: '2016-03-02', source: 'Test Outlet' }));
writeFileSync(join(dir, 'empty.txt'), '');
writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]));
writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0xe9, 0xe8, 0x20, 0x41]));
writeFileSync(join(dir, 'english.txt'), 'Five people were killed yesterday in a car bomb in a market in Ramadi.');
writeFileSync(
  join(dir, 'page.html'),
  `<!doctype html><html><head><script>alert(1)</script></head><body><nav>menu</nav><p>${article}</p></body></html>`,
);
writeFileSync(join(dir, 'big.txt'), `${'تقرير اقتصادي عن الأسواق والأسعار. '.repeat(150_000)}`);

describe('marsad extract', () => {
  it('writes one JSON per input with --out, reading the sidecar publication date', () => {
    const out = join(dir, 'out1');
    const err = sink();
    const code = runExtract([join(dir, 'good.txt')], { out, quiet: true }, { out: sink(), err });
    assert.equal(code, 0, err.text);
    const r = JSON.parse(readFileSync(join(out, 'good.json'), 'utf8'));
    assert.equal(r.article.published, '2016-03-02');
    const ev = r.events.filter((e: { background: boolean }) => !e.background);
    assert.equal(ev.length, 1);
    assert.equal(ev[0].event_date, '2016-03-01');
    assert.equal(ev[0].fatalities, 5);
    for (const spans of Object.values(ev[0].evidence) as Array<Array<{ start: number; end: number; text: string }>>)
      for (const s of spans) assert.equal(article.slice(s.start, s.end), s.text);
  });

  it('prints JSON for one file without --out; --published overrides the sidecar', () => {
    const out = sink();
    assert.equal(runExtract([join(dir, 'good.txt')], { published: '2016-03-10' }, { out, err: sink() }), 0);
    assert.equal(JSON.parse(out.text).article.published, '2016-03-10');
  });

  it('writes ACLED CSV with 31 columns', () => {
    const out = sink();
    assert.equal(runExtract([join(dir, 'good.txt')], { format: 'csv' }, { out, err: sink() }), 0);
    const header = out.text.split('\n')[0] as string;
    assert.equal(header.split(',').length, 31);
    assert.match(header, /^event_id_cnty,event_date,year,time_precision/);
  });

  it('refuses a bad --published or format with exit code 2 before reading anything', () => {
    for (const published of ['2016-02-31', 'yesterday', '16-03-02']) {
      const err = sink();
      assert.equal(runExtract([join(dir, 'good.txt')], { published }, { out: sink(), err }), 2);
      assert.match(err.text, /--published/);
    }
    assert.equal(runExtract([join(dir, 'good.txt')], { format: 'xml' as never }, { out: sink(), err: sink() }), 2);
  });

  it('reports each bad file clearly and goes on with the batch (exit 1)', () => {
    const out = join(dir, 'out2');
    const err = sink();
    const files = ['missing.txt', 'empty.txt', 'binary.txt', 'latin1.txt', 'good.txt', 'english.txt', 'page.html'].map((f) => join(dir, f));
    const code = runExtract(files, { out, quiet: true }, { out: sink(), err });
    assert.equal(code, 1);
    assert.match(err.text, /missing\.txt: no such file/);
    assert.match(err.text, /empty\.txt: empty file/);
    assert.match(err.text, /binary\.txt: binary file/);
    assert.match(err.text, /latin1\.txt: not valid UTF-8/);
    // the good file, the English one (no events) and the HTML page were all processed
    const good = JSON.parse(readFileSync(join(out, 'good.json'), 'utf8'));
    assert.ok(good.events.length >= 1);
    const english = JSON.parse(readFileSync(join(out, 'english.json'), 'utf8'));
    assert.deepEqual(english.events, []);
    assert.equal(english.doubts[0].code, 'no_arabic_text');
    const page = JSON.parse(readFileSync(join(out, 'page.json'), 'utf8'));
    assert.ok(page.events.some((e: { fatalities: number }) => e.fatalities === 5));
  });

  it('reads a 5 MB article to the end without events from economic text', () => {
    const out = sink();
    assert.equal(runExtract([join(dir, 'big.txt')], {}, { out, err: sink() }), 0);
    const r = JSON.parse(out.text);
    assert.deepEqual(r.events, []);
    assert.ok(r.doubts.some((d: { code: string }) => d.code === 'input_truncated'));
  });

  it('a directory given as a file is an error, not a crash', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const err = sink();
    assert.equal(runExtract([join(dir, 'sub')], {}, { out: sink(), err }), 1);
    assert.match(err.text, /directory/);
  });
});
