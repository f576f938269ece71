import { describe, expect, it } from 'vitest';
import { averageLink, mainFirst, VETO, type Edge } from './cluster.js';

const isMain = (id: string) => id.endsWith('#0');

describe('averageLink from starting groups', () => {
  it('takes a group as one cluster and averages over all its pairs', () => {
    const edges: Edge[] = [
      { a: 'x', b: 'z', score: 0.6 },
      { a: 'y', b: 'z', score: 0.1 },
    ];
    // alone, z joins x; against the group {x, y} it averages (0.6 + 0.1) / 2
    expect(averageLink(['x', 'y', 'z'], edges, 0.4)).toEqual([['x', 'z'], ['y']]);
    expect(averageLink(['x', 'y', 'z'], edges, 0.4, [['x', 'y']])).toEqual([['x', 'y'], ['z']]);
    expect(averageLink(['x', 'y', 'z'], edges, 0.3, [['x', 'y']])).toEqual([['x', 'y', 'z']]);
  });
});

describe('mainFirst', () => {
  // document a tells of one incident (a#0) and recalls another (a#1) that b's wording resembles
  const edges: Edge[] = [
    { a: 'a#1', b: 'b#0', score: 0.9 },
    { a: 'a#0', b: 'b#0', score: 0.4 },
    { a: 'a#0', b: 'c#0', score: 0.4 },
    { a: 'b#0', b: 'c#0', score: 0.5 },
    { a: 'a#0', b: 'a#1', score: VETO },
  ];
  const ids = ['a#0', 'a#1', 'b#0', 'c#0'];

  it('lets main reports form events before background ones join', () => {
    expect(mainFirst(ids, edges, 0.3, isMain)).toEqual([['a#0', 'b#0', 'c#0'], ['a#1']]);
  });

  it('differs from one round, where the background report takes the event first', () => {
    expect(averageLink(ids, edges, 0.3)).toEqual([['a#0', 'c#0'], ['a#1', 'b#0']]);
  });
});
