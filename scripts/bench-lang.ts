/**
 * `npm run bench:lang`: extraction throughput per language (ru, uk, ar, and en for comparison),
 * over ~3 kB plain-text reports, with the language read by fastText as `sitrep ingest` does.
 * Reports are built from consecutive paragraphs of the eval corpora in SITREP_EXTDATA (NEREL dev
 * for ru, SlavicNER uk, IDRISI tweets for ar; see scripts/lang-corpus.ts) and ECB+ dev for en;
 * where a corpus is missing, from the reports written for the tests (and `$SITREP_BENCH_TEXTS`).
 * Each language runs until `--seconds` (default 3) have passed, on one core; `--lang ru,uk` picks.
 */
import { loadLanguageModel } from '../src/lang/identify.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { asReports, BENCH_LANGS, corpusTexts, writtenTexts } from './lang-corpus.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const seconds = Number(arg('--seconds') ?? 3);
const langs = arg('--lang')?.split(',') ?? [...BENCH_LANGS];

const pipeline = createPipeline(loadResources({ languageModel: await loadLanguageModel() }));
console.log('| language | texts | reports | reports/s (one core) | ms each |\n|---|---|---|---|---|');
for (const lang of langs) {
  const corpus = corpusTexts(lang);
  const docs = asReports(corpus.length ? corpus : writtenTexts(lang), lang);
  if (!docs.length) {
    console.log(`| ${lang} | none | | | |`);
    continue;
  }
  for (const d of docs.slice(0, 20)) extract(d, pipeline); // warm up
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) extract(docs[n++ % docs.length], pipeline);
  const ms = (performance.now() - t0) / n;
  console.log(`| ${lang} | ${corpus.length ? 'corpus' : 'written'} | ${docs.length} | ${Math.round(1000 / ms)} | ${ms.toFixed(2)} |`);
}
