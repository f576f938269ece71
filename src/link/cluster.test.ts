import { describe, expect, it } from 'vitest';
import { attachSingles, averageLink, boostShared, mainFirst, nearest, SHARED_FLOOR, SHARED_K, VETO, type Edge } from './cluster.js';

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

describe('attachSingles', () => {
  // event e = {e1, e2, e3}; the short report s matches e1 well and the others a little
  const event = ['e1#0', 'e2#0', 'e3#0'];
  const base: Edge[] = [
    { a: 'e1#0', b: 's#0', score: 0.3 },
    { a: 'e2#0', b: 's#0', score: 0.1 },
  ];

  it('lets a lone report join the event it clearly leads towards', () => {
    // average (0.3 + 0.1) / 3 = 0.13: below the threshold, above ATTACH_MIN_AVERAGE
    expect(attachSingles([event, ['s#0']], base, 0.25, isMain)).toEqual([['e1#0', 'e2#0', 'e3#0', 's#0']]);
  });

  it('counts an edge given twice once', () => {
    // counted twice, e1's 0.3 would lift the average past 0.12 with a weaker second pair
    const edges = [{ a: 'e1#0', b: 's#0', score: 0.3 }, { a: 's#0', b: 'e1#0', score: 0.3 }, { a: 'e2#0', b: 's#0', score: 0.04 }];
    expect(attachSingles([event, ['s#0']], edges, 0.25, isMain)).toEqual([event, ['s#0']]);
  });

  it('leaves it alone when another event is nearly as close', () => {
    const other = ['f1#0', 'f2#0', 'f3#0'];
    const edges = [...base, { a: 'f1#0', b: 's#0', score: 0.26 }];
    expect(attachSingles([event, other, ['s#0']], edges, 0.25, isMain)).toEqual([event, other, ['s#0']]);
  });

  it('needs one pair at the threshold, a large enough event, a main report and no veto', () => {
    const weak = base.map((e) => ({ ...e, score: 0.2 }));
    expect(attachSingles([event, ['s#0']], weak, 0.25, isMain)).toEqual([event, ['s#0']]);
    expect(attachSingles([['e1#0', 'e2#0'], ['s#0']], base, 0.25, isMain)).toEqual([['e1#0', 'e2#0'], ['s#0']]);
    const bg = base.map((e) => ({ ...e, b: 's#1' }));
    expect(attachSingles([event, ['s#1']], bg, 0.25, isMain)).toEqual([event, ['s#1']]);
    const vetoed = [...base, { a: 'e3#0', b: 's#0', score: VETO }];
    expect(attachSingles([event, ['s#0']], vetoed, 0.25, isMain)).toEqual([event, ['s#0']]);
  });
});

describe('shared-neighbour boost', () => {
  const near = (edges: Edge[], ids: string[]) => new Map(ids.map((id) => [id, nearest(id, edges.filter((e) => e.a === id || e.b === id))]));
  const score = (edges: Edge[], a: string, b: string) => edges.find((e) => (e.a === a && e.b === b) || (e.a === b && e.b === a))!.score;

  it('keeps the strongest pairs at the floor or above, ties by id', () => {
    const edges: Edge[] = [
      { a: 'x', b: 'c', score: 0.5 },
      { a: 'x', b: 'b', score: 0.5 },
      { a: 'x', b: 'd', score: SHARED_FLOOR - 0.01 },
      ...Array.from({ length: SHARED_K }, (_, k) => ({ a: 'x', b: `z${k}`, score: 0.3 })),
    ];
    const got = nearest('x', edges);
    expect(got).toHaveLength(SHARED_K);
    expect(got.slice(0, 2)).toEqual(['b', 'c']);
    expect(got).not.toContain('d');
  });

  it('raises a pair whose reports keep the same company, not a look-alike that keeps other company', () => {
    // a1..a3 tell one incident; b1 resembles a1 as much as a2 does, but its strong pairs are b2, b3
    const edges: Edge[] = [
      { a: 'a1', b: 'a2', score: 0.3 },
      { a: 'a1', b: 'a3', score: 0.3 },
      { a: 'a2', b: 'a3', score: 0.3 },
      { a: 'a1', b: 'b1', score: 0.3 },
      { a: 'b1', b: 'b2', score: 0.3 },
      { a: 'b1', b: 'b3', score: 0.3 },
      { a: 'b2', b: 'b3', score: 0.3 },
      { a: 'a2', b: 'x', score: SHARED_FLOOR / 2 },
    ];
    const ids = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'x'];
    const boosted = boostShared(edges, near(edges, ids));
    expect(score(boosted, 'a1', 'a2')).toBeGreaterThan(score(boosted, 'a1', 'b1'));
    expect(score(boosted, 'a1', 'b1')).toBeGreaterThan(0.3);
    expect(score(boosted, 'a2', 'x')).toBe(SHARED_FLOOR / 2);
    expect(boostShared([{ a: 'a1', b: 'a2', score: VETO }], near(edges, ids))[0].score).toBe(VETO);
    // at 0.4 the boost links each incident and keeps the two apart
    expect(averageLink(ids, edges, 0.4)).toHaveLength(ids.length);
    expect(averageLink(ids, boosted, 0.4)).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2', 'b3'], ['x']]);
  });

  it("raises a two-report incident whose reports are each other's best pair", () => {
    const edges: Edge[] = [
      { a: 'p', b: 'q', score: 0.3 },
      { a: 'p', b: 'r', score: 0.25 },
      { a: 'q', b: 's', score: 0.25 },
    ];
    const boosted = boostShared(edges, near(edges, ['p', 'q', 'r', 's']));
    expect(score(boosted, 'p', 'q')).toBeCloseTo(0.3 * (1 + (2 * 2) / (SHARED_K + 1)));
  });
});
