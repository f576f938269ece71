/**
 * `npm run bench:lang`: extraction throughput per language (ru, uk, ar, and en for comparison),
 * over ~3 kB plain-text reports, with the language read by fastText as `sitrep ingest` does.
 * Reports are built from consecutive paragraphs of the eval corpora in SITREP_EXTDATA (NEREL dev
 * for ru, SlavicNER uk, IDRISI tweets for ar; see scripts/lang-corpus.ts) and ECB+ dev for en;
 * where a corpus is missing, from the reports written for the tests (and `$SITREP_BENCH_TEXTS`).
 * Each language runs until `--seconds` (default 3) have passed, on one core, twice: passes over its
 * reports with the run's memos emptied before each (the figure: every report new to the run), then
 * the reports again and again with memos kept; `--lang ru,uk` picks. Beside the wall rate, the CPU
 * time a report of the cheapest pass over the reports, at least `--passes` (default 5) of them: all
 * the process's threads (`process.cpuUsage`, user + system: V8's compiler and GC helpers too), and
 * on Linux the main thread's alone (`/proc/self/task/PID/schedstat`, ns). On a machine shared with
 * other work the wall rate moves with the load; CPU time much less, the main thread's least.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadLanguageModel } from '../src/lang/identify.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { asReports, BENCH_LANGS, corpusTexts, writtenTexts } from './lang-corpus.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const seconds = Number(arg('--seconds') ?? 3);
const langs = arg('--lang')?.split(',') ?? [...BENCH_LANGS];
const minPasses = Number(arg('--passes') ?? 5);
/** The main thread's time on a CPU so far, in ms (Linux), else null. */
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const mainThreadMs = existsSync(SCHEDSTAT) ? () => Number(readFileSync(SCHEDSTAT, 'latin1').split(' ')[0]) / 1e6 : null;

const pipeline = createPipeline(loadResources({ languageModel: await loadLanguageModel() }));
console.log('| language | texts | reports | reports/s (one core), each report new to the run | ms each | CPU ms each, cheapest pass (all threads) | main thread | reports/s, reports seen before |\n|---|---|---|---|---|---|---|---|');
for (const lang of langs) {
  const corpus = corpusTexts(lang);
  const docs = asReports(corpus.length ? corpus : writtenTexts(lang), lang);
  if (!docs.length) {
    console.log(`| ${lang} | none | | | | | | |`);
    continue;
  }
  // warm up: the code compiled on these reports (two passes), before either figure is taken
  for (let pass = 0; pass < 2; pass++) for (const d of docs) extract(d, pipeline);
  // the figure: each pass over the reports starts with the run's memos emptied (stages keep pure
  // readings of words across documents), so every report is read as new, as in a stream of fresh
  // reports; cycling the same few reports alone would find every word already read
  let n = 0;
  let spent = 0;
  let cpu = Infinity;
  let main = Infinity;
  for (let pass = 0; spent < seconds * 1000 || pass < minPasses; pass++) {
    pipeline.context.memos?.clear();
    const c = process.cpuUsage();
    const m = mainThreadMs?.() ?? 0;
    const t = performance.now();
    for (const d of docs) extract(d, pipeline);
    spent += performance.now() - t;
    if (mainThreadMs) main = Math.min(main, (mainThreadMs() - m) / docs.length);
    const used = process.cpuUsage(c);
    cpu = Math.min(cpu, (used.user + used.system) / 1000 / docs.length);
    n += docs.length;
  }
  const ms = spent / n;
  // beside it, the same reports again and again, memos kept: what the run's memos save at best
  let m = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) extract(docs[m++ % docs.length], pipeline);
  const seen = (performance.now() - t0) / m;
  console.log(`| ${lang} | ${corpus.length ? 'corpus' : 'written'} | ${docs.length} | ${Math.round(1000 / ms)} | ${ms.toFixed(2)} | ${cpu.toFixed(2)} | ${mainThreadMs ? main.toFixed(2) : '-'} | ${Math.round(1000 / seen)} |`);
}
