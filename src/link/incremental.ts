/**
 * Incremental linking: reports into events, one document at a time. This module decides; the
 * store persists and fetches through a `LinkGraph` it hands over (SQLite: `store/linking.ts`,
 * PostgreSQL: `store/postgres-graph.ts`), inside the transaction it opens for one document.
 *
 * Every read and write goes through the graph as a `Step` (a generator): a synchronous store
 * answers in place and never yields, so SQLite runs this code synchronously (`runSync`) as fast as
 * before; an asynchronous store yields a promise per query, which `runAsync` awaits. One algorithm,
 * two drivers, the same events.
 *
 * Steps, for each new report:
 * 1. keep its link features and find candidates through the report keys (keys too common to tell
 *    anything, by their document frequency, are skipped; the reports sharing most keys are scored,
 *    never all);
 * 2. store the pair scores at or above EDGE_FLOOR;
 * then, once per document:
 * 2b. score again a few stale stored pairs (scored while the store was much smaller, see `sweep`),
 *    and add the reports of those whose score moved to the ones to re-cluster;
 * 3. take the part of the graph the new reports touch (re-scoring its stored edges with the
 *    current term weights on the way) — their connected component over edges that can link
 *    (LINK_FLOOR), bounded by MAX_COMPONENT — raise its edges by shared neighbours (`boostShared`)
 *    and re-cluster it with average link (`cluster.ts`). Clusters never cross such
 *    components, so re-clustering one gives what clustering everything would: the same reports
 *    and edges make the same events in any order. (A report's neighbours are its pairs at
 *    SHARED_FLOOR or above, so a report whose neighbours a new one changed is in its component.)
 *    Then cut any cluster whose reports are about two different people, along that conflict,
 *    and let a lone main report join the event it clearly leads towards (it holds a threshold edge
 *    into it, so that stays inside the component);
 * 4. give clusters ids: each takes the old event id it shares most reports with (ties: the older
 *    event), the rest a new id from their smallest report id, so an event keeps its id while it
 *    grows, and the larger part keeps it when evidence splits it; events left empty go;
 * 5. rebuild (corroborate) every event whose reports changed, and point reports and documents
 *    at their events.
 */
import { createHash } from 'node:crypto';
import type { Document, Event, Report } from '../model/index.js';
import { attachSingles, boostShared, mainFirst, nearest, SHARED_FLOOR, splitClusters, VETO, type Edge } from './cluster.js';
import { corroborate, type DocumentInfo } from './corroborate.js';
import { EdgeCache } from './edge-cache.js';
import { CLUSTER_THRESHOLD, EDGE_FLOOR, linkFeatures, personVetoes, prepare, reportKeys, ruledOut, scoreAgainst, weigh, weightedScore, type DenseWeighted, type IdfById, type LinkFeatures, type LogCounts, type LinkWhen, type Prepared, type Weighted } from './pairwise.js';

/**
 * One store operation: a generator that a synchronous store returns from without yielding, and an
 * asynchronous one by yielding the promise of its answer (see `ask`).
 */
export type Step<T> = Generator<Promise<unknown>, T, unknown>;

/** Waits for a promise inside a Step (the driver awaits it and sends the value back). */
export function* ask<T>(p: Promise<T>): Step<T> {
  return (yield p) as T;
}

/** A Step that is already answered (what a synchronous store returns). */
// eslint-disable-next-line require-yield
export function* now<T>(value: T): Step<T> {
  return value;
}

/** Runs a Step over a synchronous store; a Step that waits is a programming error there. */
export function runSync<T>(step: Step<T>): T {
  const r = step.next();
  if (!r.done) throw new Error('linking: a synchronous store was asked to wait');
  return r.value;
}

/** Runs a Step over an asynchronous store, awaiting each query in turn. */
export async function runAsync<T>(step: Step<T>): Promise<T> {
  let r = step.next();
  while (!r.done) {
    let v: unknown;
    try {
      v = await r.value;
    } catch (e) {
      r = step.throw(e);
      continue;
    }
    r = step.next(v);
  }
  return r.value;
}

/** A stored pair with the document count it was last scored at. */
export type StoredEdge = Edge & { scored: number };

/** An event as the store indexes it beside its JSON. */
export interface EventRow {
  id: string;
  data: string;
  sort: string | null;
  ds: string | null;
  de: string | null;
  cc: string | null;
  lat: number | null;
  lon: number | null;
  cat: string;
  type: string;
  disp: 0 | 1;
  n: number;
  now: string;
}

