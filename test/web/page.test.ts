// The web page in real headless Chromium, over a real server and a SQLite file seeded from
// examples/ through the real pipeline. The page is built afresh with Vite into a temp folder, so
// the test sees the current source. Skipped (with a message) only where /usr/bin/chromium is
// missing; CI installs it (.ci/run).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { listen, type Listening } from '../../src/api/server.js';
import { loadStaticFiles } from '../../src/api/static-files.js';
import { readInputs } from '../../src/ingest/read.js';
import { createPipeline, extract, loadResources } from '../../src/pipeline.js';
import { openStore, type Store } from '../../src/store/sqlite.js';

const CHROMIUM = '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '..', '..');
const results = join(root, 'test-results');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/web: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** A report whose title and text carry markup that must show as text and run nothing. */
const HOSTILE = {
  title: 'Attack <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>',
  published: '2024-02-01',
  source: 'hostile <b>wire</b>',
  url: 'javascript:window.__pwned=3',
  text:
    'Gunmen attacked a police station in Aleppo on Monday, killing four officers <script>window.__pwned=4</script>, the interior ministry said.\n\n' +
    'Witnesses said <img src=x onerror="window.__pwned=5"> smoke rose over the district <svg onload="window.__pwned=6"></svg> for hours.',
};

describe.skipIf(!hasChromium)('the web page in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
  let store: Store;
  let server: Listening;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    const web = join(dir, 'web');
    const { build } = await import('vite');
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: web, emptyOutDir: true } });
    const pipeline = createPipeline(loadResources());
    store = openStore(join(dir, 'web.db'));
    for await (const item of readInputs([join(root, 'examples')])) {
      if (item.kind === 'error') throw new Error(`${item.input}: ${item.reason}`);
      store.ingest(item.document, extract(item.document, pipeline).reports);
    }
    const app = createApp({ store, pipeline, loopbackOnly: true, web: loadStaticFiles(web), log: (l) => console.error(l) });
    const posted = await app.request('/api/documents', { method: 'POST', body: JSON.stringify(HOSTILE), headers: { 'Content-Type': 'application/json' } });
    expect(posted.status).toBe(201);
    server = await listen(app, '127.0.0.1', 0);
    base = `http://127.0.0.1:${server.port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    (page as unknown as { outside: string[] }).outside = outside;
    mkdirSync(results, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = () => page.locator('.event-row');

  it('lists the events, draws them on the map and the timeline, and asks nothing of other hosts', async () => {
    await page.goto(base);
    await rows().first().waitFor();
    expect(await rows().count()).toBe(4);
    await expect.poll(() => page.locator('.marker, .cluster-g').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.country').count()).toBeGreaterThan(100);
    expect(await page.locator('.timeline-svg .bar').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#panel').innerText()).toMatch(/Idlib/);
    expect(await page.locator('#panel').innerText()).toMatch(/Poltava.*Vovchansk|Vovchansk.*Poltava/);
    expect((page as unknown as { outside: string[] }).outside).toEqual([]);
  });

  it('searches the reports and filters', async () => {
    await page.fill('#q', 'Idlib');
    await page.press('#q', 'Enter');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().innerText()).toMatch(/Idlib/);
    await page.click('button[type=reset]');
    await expect.poll(() => rows().count()).toBe(4);
    await page.check('#disputed');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().innerText()).toMatch(/location disputed/);
    await page.uncheck('#disputed');
    await page.selectOption('#country', 'SY');
    await expect.poll(async () => (await rows().allInnerTexts()).join('|')).toMatch(/^[^|]*Idlib[^|]*\|[^|]*Aleppo[^|]*$|^[^|]*Aleppo[^|]*\|[^|]*Idlib[^|]*$/);
    await page.selectOption('#country', '');
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('filters the list by brushing the timeline', async () => {
    const box = (await page.locator('.timeline-svg').boundingBox())!;
    const bars = await page.locator('.timeline-svg .bar').evaluateAll((els) => els.map((e) => (e as SVGRectElement).getBoundingClientRect().x));
    const first = Math.min(...bars);
    await page.mouse.move(first - 4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(first + 12, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await page.locator('.list-count').innerText()).toMatch(/1 of 4 events/);
    await page.mouse.click(box.x + box.width - 20, box.y + box.height / 2);
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('opens the defection event: the location dispute with both quotes, then a quote in its document', async () => {
    await page.locator('.event-row', { hasText: 'Poltava' }).locator('a').click();
    const field = page.locator('.event-view [data-field="location"]');
    await field.waitFor();
    expect(await field.locator('.status').first().innerText()).toMatch(/disputed/i);
    const text = await field.innerText();
    expect(text).toMatch(/Poltava/);
    expect(text).toMatch(/Vovchansk/);
    expect(text).toMatch(/according to\s+Russian Telegram channels/);
    expect(await field.locator('blockquote mark', { hasText: 'Vovchansk' }).count()).toBeGreaterThan(0);
    expect(await field.locator('blockquote mark', { hasText: 'Poltava' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.summary').innerText()).toMatch(/AGREED/i);
    await expect.poll(() => page.locator('.dispute-pin').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(results, 'web-event.png') });

    const group = field.locator('.claim-group', { hasText: 'Vovchansk' });
    const quote = (await group.locator('blockquote').first().innerText()).trim();
    await group.locator('a.to-document').first().click();
    const target = page.locator('#target');
    await target.waitFor();
    const marked = (await page.locator('.doc-text .seg.target').allInnerTexts()).join('');
    expect(marked.replace(/\s+/g, ' ').trim()).toBe(quote.replace(/\s+/g, ' '));
    expect(await target.isVisible()).toBe(true);
    const inView = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await page.locator('.doc-text .ann-place', { hasText: 'Vovchansk' }).count()).toBe(1);
    await page.screenshot({ path: join(results, 'web-document.png') });
    await page.click('a.back');
    await page.locator('.event-view').waitFor();
  });

  it('shows markup inside a document as text and runs none of it', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(base);
    await rows().first().waitFor();
    const row = page.locator('.event-row', { hasText: 'Aleppo' });
    await row.waitFor();
    await row.locator('a').click();
    await page.locator('.event-view').waitFor();
    await page.locator('.event-view a.to-document').first().click();
    await page.locator('.document-view').waitFor();
    const docText = await page.locator('.doc-text').innerText();
    expect(docText).toContain('<script>window.__pwned=4</script>');
    expect(docText).toContain('<img src=x onerror="window.__pwned=5">');
    expect(await page.locator('.doc-meta').innerText()).toContain('javascript:window.__pwned=3');
    expect(await page.locator('.doc-meta a').count()).toBe(0);
    await page.goto(`${base}#/`);
    await rows().first().waitFor();
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      injected: document.querySelectorAll('#panel img, #panel script, #panel svg, #panel b').length,
      scripts: document.querySelectorAll('script').length,
    }));
    expect(state).toEqual({ pwned: undefined, injected: 0, scripts: 1 });
    expect(dialogs).toEqual([]);
  });
});
