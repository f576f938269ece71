// The page's daily-use faults, in real headless Chromium over a real server (as page.test.ts):
// the category legend, filters and the selected event in the URL (bookmark, back button), cluster
// bubbles that never overlap nor cross the map's edge, a timeline one outlier date cannot stretch,
// the document header naming its file once, and the map of a document showing its places.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { listen, type Listening } from '../../src/api/server.js';
import { loadStaticFiles } from '../../src/api/static-files.js';
import { textDocument } from '../../src/ingest/document.js';
import { readInputs } from '../../src/ingest/read.js';
import { inProcessExtractor } from '../../src/extract-pool.js';
import { ingestDocument } from '../../src/jobs/ingest.js';
import { createPipeline, loadResources } from '../../src/pipeline.js';
import { openStore, type Store } from '../../src/store/sqlite.js';

const CHROMIUM = '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '..', '..');
const hasChromium = existsSync(CHROMIUM);

/** Towns close together (clusters at a country's zoom) and far apart (the world's edges). */
const TOWNS = ['Kharkiv', 'Izium', 'Kupiansk', 'Chuhuiv', 'Balakliia', 'Lozova', 'Bohodukhiv', 'Zolochiv', 'Derhachi', 'Merefa', 'Krasnohrad', 'Sumy', 'Poltava', 'Kramatorsk', 'Sloviansk', 'Bakhmut', 'Donetsk', 'Luhansk', 'Mariupol', 'Zaporizhzhia', 'Dnipro', 'Kherson', 'Mykolaiv', 'Odesa', 'Aleppo', 'Homs', 'Hama', 'Idlib', 'Raqqa', 'Deir ez-Zor', 'Lima', 'Anchorage', 'Auckland'];

interface Circle {
  x: number;
  y: number;
  r: number;
  cls: string;
}

