/**
 * Sentences for languages with a lexicon. A sentence ends at . ! ? ؟ … (with closing quotes or
 * brackets) before white space and, in a cased script, a capital, digit or opening quote; at a
 * line break (headlines, datelines, Telegram posts); never after an abbreviation of the language
 * ("г.", "ул.", "обл.") or an initial ("В. Путин"). Intl.Segmenter gives the same boundaries on
 * these texts but costs ten times as much (1.8 ms for a 1.7 kB report), past the speed budget.
 */
import type { SentenceAnnotation } from '../model/index.js';
import type { Lexicon } from './index.js';

const CASED = /([.!?…]+)(["'”’»)\]]*)(\s+)(?=["'“‘«(\[]?[\p{Lu}\p{N}])|\n/gu;
const UNCASED = /([.!?؟…]+)(["'”’»)\]]*)(\s+)|\n/gu;
const LAST_WORD = /([\p{L}.-]{1,12})$/u;

export function lexiconSentences(text: string, lex: Lexicon): SentenceAnnotation[] {
  const out: SentenceAnnotation[] = [];
  const re = lex.script === 'Arabic' ? UNCASED : CASED;
  let start = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] === undefined) {
      push(out, text, start, m.index);
      start = m.index + 1;
      continue;
    }
    if (m[1] === '.') {
      const w = LAST_WORD.exec(text.slice(Math.max(start, m.index - 12), m.index));
      // an abbreviation or an initial: the sentence goes on
      if (w && (lex.abbreviations.has(w[1].toLowerCase()) || (w[1].length === 1 && w[1] !== w[1].toLowerCase()))) continue;
    }
    const end = m.index + m[1].length + m[2].length;
    push(out, text, start, end);
    start = end;
  }
  push(out, text, start, text.length);
  return out;
}

function push(out: SentenceAnnotation[], text: string, s: number, e: number): void {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push({ kind: 'sentence', start: s, end: e });
}