/** What linking reads and writes; the store implements it over its tables. */
export interface LinkGraph {
  /** Documents stored, the one being linked included (documents are never deleted). */
  documentCount(): Step<number>;
  /** Document frequencies of terms (`n:` names too); terms never counted are left out. */
  termDfs(terms: readonly string[]): Step<Map<string, number>>;
  /** A synchronous single-term look-up, when the store has one (weights of terms not prefetched). */
  termDfNow?: (term: string) => number;
  /** Every counted term with its frequency, or null when there are more than `limit` (see `TermWeights`). */
  allTermDfs?(limit: number): Step<Map<string, number> | null>;
  features(report: string): Step<string | undefined>;
  /** Link features (JSON) of many reports at once; missing ones are left out. */
  featuresMany(reports: readonly string[]): Step<Map<string, string>>;
  /** The dates and country of many reports' link features, when the store reads them cheaper than whole features (`ruledOut`). */
  linkWhen?(reports: readonly string[]): Step<Map<string, LinkWhen>>;
  putFeatures(report: string, json: string): Step<void>;
  /** Document frequencies of keys (the reports filed under each); missing keys are left out. */
  keyDfs(keys: readonly string[]): Step<Map<string, number>>;
  /** The reports sharing the most keys with these (most first, then by id), at most `limit`. */
  candidates(keys: readonly string[], limit: number): Step<{ report: string; n: number }[]>;
  /** Files a report under its keys; returns the keys it was new under. */
  putKeys(keys: readonly string[], report: string): Step<string[]>;
  /** Adds one to the document frequency of each key. */
  bumpKeyDfs(keys: readonly string[]): Step<void>;
  edgesOf(report: string): Step<StoredEdge[]>;
  /** Edges stored with `a` as their first end. */
  edgesFrom(a: string): Step<{ b: string; score: number }[]>;
  staleEdges(below: number, limit: number): Step<StoredEdge[]>;
  putEdge(e: StoredEdge): Step<void>;
  /** Sets an edge's score, and its scored count when given. */
  setEdge(a: string, b: string, score: number | null, scored: number | null): Step<void>;
  dropEdge(a: string, b: string): Step<void>;
  eventOf(report: string): Step<string | undefined>;
  /** The event of each report ('' for one not yet linked); unknown reports are left out. */
  eventsOf(reports: readonly string[]): Step<Map<string, string>>;
  members(event: string): Step<string[]>;
  /**
   * Batched look-ups, for a store where each query is a round trip (PostgreSQL): the same answers
   * as the single ones, many at once. A store without them is asked one at a time.
   * The reports of each event (every event asked for is a key).
   */
  membersMany?(events: readonly string[]): Step<Map<string, string[]>>;
  /** `eventAge` of each event that exists. */
  eventAges?(events: readonly string[]): Step<Map<string, number>>;
  /**
   * What `documentInfo` would read for a document once stored, from the document itself: the
   * store then lets the linker keep the new document's reports and details as it would read them
   * back (a batching store, where that read is a round trip).
   */
  documentInfoOf?(doc: Document): DocumentInfo;
  /** `eventsOf` these reports and `membersMany` of their events, in one read. */
  eventsWithMembers?(reports: readonly string[]): Step<{ events: Map<string, string>; members: Map<string, string[]> }>;
  /** `documentInfo` of each document. */
  documentsInfo?(documents: readonly string[]): Step<Map<string, DocumentInfo>>;
  /** `reportsData` of these reports with `documentInfo` of their documents, in one read. */
  reportsWithDocuments?(reports: readonly string[]): Step<{ reports: Map<string, string>; documents: Map<string, DocumentInfo> }>;
  /**
   * What `index` asks in two reads, in one: the keys whose document frequency is at most
   * `maxKeyDf` of the indexed reports' count (`usable`, how many) and `candidates` of those.
   */
  usableCandidates?(keys: readonly string[], limit: number): Step<{ usable: number; candidates: { report: string; n: number }[] }>;
  /** `putKeys` and then `bumpKeyDfs` of the keys it was new under and REPORTS_KEY, as one write. */
  putKeysCounted?(keys: readonly string[], report: string): Step<void>;
  /** An event's order of creation (older first), undefined when it is gone. */
  eventAge(event: string): Step<number | undefined>;
  eventExists(event: string): Step<boolean>;
  /** Reports (JSON) by id; unknown ones are left out. */
  reportsData(reports: readonly string[]): Step<Map<string, string>>;
  documentInfo(document: string): Step<DocumentInfo>;
  setReportEvent(report: string, event: string): Step<void>;
  /** Points a document at the event of its main report (index 0), when `report` is that one. */
  setPrimaryOf(report: string, event: string): Step<void>;
  setDocumentPrimary(document: string, event: string): Step<void>;
  removeEvent(event: string): Step<void>;
  putEvent(row: EventRow): Step<void>;
}

/** Candidates scored per new report: the reports sharing the most keys with it. */
const MAX_CANDIDATES = 100;
/** A key held by more reports than this (2% of them, at least 50, at most 500) finds too much to mean anything. */
const maxKeyDf = (reports: number) => Math.min(500, Math.max(50, Math.floor(reports * 0.02)));
/**
 * Largest component re-clustered whole. Beyond it (a chain of look-alike reports), only the new
 * reports, their direct neighbours and the events those belong to are re-clustered: bounded
 * work, at the price of exact order independence in such chains.
 */
const MAX_COMPONENT = 400;
/**
 * Pairs that can put two reports in one event: those at the threshold, and weaker ones the
 * shared-neighbour boost may lift to it (see `boostShared`). Components are taken over these.
 */
const LINK_FLOOR = Math.min(SHARED_FLOOR, CLUSTER_THRESHOLD);
/**
 * Stored edges re-scored per document at most (see `region`): an edge scored while the store was
 * small used unreliable term weights, so the touched component's edges scored at well under today's
 * count (RESCORE_SHARE) are scored again with the current ones. Beyond this many, the rest keep their stored scores: bounded work per document.
 */
const MAX_RESCORED_EDGES = 20_000;
/** Candidates' dates and country kept in memory (`mayLink`): a few dozen bytes each, some MB in all. */
const MAX_CACHED_WHEN = 200_000;
/** Parsed features kept in memory: a few thousand reports' worth (tens of MB), the candidates recent documents keep finding. */
const MAX_CACHED_FEATURES = 5000;
/**
 * Parsed reports (and their documents' details) kept for rebuilding events: a big event is rebuilt
 * at every report it gains, and parsing all its reports again each time was half the rebuilding.
 * Both never change once stored.
 */
const MAX_CACHED_REPORTS = 5000;
/**
 * Stale pairs scored again per document (see `sweep`): a pair is stale when it was scored while the
 * store held less than STALE_SHARE of today's documents. Reports that arrive early (a new store, a
 * new story) are scored with weights from a handful of documents, where every word of the story
 * looks common, and nothing touches them again unless a later report links to them. A growing
 * store makes about (edges per document) / STALE_SHARE, some 12, pairs stale per document: 16 keeps up.
 */
