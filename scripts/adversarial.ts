/**
 * Adversarial texts for the linear-time check (test/reliability/linear-stages.test.ts) and
 * `npm run bench`: one short report followed by a long run of one unit, the shapes that make a
 * backtracking regex retry a long match at every position.
 */
export const ADVERSARIAL_UNITS: Record<string, string> = {
  capitals: 'A',
  hyphenated: 'Al-',
  apostrophes: "O'",
  'curly apostrophes': 'O’',
  'mixed case': 'Aa',
  'lower case': 'a',
  'capitalised words': 'Kabul ',
  'two-word names': 'Al Qaeda ',
  'digit run': '9',
  digits: '9 ',
  'digit groups': '1,000,',
  'decimal run': '1.',
  dots: 'A. ',
  'period run': '.',
  'question marks': '?',
  ellipses: '…',
  commas: 'Kabul, ',
  'comma run': ',',
  quotes: '"x" ',
  'quote run': '"',
  'open parens': '(',
  dashes: '- ',
  'dash run': '-',
  'em dashes': '—',
  spaces: ' ',
  'blank lines': '\n',
  tabs: '\t',
  words: 'word ',
  'killed words': 'killed ',
  'number words': 'two ',
  'of the': 'of the ',
  'zero-width': 'A\u200b',
  'non-Latin': 'Ж',
};

export const ADVERSARIAL_PREFIX = 'A bomb killed 3 people in Kabul on Monday. ';

/** The prefix and `unit` repeated up to about `chars` characters. */
export function adversarialText(unit: string, chars: number): string {
  return ADVERSARIAL_PREFIX + unit.repeat(Math.max(1, Math.floor(chars / unit.length)));
}
