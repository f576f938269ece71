import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on end punctuation followed by a capital', () => {
    expect(texts('It rained. Then it stopped! Did it? Yes.')).toEqual(['It rained.', 'Then it stopped!', 'Did it?', 'Yes.']);
  });
  it('keeps abbreviations and initials inside a sentence', () => {
    expect(texts('Gen. Smith met U.S. officials. J. Doe said so.')).toEqual(['Gen. Smith met U.S. officials.', 'J. Doe said so.']);
  });
  it('ends a headline line without punctuation', () => {
    expect(texts('Helicopter shot down over the city\nFive crew were killed.')).toEqual([
      'Helicopter shot down over the city',
      'Five crew were killed.',
    ]);
  });
  it('keeps closing quotes with their sentence', () => {
    expect(texts('“We will win.” He left.')).toEqual(['“We will win.”', 'He left.']);
  });
  it('splits a text written in lower case before lower-case words too, past abbreviations', () => {
    expect(texts('pune: the police fired in the air. two people were hurt. mr. rao said the curfew stays. more troops came on sunday.')).toEqual([
      'pune: the police fired in the air.',
      'two people were hurt.',
      'mr. rao said the curfew stays.',
      'more troops came on sunday.',
    ]);
    // ordinary text keeps the capitals rule: a lower-case word after a period is rare and stays joined
    expect(texts('Prices rose approx. two points. The bank said so.')).toEqual(['Prices rose approx. two points.', 'The bank said so.']);
  });
  it('gives no sentence for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