const SWEEP_EDGES = 16;
/**
 * A stored pair met in a touched component is scored again only when the store has grown by a
 * quarter since it was scored (it was scored at fewer than this share of today's documents):
 * weights move with the logarithm of the count, so re-scoring every pair at every document cost
 * half the linking time and moved no event on ECB+ dev, and a large store re-scores nearly nothing.
 */
const RESCORE_SHARE = 0.8;
const STALE_SHARE = 0.7;

export const eventId = (seed: string) => 'evt_' + createHash('sha256').update(seed).digest('hex').slice(0, 12);

/** The key whose frequency counts the indexed reports (no real key is empty). */
export const REPORTS_KEY = '';

/** Term weights (idf) over the stored documents, fetched in batches. */
export interface Idf {
  get: (t: string) => number;
  /** The same weights by the numbers `TermWeights.numbered` gives prepared features' terms. */
  byId: IdfById;
  /** Documents the weights count (edges record it as when they were scored). */
  n: number;
  /** Fetches the weights these reports' terms need in one query (nothing to do on a store that looks up synchronously). */
  prefetch: (features: Iterable<LinkFeatures>) => Step<void>;
}

/** Document frequencies the cache may hold before it starts over: bounded memory, whatever the vocabulary. */
const MAX_CACHED_DF = 200_000;
/** Terms numbered before the numbering starts over (prepared features numbered before are numbered again when next used). */
const MAX_VOCABULARY = 400_000;
/**
 * A store counting at most this many terms is read whole when the cache starts (a few tens of ms at
 * most, once), so that a term the cache lacks is known to be uncounted (see `TermWeights`).
 */
const WHOLE_DF_TABLE = 50_000;

/**
 * Document frequencies of terms, cached across documents: the terms of a hundred candidates are
 * mostly the same from one document to the next, and fetching them anew for each one was most of
 * the time linking took. The cache stays exact because the linker is told of every document
 * counted (`counted`) and documents are never deleted; a transaction that fails forgets it
 * (`forget`), and so does a count that grew by more than the one document (another connection
 * wrote). Idf: log((n+1)/(df+1))+1 over n documents.
 *
 * Terms are numbered as they are met, and prepared features carry their terms' numbers
 * (`numbered`): scoring a hundred candidates of a few hundred terms each looked every term's
 * weight up by hashing the term, the largest single cost of linking a document. By number, a
 * weight is an array read, computed once per term and document. Same formula, same values.
 */
export class TermWeights implements IdfById {
  private readonly vocab = new Map<string, number>();
  private terms: string[] = [];
  /** Document frequency by number; -1: not known here (never fetched, or forgotten). */
  private dfs: number[] = [];
  private known = 0;
  /** This document's weight by number, where `stamps` holds `stamp`. */
  private values = new Float64Array(1024);
  private stamps = new Uint32Array(1024);
  private stamp = 1;
  /** Which numbering prepared features' numbers are of (see IdfById). */
  gen = 0;
  private n = 0;
  /**
   * The cache holds every counted term (read whole, and kept so by `counted`): a term it lacks has
   * frequency 0, with no look-up. A candidate's terms are mostly known, but the first time each
   * term met, one query each was some 6,000 queries over ECB+ dev.
   */
  private whole = false;
  /** The store counted more than WHOLE_DF_TABLE terms: it is not read whole again (term counts only grow). */
  private tooLarge = false;

  constructor(private readonly graph: LinkGraph) {}

  private number(t: string): number {
    let id = this.vocab.get(t);
    if (id === undefined) {
      id = this.terms.length;
      this.vocab.set(t, id);
      this.terms.push(t);
      this.dfs.push(-1);
      if (id >= this.values.length) {
        const values = new Float64Array(this.values.length * 2);
        values.set(this.values);
        const stamps = new Uint32Array(this.stamps.length * 2);
        stamps.set(this.stamps);
        this.values = values;
        this.stamps = stamps;
      }
    }
    return id;
  }

  private setDf(id: number, df: number): void {
    if (this.dfs[id] < 0) this.known++;
    this.dfs[id] = df;
  }

  /** Gives a prepared report's terms and names their numbers (once per numbering). */
  numbered(p: Prepared): Prepared {
    this.numberCounts(p.terms);
    this.numberCounts(p.people);
    return p;
  }

  private numberCounts(lc: LogCounts): void {
    if (lc.gen === this.gen && lc.ids) return;
    const ids = new Int32Array(lc.keys.length);
    for (let i = 0; i < ids.length; i++) ids[i] = this.number(lc.keys[i]);
    lc.ids = ids;
    lc.gen = this.gen;
  }

  private denseTerms = new Float64Array(0);
  private densePeople = new Float64Array(0);

  /**
   * A weighted report's vectors by term number (see DenseWeighted), for scoring candidates numbered
   * under this numbering; `clear` puts the zeros back. The arrays cover every number given so far.
   */
  dense(w: Weighted, p: Prepared): DenseWeighted {
    if (this.denseTerms.length < this.terms.length) {
      const size = Math.max(1024, this.terms.length * 2);
      this.denseTerms = new Float64Array(size);
      this.densePeople = new Float64Array(size);
    }
    const lay = (into: Float64Array, v: Map<string, number>, lc: LogCounts) => {
      for (let i = 0; i < lc.keys.length; i++) into[lc.ids![i]] = v.get(lc.keys[i]) ?? 0;
    };
    lay(this.denseTerms, w.terms, p.terms);
    lay(this.densePeople, w.people, p.people);
    return { terms: this.denseTerms, people: this.densePeople };
  }

  clearDense(p: Prepared): void {
    for (const id of p.terms.ids!) this.denseTerms[id] = 0;
    for (const id of p.people.ids!) this.densePeople[id] = 0;
  }

