/** Who a sentence attributes what it says to, for languages with a lexicon ("по данным X", "як повідомляє X", "وفقا لـ X"). */
import type { Annotation, AttributionAnnotation } from '../model/index.js';
import type { Lexicon } from './index.js';

export function lexiconAttributions(text: string, sentences: readonly Annotation[], lex: Lexicon): AttributionAnnotation[] {
  const out: AttributionAnnotation[] = [];
  for (const s of sentences) {
    if (s.kind !== 'sentence') continue;
    const sentence = text.slice(s.start, s.end);
    for (const re of lex.attribution) {
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
