/**
 * Killed, injured and captured counts for languages with a lexicon. A casualty word ("погибли",
 * "поранені", "مقتل") takes the nearest count of people within three words on either side
 * ("погибли три человека", "трое погибших", "مقتل ثلاثة أشخاص"); a count is a number in digits
 * (Arabic-Indic too) or a number word in any case form, with tens and units joined ("двадцать
 * три", "ثلاثة وعشرين", "خمسة عشر"). A number followed by a unit, a weapon or a month is no count.
 * A singular form with no number ("погиб мужчина", "قتيل") is 1; "без жертв" is 0.
 */
import type { CasualtyAnnotation, DateAnnotation } from '../model/index.js';
import type { Lexicon } from './index.js';
import { tokenize, type Token } from './tokens.js';

const WINDOW = 3;
const TALLY_WINDOW = 12;
const DIGITS = /^\d{1,5}$/;
/** Words of "per" before a rate's base (Arabic; Russian and Ukrainian say it with a preposition that also counts). */
const PER: ReadonlySet<string> = new Set(['لكل', 'ولكل']);

interface NumberAt {
  first: number;
  last: number;
  value: number;
}

const LAM = 'ل'.charCodeAt(0);

/** The word's forms without Arabic proclitics, longest clitic first, the word itself first. */
export function formsOf(word: string, lex: Lexicon): string[] {
  const out = [word];
  const clitics = lex.proclitics;
  if (!clitics) return out;
  // the first letters compared before the rest: this runs for every word of every Arabic sentence
  const c = word.charCodeAt(0);
  for (let i = 0; i < clitics.length; i++) {
    const p = clitics[i];
    if (p.charCodeAt(0) === c && word.length > p.length + 1 && word.startsWith(p)) out.push(word.slice(p.length));
  }
  // "للقاهرة": the preposition ل swallows the alif of the article ("ل" + "القاهرة")
  if (c === LAM && word.charCodeAt(1) === LAM && word.length > 4) out.push('ال' + word.slice(2));
  return out;
}

function numberOf(t: Token, forms: readonly string[], lex: Lexicon): number | null {
  if (DIGITS.test(t.lower)) return Number(t.lower);
  for (const f of forms) {
    const n = lex.numbers.get(f);
    if (n !== undefined) return n;
  }
  return null;
}

/**
 * Whether digits `b` continue the digits `a` as their next group of thousands ("31,967", "1 394" with a
 * no-break space, "١٬٣٩٤" with the Arabic thousands separator): one separator between, three digits after.
 */
function thousandsGroup(sentence: string, a: Token, b: Token): boolean {
  if (b.start !== a.end + 1 || b.end - b.start !== 3 || !DIGITS.test(a.lower) || !DIGITS.test(b.lower)) return false;
  const c = sentence.charCodeAt(a.end);
  return c === 44 || c === 0xa0 || c === 0x202f || c === 0x66c;
}

/** Numbers of the sentence, compounds joined: tens + units either way, Arabic "X عشر", groups of thousands. */
function numbers(sentence: string, tokens: readonly Token[], forms: readonly (readonly string[])[], lex: Lexicon): NumberAt[] {
  const out: NumberAt[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = numberOf(tokens[i], forms[i], lex);
    if (n === null) continue;
    const prev = out[out.length - 1];
    // "31,967" is one number, not 31 and 967 (the tokens split at the separator)
    if (prev && prev.last === i - 1 && prev.value < 1e6 && thousandsGroup(sentence, tokens[i - 1], tokens[i])) {
      prev.value = prev.value * 1000 + n;
      prev.last = i;
      continue;
    }
    if (prev && prev.last === i - 1) {
      const tensUnits = (prev.value >= 20 && prev.value % 10 === 0 && n < 10) || (n >= 20 && n % 10 === 0 && prev.value < 10);
      const teen = lex.code === 'ar' && n === 10 && prev.value < 10;
      if (tensUnits || teen) {
        prev.value += n;
        prev.last = i;
        continue;
      }
    }
    out.push({ first: i, last: i, value: n });
  }
  return out;
}

/**
 * One pattern that matches where some casualty word's does (their alternation, built once per
 * lexicon), or null when they cannot be joined (flags differ, back-references): most words are
 * none, and one test rules them out instead of one per field.
 */