  /** Idf of a term counted in `df` of the `n` documents of the last `refresh`. */
  private idf(df: number): number {
    return Math.log((this.n + 1) / (df + 1)) + 1;
  }

  /** The weight of a numbered term under the count of the last `refresh`. */
  at(id: number): number {
    if (this.stamps[id] === this.stamp) return this.values[id];
    let df = this.dfs[id];
    if (df < 0) {
      if (this.whole) df = 0;
      else {
        if (!this.graph.termDfNow) throw new Error(`linking: the weight of ${JSON.stringify(this.terms[id])} was not fetched first`);
        df = this.graph.termDfNow(this.terms[id]);
        this.setDf(id, df);
      }
    }
    const v = this.idf(df);
    this.values[id] = v;
    this.stamps[id] = this.stamp;
    return v;
  }

  /** Reads the document count; call once per linked document, before weighing. */
  *refresh(): Step<Idf> {
    const n = yield* this.graph.documentCount();
    // more than one new document since the last call: another connection stored some, uncounted here
    if (n < this.n || n > this.n + 1 || this.known > MAX_CACHED_DF) this.forget();
    if (this.terms.length > MAX_VOCABULARY) {
      this.vocab.clear();
      this.terms = [];
      this.dfs = [];
      this.known = 0;
      this.whole = false;
      this.gen++;
    }
    this.n = n;
    this.stamp++;
    if (!this.known && !this.whole && !this.tooLarge && this.graph.allTermDfs) {
      const all = yield* this.graph.allTermDfs(WHOLE_DF_TABLE);
      if (all) {
        for (const [t, df] of all) this.setDf(this.number(t), df);
        this.whole = true;
      } else this.tooLarge = true;
    }
    const graph = this.graph;
    const whole = this.whole;
    const get = (t: string) => {
      const id = this.vocab.get(t);
      if (id !== undefined) return this.at(id);
      if (whole) return this.idf(0);
      if (!graph.termDfNow) throw new Error(`linking: the weight of ${JSON.stringify(t)} was not fetched first`);
      const nid = this.number(t);
      this.setDf(nid, graph.termDfNow(t));
      return this.at(nid);
    };
    const self = this;
    // a synchronous store answers a missing weight in place (`get`): collecting the terms first costs more than it saves
    const prefetch = function* (features: Iterable<LinkFeatures>): Step<void> {
      if (graph.termDfNow || whole) return;
      const missing: string[] = [];
      const terms = new Set<string>();
      for (const f of features) termsOf(f, terms);
      for (const t of terms) {
        const id = self.vocab.get(t);
        if (id !== undefined && self.dfs[id] >= 0) continue;
        self.setDf(self.number(t), 0);
        missing.push(t);
      }
      if (!missing.length) return;
      for (const [t, df] of yield* graph.termDfs(missing)) self.setDf(self.number(t), df);
    };
    return { get, byId: this, prefetch, n: this.n };
  }

  /** The terms (and `n:` names) a newly stored document added one to, as the store counts them. */
  counted(reports: readonly Report[]): void {
    for (const t of countedTerms(reports)) {
      const id = this.vocab.get(t);
      if (id !== undefined && this.dfs[id] >= 0) this.dfs[id]++;
      else if (this.whole) this.setDf(this.number(t), 1);
    }
    this.stamp++;
  }

  /** After a failed transaction the cached counts may be ahead of the table. */
  forget(): void {
    this.dfs.fill(-1);
    this.known = 0;
    this.whole = false;
    this.stamp++;
  }
}

/** The terms and `n:` names a document adds one to the document frequency of. */
export function countedTerms(reports: readonly Report[]): Set<string> {
  const seen = new Set<string>();
  for (const r of reports) {
    for (const t of Object.keys(r.features.terms)) seen.add(t);
    for (const n of r.features.names) seen.add(`n:${n}`);
  }
  return seen;
}

/** The terms a report's weighing reads (see `weigh`, `reportKeys`). */
function termsOf(f: LinkFeatures, into: Set<string>): Set<string> {
  for (const t of Object.keys(f.terms)) into.add(t);
  for (const t of Object.keys(f.people)) into.add(t);
  return into;
}

const documentOf = (reportId: string) => reportId.slice(0, reportId.lastIndexOf('#'));
/** Whether a report is its document's main one (index 0: what the document is about). */
const isMain = (reportId: string) => reportId.endsWith('#0');

/** The index columns of an event, as the store keeps them beside its JSON. */
export function eventRow(event: Event): EventRow {
  const published = event.reports.map((r) => r.published).filter((p): p is string => !!p).sort();
  return {
    id: event.id,
    data: JSON.stringify(event),
    sort: event.date?.end ?? published[published.length - 1] ?? null,
    ds: event.date?.start ?? null,
    de: event.date?.end ?? null,
    cc: event.location?.country ?? null,
    lat: event.location?.lat ?? null,
    lon: event.location?.lon ?? null,
    cat: event.category,
    type: event.type,
    disp: event.disputed.length ? 1 : 0,
    n: event.reports.length,
    now: new Date().toISOString(),
  };
}

export class Linker {
  private readonly weights: TermWeights;
  /** Parsed link features of recently seen reports (they never change once stored), at most MAX_CACHED_FEATURES. */
  private readonly features = new Map<string, Prepared>();
  /** The weights of the document being linked, for re-scoring the edges its component holds. */
  private rescoreIdf: Idf | undefined;
  /** Weighted features under `rescoreIdf`, for the document being linked. */
  private readonly weighted = new Map<string, Weighted>();
  /** Edges re-scored for the document being linked (at most MAX_RESCORED_EDGES). */
  private rescored = 0;
  /** Each report's strongest pairs (see `nearest`), as `region` read them for the document being linked. */
  private readonly near = new Map<string, string[]>();
  /** Parsed reports of recently rebuilt events, at most MAX_CACHED_REPORTS (see `refresh`). */
  private readonly reports = new Map<string, Report>();
  /** Details of their documents, as many. */
  private readonly documents = new Map<string, DocumentInfo>();

