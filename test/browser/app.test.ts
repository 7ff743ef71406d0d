// The analyst's path in a real browser, in Arabic (RTL) and English (LTR): paste the example article, see its
// events, save them, find them on the map and in the table, open one, see evidence highlighted, correct a field,
// see the audit entry. Script in article text must stay inert.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, type Running, runServer } from './harness.ts';

const skip = chromiumSkipReason();
const exampleDir = new URL('../../examples/seed/', import.meta.url);
const exampleText = readFileSync(new URL('article.txt', exampleDir), 'utf8');
const examplePublished = (JSON.parse(readFileSync(new URL('article.meta.json', exampleDir), 'utf8')) as { published: string }).published;
const messages = {
  ar: JSON.parse(readFileSync(new URL('../../web/src/i18n/ar.json', import.meta.url), 'utf8')) as Record<string, string>,
  en: JSON.parse(readFileSync(new URL('../../web/src/i18n/en.json', import.meta.url), 'utf8')) as Record<string, string>,
};

describe('web app in Chromium', { skip }, () => {
  let server: Running;
  let browser: Browser;
  const dialogs: string[] = [];

  before(async () => {
    server = await runServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(lang: 'ar' | 'en', hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => dialogs.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}/?lang=${lang}${hash}`);
    return page;
  }

  for (const lang of ['ar', 'en'] as const) {
    test(`${lang}: paste → events → map and table → event page → evidence → correct → audit`, async () => {
      const want = server.pipeline.run(exampleText, { id: 'x', published: examplePublished });
      const current = want.events.filter((e) => !e.background);
      assert.ok(current.length > 0, 'the pipeline finds at least one current event in the example');

      const page = await open(lang, '#/paste');
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await page.getByRole('heading', { name: messages[lang]['paste.title'] }).waitFor();

      await page.fill('[data-testid=paste-text]', exampleText);
      await page.fill('[data-testid=paste-published]', examplePublished);
      await page.click('[data-testid=paste-extract]');
      const result = page.locator('[data-testid=paste-result]');
      await result.waitFor();
      assert.equal(Number(await result.getAttribute('data-events')), want.events.length, 'every extracted event is listed at once');
      assert.equal(await page.locator('[data-testid=paste-event]').count(), want.events.length);
      assert.ok(
        (await page.locator('[data-testid=paste-result] mark.ev-span').count()) > 0,
        'evidence of the pasted article is highlighted',
      );

      await page.click('[data-testid=paste-save]');
      await page.locator('[data-testid=paste-message]').waitFor();
      const saved = await page.textContent('[data-testid=paste-message]');
      assert.ok(saved === messages[lang]['paste.already'] || saved?.startsWith(messages[lang]['paste.saved'].split('{')[0]), String(saved));

      await page.click('[data-testid=nav-events]');
      const rows = page.locator('tr.ev-row');
      await rows.first().waitFor();
      assert.ok((await rows.count()) >= 1, 'events in the table');
      // the store may merge reports of one incident, so compare the map with the stored events, not the extraction
      const stored = await server.store.queryEvents({ limit: 5000 });
      const located = stored.events.filter((e) => typeof e.latitude === 'number' && typeof e.longitude === 'number').length;
      assert.ok(located > 0 || current.every((e) => e.latitude === null), 'located extracted events are stored with coordinates');
      const mapCount = page.locator('[data-testid=map-count]');
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid=map-count]')?.getAttribute('data-count')) === n,
        located,
      );
      if (located > 0) {
        const markers = await page.locator('.ev-marker, .ev-cluster').count();
        assert.ok(markers >= 1, 'markers or clusters on the map');
      }
      assert.match((await mapCount.textContent()) ?? '', /\d/);
      assert.ok((await page.locator('.leaflet-overlay-pane path').count()) > 100, 'offline country basemap drawn');

      await rows.first().click();
      const eventPage = page.locator('[data-testid=event-page]');
      await eventPage.waitFor();
      const marks = page.locator('[data-testid=article-text] mark.ev-span');
      assert.ok((await marks.count()) >= 1, 'evidence highlighted in the article');
      const firstMark = (await marks.first().textContent()) ?? '';
      assert.ok(exampleText.includes(firstMark), 'highlight is a piece of the article');
      assert.equal((await page.textContent('[data-testid=article-text]'))?.length, exampleText.length, 'the whole article is shown');

      const newValue = lang === 'ar' ? '3' : '4';
      await page.click('[data-testid=correct-fatalities]');
      await page.fill('[data-testid=correct-value]', newValue);
      await page.click('[data-testid=correct-save]');
      // the two language runs share one store and may correct the same event: find this run's own entry
      const entry = page.locator(`.audit-entry[data-field=fatalities][data-action=correct][data-new="${newValue}"]`).last();
      await entry.waitFor();
      const auditText = (await entry.textContent()) ?? '';
      assert.ok(auditText.includes(messages[lang]['review.action.correct']), auditText);
      assert.ok(auditText.includes(newValue), auditText);
      await page.waitForFunction((v) => document.querySelector('[data-testid=value-fatalities]')?.textContent === v, newValue);

      await page.click('[data-testid=lang-switch]');
      const other = lang === 'ar' ? 'en' : 'ar';
      // the switch re-renders and then sets <html dir>: wait for it rather than read it at once
      const dir = other === 'ar' ? 'rtl' : 'ltr';
      await page.waitForFunction((d) => document.documentElement.getAttribute('dir') === d, dir);
      assert.equal(await page.getAttribute('html', 'dir'), dir);
      await page.getByText(messages[other]['event.audit'], { exact: true }).waitFor();
      await page.close();
    });
  }

  test('script in pasted article text is rendered inert', async () => {
    const page = await open('en', '#/paste');
    const hostile = `قصفت طائرات حربية مدينة إدلب <img src=x onerror="alert('xss')"><script>alert('xss2')</script> وقتل ثلاثة مدنيين.`;
    await page.fill('[data-testid=paste-text]', hostile);
    await page.click('[data-testid=paste-extract]');
    await page.locator('[data-testid=paste-result]').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-testid=paste-result] img, [data-testid=paste-result] script').count(), 0);
    const shown = await page.locator('[data-testid=paste-result]').textContent();
    if ((await page.locator('[data-testid=article-text]').count()) > 0) assert.ok(shown?.includes('<img src=x'), 'markup shown as text');
    assert.deepEqual(dialogs, []);
    await page.close();
  });
});
