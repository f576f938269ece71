/**
 * The Snowball Russian stemmer (snowballstem.org `russian.sbl`), as @orama/stemmers/russian runs it,
 * written as suffix cuts over character codes. The package interprets Snowball's generated program:
 * it copies the word into a string it splices at every step and compares one-letter slices at every
 * position while replacing "ё", ~3 µs a word, which the places stage paid for every capitalised word
 * it met first. Every step of the algorithm only cuts the word's end, so here the stem is a prefix of
 * the word (after ё → е) found by moving an end index: the same stems (stem.test.ts holds it to the
 * package on every word it is given and on the corpora's words).
 */

const A = 0x430;
const YA = 0x44f;
const I = 0x438;
const EN = 0x43d;

/** Snowball's vowels `v` (аеиоуыэюя). */
function isVowel(c: number): boolean {
  return c === 0x430 || c === 0x435 || c === 0x438 || c === 0x43e || c === 0x443 || c === 0x44b || c === 0x44d || c === 0x44e || c === 0x44f;
}

/** A Snowball `among` of suffixes, each with its action (1: the suffix must follow а or я, 2: cut it alone), by last letter, longest first. */
type Among = Map<number, { suffix: string; action: number }[]>;

function among(rows: [string, number][]): Among {
  const m: Among = new Map();
  for (const [suffix, action] of [...rows].sort((a, b) => b[0].length - a[0].length)) {
    const last = suffix.charCodeAt(suffix.length - 1);
    let list = m.get(last);
    if (!list) m.set(last, (list = []));
    list.push({ suffix, action });
  }
  return m;
}

const rows = (words: string, action: number): [string, number][] => words.split(' ').map((w) => [w, action]);

const PERFECTIVE_GERUND = among([...rows('в вши вшись', 1), ...rows('ив ивши ившись ыв ывши ывшись', 2)]);
const ADJECTIVE = among(rows('ее ие ое ые ими ыми ей ий ой ый ем им ом ым его ого ему ому их ых ую юю ая яя ою ею', 2));
const PARTICIPLE = among([...rows('ем нн вш ющ щ', 1), ...rows('ивш ывш ующ', 2)]);
const REFLEXIVE = among(rows('ся сь', 2));
const VERB = among([
  ...rows('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно', 1),
  ...rows('ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю', 2),
]);
const NOUN = among(rows('а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я', 2));
const DERIVATIONAL = among(rows('ост ость', 2));
const TIDY_UP = among([...rows('ейш ейше', 1), ['н', 2], ['ь', 3]]);

/**
 * The longest suffix of `among` that ends `w` at `end` and starts at `limit` or after, or null
 * (Snowball's `[substring] among (...)` in backward mode, within the region).
 */
function longest(w: string, end: number, limit: number, table: Among): { suffix: string; action: number } | null {
  if (end <= limit) return null;
  const list = table.get(w.charCodeAt(end - 1));
  if (!list) return null;
  for (const row of list) {
    const n = row.suffix.length;
    if (end - n < limit) continue;
    let k = 1;
    while (k < n && w.charCodeAt(end - 1 - k) === row.suffix.charCodeAt(n - 1 - k)) k++;
    if (k === n) return row;
  }
  return null;
}

/** Whether the letter before `at` is а or я, inside the region (Snowball's `'а' or 'я'` after the suffix). */
const afterAYa = (w: string, at: number, limit: number) => at - 1 >= limit && (w.charCodeAt(at - 1) === A || w.charCodeAt(at - 1) === YA);

/** The end of the word once `table`'s longest suffix is cut (with its action's condition), or -1 when none fits. */
function cut(w: string, end: number, limit: number, table: Among): number {
  const row = longest(w, end, limit, table);
  if (!row) return -1;
  const at = end - row.suffix.length;
  if (row.action === 1 && !afterAYa(w, at, limit)) return -1;
  return at;
}

export function stemRussian(word: string): string {
  // do repeat ( goto (['ё']) <- 'е' )
  const w = word.includes('ё') ? word.replaceAll('ё', 'е') : word;
  const n = w.length;
  // mark_regions: pV after the first vowel, p2 after the first non-vowel after a vowel after the first non-vowel after pV
  let pV = n;
  let p2 = n;
  let i = 0;
  while (i < n && !isVowel(w.charCodeAt(i))) i++;
  if (i < n) {
    pV = ++i;
    while (i < n && isVowel(w.charCodeAt(i))) i++;
    if (i < n) {
      i++;
      while (i < n && !isVowel(w.charCodeAt(i))) i++;
      if (i < n) {
        i++;
        while (i < n && isVowel(w.charCodeAt(i))) i++;
        if (i < n) p2 = i + 1;
      }
    }
  }
  let end = n;
  // perfective_gerund or ( try reflexive  adjectival or verb or noun )
  let at = cut(w, end, pV, PERFECTIVE_GERUND);
  if (at >= 0) end = at;
  else {
    at = cut(w, end, pV, REFLEXIVE);
    if (at >= 0) end = at;
    at = cut(w, end, pV, ADJECTIVE);
    if (at >= 0) {
      end = at;
      // try participle
      at = cut(w, end, pV, PARTICIPLE);
      if (at >= 0) end = at;
    } else {
      at = cut(w, end, pV, VERB);
      if (at >= 0) end = at;
      else {
        at = cut(w, end, pV, NOUN);
        if (at >= 0) end = at;
      }
    }
  }
  // try ( ['и'] delete )
  if (end - 1 >= pV && w.charCodeAt(end - 1) === I) end--;
  // derivational: ['ост' 'ость'] R2 delete
  const derivational = longest(w, end, pV, DERIVATIONAL);
  if (derivational && end - derivational.suffix.length >= p2) end -= derivational.suffix.length;
  // tidy_up
  const tidy = longest(w, end, pV, TIDY_UP);
  if (tidy) {
    const start = end - tidy.suffix.length;
    if (tidy.action === 1) {
      // delete the superlative, then [ 'н' ] 'н' delete
      end = start;
      if (end - 2 >= pV && w.charCodeAt(end - 1) === EN && w.charCodeAt(end - 2) === EN) end--;
    } else if (tidy.action === 2) {
      // 'н' ( 'н' delete ): the last н of нн
      if (start - 1 >= pV && w.charCodeAt(start - 1) === EN) end = start;
    } else end = start;
  }
  return end === n ? w : w.slice(0, end);
}

