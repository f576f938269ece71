/**
 * Who a sentence attributes what it says to: "according to X", "X said/told/claimed …", "as
 * reported by X", "reports from X suggest", a quote closed by `," X said`. A sentence that only
 * refers back ("These reports differ …", "he added") takes the source of the sentence before it
 * that had one. The annotation spans the sentence it covers; its value is the source as written.
 */
import type { AttributionAnnotation, Stage } from '../model/index.js';
import { lexiconFor } from '../lang/index.js';
import { lexiconAttributions } from '../lang/attribution.js';

const SAY =
  'said|says|say|told|tells|reported|reports|claimed|claims|claim|confirmed|confirms|stated|states|added|disclosed|' +
  'announced|announces|acknowledged|denied|denies|alleged|alleges|insisted|suggest|suggests|suggested|indicate|indicates|' +
  'indicated|wrote|writes|posted|tweeted|noted|explained|revealed|according';

/** "according to X" up to a clause break. */
const ACCORDING_TO = /\baccording to ([^,;.:“”"()]{2,90}?)(?=[,;.:“”"()]|$| that | who | which )/i;
/** "as reported by X", "reports from X", "details from X", "said by X". */
const FROM_SOURCE = /\b(?:as (?:reported|stated|claimed|confirmed|said) by|(?:reports?|claims?|details|information|data|footage|images?|accounts?) (?:from|by|published by|shared by)|corroborated by|citing) ([^,;.:“”"()]{2,90}?)(?=[,;.:“”"()]|$| that | who | which | suggest| indicate| say| show| claim| and | to )/i;
/** `…,” X said` after a quotation. */
const AFTER_QUOTE = new RegExp(`[”"],?\\s+((?:[\\p{Lu}][\\p{L}'’.-]*\\s+){0,4}?[\\p{L}'’.-]+)\\s+(?:${SAY})\\b`, 'u');
/** What every FROM_SOURCE match holds (same flags): a plain scan rules most sentences out before the long alternation. */
const FROM_SOURCE_CUE = /by|from|citing/i;
/** "X said" with X a short subject at the start of a clause. */
const SUBJECT_SAID = new RegExp(
  `(?:^|[,;:]\\s+|\\bthat\\s+|\\band\\s+)((?:the |a |an )?(?:[\\p{L}\\d'’.-]+\\s+){0,7}?[\\p{L}\\d'’.-]+)(?:,[^,]{3,80},)?\\s+(?:(?:has|have|had|also|later|further|then)\\s+)?(?:${SAY})\\b`,
  'iu',
);
/**
 * A word of saying after white space: AFTER_QUOTE and SUBJECT_SAID both end in one, so a sentence
 * without it (most) skips them; SUBJECT_SAID, which tries every clause start, is the dearest scan here.
 */
const SAYS = new RegExp(`\\s(?:${SAY})\\b`, 'iu');
/** A capitalised name opening the sentence and closed by a comma. */
const NAME_BEFORE_APPOSITIVE = /^((?:[\p{Lu}][\p{L}'’.-]+\s+){0,3}[\p{Lu}][\p{L}'’.-]+),\s*$/u;
/** A sentence that leans on the one before: "These reports …", "He added …". */
const REFERS_BACK = /^(?:[“"]?\s*)?(?:these|those|the|such|both) (?:reports|sources|accounts|claims|channels|versions)\b|^(?:he|she|they|it) (?:added|said|says|continued|noted|claimed|told)\b|[”"],?\s+(?:he|she|they) (?:said|added|noted|continued|told)\b/i;
const PRONOUN = /^(?:he|she|they|it|we|i|you|this|that|these|those|his|her|their|its|one|another|which|who|what|there)$/i;
/** Words that start a subject but are not a source ("the crew said" is one, "it is said" is not). */
const WEAK_START = /^(?:it|there|this|that|these|those|which|who|what|as|so|if|when|while|the (?:evidence|fact|situation|question))\b/i;

function tidy(source: string): string | null {
  let s = source.trim().replace(/^(?:[Tt]he|[Aa]n?)\s+/, '').replace(/\s+/g, ' ');
  s = s.replace(/^(?:unofficial|official|some|several|many|local|other)\s+(?=reports\b)/i, (m) => m);
  if (s.length < 2 || PRONOUN.test(s) || WEAK_START.test(s)) return null;
  return s;
}

/** The source a sentence names itself, or null. */
export function sourceOf(sentence: string): string | null {
  const fromSource = FROM_SOURCE_CUE.test(sentence) ? FROM_SOURCE.exec(sentence) : null;
  if (fromSource) {
    const s = tidy(fromSource[1]);
    if (s) return s;
  }
  const according = ACCORDING_TO.exec(sentence);
  if (according) {
    const s = tidy(according[1]);
    if (s) return s;
  }
  if (!SAYS.test(sentence)) return null;
  const quoted = AFTER_QUOTE.exec(sentence);
  if (quoted) {
    const s = tidy(quoted[1]);
    if (s) return s;
  }
  const said = SUBJECT_SAID.exec(sentence);
  if (said) {
    // "John Smith, a spokesperson for …, said": the name before the appositive is the source
    const lead = NAME_BEFORE_APPOSITIVE.exec(sentence.slice(0, said.index + 2));
    if (lead && /^(?:a|an|the)\s/i.test(said[1])) return `${lead[1]}, ${said[1].trim()}`;
    const s = tidy(said[1]);
    if (s && s.split(' ').length <= 8) return s;
  }
  return null;
}

export function findAttributions(text: string, sentences: readonly { start: number; end: number }[]): AttributionAnnotation[] {
  const out: AttributionAnnotation[] = [];
  let previous: string | null = null;
  let previousEnd = -1;
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    // a new paragraph ends what "these reports" or "he added" can refer back to
    if (previousEnd >= 0 && /\n\s*\n/.test(text.slice(previousEnd, s.start))) previous = null;
    let source = sourceOf(sentence);
    if (REFERS_BACK.test(sentence) && previous) source = previous;
    if (source) {
      out.push({ kind: 'attribution', start: s.start, end: s.end, value: source });
      previous = source;
    }
    previousEnd = s.end;
  }
  return out;
}

export const attribution: Stage = {
  name: 'attribution',
  needs: ['sentence'],
  gives: ['attribution'],
  run({ document, annotations }) {
    const sentences = annotations.filter((a) => a.kind === 'sentence');
    const lex = lexiconFor(document.lang);
    if (!lex) return { annotations: [] };
    if (lex.native) return { annotations: lexiconAttributions(document.text, sentences, lex) };
    return { annotations: findAttributions(document.text, sentences) };
  },
};
