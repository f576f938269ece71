import { describe, expect, it } from 'vitest';
import { TRIGGER_RULES } from './event-lexicon.js';
import { bitsIn, boundaries, KEY_SPACE, keyAt, openingBits, openingIndex, openingKeys, ruleOf, ruleStarts, startOf, startsByRule, textBoundaries } from './prefix-filter.js';
import { matchesAt } from './scan.js';

const admits = (re: RegExp, opening: string) => openingKeys(re)!.includes(keyAt(opening, 0));
/** The share of the keys a pattern's openings admit. */
const share = (re: RegExp) => openingKeys(re)!.length / KEY_SPACE;

describe('openingKeys', () => {
  it('reads literal openings, folded, and nothing else', () => {
    const re = /\bclash(?:es|ed)?\b/giy;
    expect(admits(re, 'cla')).toBe(true);
    expect(admits(re, 'CLA')).toBe(true);
    expect(admits(re, 'the')).toBe(false);
    expect(share(re)).toBeCloseTo(1 / 27 ** 3, 6);
  });
  it('follows optional words, alternatives, classes and counted repeats', () => {
    const re = /(?:the )?(?:army|[b-c]x{2,3}|go)\b/iy;
    for (const o of ['the', 'arm', 'bxx', 'cxx', 'go ', 'go.', 'go']) expect(admits(re, o), o).toBe(true);
    for (const o of ['dxx', 'bx ', 'tha', 'ar ']) expect(admits(re, o), o).toBe(false);
  });
  it('reads a match shorter than three letters as opening with anything after it', () => {
    const re = /\bIS\b/y;
    expect(admits(re, 'is ')).toBe(true);
    expect(admits(re, 'isl')).toBe(true);
    expect(admits(re, 'it ')).toBe(false);
  });
  it('skips zero-width parts and reads what it cannot follow as any character', () => {
    expect(admits(/(?<!\bnot )(?=\w)kill/iy, 'kil')).toBe(true);
    expect(admits(/(?<!\bnot )(?=\w)kill/iy, 'not')).toBe(false);
    // a negated class, a back-reference: any opening
    expect(share(/[^a]b/y)).toBeGreaterThan(0.03);
    expect(share(/(a)\1/y)).toBeGreaterThan(0.03);
    // a literal brace is a character, as JavaScript reads it outside unicode mode
    expect(admits(/a{x/y, 'a{x')).toBe(true);
    expect(admits(/a{x/y, 'aax')).toBe(false);
    // unicode patterns are left to the engine
    expect(openingKeys(/\p{Lu}x/uy)).toBeNull();
  });
});

/** Text that holds the lexicon's words in many forms, cases and punctuation. */
const TEXTS = [
  'Rebels shelled the port overnight; an airstrike then hit a market and killed four traders.',
  'POLICE FIRED TEAR GAS at protesters who had rallied outside the court, and two were arrested.',
  'The convoy was ambushed near the dam. Soldiers shot dead a gunman, and a roadside bomb exploded later.',
  'A ceasefire was agreed to on Sunday, but shelling and fighting resumed, with rockets striking homes.',
  '"Islamic State" fighters and the SDF clashed; the army, regime forces and Hezbollah shelled IS positions.',
  'Unidentified gunmen kidnapped 3 villagers; the National Guard and riot police dispersed the crowd with water cannon.',
  'looting: property destruction: 12 killed,wounded;injured—dead. (Bombings) [airstrikes] «troops»',
];

describe('each rule tried at its starts gives the matches of its global scan', () => {
  it('for every trigger rule', () => {
    const sticky = TRIGGER_RULES.map((r) => new RegExp(r.pattern.source, 'iy'));
    const index = openingIndex(sticky)!;
    expect(index).not.toBeNull();
    let matched = 0;
    for (const t of TEXTS) {
      const pairs = [...ruleStarts(t, index)];
      TRIGGER_RULES.forEach((rule, r) => {
        const global = [...t.matchAll(new RegExp(rule.pattern.source, 'gi'))].map((m) => [m.index, m[0]]);
        const starts = pairs.filter((x) => ruleOf(x) === r).map(startOf);
        expect(matchesAt(sticky[r], t, starts).map((m) => [m.index, m[0]]), `${rule.pattern.source} on ${t}`).toEqual(global);
        matched += global.length;
      });
    }
    // the texts hold many of the lexicon's words: the comparison is not between two empty lists
    expect(matched).toBeGreaterThan(30);
  });
});

describe('ruleStarts', () => {
  it('pairs each word boundary with the rules that may open there, by rule then position', () => {
    const index = openingIndex([/\bshell/iy, /\b(?:the|a)\b/iy])!;
    const pairs = [...ruleStarts('The shells hit a shelter.', index)].map((x) => [ruleOf(x), startOf(x)]);
    expect(pairs).toEqual([
      [0, 4],
      [0, 17],
      [1, 0],
      [1, 15],
    ]);
  });
  it('has no index when a rule cannot be read', () => {
    expect(openingIndex([/\bshell/iy, /\p{L}/uy])).toBeNull();
  });
});

describe('boundaries read once', () => {
  const texts = ['The shells hit a shelter.', ' a_b 12-x; É, é\u2019s \ud835\udc00 end', '', 'x', '...', ...TEXTS];
  it('are the ASCII word boundaries, each with its key', () => {
    for (const t of texts) {
      const b = boundaries(t);
      const want = [...t.matchAll(/\b/g)].map((m) => m.index!);
      expect(b.at, t).toEqual(want);
      expect(b.key, t).toEqual(want.map((p) => keyAt(t, p)));
    }
  });
  it('give the rule starts the text gives', () => {
    const index = openingIndex(TRIGGER_RULES.map((r) => new RegExp(r.pattern.source, 'iy')))!;
    for (const t of texts) {
      const lists = startsByRule(boundaries(t), index, TRIGGER_RULES.length);
      const pairs = [...ruleStarts(t, index)];
      TRIGGER_RULES.forEach((_, r) => expect(lists[r] ?? [], t).toEqual(pairs.filter((x) => ruleOf(x) === r).map(startOf)));
    }
  });
  it('are kept for the text read last only', () => {
    const memos = new Map<string, object>();
    const a = textBoundaries('one two', memos);
    expect(textBoundaries('one two', memos)).toBe(a);
    expect(textBoundaries('three', memos).at).toEqual([0, 5]);
    expect(textBoundaries('one two', memos)).not.toBe(a);
  });
});

describe('openingBits', () => {
  const patterns = [/killed|slain/i, /\bhospital\b/i, null, /\p{Lu}x/u, /[:=]/];
  const tables = openingBits(patterns);
  const texts = ['Two were killed.', 'taken to HOSPITAL', 'ratio 3:1', 'Ax', '', 'k', 'no word here at all'];
  it('is the union of the keys at every position', () => {
    for (const t of texts) {
      let want = 0;
      for (let p = 0; p < t.length; p++) want |= tables[0][keyAt(t, p)];
      expect(bitsIn(t, tables[0]), t).toBe(want);
    }
  });
  it('clears a pattern only where it cannot match; unread ones always stay', () => {
    for (const t of texts) {
      const bits = bitsIn(t, tables[0]);
      patterns.forEach((re, i) => {
        if (re && !((bits >>> i) & 1)) expect(re.test(t), `${re} on ${t}`).toBe(false);
      });
      if (t.length) expect((bits >>> 2) & (bits >>> 3) & 1, t).toBe(1);
    }
    expect((bitsIn('no word here at all', tables[0]) >>> 0) & 1).toBe(0);
  });
  it('keeps 32 patterns to a table', () => {
    const many = Array.from({ length: 40 }, (_, i) => new RegExp(`w${String.fromCharCode(97 + (i % 26))}`));
    const t = openingBits(many);
    expect(t.length).toBe(2);
    // 'wg' is patterns 6 and 32 (bit 0 of the second table)
    expect(bitsIn('wg', t[0])).toBe(1 << 6);
    expect(bitsIn('wg', t[1])).toBe(1);
  });
});
