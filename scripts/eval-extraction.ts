/**
 * Article-extraction score over the development pages (`../shared/data/article-extraction-dev/`):
 * word 4-gram shingle precision/recall/F1 per page, averaged over pages, exactly as the reference
 * scorer `shared/tools/extractscore.py` computes it. Also prints the worst pages and the speed.
 *
 *   npm run eval:extraction [-- --pred out.json] [--dir DIR] [--show ID] [--cold] [--prefixes 0123]
 *
 * `--pred` writes the predictions as `{id: {articleBody}}` so the python scorer can check these
 * figures; `--show ID` prints one page's text (a prefix of the id is enough); `--cold` times the
 * first pass instead of a second, warmed-up one; `--prefixes` scores only the pages whose id starts
 * with one of those characters, as the python scorer's third argument does. The score is also
 * printed per half of the ids (0-3 and 4-7 for the development pages), so a rule that helps only
 * the pages it was written for shows up as a gap between the halves.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes, gunzip, isGzip } from '../src/ingest/decode.js';
import { sniffHtmlCharset } from '../src/ingest/html-charset.js';
import { extractArticle } from '../src/ingest/html.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = resolve(flag('--dir') ?? join(root, '../shared/data/article-extraction-dev'));
const predPath = flag('--pred');
const show = flag('--show');

// \w in Python's re with UNICODE: letters, digits (Unicode decimal digits) and underscore; the
// marks (\p{M}) count too, because Python's \w is "alphanumeric" by str.isalnum plus "_", which
// includes combining marks of category Mc/Mn only where isalnum says so. Differences are checked
// against the python scorer with --pred.
const WORD = /[\p{L}\p{N}_\p{Mn}\p{Mc}]+/gu;

function shingles(s: string, n = 4): Map<string, number> {
  const t = s.match(WORD) ?? [];
  const out = new Map<string, number>();
  const count = Math.max(1, t.length - n + 1);
  for (let i = 0; i < count; i++) {
    const g = t.slice(i, i + n);
    if (!g.length) continue;
    const k = g.join('\u0001');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

function tpfpfn(truth: string, pred: string): [number, number, number] {
  const a = shingles(truth);
  const b = shingles(pred);
  let tp = 0, fp = 0, fn = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? 0;
    const y = b.get(k) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const s = tp + fp + fn;
  return s ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}
const prec = (tp: number, fp: number, fn: number) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
const rec = (tp: number, fp: number, fn: number) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const allTruth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
const prefixes = flag('--prefixes');
const truth = Object.fromEntries(Object.entries(allTruth).filter(([id]) => !prefixes || prefixes.includes(id[0])));
const files = new Set(readdirSync(join(dir, 'html')));
const pred: Record<string, { articleBody: string }> = {};
const rows: { id: string; p: number; r: number; f1: number; ms: number; url: string }[] = [];
const scored: [number, number, number][] = [];
const times: number[] = [];
const cpuTimes: number[] = [];

// Pages are read and inflated before timing: the figure is the extractor's, not the disk's.
const pages = Object.keys(truth).map((id) => {
  const name = files.has(`${id}.html.gz`) ? `${id}.html.gz` : `${id}.html`;
  let bytes: Uint8Array = readFileSync(join(dir, 'html', name));
  if (isGzip(bytes)) bytes = gunzip(bytes);
  return { id, bytes, url: truth[id].url ?? null };
});
// One untimed pass first, so the times are the steady state and not the JIT warming up.
const warmup = !args.includes('--cold');
if (warmup) for (const { bytes, url } of pages) try { extractArticle(decodeBytes(bytes, sniffHtmlCharset(bytes)).text, { url }); } catch { /* scored below */ }

for (const { id, bytes, url } of pages) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { text } = decodeBytes(bytes, sniffHtmlCharset(bytes));
  let body = '';
  try {
    body = extractArticle(text, { url, fetchedAt: new Date() }).text;
  } catch (err) {
    console.error(`${id}: ${(err as Error).message}`);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  times.push(ms);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  pred[id] = { articleBody: body };
  const t = tpfpfn(truth[id].articleBody ?? '', body);
  scored.push(t);
  const p = prec(...t), r = rec(...t);
  rows.push({ id, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, ms, url: url ?? '' });
  if (show && id.startsWith(show)) console.log(`--- ${id} ${url}\n${body}\n---`);
}

const P = mean(scored.filter((x) => x[0] + x[1] > 0).map((x) => prec(...x)));
const R = mean(scored.filter((x) => x[0] + x[2] > 0).map((x) => rec(...x)));
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[sorted.length >> 1];
console.log(`pages=${rows.length} P=${P.toFixed(3)} R=${R.toFixed(3)} F1=${((2 * P * R) / (P + R)).toFixed(3)}`);
// The same score over each half of the ids' first characters.
const firsts = [...new Set(rows.map((r) => r.id[0]))].sort();
if (firsts.length > 1) {
  const halves = [firsts.slice(0, Math.ceil(firsts.length / 2)), firsts.slice(Math.ceil(firsts.length / 2))];
  const parts = halves.map((h) => {
    const xs = scored.filter((_, i) => h.includes(rows[i].id[0]));
    const hp = mean(xs.filter((x) => x[0] + x[1] > 0).map((x) => prec(...x)));
    const hr = mean(xs.filter((x) => x[0] + x[2] > 0).map((x) => rec(...x)));
    return `ids ${h[0]}-${h[h.length - 1]}: pages=${xs.length} F1=${((2 * hp * hr) / (hp + hr)).toFixed(3)}`;
  });
  console.log(parts.join('; '));
}
console.log('worst pages:');
for (const row of [...rows].sort((a, b) => a.f1 - b.f1).slice(0, 10))
  console.log(`  ${row.f1.toFixed(3)} P=${row.p.toFixed(3)} R=${row.r.toFixed(3)} ${row.id.slice(0, 12)} ${row.url.slice(0, 90)}`);
const total = times.reduce((a, b) => a + b, 0);
console.log(`speed${warmup ? ' (after a warm-up pass)' : ''}: ${(rows.length / (total / 1000)).toFixed(1)} pages/s overall, median ${median.toFixed(1)} ms/page (${(1000 / median).toFixed(1)} pages/s), slowest ${sorted[sorted.length - 1].toFixed(1)} ms`);
const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
const cpuMedian = cpuSorted[cpuSorted.length >> 1];
// CPU time is what the page cost this process, whatever else the machine was running meanwhile.
console.log(`cpu time: median ${cpuMedian.toFixed(1)} ms/page (${(1000 / cpuMedian).toFixed(1)} pages/s), p95 ${cpuSorted[Math.floor(cpuSorted.length * 0.95)].toFixed(1)} ms`);
if (predPath) {
  writeFileSync(predPath, JSON.stringify(pred));
  console.log(`predictions written to ${predPath}`);
}
