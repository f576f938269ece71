// The edge cache answers as the store would after every write that went through it, and starts
// over when the store may have changed behind it.
import { describe, expect, it } from 'vitest';
import { EdgeCache } from './edge-cache.js';
import { now, runSync, type LinkGraph, type StoredEdge } from './incremental.js';

/** The pair table of a store, as SQLite orders it; counts the reads that reach it. */
function table() {
  const rows = new Map<string, StoredEdge>();
  let reads = 0;
  const sorted = () => [...rows.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const graph = {
    edgesOf: (id: string) => {
      reads++;
      const all = sorted();
      return now([...all.filter((e) => e.a === id), ...all.filter((e) => e.b === id)]);
    },
    edgesFrom: (a: string) => {
      reads++;
      return now(sorted().filter((e) => e.a === a).map((e) => ({ b: e.b, score: e.score })));
    },
    putEdge: (e: StoredEdge) => now(void rows.set(`${e.a} ${e.b}`, { ...e })),
    setEdge: (a: string, b: string, score: number | null, scored: number | null) => {
      const e = rows.get(`${a} ${b}`);
      if (e) rows.set(`${a} ${b}`, { a, b, score: score ?? e.score, scored: scored ?? e.scored });
      return now(undefined);
    },
    dropEdge: (a: string, b: string) => now(void rows.delete(`${a} ${b}`)),
  } as unknown as LinkGraph;
  return { graph, rows, reads: () => reads };
}

describe('edge cache', () => {
  it('gives what the table holds after every write, reading each report once', () => {
    const t = table();
    const c = new EdgeCache(t.graph);
    c.begin(1);
    for (const [a, b, s] of [['r1', 'r3', 0.5], ['r2', 'r3', 0.4], ['r3', 'r4', 0.3]] as const) runSync(c.putEdge({ a, b, score: s, scored: 1 }));
    const fresh = new EdgeCache(t.graph);
    const same = (id: string) => {
      fresh.clear();
      expect(runSync(c.edgesOf(id))).toEqual(runSync(fresh.edgesOf(id)));
      expect(runSync(c.edgesFrom(id))).toEqual(runSync(fresh.edgesFrom(id)));
    };
    same('r3');
    const before = runSync(c.edgesOf('r3'));
    runSync(c.putEdge({ a: 'r0', b: 'r3', score: 0.9, scored: 2 }));
    runSync(c.putEdge({ a: 'r3', b: 'r5', score: 0.2, scored: 2 }));
    runSync(c.setEdge('r2', 'r3', 0.45, null));
    runSync(c.setEdge('r3', 'r4', null, 7));
    runSync(c.dropEdge('r1', 'r3'));
    // a list handed out keeps the values it was read with, as rows would
    expect(before.map((e) => e.score)).toEqual([0.3, 0.5, 0.4]);
    const reads = t.reads();
    expect(runSync(c.edgesOf('r3')).map((e) => `${e.a}-${e.b}:${e.score}/${e.scored}`)).toEqual(['r3-r4:0.3/7', 'r3-r5:0.2/2', 'r0-r3:0.9/2', 'r2-r3:0.45/1']);
    expect(t.reads()).toBe(reads);
    same('r3');
    same('r2');
  });

  it('starts over when the document count did not grow by exactly one', () => {
    const t = table();
    const c = new EdgeCache(t.graph);
    c.begin(1);
    runSync(c.putEdge({ a: 'r1', b: 'r2', score: 0.5, scored: 1 }));
    expect(runSync(c.edgesOf('r1'))).toHaveLength(1);
    // another process links two documents and writes a pair the cache never saw
    t.rows.set('r1 r9', { a: 'r1', b: 'r9', score: 0.6, scored: 3 });
    c.begin(4);
    expect(runSync(c.edgesOf('r1'))).toHaveLength(2);
  });
});