function anyCasualtyWord(lex: Lexicon): RegExp | null {
  const ws = lex.casualtyWords;
  const joinable = ws.length > 1 && ws.every((w) => w.pattern.flags === ws[0].pattern.flags && !w.pattern.global && !w.pattern.sticky && !/\\[1-9k]|\(\?</.test(w.pattern.source.replace(/\(\?<[=!]/g, '')));
  return joinable ? new RegExp(ws.map((w) => `(?:${w.pattern.source})`).join('|'), ws[0].pattern.flags) : null;
}

/** A pattern's opening lookbehind for a letter, which a Unicode scan tries at every character. */
const LETTER_BEFORE = '(?<!\\p{L})';
/**
 * `noCasualties` without its opening lookbehind (built once per lexicon): it matches wherever the
 * whole pattern does and scans fast, so a sentence it does not match skips the full scan. Null when
 * the pattern has no such lookbehind.
 */
function noneGate(lex: Lexicon): RegExp | null {
  const p = lex.noCasualties;
  return p.source.startsWith(LETTER_BEFORE) ? new RegExp(p.source.slice(LETTER_BEFORE.length), p.flags.replace(/[gy]/g, '')) : null;
}

function fieldOf(forms: readonly string[], lex: Lexicon): 'fatalities' | 'injured' | 'captured' | null {
  const any = gatesOf(lex).anyWord;
  for (const f of forms) {
    if (any && !any.test(f)) continue;
    for (const w of lex.casualtyWords) if (w.pattern.test(f)) return w.field;
  }
  return null;
}

/** A pattern over one word opening with one of its alternatives: `^(?:alt|alt|…)`, maybe closed by `$`. */
const OPENING_GROUP = /^\^\(\?:(.*)\)\$?$/su;
/** The letters (and marks) of the Cyrillic and Arabic blocks, no tatweel: what a casualty word's opening is spelt in. */
const OPENING_LETTERS = /^[\p{L}\p{M}]+$/u;
const BLOCK_LETTERS = /^[\u0400-\u04ff\u0600-\u063f\u0641-\u065f]+$/u;

/**
 * The letters each alternative of `^(?:…)` opens with (a match of the pattern starts with one of
 * them), or null when the source is of another shape or an alternative opens with anything else.
 */
export function openingLetters(source: string): string[] | null {
  const m = OPENING_GROUP.exec(source);
  if (!m) return null;
  const body = m[1];
  // the alternatives at the group's own level (escapes and classes read past)
  const alts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return null; // the group closes before the end: `^(?:a)(?:b)`
    else if (c === '|' && depth === 0) {
      alts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0 || inClass) return null;
  alts.push(body.slice(from));
  const out: string[] = [];
  for (const alt of alts) {
    let n = 0;
    while (n < alt.length && OPENING_LETTERS.test(alt[n])) n++;
    // a quantifier may make the last letter optional ("ранен?", "ран{0,1}"): it is not part of the opening
    if (n < alt.length && '?*{'.includes(alt[n])) n--;
    if (n <= 0) return null;
    out.push(alt.slice(0, n));
  }
  return out;
}

/**
 * One pattern over the sentence that finds, anywhere, an opening every casualty word's match must
 * start with (`openingLetters`), or null. A token's forms are its lower case less proclitics, or
 * "ال" put for "لل" (`formsOf`); so a form that is a casualty word holds its opening as a run of
 * the sentence's own letters, in either case (a Cyrillic capital lower-cases to the letter it
 * case-folds to; Arabic has no case), unless a tatweel dropped from the word joined it (see
 * `casualtyWordsAbsent`) or the opening straddles the "ال" put in (an opening in "ل" or "ال": then
 * no gate). Most sentences hold none, and then are neither tokenised nor read word by word.
 * Case-insensitive rather than over the sentence lower-cased: lower-casing each sentence cost the
 * gate more than it saved in Russian, where "тел" opens a word in most sentences.
 */
function sentenceGate(lex: Lexicon): RegExp | null {
  const openings: string[] = [];
  for (const w of lex.casualtyWords) {
    const o = w.pattern.flags.replace('u', '') === '' ? openingLetters(w.pattern.source) : null;
    if (!o) return null;
    openings.push(...o);
  }
  const usable = openings.length > 0 && openings.every((x) => BLOCK_LETTERS.test(x) && !x.startsWith('ل') && !x.startsWith('ال'));
  // Arabic letters have no case: its gate is the plain pattern
  const caseless = openings.every((x) => x.charCodeAt(0) >= 0x600);
  return usable ? new RegExp(openings.join('|'), caseless ? 'u' : 'iu') : null;
}

/** The patterns derived from a lexicon's casualty rows, each null where it cannot be built. */
interface CasualtyGates {
  /** Some casualty word matches a form (`anyCasualtyWord`). */
  anyWord: RegExp | null;
  /** A sentence may say none were hurt (`noneGate`). */
  none: RegExp | null;
  /** A sentence may hold a casualty word (`sentenceGate`). */
  sentence: RegExp | null;
}
/** Built once per lexicon, the first time a sentence of its language is read (lexicons are loaded once). */
const GATES = new WeakMap<Lexicon, CasualtyGates>();
function gatesOf(lex: Lexicon): CasualtyGates {
  let g = GATES.get(lex);
  if (!g) GATES.set(lex, (g = { anyWord: anyCasualtyWord(lex), none: noneGate(lex), sentence: sentenceGate(lex) }));
  return g;
}

/** Whether no token of the sentence can have a casualty word among its forms (false: maybe one has). */
export function casualtyWordsAbsent(sentence: string, lex: Lexicon): boolean {
  const gate = gatesOf(lex).sentence;
  return !!gate && !sentence.includes('\u0640') && !gate.test(sentence);
}

/** "بدون إصابات", "без жертв": no one killed or hurt, as a count of 0 (asked where no count was found). */
function noCasualtiesIn(sentence: string, offset: number, lex: Lexicon): CasualtyAnnotation[] {
  const gate = gatesOf(lex).none;
  const none = !gate || gate.test(sentence) ? lex.noCasualties.exec(sentence) : null;
  return none ? [{ kind: 'casualty', start: offset + none.index, end: offset + none.index + none[0].length, field: 'fatalities', value: { low: 0, best: 0, high: 0 }, victims: null, hedged: false }] : [];
}

/** Whether a token (of the sentence at `offset`) lies inside a date. */
function inDate(t: Token, offset: number, dates: readonly DateAnnotation[]): boolean {
  return dates.some((d) => d.start <= offset + t.start && offset + t.end <= d.end);
}

/** Counts in one sentence; `offset` is the sentence's start in the document. */
export function lexiconCasualties(sentence: string, offset: number, lex: Lexicon, dates: readonly DateAnnotation[], memos?: Map<string, object>): CasualtyAnnotation[] {
  // no casualty word: no count, only what says none were hurt
  if (casualtyWordsAbsent(sentence, lex)) return noCasualtiesIn(sentence, offset, lex);
  const tokens = tokenize(sentence, memos);
  // each token's forms without proclitics, made once: the readers below all ask them
  const forms = tokens.map((t) => formsOf(t.lower, lex));
  const fields = forms.map((f) => fieldOf(f, lex));
  const out: CasualtyAnnotation[] = [];
  // most sentences hold no casualty word: their numbers are read only for one
  const counts = fields.some((f) => f !== null)
    ? numbers(sentence, tokens, forms, lex).filter((n) => {
        const after = tokens[n.last + 1];
        if (after && forms[n.last + 1].some((f) => lex.notPeople.test(f))) return false;
        // a rate's base is no count: "لكل 100,000 شخص" (per 100,000 people)
        if (n.first > 0 && PER.has(tokens[n.first - 1].lower)) return false;
        return !inDate(tokens[n.first], offset, dates);
      })
    : [];
  const used = new Set<NumberAt>();
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const field = fields[i];
    if (!field) continue;
    let best: NumberAt | null = null;
    let bestDistance = TALLY_WINDOW + 1;
    for (const n of counts) {
      if (used.has(n)) continue;
      const d = n.last < i ? i - n.last : n.first - i;
      // another casualty word between them takes the count for itself
      const from = Math.min(i, n.first) + 1;
      const to = Math.max(i, n.last);
      let blocked = false;
      for (let k = from; k < to && !blocked; k++) if (k !== i && fields[k]) blocked = true;
      // a clause break between them: "погиб мужчина, еще двое ранены" gives the two to the wounded
      // (between the word and the number, not inside it: "31,967")
      if (!blocked && /[,;:]/.test(n.first > i ? sentence.slice(tokens[i].end, tokens[n.first].start) : sentence.slice(tokens[n.last].end, tokens[i].start))) blocked = true;
      // "число погибших выросло до трех": a tally's count stands further on
      const window = i > 0 && lex.tally.test(tokens[i - 1].lower) && n.first > i ? TALLY_WINDOW : WINDOW;
      if (!blocked && d <= window && d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    let value: number | null = null;
    let start = tokens[i].start;
    let end = tokens[i].end;
    if (best) {
      used.add(best);
      value = best.value;
      start = Math.min(start, tokens[best.first].start);
      end = Math.max(end, tokens[best.last].end);
    } else if (forms[i].some((f) => lex.singular.test(f))) {
      value = 1;
    }
    if (value === null) continue;
    const key = `${field}:${start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: 'casualty', start: offset + start, end: offset + end, field, value: { low: value, best: value, high: value }, victims: null, hedged: false });
  }
  return out.length ? out : noCasualtiesIn(sentence, offset, lex);
}
