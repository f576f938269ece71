/**
 * Article extraction speed (decode + `extractArticle`), printed as a markdown table; `npm run bench`
 * runs it in its own process so it has one core and a fresh heap.
 *
 * - the development pages (`../shared/data/article-extraction-dev/html`, or $SITREP_BENCH_HTML),
 *   read and inflated beforehand: one untimed warm-up pass, then ROUNDS timed passes. Per page,
 *   both the fastest pass (what the page costs when nothing else competes for the core) and
 *   every pass (what this run saw, load from other processes included) are summarised as median
 *   and p95 ms, and pages/s at the median; CPU time of the process is shown beside wall time;
 * - a generated 5 MB page and the pathological shapes the tests bound (100,000 nested elements,
 *   200,000 unclosed tags, an unclosed comment), once each.
 *
 * Usage: tsx scripts/bench-html.ts [--rounds N]. Exits 1 when the pages are missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes, gunzip, isGzip } from '../src/ingest/decode.js';
import { sniffHtmlCharset } from '../src/ingest/html-charset.js';
import { extractArticle } from '../src/ingest/html.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.env.SITREP_BENCH_HTML ?? join(root, '..', 'shared', 'data', 'article-extraction-dev', 'html'));
const args = process.argv.slice(2);
const ROUNDS = Number(args.includes('--rounds') ? args[args.indexOf('--rounds') + 1] : 5);

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs: readonly number[]) => quantile(xs, 0.5);

function extractOnce(bytes: Uint8Array): { ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    extractArticle(decodeBytes(bytes, sniffHtmlCharset(bytes)).text, { fetchedAt: new Date() });
  } catch {
    // A page without text counts with the time it took to find that out.
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function timeOne(html: string): string {
  const t0 = performance.now();
  let note = '';
  try {
    const a = extractArticle(html, { fetchedAt: new Date() });
    note = `${a.text.length} chars of text${a.warnings.length ? `; ${a.warnings.length} warning(s)` : ''}`;
  } catch (e) {
    note = (e as Error).message;
  }
  return `${(performance.now() - t0).toFixed(0)} ms (${note})`;
}

function main(): number {
  if (!existsSync(dir)) {
    console.error(`bench-html: no pages at ${dir}`);
    return 1;
  }
  const pages = readdirSync(dir)
    .filter((f) => /\.html?(?:\.gz)?$/.test(f))
    .map((f) => {
      const b: Uint8Array = readFileSync(join(dir, f));
      return isGzip(b) ? gunzip(b) : b;
    });
  if (!pages.length) {
    console.error(`bench-html: no pages at ${dir}`);
    return 1;
  }
  const bytes = pages.reduce((n, p) => n + p.length, 0);
  for (const p of pages) extractOnce(p); // warm-up: the JIT, not the extractor

  const best = pages.map(() => Infinity);
  const bestCpu = pages.map(() => Infinity);
  const all: number[] = [];
  const allCpu: number[] = [];
  const t0 = performance.now();
  for (let r = 0; r < ROUNDS; r++) {
    pages.forEach((p, i) => {
      const { ms, cpuMs } = extractOnce(p);
      best[i] = Math.min(best[i], ms);
      bestCpu[i] = Math.min(bestCpu[i], cpuMs);
      all.push(ms);
      allCpu.push(cpuMs);
    });
  }
  const wall = (performance.now() - t0) / 1000;

  const row = (label: string, ms: number[], cpu: number[]) =>
    `| ${label} | ${median(ms).toFixed(1)} | ${quantile(ms, 0.95).toFixed(1)} | ${(1000 / median(ms)).toFixed(0)} | ${median(cpu).toFixed(1)} | ${quantile(cpu, 0.95).toFixed(1)} |`;
  console.log(`\n| article extraction: ${pages.length} development pages (${(bytes / pages.length / 1024).toFixed(0)} kB/page), ${ROUNDS} passes | median ms | p95 ms | pages/s at median | CPU median ms | CPU p95 ms |`);
  console.log('|---|---|---|---|---|---|');
  console.log(row('per page, fastest pass', best, bestCpu));
  console.log(row('per page, every pass', all, allCpu));
  console.log(`| all passes together | ${wall.toFixed(2)} s | | ${((pages.length * ROUNDS) / wall).toFixed(0)} overall | | |`);

  const story = 'Two military officers and three crew members were killed when their helicopter was shot down on Monday over the province, the ministry said.';
  const chunk = `<div class="item"><p>${story}</p><script>var a = ${JSON.stringify('x'.repeat(500))};</script><ul><li><a href="/l">link one</a></li><li><a href="/l">link two</a></li></ul></div>\n`;
  const big = `<html><body><article>${`<p>${story}</p>`.repeat(4)}</article>${chunk.repeat(Math.ceil(5e6 / chunk.length))}</body></html>`;
  console.log('\n| article extraction: large and pathological pages | time |\n|---|---|');
  console.log(`| ${(big.length / 1e6).toFixed(1)} MB page | ${timeOne(big)} |`);
  const para = `${story} `.repeat(18);
  console.log(`| 5 MB of article text in 2,000 paragraphs | ${timeOne(`<html><body><article>${`<p>${para}</p>`.repeat(Math.ceil(5e6 / para.length))}</article></body></html>`)} |`);
  console.log(`| 5 MB in one paragraph | ${timeOne(`<html><body><p>${para.repeat(Math.ceil(5e6 / para.length))}</p></body></html>`)} |`);
  console.log(`| 5 MB table (100,000 rows) | ${timeOne(`<html><body><table>${'<tr><td>cell one</td><td>cell two</td><td>3</td></tr>'.repeat(100_000)}</table><p>${para}</p></body></html>`)} |`);
  console.log(`| 100,000 nested elements | ${timeOne(`<html><body>${'<div>'.repeat(100_000)}<p>${story}</p>${'</div>'.repeat(100_000)}</body></html>`)} |`);
  console.log(`| 200,000 unclosed tags | ${timeOne(`<html><body><p>${story}</p>${'<span><b>x '.repeat(100_000)}</body></html>`)} |`);
  console.log(`| unclosed comment before 1 MB | ${timeOne(`<html><body><p>${story}</p><!-- ${'<p>x</p>'.repeat(125_000)}`)} |`);
  return 0;
}

process.exit(main());
