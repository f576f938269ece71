/**
 * Every extraction (reports, annotations, messages, typing) over ECB+ dev (772), the first 300 GVA
 * dev articles, the seeds and examples/, as one JSON line per document: diff two dumps to prove a speed
 * change left the output as it was. Usage: tsx scripts/dump-extraction.ts OUT.jsonl [--no-lang]
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textDocument } from '../src/ingest/document.js';
import { readInputs } from '../src/ingest/read.js';
import { loadLanguageModel } from '../src/lang/identify.js';
import type { Document } from '../src/model/types.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, '..', 'shared', 'data');
const out = process.argv[2];
if (!out) throw new Error('usage: dump-extraction.ts OUT.jsonl [--no-lang]');

async function read(path: string): Promise<Document[]> {
  const docs: Document[] = [];
  for await (const item of readInputs([path])) if (item.kind === 'document') docs.push(item.document);
  return docs;
}

async function main() {
  const languageModel = process.argv.includes('--no-lang') ? null : await loadLanguageModel();
  const pipeline = createPipeline(loadResources({ languageModel }));
  const docs = [...(await read(join(data, 'ecbplus-dev', 'docs'))), ...(await read(join(root, '..', 'shared', 'seeds'))), ...(await read(join(root, 'examples')))];
  const lines = gunzipSync(readFileSync(join(data, 'gva-dev', 'docs.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean);
  for (const line of lines.slice(0, 300)) {
    const d = JSON.parse(line) as { id: string; title: string; published: string; url: string; text: string };
    try {
      docs.push(textDocument(d.text, { source: `gva:${d.id}`, url: d.url || null, title: d.title || null, published: d.published || null }));
    } catch {
      // empty text
    }
  }
  const w = createWriteStream(out);
  for (const d of docs) {
    const x = extract(d, pipeline);
    w.write(JSON.stringify({ id: d.id, source: d.source, lang: x.annotated.document.lang, annotations: x.annotated.annotations, messages: x.annotated.messages, reports: x.reports, typing: x.typing }) + '\n');
  }
  await new Promise((ok) => w.end(ok));
  console.log(`${docs.length} documents -> ${out}`);
}
main();
