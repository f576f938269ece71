/**
 * `npm run bench:lang`: extraction throughput per language (ru, uk, ar, and en for comparison),
 * over ~3 kB plain-text reports, with the language read by fastText as `sitrep ingest` does.
 * Reports are built from consecutive paragraphs of the eval corpora in SITREP_EXTDATA (NEREL dev
 * for ru, SlavicNER uk, IDRISI tweets for ar; see scripts/eval-lang.ts) and ECB+ dev for en.
 * Each language runs until MIN_SECONDS have passed, on one core.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../src/model/index.js';
import { loadLanguageModel } from '../src/lang/identify.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';

const root = process.env.SITREP_EXTDATA ?? '/work/extdata';
const MIN_SECONDS = 3;
const REPORT_CHARS = 3000;

function texts(lang: string): string[] {
  const out: string[] = [];
  if (lang === 'ru') {
    const dir = join(root, 'NEREL', 'NEREL-v1.1', 'dev');
    if (existsSync(dir)) for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.push(readFileSync(join(dir, f), 'utf8'));
  } else if (lang === 'uk') {
    for (const topic of ['asia_bibi', 'ryanair', 'us_election_2020']) {
      const dir = join(root, 'SlavicNER', 'raw', topic, 'uk');
      if (existsSync(dir)) for (const f of readdirSync(dir).sort()) out.push(readFileSync(join(dir, f), 'utf8'));
    }
  } else if (lang === 'ar') {
    const dir = join(root, 'IDRISI', 'LMD', 'data', 'AR');
    if (existsSync(dir)) for (const ev of readdirSync(dir).sort()) {
      const p = join(dir, ev, 'train.jsonl');
      if (existsSync(p)) for (const line of readFileSync(p, 'utf8').split('\n')) if (line.trim()) out.push((JSON.parse(line) as { text: string }).text + '.');
    }
  } else {
    const dir = join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs');
    const alt = join(process.cwd(), '..', 'shared', 'data', 'ecbplus-dev', 'docs');
    const d = existsSync(alt) ? alt : dir;
    if (existsSync(d)) for (const f of readdirSync(d).sort().slice(0, 400)) out.push(readFileSync(join(d, f), 'utf8'));
  }
  return out;
}

/** Consecutive texts joined into reports of about REPORT_CHARS. */
function reports(lang: string): Document[] {
  const out: Document[] = [];
  let buf = '';
  for (const t of texts(lang)) {
    buf += (buf ? '\n\n' : '') + t.trim();
    if (buf.length >= REPORT_CHARS) {
      const text = buf.slice(0, REPORT_CHARS);
      out.push({ id: `bench_${lang}_${out.length}`, source: 'bench', url: null, title: null, published: '2024-03-07', author: null, site: null, lang: null, text });
      buf = '';
    }
  }
  return out;
}

const pipeline = createPipeline(loadResources({ languageModel: await loadLanguageModel() }));
console.log('| language | reports | reports/s (one core) | ms each |\n|---|---|---|---|');
for (const lang of ['en', 'ru', 'uk', 'ar']) {
  const docs = reports(lang);
  if (!docs.length) {
    console.log(`| ${lang} | missing: no corpus under ${root} | | |`);
    continue;
  }
  for (const d of docs.slice(0, 20)) extract(d, pipeline); // warm up
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < MIN_SECONDS * 1000) extract(docs[n++ % docs.length], pipeline);
  const ms = (performance.now() - t0) / n;
  console.log(`| ${lang} | ${docs.length} | ${Math.round(1000 / ms)} | ${ms.toFixed(2)} |`);
}
