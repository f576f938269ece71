/**
 * Every extraction of the Russian, Ukrainian and Arabic test reports (each alone, language given)
 * and of the bench:lang reports of every language (language read by fastText), as one JSON line
 * per document: `cmp` two dumps to prove a speed change left the output as it was. `--corpus` adds
 * every text of the eval corpora alone (NEREL train and dev, SlavicNER ru and uk, IDRISI tweets;
 * language read by fastText), ~4,000 documents.
 * Usage: tsx scripts/dump-lang.ts OUT.jsonl [--corpus]
 */
import { createWriteStream } from 'node:fs';
import { loadLanguageModel } from '../src/lang/identify.js';
import type { Document } from '../src/model/index.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { arCases, PUBLISHED, ruCases, ukCases } from '../test/lang/cases.js';
import { allCorpusTexts, asReports, BENCH_LANGS, corpusTexts, writtenTexts } from './lang-corpus.js';

const out = process.argv[2];
if (!out) throw new Error('usage: dump-lang.ts OUT.jsonl');

const pipeline = createPipeline(loadResources({ languageModel: await loadLanguageModel() }));
const docs: Document[] = [];
for (const [lang, cases] of [['ru', ruCases()], ['uk', ukCases()], ['ar', arCases()]] as const)
  cases.forEach((c, i) => docs.push({ id: `case_${lang}_${i}`, source: 'test', url: null, title: null, published: PUBLISHED, author: null, site: null, lang, text: c.text }));
for (const lang of BENCH_LANGS) {
  const corpus = corpusTexts(lang);
  docs.push(...asReports(corpus.length ? corpus : writtenTexts(lang), lang));
}
if (process.argv.includes('--corpus'))
  for (const [name, text] of allCorpusTexts()) docs.push({ id: name, source: 'corpus', url: null, title: null, published: PUBLISHED, author: null, site: null, lang: null, text });
const w = createWriteStream(out);
for (const d of docs) {
  const x = extract(d, pipeline);
  w.write(JSON.stringify({ id: d.id, lang: x.annotated.document.lang, annotations: x.annotated.annotations, messages: x.annotated.messages, reports: x.reports, typing: x.typing }) + '\n');
}
await new Promise((ok) => w.end(ok));
console.log(`${docs.length} documents -> ${out}`);
