import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { joinFactored, matchStarts } from './scan.js';

/** Where a lookahead over the sources stops, joined plainly and factored. */
function stops(sources: readonly string[], text: string, least?: number): [number[], number[]] {
  const plain = new RegExp(`(?:\\W|^)(?=${sources.map((s) => `(?:${s})`).join('|')})`, 'gi');
  const factored = new RegExp(`(?:\\W|^)(?=${joinFactored(sources, least)})`, 'gi');
  return [matchStarts(plain, text), matchStarts(factored, text)];
}

describe('joinFactored', () => {
  it('says a shared opening or ending once', () => {
    expect(joinFactored(['abcd(?:x|y)', 'abcd(?:z)'], 4)).toBe('(?:abcd(?:(?:(?:x|y))|(?:(?:z))))');
    expect(joinFactored(['(?:p)qrst', 'u+qrst'], 4)).toBe('(?:(?:(?:(?:p))|(?:u+))qrst)');
    expect(joinFactored(['abcd', 'wxyz'], 2)).toBe('(?:abcd)|(?:wxyz)');
  });
  it('never cuts inside a group, a class, an escape or a counted repeat, nor before a quantifier', () => {
    // the shared text runs into a group, a class, an escape, a repeat: the cut falls before each
    expect(joinFactored(['ab(cd)e', 'ab(cf)e'], 2)).toBe('(?:ab(?:(?:(cd)e)|(?:(cf)e)))');
    expect(joinFactored(['ab[cd]', 'ab[ce]'], 2)).toBe('(?:ab(?:(?:[cd])|(?:[ce])))');
    expect(joinFactored(['ab\\u0041x', 'ab\\u0042x'], 2)).toBe('(?:ab(?:(?:\\u0041x)|(?:\\u0042x)))');
    expect(joinFactored(['abc{2,3}x', 'abc{2,4}x'], 2)).toBe('(?:ab(?:(?:c{2,3}x)|(?:c{2,4}x)))');
    expect(joinFactored(['abc?x', 'abcx'], 2)).toBe('(?:ab(?:(?:c?x)|(?:cx)))');
    // an alternation at the top level is left whole
    expect(joinFactored(['abcd|e', 'abcdf'], 2)).toBe('(?:abcd|e)|(?:abcdf)');
  });
  it('stops where the plain join stops', () => {
    const sources = ['(?:one|two)\\s*(?:days?|weeks?)\\s*ago', '(?:one|two)\\s*(?:days?|weeks?)\\s*later', '(?:in|within)\\s*(\\d+)\\s*(?:days?|weeks?)', '(?:last|next)\\s*(\\d+)\\s*(?:days?|weeks?)', '\\d{4}'];
    const text = 'Two days ago, one week later; in 3 days or within 12 weeks, last 2 days, next 3 weeks, 2015. Twodays ago.';
    const [plain, factored] = stops(sources, text, 8);
    expect(joinFactored(sources, 8)).not.toBe(sources.map((s) => `(?:${s})`).join('|'));
    expect(factored).toEqual(plain);
    expect(plain.length).toBeGreaterThan(6);
  });
  it("stops where the plain join of chrono's English parsers stops", () => {
    const context = new chrono.ParsingContext('', new Date(0), { forwardDate: false });
    const sources = chrono.en.configuration
      .createCasualConfiguration(false)
      .parsers.map((p) => p.pattern(context))
      .filter((re) => re.flags === 'i' && re.source.startsWith('(\\W|^)') && !/\\[1-9k]|\(\?<[=!]/.test(re.source))
      .map((re) => re.source.slice('(\\W|^)'.length));
    const texts = [
      'Three weeks ago they met; a couple of days later, in about 5 hours, for the next two months, last 3 weeks.',
      'On Monday, 12 March 2014 at 10:30 pm, and the 3rd of May, December 25th, 2019-04-01 and 4/5/2016, this morning.',
      'The man, then they and them: any and as, an hour after, a few minutes before, 10 days earlier, 2 years out.',
    ];
    for (const t of texts) {
      const [plain, factored] = stops(sources, t);
      expect(factored, t).toEqual(plain);
    }
  });
  it("stops where the plain join of chrono's Russian parsers stops (unicode)", () => {
    const boundary = '([^\\p{L}\\p{N}_]|^)';
    const context = new chrono.ParsingContext('', new Date(0), { forwardDate: false });
    const sources = chrono.ru.casual.parsers
      .map((p) => p.pattern(context))
      .filter((re) => re.flags === 'iu' && re.source.startsWith(boundary) && !/\\[1-9k]|\(\?<[=!]/.test(re.source))
      .map((re) => re.source.slice(boundary.length));
    expect(joinFactored(sources).length).toBeLessThan(sources.map((s) => `(?:${s})`).join('|').length);
    const text = 'Три дня назад, через 5 минут, 2 недели спустя, в течение двух часов, 12 марта 2014 года в 10:30, в понедельник утром, вчера и сегодня.';
    const plain = new RegExp(`(?:[^\\p{L}\\p{N}_]|^)(?=${sources.map((s) => `(?:${s})`).join('|')})`, 'giu');
    const factored = new RegExp(`(?:[^\\p{L}\\p{N}_]|^)(?=${joinFactored(sources)})`, 'giu');
    expect(matchStarts(factored, text)).toEqual(matchStarts(plain, text));
    expect(matchStarts(plain, text).length).toBeGreaterThan(5);
  });
});
