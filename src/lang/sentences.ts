/**
 * Sentences for languages with a lexicon: `Intl.Segmenter` per line (a line break ends a sentence,
 * as the English splitter has it: headlines, datelines, Telegram posts), then joined back where
 * the segmenter broke after an abbreviation ("г.", "ул.") or an initial ("В. Путин").
 */
import type { SentenceAnnotation } from '../model/index.js';
import type { Lexicon } from './index.js';

const LAST_WORD = /([\p{L}.-]{1,12})\.\s*$/u;

export function lexiconSentences(text: string, lex: Lexicon, segmenter: Intl.Segmenter): SentenceAnnotation[] {
  const out: SentenceAnnotation[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let open = -1;
    for (const seg of segmenter.segment(line)) {
      const s = lineStart + seg.index;
      if (open < 0) open = s;
      const m = LAST_WORD.exec(seg.segment);
      // an abbreviation or an initial: the sentence goes on into the next segment
      if (m && (lex.abbreviations.has(m[1].toLowerCase()) || (m[1].length === 1 && m[1] !== m[1].toLowerCase()))) continue;
      push(out, text, open, s + seg.segment.length);
      open = -1;
    }
    if (open >= 0) push(out, text, open, lineEnd);
    lineStart = lineEnd + 1;
  }
  return out;
}

function push(out: SentenceAnnotation[], text: string, s: number, e: number): void {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push({ kind: 'sentence', start: s, end: e });
}
