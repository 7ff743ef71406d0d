// Takes the screenshots under docs/screenshots/ (main views, Arabic and English):
//   node --import tsx test/browser/screenshots.ts [OUT_DIR]
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumSkipReason, launchChromium, runServer } from './harness.ts';

const out = resolve(process.argv[2] ?? 'docs/screenshots');
const skip = chromiumSkipReason();
if (skip) {
  process.stderr.write(`screenshots: ${skip}\n`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const text = readFileSync(new URL('../../examples/seed/article.txt', import.meta.url), 'utf8');
const server = await runServer({ seed: true });
const browser = await launchChromium();
try {
  for (const lang of ['ar', 'en'] as const) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1050 } });
    await page.goto(`${server.url}/?lang=${lang}#/`);
    await page.locator('tr.ev-row').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, `dashboard-${lang}.png`) });

    await page.locator('tr.ev-row').first().click();
    await page.locator('[data-testid=article-text] mark').first().waitFor();
    await page.click('[data-testid=accept-event_type]');
    await page.locator('.audit-entry').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `event-${lang}.png`), fullPage: true });

    await page.goto(`${server.url}/?lang=${lang}#/paste`);
    await page.fill('[data-testid=paste-text]', text);
    await page.fill('[data-testid=paste-published]', '2022-12-11');
    await page.click('[data-testid=paste-extract]');
    await page.locator('[data-testid=paste-result]').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, `paste-${lang}.png`), fullPage: true });
    await page.close();
  }
  process.stdout.write(`screenshots written to ${out}\n`);
} finally {
  await browser.close();
  await server.stop();
}
