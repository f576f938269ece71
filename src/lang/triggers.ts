/** Event triggers for languages with a lexicon: one scan of the joined rows (see rows.ts). */
import type { TriggerAnnotation } from '../model/index.js';
import type { Lexicon } from './index.js';

/** The lookbehind that opens every trigger row (rows.ts): no letter before. */
const WORD_START = '(?<!\\p{L})';
/** That lookbehind alone, tried at one position (sticky, zero-width). */
const NO_LETTER_BEFORE = /(?<!\p{L})/uy;

/**
 * The joined scan without its opening lookbehind (built with the lexicon, index.ts), where that
 * lookbehind opens the whole scan, else null. Its matches, kept where no letter stands before,
 * are the scan's: the lookbehind tried at every character cost Cyrillic texts two fifths of the
 * scan. Where words carry proclitics (Arabic) almost any letter may open a row, and the matches
 * inside words it would reject cost more than it saves: none there.
 */
export function triggerSeek(scan: RegExp, proclitics: boolean): RegExp | null {
  if (proclitics || !scan.source.startsWith(WORD_START)) return null;
  const rest = scan.source.slice(WORD_START.length);
  // the rest must be one group, so that the lookbehind holds for every row
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '\\') i++;
    else if (c === '[') {
      while (i + 1 < rest.length && rest[i + 1] !== ']') i += rest[i + 1] === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === rest.length - 1 ? new RegExp(rest, scan.flags) : null;
  }
  return null;
}

export function lexiconTriggers(text: string, lex: Lexicon): TriggerAnnotation[] {
  const out: TriggerAnnotation[] = [];
  const seek = lex.triggerSeek ?? null;
  const re = seek ?? lex.triggerScan;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    if (seek) {
      NO_LETTER_BEFORE.lastIndex = m.index;
      if (!NO_LETTER_BEFORE.test(text)) {
        // inside a word: the scan goes on from the next character (a pair of surrogates as one), as the joined scan would
        re.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
        continue;
      }
    }
    const groups = m.groups ?? {};
    let i = 0;
    while (i < lex.triggers.length && groups[`r${i}`] === undefined) i++;
    const r = lex.triggers[i];
    if (!r) continue;
    out.push({ kind: 'trigger', start: m.index, end: m.index + m[0].length, text: m[0], category: r.category, type: r.type, tags: r.tags, weight: r.weight });
  }
  return out;
}
