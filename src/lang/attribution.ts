/** Who a sentence attributes what it says to, for languages with a lexicon ("по данным X", "як повідомляє X", "وفقا لـ X"). */
import type { Annotation, AttributionAnnotation } from '../model/index.js';
import type { Lexicon } from './index.js';

/** A pattern's opening lookbehind for a letter, which a Unicode scan tries at every character. */
const LETTER_BEFORE = '(?<!\\p{L})';

/**
 * Each attribution pattern without its opening lookbehind, or null where it has none (built with
 * the lexicon, index.ts): it matches wherever the whole pattern does and scans fast, so a sentence
 * it does not match skips the full scan (most sentences attribute nothing).
 */
export function attributionGates(patterns: readonly RegExp[]): (RegExp | null)[] {
  return patterns.map((p) => (p.source.startsWith(LETTER_BEFORE) ? new RegExp(p.source.slice(LETTER_BEFORE.length), p.flags.replace(/[gy]/g, '')) : null));
}

export function lexiconAttributions(text: string, sentences: readonly Annotation[], lex: Lexicon): AttributionAnnotation[] {
  const out: AttributionAnnotation[] = [];
  const gates = lex.attributionGates;
  for (const s of sentences) {
    if (s.kind !== 'sentence') continue;
    const sentence = text.slice(s.start, s.end);
    for (let i = 0; i < lex.attribution.length; i++) {
      const re = lex.attribution[i];
      const gate = gates?.[i];
      if (gate && !gate.test(sentence)) continue;
      const m = re.exec(sentence);
      let value = m?.[1]?.trim();
      // "وفقا للدفاع المدني": the preposition ل took the article's alif ("لل" = "ل" + "ال")
      if (value && lex.code === 'ar' && m && /لل$/.test(sentence.slice(0, m.index + m[0].indexOf(m[1]) + 1))) value = 'ا' + value;
      if (value && value.length >= 2) {
        out.push({ kind: 'attribution', start: s.start, end: s.end, value });
        break;
      }
    }
  }
  return out;
}