  /** The dates and country of candidates read without their features (`mayLink`), at most MAX_CACHED_WHEN: they never change once stored. */
  private readonly when = new Map<string, LinkWhen>();

  /** Stored pairs of recently linked reports (see `EdgeCache`). */
  private readonly edges: EdgeCache;

  /** What `wholeEvents` read for the region `recluster` is about to take (batching stores only). */
  private regionRead: { events: Map<string, string>; members: Map<string, string[]> } | null = null;

  constructor(private readonly g: LinkGraph) {
    this.weights = new TermWeights(g);
    this.edges = new EdgeCache(g);
  }

  /**
   * The candidates worth reading whole: those whose features are cached, and of the rest those
   * whose dates and country (`linkWhen`) do not already give a 0 against f. Leaving out only pairs
   * `combine` scores 0 (under EDGE_FLOOR, never stored) keeps every stored score as it was.
   */
  private *mayLink(f: LinkFeatures, ids: string[]): Step<string[]> {
    if (!this.g.linkWhen) return ids;
    const unread = ids.filter((id) => !this.features.has(id) && !this.when.has(id));
    if (unread.length) {
      for (const [id, w] of yield* this.g.linkWhen(unread)) this.when.set(id, w);
      while (this.when.size > MAX_CACHED_WHEN) this.when.delete(this.when.keys().next().value!);
    }
    return ids.filter((id) => {
      if (this.features.has(id)) return true;
      const w = this.when.get(id);
      return !w || !ruledOut(f, w);
    });
  }

  /** Features of many reports: the cached ones, and the rest in one query. */
  private *featuresOfMany(ids: Iterable<string>): Step<Map<string, Prepared>> {
    const out = new Map<string, Prepared>();
    const missing: string[] = [];
    for (const id of ids) {
      if (out.has(id)) continue;
      const f = this.features.get(id);
      if (f) {
        this.features.delete(id);
        this.features.set(id, f);
        out.set(id, this.weights.numbered(f));
      } else missing.push(id);
    }
    if (missing.length) {
      const raw = yield* this.g.featuresMany(missing);
      for (const id of missing) {
        const r = raw.get(id);
        if (!r) continue;
        const f = this.weights.numbered(prepare(JSON.parse(r) as LinkFeatures));
        out.set(id, f);
        this.features.set(id, f);
      }
      while (this.features.size > MAX_CACHED_FEATURES) this.features.delete(this.features.keys().next().value!);
    }
    return out;
  }

  /**
   * Links the reports of one stored document (its terms already counted, its reports stored with
   * no event); returns the event of each report, in order.
   */
  *link(doc: Document, reports: readonly Report[]): Step<string[]> {
    try {
      return yield* this.linkCounted(doc, reports);
    } catch (e) {
      this.forget();
      throw e;
    }
  }

  /** After the store's transaction failed: cached counts may be ahead of the tables. */
  forget(): void {
    this.weights.forget();
    this.edges.clear();
    this.reports.clear();
    this.documents.clear();
    this.when.clear();
  }

  private *linkCounted(doc: Document, reports: readonly Report[]): Step<string[]> {
    this.weights.counted(reports);
    const idf = yield* this.weights.refresh();
    this.edges.begin(idf.n);
    if (!reports.length) return [];
    const features = reports.map((r) => linkFeatures(doc, r));
    if (this.g.documentInfoOf) {
      // the new reports as rebuilding would read them back (stored as their JSON), and their document
      for (const r of reports) this.reports.set(r.id, JSON.parse(JSON.stringify(r)) as Report);
      this.documents.set(doc.id, this.g.documentInfoOf(doc));
      for (const c of [this.reports, this.documents]) while (c.size > MAX_CACHED_REPORTS) c.delete(c.keys().next().value!);
    }
    for (let i = 0; i < reports.length; i++) yield* this.index(reports[i].id, features[i], idf);
    this.rescoreIdf = idf;
    this.weighted.clear();
    this.rescored = 0;
    const region = yield* this.region([...reports.map((r) => r.id), ...(yield* this.sweep(idf))]);
    const assigned = yield* this.recluster(region);
    const events: string[] = [];
    // where the store batches, the events re-clustering gave the new reports (it points every report of the region at its cluster's event) are not read back
    if (this.g.membersMany) for (const r of reports) events.push(assigned.get(r.id) ?? (yield* this.g.eventOf(r.id))!);
    else for (const r of reports) events.push((yield* this.g.eventOf(r.id))!);
    yield* this.g.setDocumentPrimary(doc.id, events[0]);
    return events;
  }

