/**
 * The stored pairs of recently linked reports, kept in memory across documents. A document that
 * touches a large component reads every pair of it again (`region`, then `recluster`): on ECB+ dev
 * twice over, most of the linking time went into reading the same rows. The cache stays exact
 * because every pair the linker writes goes through it (`put`, `set`, `drop`), and it starts over
 * whenever the store may have changed behind its back: a document count that did not grow by
 * exactly one since the last document (another process linked, or a transaction failed), and any
 * failed transaction (`clear`). Lists come back in the store's order (pairs from the report by the
 * other end's id, then pairs to it by theirs), as SQLite gives them, so results do not change.
 */
import type { LinkGraph, Step, StoredEdge } from './incremental.js';

/** Pairs held at most (each counted at both ends): some tens of MB. */
const MAX_CACHED_EDGES = 400_000;

interface Entry {
  /** Pairs with this report as `a`, by `b`. */
  out: StoredEdge[];
  /** Pairs with this report as `b`, by `a`. */
  in: StoredEdge[];
}

const byB = (x: StoredEdge, y: StoredEdge) => (x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
const byA = (x: StoredEdge, y: StoredEdge) => (x.a < y.a ? -1 : x.a > y.a ? 1 : 0);

/** Position of the pair whose other end is `key` in a list sorted by that end (or where it goes). */
function find(list: StoredEdge[], key: string, end: 'a' | 'b'): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid][end] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class EdgeCache {
  private readonly by = new Map<string, Entry>();
  private held = 0;
  private last = -1;

  constructor(private readonly g: LinkGraph) {}

  /** Called once per linked document with the store's document count (see the module comment). */
  begin(documents: number): void {
    if (documents !== this.last + 1) this.clear();
    this.last = documents;
  }

  clear(): void {
    this.by.clear();
    this.held = 0;
    this.last = -1;
  }

  /** Every stored pair of a report, as `LinkGraph.edgesOf` gives them. */
  *edgesOf(id: string): Step<StoredEdge[]> {
    const c = this.by.get(id);
    if (c) {
      // most recently used last: the first entries are the ones to drop
      this.by.delete(id);
      this.by.set(id, c);
      return c.out.length ? (c.in.length ? c.out.concat(c.in) : c.out.slice()) : c.in.slice();
    }
    const read = yield* this.g.edgesOf(id);
    const out: StoredEdge[] = [];
    const into: StoredEdge[] = [];
    for (const e of read) (e.a === id ? out : into).push(e);
    // SQLite gives them in this order already; another store may not
    out.sort(byB);
    into.sort(byA);
    this.by.set(id, { out, in: into });
    this.held += read.length;
    if (this.held > MAX_CACHED_EDGES) this.evict();
    return read;
  }

  /** The pairs with `a` as their first end, as `LinkGraph.edgesFrom` gives them. */
  *edgesFrom(a: string): Step<{ b: string; score: number }[]> {
    if (!this.by.has(a)) yield* this.edgesOf(a);
    const c = this.by.get(a);
    if (!c) return yield* this.g.edgesFrom(a);
    return c.out.map((e) => ({ b: e.b, score: e.score }));
  }

  *putEdge(e: StoredEdge): Step<void> {
    const edge = { a: e.a, b: e.b, score: e.score, scored: e.scored };
    this.place(this.by.get(e.a)?.out, edge, 'b');
    this.place(this.by.get(e.b)?.in, edge, 'a');
    yield* this.g.putEdge(e);
  }

  *setEdge(a: string, b: string, score: number | null, scored: number | null): Step<void> {
    for (const { list, i } of this.where(a, b)) {
      const cur = list[i];
      // a new object: lists handed out before keep the values they were read with, as rows would
      list[i] = { a, b, score: score ?? cur.score, scored: scored ?? cur.scored };
    }
    yield* this.g.setEdge(a, b, score, scored);
  }

  *dropEdge(a: string, b: string): Step<void> {
    for (const { list, i } of this.where(a, b)) {
      list.splice(i, 1);
      this.held--;
    }
    yield* this.g.dropEdge(a, b);
  }

  /** Where the pair a–b sits in the lists of its cached ends (none, one or both). */
  private where(a: string, b: string): { list: StoredEdge[]; i: number }[] {
    const found: { list: StoredEdge[]; i: number }[] = [];
    for (const [list, end, key] of [
      [this.by.get(a)?.out, 'b', b],
      [this.by.get(b)?.in, 'a', a],
    ] as const) {
      if (!list) continue;
      const i = find(list, key, end);
      if (list[i]?.a === a && list[i]?.b === b) found.push({ list, i });
    }
    return found;
  }

  /** Inserts or replaces a pair in one end's list (when that end is cached). */
  private place(list: StoredEdge[] | undefined, e: StoredEdge, end: 'a' | 'b'): void {
    if (!list) return;
    const key = e[end];
    const i = find(list, key, end);
    if (i < list.length && list[i][end] === key) list[i] = e;
    else {
      list.splice(i, 0, e);
      this.held++;
    }
  }

  private evict(): void {
    for (const [id, c] of this.by) {
      if (this.held <= MAX_CACHED_EDGES * 0.9) break;
      this.by.delete(id);
      this.held -= c.out.length + c.in.length;
    }
  }
}
