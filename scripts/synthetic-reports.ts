/**
 * The synthetic ~3 kB plain-text reports the extraction benches time (`npm run bench`,
 * bench-extract, callgrind-extract): consecutive ECB+ sentences, crossing document boundaries,
 * whitespace collapsed, joined by newlines or spaces in turn. One generator, so every bench times
 * the same texts.
 */
import { textDocument } from '../src/ingest/document.js';
import { splitSentences } from '../src/extract/sentences.js';
import type { Document } from '../src/model/types.js';

export const SYNTHETIC_CHARS = 3000;

export function syntheticReports(source: readonly Document[], count: number): Document[] {
  const sentences = source.flatMap((d) => splitSentences(d.text).map((s) => d.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim())).filter((s) => s.length > 20);
  if (!sentences.length) throw new Error('no sentences to build synthetic reports from');
  const out: Document[] = [];
  let i = 0;
  for (let k = 0; k < count; k++) {
    const parts: string[] = [];
    let len = 0;
    while (len < SYNTHETIC_CHARS) {
      const s = sentences[i++ % sentences.length];
      parts.push(s);
      len += s.length + 1;
    }
    out.push(textDocument(parts.join(k % 2 ? ' ' : '\n'), { source: `synthetic:${k}`, published: '2015-06-01' }));
  }
  return out;
}