  /**
   * Keeps a report's features, scores it against its candidates, and files it under its keys.
   * Reports of older stores that predate link features are indexed the same way on open (`backfill`).
   */
  private *index(id: string, f: LinkFeatures, idf: Idf): Step<void> {
    yield* this.g.putFeatures(id, JSON.stringify(f));
    yield* idf.prefetch([f]);
    const keys = reportKeys(f, idf.get);
    let usable: number;
    let found: { report: string; n: number }[] | null = null;
    if (this.g.usableCandidates) {
      const u = yield* this.g.usableCandidates(keys, MAX_CANDIDATES);
      usable = u.usable;
      found = u.candidates;
    } else {
      const dfs = yield* this.g.keyDfs([REPORTS_KEY, ...keys]);
      const limit = maxKeyDf(dfs.get(REPORTS_KEY) ?? 0);
      const kept = keys.filter((k) => (dfs.get(k) ?? 0) <= limit);
      usable = kept.length;
      if (kept.length) found = yield* this.g.candidates(kept, MAX_CANDIDATES);
    }
    if (usable) {
      const candidates = found!;
      const others: [string, Prepared][] = [];
      const wanted = yield* this.mayLink(f, candidates.filter((c) => c.report !== id && documentOf(c.report) !== f.document).map((c) => c.report));
      const got = yield* this.featuresOfMany(wanted);
      for (const c of wanted) {
        const o = got.get(c);
        if (o) others.push([c, o]);
      }
      // one query for the weights of every term the comparisons will need, not one per term
      yield* idf.prefetch([f, ...others.map(([, o]) => o.f)]);
      const prepared = this.weights.numbered(prepare(f));
      const self = weigh(prepared, idf.get, idf.byId);
      const dense = this.weights.dense(self, prepared);
      const scores: number[] = [];
      try {
        for (const [, o] of others) scores.push(scoreAgainst(self, o, idf.get, idf.byId, dense));
      } finally {
        this.weights.clearDense(prepared);
      }
      for (let k = 0; k < others.length; k++) {
        const s = scores[k];
        if (s < EDGE_FLOOR) continue;
        const other = others[k][0];
        const [a, b] = other < id ? [other, id] : [id, other];
        yield* this.edges.putEdge({ a, b, score: s, scored: idf.n });
      }
    }
    if (this.g.putKeysCounted) yield* this.g.putKeysCounted(keys, id);
    else {
      const fresh = yield* this.g.putKeys(keys, id);
      yield* this.g.bumpKeyDfs([...fresh, REPORTS_KEY]);
    }
  }

  /**
   * Scores again the SWEEP_EDGES stalest stored pairs (oldest document count first) and returns the
   * reports of those whose new score may change a clustering (it reaches half the threshold on
   * either side and moved), so their components are re-clustered with this document's. Bounded work
   * per document.
   */
  private *sweep(idf: Idf): Step<string[]> {
    const stale = yield* this.g.staleEdges(Math.floor(idf.n * STALE_SHARE), SWEEP_EDGES);
    if (!stale.length) return [];
    const before = new Map(stale.map((e) => [`${e.a}\t${e.b}`, e.score]));
    const edges = stale.map((e) => ({ ...e }));
    yield* this.rescore(edges, idf);
    const after = new Map(edges.map((e) => [`${e.a}\t${e.b}`, e.score]));
    const out: string[] = [];
    for (const e of stale) {
      const old = before.get(`${e.a}\t${e.b}`)!;
      const now = after.get(`${e.a}\t${e.b}`) ?? 0;
      if (Math.max(old, now) >= CLUSTER_THRESHOLD / 2 && Math.abs(now - old) > 0.01) out.push(e.a, e.b);
    }
    return out;
  }