describe.skipIf(!hasChromium)('the page for daily use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-web-daily-'));
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
    const extractor = inProcessExtractor(pipeline);
    for await (const item of readInputs([join(root, 'examples')])) {
      if (item.kind === 'error') throw new Error(`${item.input}: ${item.reason}`);
      await ingestDocument(item.document, extractor, store);
    }
    for (const [i, town] of TOWNS.entries()) {
      const day = String(1 + (i % 27)).padStart(2, '0');
      const text = `date 2024-03-${day}\nShelling killed ${i + 2} civilians in ${town} on ${day} March 2024, the regional governor said. Houses were destroyed.`;
      await ingestDocument(textDocument(text, { source: `town-${i}.txt` }), extractor, store);
    }
    // one misdated report: 1972 among the news of 2023-2024
    await ingestDocument(textDocument('date 1972-05-04\nA bomb killed 4 people in Belfast on 3 May 1972, police said.', { source: 'old.txt' }), extractor, store);
    const app = createApp({ store, pipeline, loopbackOnly: true, web: loadStaticFiles(web), log: (l) => console.error(l) });
    server = await listen(app, '127.0.0.1', 0);
    base = `http://127.0.0.1:${server.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = () => page.locator('.event-row');

  /** Every drawn marker and cluster as a circle in map pixels, the selected one left out. */
  const circles = () =>
    page.locator('.map-svg').evaluate((svgEl) => {
      const out: Circle[] = [];
      for (const g of svgEl.querySelectorAll<SVGGElement>('.marks > .cluster-g, .marks > .marker:not(.selected)')) {
        const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(g.getAttribute('transform') ?? '');
        if (m) out.push({ x: +m[1], y: +m[2], r: Number(g.dataset.r ?? g.getAttribute('data-r')), cls: g.getAttribute('class') ?? '' });
      }
      const box = svgEl.getBoundingClientRect();
      return { out, w: box.width, h: box.height };
    });

  function checkCircles({ out, w, h }: { out: Circle[]; w: number; h: number }) {
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const d = Math.hypot(out[i].x - out[j].x, out[i].y - out[j].y);
        expect(d, `${out[i].cls} at ${out[i].x},${out[i].y} r${out[i].r} overlaps ${out[j].cls} at ${out[j].x},${out[j].y} r${out[j].r}`).toBeGreaterThanOrEqual(out[i].r + out[j].r);
      }
    }
    for (const c of out.filter((c) => c.cls.includes('cluster'))) {
      expect(c.x - c.r).toBeGreaterThanOrEqual(0);
      expect(c.y - c.r).toBeGreaterThanOrEqual(0);
      expect(c.x + c.r).toBeLessThanOrEqual(w);
      expect(c.y + c.r).toBeLessThanOrEqual(h);
    }
  }

  it('names the colour of each category in the legend', async () => {
    await page.goto(base);
    await rows().first().waitFor();
    const legend = page.locator('.map-legend .legend-categories .legend-row');
    expect(await legend.allInnerTexts()).toEqual(['Battles', 'Explosions / remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']);
    const markerColour = await page.locator('.marker .mk').first().getAttribute('fill');
    const legendColours = await legend.locator('circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('fill')));
    expect(legendColours).toContain(markerColour);
  });

  it('keeps filters and the selected event in the URL: bookmark, share, back button', async () => {
    await page.goto(base);
    await rows().first().waitFor();
    const all = await rows().count();
    await page.selectOption('#type', 'explosions_remote_violence');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/?type=explosions_remote_violence');
    await expect.poll(() => rows().count()).toBeLessThan(all);
    const filtered = await rows().count();
    // open an event: its URL keeps the filter
    await rows().first().locator('a').click();
    await page.locator('.event-view').waitFor();
    const eventUrl = page.url();
    expect(eventUrl).toMatch(/#\/event\/evt_[0-9a-f]+\?type=explosions_remote_violence$/);
    // the back button: the filtered list, then the whole list
    await page.goBack();
    await expect.poll(() => rows().count()).toBe(filtered);
    expect(await page.locator('#type').inputValue()).toBe('explosions_remote_violence');
    await page.goBack();
    await expect.poll(() => rows().count()).toBe(all);
    expect(await page.locator('#type').inputValue()).toBe('');
    // a bookmark of the event opens it, with the filter set
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(eventUrl);
    await fresh.locator('.event-view').waitFor();
    expect(await fresh.locator('#type').inputValue()).toBe('explosions_remote_violence');
    await fresh.click('a.back');
    await expect.poll(() => fresh.locator('.event-row').count()).toBe(filtered);
    // and a bookmark with a country
    await fresh.goto(`${base}#/?country=SY`);
    await expect.poll(async () => (await fresh.locator('.event-row').allInnerTexts()).length).toBeGreaterThan(0);
    expect(await fresh.locator('#country').inputValue()).toBe('SY');
    await fresh.close();
  });

  it('draws cluster bubbles that never overlap and stay inside the map, at any zoom and after panning', async () => {
    await page.goto(`${base}#/`);
    await rows().first().waitFor();
    await expect.poll(() => page.locator('.marks .cluster-g').count()).toBeGreaterThan(0);
    checkCircles(await circles());
    for (const zoom of ['Zoom out', 'Zoom in', 'Zoom in', 'Zoom in']) {
      await page.click(`button[aria-label="${zoom}"]`);
      checkCircles(await circles());
    }
    const box = (await page.locator('.map-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 350, box.y + box.height / 2 + 200, { steps: 5 });
    await page.mouse.up();
    checkCircles(await circles());
  });

  it('keeps one outlier date from stretching the timeline, and marks it', async () => {
    await page.goto(`${base}#/`);
    await rows().first().waitFor();
    const early = page.locator('.timeline-svg .outlier-start');
    await early.waitFor();
    expect(await early.textContent()).toMatch(/◀ 1/);
    expect(await early.locator('title').textContent()).toMatch(/1972-05-0[34]/);
    const ticks = await page.locator('.timeline-svg text.tick:not(.tick-y)').allTextContents();
    expect(ticks.some((t) => t.startsWith('197') || t.startsWith('198') || t.startsWith('199'))).toBe(false);
    expect(await page.locator('.timeline-info').innerText()).toMatch(/1 far outside/);
  });

  it('names a document once in its header, and maps the places of the document', async () => {
    const docs = store.documents();
    const untitled = docs.find((d) => d.source.endsWith('002_f281d2deeb69dd38.txt') || (!d.title && d.source.includes('examples')))!;
    const idlib = docs.find((d) => /Idlib/.test(d.title ?? ''))!;
    for (const d of [untitled, idlib]) {
      await page.goto(`${base}#/document/${d.id}`);
      await page.locator('.document-view').waitFor();
      const name = d.source.split('/').pop()!;
      const header = (await page.locator('.doc-title').innerText()) + '\n' + (await page.locator('.doc-meta').innerText());
      expect(header.split(name).length - 1, header).toBeLessThanOrEqual(1);
    }
    await page.goto(`${base}#/document/${idlib.id}`);
    await page.locator('.document-view').waitFor();
    await expect.poll(() => page.locator('.doc-pin').count()).toBeGreaterThan(0);
    expect((await page.locator('.doc-pin text').allTextContents()).join(' ')).toMatch(/Idlib/);
    // back on the list, the document's pins go
    await page.goto(`${base}#/`);
    await rows().first().waitFor();
    await expect.poll(() => page.locator('.doc-pin').count()).toBe(0);
  });
});
