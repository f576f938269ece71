// Who or what did the harm a lead tells of (type-agent.ts): features the type model weighs, not verdicts.
import { describe, expect, it } from 'vitest';
import { ARTICLE_WORDS, agentFeatures } from './type-agent.js';

const read = (lead: string) => new Map(agentFeatures(lead.toLowerCase(), lead.split(/\s+/).length));

describe('agentFeatures', () => {
  it('finds a person using force, and the weapon', () => {
    const f = read('Masked gunmen opened fire on a minibus at a checkpoint, killing four passengers with rifles.');
    expect(f.get('a:act')).toBe(0.5); // "opened fire" ("killing" is harm, a:killed)
    expect(f.get('a:killed')).toBe(0.5);
    expect(f.get('a:doer')).toBe(0.5);
    expect(f.get('a:weapon')).toBe(0.5);
    expect(f.has('a:died-noagent')).toBe(false);
    expect(f.has('a:cause-noagent')).toBe(false);
  });
  it('reads a death from a fall or a storm as harm with a cause and no agent', () => {
    const f = read('Two hikers died after they slipped from a narrow ledge in fog; a storm had closed the pass.');
    expect(f.has('a:cause')).toBe(true);
    expect(f.has('a:died-noagent')).toBe(true);
    expect(f.has('a:cause-noagent')).toBe(true);
    expect(f.has('a:harm-cause-noagent')).toBe(true);
  });
  it('keeps a passive shooting an act (someone shot him)', () => {
    const f = read('A delivery driver was shot in the arm outside a shop on Elm Street late on Friday.');
    expect(f.has('a:act')).toBe(true);
    expect(f.has('a:died-noagent')).toBe(false);
  });
  it("does not take sport's shots for gunfire", () => {
    const f = read('She sank a jump shot at the buzzer and the visitors beat the home side by two points.');
    expect(f.has('a:act')).toBe(false);
    expect([...f.keys()]).toEqual([]); // a headline-length lead with no agent: no feature at all
  });
  it('tells a killing from a bare death, and a headline from an article', () => {
    const headline = read('Five killed in a market town');
    expect(headline.has('a:killed')).toBe(true);
    expect(headline.has('a:died-noagent')).toBe(false);
    expect(headline.has('a:noagent-article')).toBe(false);
    const article = read(`The council voted on the budget for the coming year. ${'The new library will open in spring and the roads will be resurfaced. '.repeat(6)}`);
    expect(article.has('a:noagent-article')).toBe(true);
    const shooting = read(`A man was shot dead outside a bar. ${'The road was closed for hours and the council met later that evening. '.repeat(6)}`);
    expect(shooting.has('a:noagent-article')).toBe(false);
    expect(shooting.has('a:harm-noagent-article')).toBe(false);
    expect(article.has('a:harm-noagent-article')).toBe(false);
    expect(ARTICLE_WORDS).toBeGreaterThan(10);
  });
  it('reads hijacking at sea as an act, and a navy as a force', () => {
    const f = read('A warship came to the aid of a tanker that raiders tried to hijack off the coast.');
    expect(f.has('a:act')).toBe(true);
    expect(f.has('a:forces')).toBe(true);
  });
});
