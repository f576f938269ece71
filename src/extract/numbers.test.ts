import { describe, expect, it } from 'vitest';
import { NUMBER_PHRASE, parseCardinal, toCount } from './numbers.js';

const first = (text: string) => {
  NUMBER_PHRASE.lastIndex = 0;
  const m = NUMBER_PHRASE.exec(text);
  return m ? toCount(m[1], m[2], m[3]) : null;
};

describe('number phrases', () => {
  it('reads "a dozen" as 12 and "two dozen" as 24', () => {
    expect(parseCardinal('a dozen')).toBe(12);
    expect(parseCardinal('two dozen')).toBe(24);
    expect(parseCardinal('three hundred')).toBe(300);
  });
  it('keeps the article with its vague word: "a few" and "a number of" are no "one"', () => {
    expect(first('a few shopkeepers')?.best).toBe(3);
    expect(first('a number of herders')).toEqual({ low: 3, best: 10, high: 99 });
    expect(first('a shopkeeper')?.best).toBe(1);
  });
  it('reads "several hundred" as hundreds', () => {
    expect(first('several hundred residents')?.best).toBe(100);
    expect(first('several residents')?.best).toBe(10);
  });
  it('reads no count in "an unknown number of"', () => {
    expect(first('an unknown number of fighters')).toBeNull();
  });
});

