import { describe, expect, it } from 'vitest';
import { TRIGGER_RULES } from './event-lexicon.js';
import { findTriggers, indexRules } from './triggers.js';

describe('findTriggers', () => {
  const texts = [
    'Rebels shelled the port overnight; an airstrike then hit a market and killed four traders.',
    'Police fired tear gas at protesters who had rallied outside the court, and two were arrested.',
    'The convoy was ambushed near the dam. Soldiers shot dead a gunman, and a roadside bomb exploded later.',
    'A ceasefire was agreed to on Sunday, but shelling and fighting resumed, with rockets striking homes.',
    'Nothing happened in the quiet orchard that spring.',
  ];
  it('finds with the joined index what a scan rule by rule finds', () => {
    // a copy of the list is scanned rule by rule
    for (const t of texts) expect(findTriggers(t), t).toEqual(findTriggers(t, [...TRIGGER_RULES]));
    expect(findTriggers(texts[0]).map((x) => x.text)).toEqual(['shelled', 'airstrike', 'hit', 'killed']);
    expect(findTriggers(texts[4])).toEqual([]);
  });
  it('leaves rules with back-references or other flags to the plain scan', () => {
    const rule = { category: 'battles', type: 'armed_clash', tags: [], weight: 0.5 };
    expect(indexRules([{ ...rule, pattern: /\b(a)\1\b/gi }])).toBeNull();
    expect(indexRules([{ ...rule, pattern: /\bclash\b/g }])).toBeNull();
    expect(indexRules(TRIGGER_RULES)).not.toBeNull();
  });
});