  /**
   * The reports to re-cluster: the component of the new ones over edges that can link (see
   * MAX_COMPONENT). Each stored edge met on the way is first scored again with the current term
   * weights (and updated, or dropped below EDGE_FLOOR), so the component and its clustering rest
   * on today's weights rather than those of the day each edge was found (see MAX_RESCORED_EDGES).
   * Every event the component touches comes whole (see `wholeEvents`).
   */
  private *region(start: string[]): Step<Set<string>> {
    this.regionRead = null;
    const done = new Set<string>();
    this.near.clear();
    const self = this;
    const neighbours = function* (id: string): Step<string[]> {
      const read = yield* self.edges.edgesOf(id);
      const fresh = self.rescoreIdf ? Math.floor(self.rescoreIdf.n * RESCORE_SHARE) : 0;
      const edges = read.filter((e) => e.scored < fresh && !done.has(`${e.a}\t${e.b}`));
      let all = read;
      if (self.rescoreIdf && edges.length && self.rescored + edges.length <= MAX_RESCORED_EDGES) {
        self.rescored += edges.length;
        const before = edges.map((e) => `${e.a}\t${e.b}`);
        yield* self.rescore(edges, self.rescoreIdf);
        // the edges as the table now holds them, in the order it gave them: re-scored ones
        // updated, dropped ones gone (those re-scored from the other end were read fresh)
        const now = new Map(edges.map((e) => [`${e.a}\t${e.b}`, e]));
        const touched = new Set(before);
        all = read.flatMap((e) => {
          const k = `${e.a}\t${e.b}`;
          if (!touched.has(k)) return [e];
          const n = now.get(k);
          return n ? [n] : [];
        });
      }
      for (const e of edges) done.add(`${e.a}\t${e.b}`);
      self.near.set(id, nearest(id, all));
      return all.filter((e) => e.score >= LINK_FLOOR).map((e) => (e.a === id ? e.b : e.a));
    };
    const seen = new Set(start);
    const queue = [...start];
    while (queue.length) {
      const id = queue.shift()!;
      for (const n of yield* neighbours(id)) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
        if (seen.size > MAX_COMPONENT) return yield* this.wholeEvents(yield* this.neighbourhood(start, neighbours));
      }
    }
    return yield* this.wholeEvents(seen);
  }

  /**
   * The region with every other report of the events it touches. Re-scoring can drop the edge
   * that tied part of an old event to the rest, leaving that part outside the component; an event
   * is re-clustered whole, so no report is left pointing at an event re-clustering removed.
   */
  private *wholeEvents(region: Set<string>): Step<Set<string>> {
    const events = new Set<string>();
    const both = this.g.eventsWithMembers ? yield* this.g.eventsWithMembers([...region]) : null;
    const of = both ? both.events : yield* this.g.eventsOf([...region]);
    for (const e of of.values()) if (e) events.add(e);
    const whole = new Set(region);
    if (this.g.membersMany) {
      // each report's event and each event's reports, as read here, for `recluster` (nothing writes them in between)
      const known = new Map<string, string>();
      for (const [id, e] of of) known.set(id, e);
      const members = both ? both.members : yield* this.g.membersMany([...events]);
      for (const [e, ids] of members) {
        for (const id of ids) {
          whole.add(id);
          known.set(id, e);
        }
      }
      this.regionRead = { events: known, members };
    } else for (const e of events) for (const id of yield* this.g.members(e)) whole.add(id);
    return whole;
  }

  /** Bounded fallback: the new reports and their direct neighbours. */
  private *neighbourhood(start: string[], neighbours: (id: string) => Step<string[]>): Step<Set<string>> {
    const region = new Set(start);
    for (const id of start) for (const n of yield* neighbours(id)) region.add(n);
    return region;
  }

  /** The neighbours (`nearest`) of each report, read from the store for those `region` did not visit. */
  private *nearOf(ids: readonly string[]): Step<Map<string, string[]>> {
    for (const id of ids) if (!this.near.has(id)) this.near.set(id, nearest(id, yield* this.edges.edgesOf(id)));
    return this.near;
  }

  private *recluster(region: Set<string>): Step<Map<string, string>> {
    const g = this.g;
    const read = this.regionRead;
    this.regionRead = null;
    const ids = [...region].sort();
    const stored: Edge[] = [];
    for (const a of ids) {
      for (const { b, score } of yield* this.edges.edgesFrom(a)) if (region.has(b)) stored.push({ a, b, score });
    }
    const edges = boostShared(stored, yield* this.nearOf(ids));
    // two reports of one document are two incidents by construction
    const byDoc = new Map<string, string[]>();
    for (const id of ids) (byDoc.get(documentOf(id)) ?? byDoc.set(documentOf(id), []).get(documentOf(id))!).push(id);
    for (const rs of byDoc.values()) for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) edges.push({ a: rs[i], b: rs[j], score: VETO });
    // main reports first, then the background ones join (see mainFirst)
    const grouped = mainFirst(ids, edges, CLUSTER_THRESHOLD, isMain);
    // an event whose reports are about two different people is two incidents (see personVetoes)
    const feats = yield* this.featuresOfMany(grouped.filter((m) => m.length >= 2).flat());
    const cut = splitClusters(grouped, edges, (members) => personVetoes(members.flatMap((id) => (feats.has(id) ? [[id, feats.get(id)!.f] as const] : []))));
    // a short report left alone joins the event it clearly leads towards (see attachSingles)
    const clusters = attachSingles(cut, edges, CLUSTER_THRESHOLD, isMain);

    // the events the region's reports belonged to ('' for the new ones, not yet in one)
    const known = read && ids.every((id) => read.events.has(id)) ? read.events : yield* g.eventsOf(ids);
    const before = new Map<string, string>();
    for (const id of ids) before.set(id, known.get(id) ?? '');
    const oldIds = [...new Set([...before.values()].filter((e) => e))];
    const ageOf = new Map<string, number>();
    const oldSize = new Map<string, number>();
    // where the store batches: the old events' ages, and which of the ids the clusters may take
    // exist, in one read (an event exists when it has an age; no event row is written or removed
    // before the id loops below end); their sizes as `wholeEvents` read them
    let ages: Map<string, number> | null = null;
    const asked = new Set<string>();
    if (g.membersMany && g.eventAges) {
      for (const e of oldIds) asked.add(e);
      for (const members of clusters) asked.add(eventId(members[0]));
      ages = yield* g.eventAges([...asked]);
      const missing = oldIds.filter((e) => !read?.members.has(e));
      const members = missing.length ? yield* g.membersMany(missing) : new Map<string, string[]>();
      for (const e of oldIds) {
        ageOf.set(e, ages.get(e) ?? Number.MAX_SAFE_INTEGER);
        oldSize.set(e, (read?.members.get(e) ?? members.get(e)!).length);
      }
    } else {
      for (const e of oldIds) {
        ageOf.set(e, (yield* g.eventAge(e)) ?? Number.MAX_SAFE_INTEGER);
        oldSize.set(e, (yield* g.members(e)).length);
      }
    }

    // stable ids: largest overlap first, then the older event, then the cluster's first report
    const offers: { cluster: number; event: string; overlap: number }[] = [];
    clusters.forEach((members, cluster) => {
      const overlap = new Map<string, number>();
      for (const m of members) {
        const e = before.get(m)!;
        if (e) overlap.set(e, (overlap.get(e) ?? 0) + 1);
      }
      for (const [event, n] of overlap) offers.push({ cluster, event, overlap: n });
    });
    offers.sort((x, y) => y.overlap - x.overlap || ageOf.get(x.event)! - ageOf.get(y.event)! || clusters[x.cluster][0].localeCompare(clusters[y.cluster][0]));
    const idOf = new Map<number, string>();
    const taken = new Set<string>();
    for (const o of offers) {
      if (idOf.has(o.cluster) || taken.has(o.event)) continue;
      idOf.set(o.cluster, o.event);
      taken.add(o.event);
    }
    // ids outside the batched read are asked one at a time
    const exists = function* (id: string): Step<boolean> {
      return ages && asked.has(id) ? ages.has(id) : yield* g.eventExists(id);
    };
    for (let cluster = 0; cluster < clusters.length; cluster++) {
      if (idOf.has(cluster)) continue;
      const members = clusters[cluster];
      let id = eventId(members[0]);
      for (let k = 1; taken.has(id) || (!oldIds.includes(id) && (yield* exists(id))); k++) id = eventId(`${members[0]}+${k}`);
      idOf.set(cluster, id);
      taken.add(id);
    }

    const changed = new Set<string>();
    for (let cluster = 0; cluster < clusters.length; cluster++) {
      const members = clusters[cluster];
      const id = idOf.get(cluster)!;
      // an id whose event row is gone (see repair) is written again even when its members stand
      let same = oldSize.get(id) === members.length && (yield* exists(id));
      for (const m of members) {
        if (before.get(m) === id) continue;
        same = false;
        yield* g.setReportEvent(m, id);
        yield* g.setPrimaryOf(m, id);
      }
      if (!same) changed.add(id);
    }
    for (const e of oldIds) if (!taken.has(e)) yield* g.removeEvent(e);
    const membersOf = new Map<string, string[]>();
    for (let cluster = 0; cluster < clusters.length; cluster++) membersOf.set(idOf.get(cluster)!, clusters[cluster]);
    const rebuilt = [...changed].sort();
    // where the store batches: the reports (and their documents) the rebuilt events need that are not cached, in one read
    let pre: { reports: Map<string, string>; documents: Map<string, DocumentInfo> } | undefined;
    if (g.reportsWithDocuments) {
      const missing = rebuilt.flatMap((id) => membersOf.get(id)!.filter((m) => !this.reports.has(m)));
      if (missing.length) pre = yield* g.reportsWithDocuments(missing);
    }
    for (const id of rebuilt) yield* this.refresh(id, membersOf.get(id)!, pre);
    const assigned = new Map<string, string>();
    for (let cluster = 0; cluster < clusters.length; cluster++) for (const m of clusters[cluster]) assigned.set(m, idOf.get(cluster)!);
    return assigned;
  }

  /**
   * Scores the stored edges again with the current term weights (no new candidates), updating
   * the store; an edge that falls below EDGE_FLOOR is dropped. Edges are changed in place.
   */
  private *rescore(edges: StoredEdge[], idf: Idf): Step<void> {
    if (!edges.length) return;
    const g = this.g;
    const feats = yield* this.featuresOfMany(edges.flatMap((e) => [e.a, e.b]).filter((id) => !this.weighted.has(id)));
    yield* idf.prefetch([...feats.values()].map((p) => p.f));
    const weighted = this.weighted;
    for (const [id, f] of feats) weighted.set(id, weigh(f, idf.get, idf.byId));
    let kept = 0;
    for (const e of edges) {
      const wa = weighted.get(e.a);
      const wb = weighted.get(e.b);
      if (!wa || !wb) {
        // features missing: keep the score, but count the pair as seen so the sweep moves on
        yield* this.edges.setEdge(e.a, e.b, null, idf.n);
        edges[kept++] = { ...e, scored: idf.n };
        continue;
      }
      const s = weightedScore(wa, wb);
      if (s < EDGE_FLOOR) {
        yield* this.edges.dropEdge(e.a, e.b);
        continue;
      }
      // the pair is marked as scored now, so neither the sweep nor the next component re-scores it
      // before the store has grown by a quarter again (see RESCORE_SHARE)
      yield* this.edges.setEdge(e.a, e.b, s, idf.n);
      edges[kept++] = { a: e.a, b: e.b, score: s, scored: idf.n };
    }
    edges.length = kept;
  }

  /**
   * Rebuilds one event from its reports (`members`, sorted: every report of the event, since a
   * region holds its events whole): merged fields, claims, agreement.
   */
  private *refresh(id: string, members: readonly string[], pre?: { reports: Map<string, string>; documents: Map<string, DocumentInfo> }): Step<void> {
    const cache = this.reports;
    const missing = members.filter((m) => !cache.has(m) && !pre?.reports.has(m));
    const read = missing.length ? yield* this.g.reportsData(missing) : undefined;
    const raw = { get: (m: string) => pre?.reports.get(m) ?? read?.get(m) };
    const reports: Report[] = [];
    for (const m of members) {
      let r = cache.get(m);
      if (r) cache.delete(m);
      else {
        const d = raw.get(m);
        if (d === undefined) continue;
        r = JSON.parse(d) as Report;
      }
      // most recently used last
      cache.set(m, r);
      reports.push(r);
    }
    const docs = new Map<string, DocumentInfo>();
    // the documents not cached, in one read where the store batches
    let infos: Map<string, DocumentInfo> | null = null;
    if (this.g.documentsInfo) {
      const unread = [...new Set(reports.map((r) => r.document))].filter((d) => !this.documents.has(d) && !pre?.documents.has(d));
      if (unread.length) infos = yield* this.g.documentsInfo(unread);
    }
    for (const r of reports) {
      if (docs.has(r.document)) continue;
      let d = this.documents.get(r.document);
      if (d) this.documents.delete(r.document);
      else d = pre?.documents.get(r.document) ?? infos?.get(r.document) ?? (yield* this.g.documentInfo(r.document));
      this.documents.set(r.document, d);
      docs.set(r.document, d);
    }
    for (const c of [cache, this.documents]) while (c.size > MAX_CACHED_REPORTS) c.delete(c.keys().next().value!);
    yield* this.g.putEvent(eventRow(corroborate(id, reports, docs)));
  }

  /**
   * Re-clusters the regions of reports that point at an event that no longer exists (a store
   * written before events were re-clustered whole, see `wholeEvents`), so every report has its event again.
   */
  *repair(dangling: string[]): Step<number> {
    if (!dangling.length) return 0;
    this.rescoreIdf = undefined;
    this.edges.clear();
    yield* this.recluster(yield* this.region(dangling));
    return dangling.length;
  }

  /**
   * Stores made before report-level linking hold reports without link features: index them (in
   * document order, keeping their events as they are) so new reports can find them.
   */
  *backfill(rows: readonly { id: string; data: string; doc: string; title: string | null; text: string }[]): Step<number> {
    const idf = yield* this.weights.refresh();
    this.edges.clear();
    for (const row of rows) {
      const r = JSON.parse(row.data) as Report;
      const doc = { id: row.doc, title: row.title, text: row.text } as Document;
      yield* this.index(row.id, linkFeatures(doc, r), idf);
    }
    return rows.length;
  }
}
