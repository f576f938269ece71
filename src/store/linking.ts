/**
 * Linking persistence: reports into events, inside the transaction `Store.ingest` opens for one
 * document. Steps, for each new report:
 * 1. keep its link features and find candidates through `report_keys` (keys too common to tell
 *    anything, by `key_df`, are skipped; the reports sharing most keys are scored, never all);
 * 2. store the pair scores at or above EDGE_FLOOR in `report_edges`;
 * then, once per document:
 * 2b. score again a few stale stored pairs (scored while the store was much smaller, see `sweep`),
 *    and add the reports of those whose score moved to the ones to re-cluster;
 * 3. take the part of the graph the new reports touch (re-scoring its stored edges with the
 *    current term weights on the way) — their connected component over edges that can link
 *    (LINK_FLOOR), bounded by MAX_COMPONENT — raise its edges by shared neighbours (`boostShared`)
 *    and re-cluster it with average link (`link/cluster.ts`). Clusters never cross such
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
import type { Document, Report } from '../model/index.js';
import { attachSingles, boostShared, mainFirst, nearest, SHARED_FLOOR, splitClusters, VETO, type Edge } from '../link/cluster.js';
import { corroborate, type DocumentInfo } from '../link/corroborate.js';
import { outletOf } from '../ingest/outlet.js';
import { CLUSTER_THRESHOLD, EDGE_FLOOR, linkFeatures, personVetoes, reportKeys, scoreAgainst, weigh, weightedScore, type LinkFeatures, type Weighted } from '../link/pairwise.js';
import type Database from 'better-sqlite3';
import type { DB } from './sqlite.js';

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
 * small used unreliable term weights, so the edges of the touched component are scored again with
 * the current ones. Beyond this many, the rest keep their stored scores: bounded work per document.
 */
const MAX_RESCORED_EDGES = 20_000;
/** Parsed features kept in memory: a few thousand reports' worth (tens of MB), the candidates recent documents keep finding. */
const MAX_CACHED_FEATURES = 5000;
/**
 * Stale pairs scored again per document (see `sweep`): a pair is stale when it was scored while the
 * store held less than STALE_SHARE of today's documents. Reports that arrive early (a new store, a
 * new story) are scored with weights from a handful of documents, where every word of the story
 * looks common, and nothing touches them again unless a later report links to them. A growing
 * store makes about (edges per document) / STALE_SHARE, some 12, pairs stale per document: 16 keeps up.
 */
const SWEEP_EDGES = 16;
const STALE_SHARE = 0.7;

export const eventId = (seed: string) => 'evt_' + createHash('sha256').update(seed).digest('hex').slice(0, 12);

/** The `key_df` row that counts the indexed reports (no real key is empty). */
const REPORTS_KEY = '';

/** Term weights (idf) over the stored documents, fetched in batches. */
export interface Idf {
  get: (t: string) => number;
  /** Documents the weights count (edges record it as when they were scored). */
  n: number;
  prefetch: (terms: Iterable<string>) => void;
}

/** Document frequencies the cache may hold before it starts over: bounded memory, whatever the vocabulary. */
const MAX_CACHED_DF = 200_000;

/**
 * Document frequencies of terms as `term_df` holds them, cached across documents: the terms of a
 * hundred candidates are mostly the same from one document to the next, and fetching them anew
 * for each one was most of the time linking took. The cache stays exact because the linker is
 * told of every document counted (`counted`) and documents are never deleted; a transaction
 * that fails forgets it (`forget`), and so does a count that grew by more than the one document
 * (another connection wrote). Idf as `Store` computes it: log((n+1)/(df+1))+1 over n documents.
 */
export class TermWeights {
  private readonly df = new Map<string, number>();
  private n = 0;
  private readonly one: Database.Statement;
  private readonly many: Database.Statement;
  private readonly count: Database.Statement;

  constructor(db: DB) {
    this.one = db.prepare('SELECT df FROM term_df WHERE term = ?').pluck();
    this.many = db.prepare('SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?))');
    // documents are never deleted, so the largest rowid counts them without a scan
    this.count = db.prepare('SELECT max(rowid) FROM documents').pluck();
  }

  /** Reads the document count; call once per linked document, before weighing. */
  refresh(): Idf {
    const n = ((this.count.get() as number | null) ?? 0) + 1;
    // more than one new document since the last call: another connection stored some, uncounted here
    if (n < this.n || n > this.n + 1 || this.df.size > MAX_CACHED_DF) this.df.clear();
    this.n = n;
    const value = (df: number) => Math.log((this.n + 1) / (df + 1)) + 1;
    const get = (t: string) => {
      let df = this.df.get(t);
      if (df === undefined) {
        df = (this.one.get(t) as number | undefined) ?? 0;
        this.df.set(t, df);
      }
      return value(df);
    };
    const prefetch = (terms: Iterable<string>) => {
      const missing: string[] = [];
      for (const t of terms) {
        if (this.df.has(t)) continue;
        this.df.set(t, 0);
        missing.push(t);
      }
      if (!missing.length) return;
      for (const r of this.many.all(JSON.stringify(missing)) as { term: string; df: number }[]) this.df.set(r.term, r.df);
    };
    return { get, prefetch, n: this.n };
  }

  /** The terms (and `n:` names) a newly stored document added one to, as `Store.ingest` counts them. */
  counted(reports: readonly Report[]): void {
    const seen = new Set<string>();
    for (const r of reports) {
      for (const t of Object.keys(r.features.terms)) seen.add(t);
      for (const n of r.features.names) seen.add(`n:${n}`);
    }
    for (const t of seen) {
      const df = this.df.get(t);
      if (df !== undefined) this.df.set(t, df + 1);
    }
  }

  /** After a failed transaction the cached counts may be ahead of the table. */
  forget(): void {
    this.df.clear();
  }
}

/** A stored pair with the document count it was last scored at. */
type StoredEdge = Edge & { scored: number };

const documentOf = (reportId: string) => reportId.slice(0, reportId.lastIndexOf('#'));
/** Whether a report is its document's main one (index 0: what the document is about). */
const isMain = (reportId: string) => reportId.endsWith('#0');

export class Linker {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly weights: TermWeights;
  /** Parsed link features of recently seen reports (they never change once stored), at most MAX_CACHED_FEATURES. */
  private readonly features = new Map<string, LinkFeatures>();
  /** The weights of the document being linked, for re-scoring the edges its component holds. */
  private rescoreIdf: Idf | undefined;
  /** Weighted features under `rescoreIdf`, for the document being linked. */
  private readonly weighted = new Map<string, Weighted>();
  /** Edges re-scored for the document being linked (at most MAX_RESCORED_EDGES). */
  private rescored = 0;
  /** Each report's strongest pairs (see `nearest`), as `region` read them for the document being linked. */
  private readonly near = new Map<string, string[]>();

  constructor(private readonly db: DB) {
    this.weights = new TermWeights(db);
  }

  /** A stored report's link features, from the cache when recently used. */
  private featuresOf(id: string): LinkFeatures | undefined {
    let f = this.features.get(id);
    if (f) {
      // most recently used last: the first entries are the ones to drop
      this.features.delete(id);
      this.features.set(id, f);
      return f;
    }
    const raw = this.sql('SELECT features FROM report_link WHERE report = ?').pluck().get(id) as string | undefined;
    if (!raw) return undefined;
    f = JSON.parse(raw) as LinkFeatures;
    this.features.set(id, f);
    if (this.features.size > MAX_CACHED_FEATURES) this.features.delete(this.features.keys().next().value!);
    return f;
  }

  /** A prepared statement, prepared once per store (the tables exist only once migrations ran). */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  /** Links the reports of one stored document; returns the event of each report, in order. */
  link(doc: Document, reports: readonly Report[]): string[] {
    try {
      return this.linkCounted(doc, reports);
    } catch (e) {
      this.weights.forget();
      throw e;
    }
  }

  private linkCounted(doc: Document, reports: readonly Report[]): string[] {
    // Store.ingest counted this document's terms before linking
    this.weights.counted(reports);
    const idf = this.weights.refresh();
    if (!reports.length) return [];
    const features = reports.map((r) => linkFeatures(doc, r));
    for (let i = 0; i < reports.length; i++) this.index(reports[i].id, features[i], idf);
    this.rescoreIdf = idf;
    this.weighted.clear();
    this.rescored = 0;
    const region = this.region([...reports.map((r) => r.id), ...this.sweep(idf)]);
    this.recluster(region);
    const get = this.sql('SELECT event FROM reports WHERE id = ?').pluck();
    const events = reports.map((r) => get.get(r.id) as string);
    this.sql('UPDATE documents SET primary_event = ? WHERE id = ?').run(events[0], doc.id);
    return events;
  }

  /**
   * Keeps a report's features, scores it against its candidates, and files it under its keys.
   * Reports of older stores that predate this table are indexed the same way on open (`backfill`).
   */
  private index(id: string, f: LinkFeatures, idf: Idf): void {
    const db = this.db;
    this.sql('INSERT OR REPLACE INTO report_link (report, features) VALUES (?, ?)').run(id, JSON.stringify(f));
    const keys = reportKeys(f, idf.get);
    const dfOf = this.sql('SELECT df FROM key_df WHERE key = ?').pluck();
    const limit = maxKeyDf((dfOf.get(REPORTS_KEY) as number | undefined) ?? 0);
    const usable = keys.filter((k) => ((dfOf.get(k) as number | undefined) ?? 0) <= limit);
    if (usable.length) {
      const candidates = this.sql(
        `SELECT report, count(*) AS n FROM report_keys WHERE key IN (SELECT value FROM json_each(?))
         GROUP BY report ORDER BY n DESC, report LIMIT ${MAX_CANDIDATES}`,
      ).all(JSON.stringify(usable)) as { report: string; n: number }[];
      const putEdge = this.sql('INSERT OR REPLACE INTO report_edges (a, b, score, scored) VALUES (?, ?, ?, ?)');
      const others: [string, LinkFeatures][] = [];
      for (const c of candidates) {
        if (c.report === id || documentOf(c.report) === f.document) continue;
        const o = this.featuresOf(c.report);
        if (o) others.push([c.report, o]);
      }
      // one query for the weights of every term the comparisons will need, not one per term
      const needed = new Set<string>();
      for (const [, o] of [['', f] as const, ...others]) {
        for (const t of Object.keys(o.terms)) needed.add(t);
        for (const t of Object.keys(o.people)) needed.add(t);
      }
      idf.prefetch(needed);
      const self = weigh(f, idf.get);
      for (const [other, o] of others) {
        const s = scoreAgainst(self, o, idf.get);
        if (s < EDGE_FLOOR) continue;
        const [a, b] = other < id ? [other, id] : [id, other];
        putEdge.run(a, b, s, idf.n);
      }
    }
    const putKey = this.sql('INSERT OR IGNORE INTO report_keys (key, report) VALUES (?, ?)');
    const bump = this.sql('INSERT INTO key_df (key, df) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET df = df + 1');
    for (const k of keys) if (putKey.run(k, id).changes) bump.run(k);
    bump.run(REPORTS_KEY);
  }

  /**
   * Scores again the SWEEP_EDGES stalest stored pairs (oldest document count first) and returns the
   * reports of those whose new score may change a clustering (it reaches half the threshold on
   * either side and moved), so their components are re-clustered with this document's. Bounded work
   * per document.
   */
  private sweep(idf: Idf): string[] {
    const stale = this.sql('SELECT a, b, score, scored FROM report_edges WHERE scored < ? ORDER BY scored, a, b LIMIT ?').all(Math.floor(idf.n * STALE_SHARE), SWEEP_EDGES) as StoredEdge[];
    if (!stale.length) return [];
    const before = new Map(stale.map((e) => [`${e.a}\t${e.b}`, e.score]));
    const edges = stale.map((e) => ({ ...e }));
    this.rescore(edges, idf);
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
  private region(start: string[]): Set<string> {
    const done = new Set<string>();
    this.near.clear();
    const neighbours = (id: string) => {
      const edges = this.edgesOf(id).filter((e) => !done.has(`${e.a}\t${e.b}`));
      if (this.rescoreIdf && this.rescored + edges.length <= MAX_RESCORED_EDGES) {
        this.rescored += edges.length;
        this.rescore(edges, this.rescoreIdf);
      }
      for (const e of edges) done.add(`${e.a}\t${e.b}`);
      // edges already re-scored (seen from the other end) are read back from the table with their new score
      const all = this.edgesOf(id);
      this.near.set(id, nearest(id, all));
      return all.filter((e) => e.score >= LINK_FLOOR).map((e) => (e.a === id ? e.b : e.a));
    };
    const seen = new Set(start);
    const queue = [...start];
    while (queue.length) {
      const id = queue.shift()!;
      for (const n of neighbours(id)) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
        if (seen.size > MAX_COMPONENT) return this.wholeEvents(this.neighbourhood(start, neighbours));
      }
    }
    return this.wholeEvents(seen);
  }

  /**
   * The region with every other report of the events it touches. Re-scoring can drop the edge
   * that tied part of an old event to the rest, leaving that part outside the component; an event
   * is re-clustered whole, so no report is left pointing at an event re-clustering removed.
   */
  private wholeEvents(region: Set<string>): Set<string> {
    const eventOf = this.sql('SELECT event FROM reports WHERE id = ?').pluck();
    const members = this.sql('SELECT id FROM reports WHERE event = ?').pluck();
    const events = new Set<string>();
    for (const id of region) {
      const e = eventOf.get(id) as string | undefined;
      if (e) events.add(e);
    }
    const whole = new Set(region);
    for (const e of events) for (const id of members.all(e) as string[]) whole.add(id);
    return whole;
  }

  /** Bounded fallback: the new reports and their direct neighbours. */
  private neighbourhood(start: string[], neighbours: (id: string) => string[]): Set<string> {
    const region = new Set(start);
    for (const id of start) for (const n of neighbours(id)) region.add(n);
    return region;
  }

  /** Every stored edge of a report, whichever end it is stored at. */
  private edgesOf(id: string): StoredEdge[] {
    return [...(this.sql('SELECT a, b, score, scored FROM report_edges WHERE a = ?').all(id) as StoredEdge[]), ...(this.sql('SELECT a, b, score, scored FROM report_edges WHERE b = ?').all(id) as StoredEdge[])];
  }

  /** The neighbours (`nearest`) of each report, read from the table for those `region` did not visit. */
  private nearOf(ids: readonly string[]): Map<string, string[]> {
    for (const id of ids) if (!this.near.has(id)) this.near.set(id, nearest(id, this.edgesOf(id)));
    return this.near;
  }

  private recluster(region: Set<string>): void {
    const ids = [...region].sort();
    const stored: Edge[] = [];
    const out = this.sql('SELECT b, score FROM report_edges WHERE a = ?');
    for (const a of ids) {
      for (const { b, score } of out.all(a) as { b: string; score: number }[]) if (region.has(b)) stored.push({ a, b, score });
    }
    const edges = boostShared(stored, this.nearOf(ids));
    // two reports of one document are two incidents by construction
    const byDoc = new Map<string, string[]>();
    for (const id of ids) (byDoc.get(documentOf(id)) ?? byDoc.set(documentOf(id), []).get(documentOf(id))!).push(id);
    for (const rs of byDoc.values()) for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) edges.push({ a: rs[i], b: rs[j], score: VETO });
    // main reports first, then the background ones join (see mainFirst)
    const grouped = mainFirst(ids, edges, CLUSTER_THRESHOLD, isMain);
    // an event whose reports are about two different people is two incidents (see personVetoes)
    const cut = splitClusters(grouped, edges, (members) =>
      personVetoes(members.flatMap((id) => {
        const f = this.featuresOf(id);
        return f ? [[id, f] as const] : [];
      })),
    );
    // a short report left alone joins the event it clearly leads towards (see attachSingles)
    const clusters = attachSingles(cut, edges, CLUSTER_THRESHOLD, isMain);

    // the events the region's reports belonged to ('' for the new ones, not yet in one)
    const eventOf = this.sql('SELECT event FROM reports WHERE id = ?').pluck();
    const before = new Map(ids.map((id) => [id, (eventOf.get(id) as string | undefined) ?? '']));
    const age = this.sql('SELECT rowid FROM events WHERE id = ?').pluck();
    const oldIds = [...new Set([...before.values()].filter((e) => e))];
    const ageOf = new Map(oldIds.map((e) => [e, (age.get(e) as number | undefined) ?? Number.MAX_SAFE_INTEGER]));
    const oldSize = new Map<string, number>();
    const count = this.sql('SELECT count(*) FROM reports WHERE event = ?').pluck();
    for (const e of oldIds) oldSize.set(e, count.get(e) as number);

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
    const exists = this.sql('SELECT 1 FROM events WHERE id = ?').pluck();
    clusters.forEach((members, cluster) => {
      if (idOf.has(cluster)) return;
      let id = eventId(members[0]);
      for (let k = 1; taken.has(id) || (!oldIds.includes(id) && exists.get(id)); k++) id = eventId(`${members[0]}+${k}`);
      idOf.set(cluster, id);
      taken.add(id);
    });

    const setEvent = this.sql('UPDATE reports SET event = ? WHERE id = ?');
    const setPrimary = this.sql('UPDATE documents SET primary_event = ? WHERE id = (SELECT document FROM reports WHERE id = ? AND idx = 0)');
    const changed = new Set<string>();
    clusters.forEach((members, cluster) => {
      const id = idOf.get(cluster)!;
      // an id whose event row is gone (see repair) is written again even when its members stand
      let same = oldSize.get(id) === members.length && !!exists.get(id);
      for (const m of members) {
        if (before.get(m) === id) continue;
        same = false;
        setEvent.run(id, m);
        setPrimary.run(id, m);
      }
      if (!same) changed.add(id);
    });
    const remove = this.sql('DELETE FROM events WHERE id = ?');
    for (const e of oldIds) if (!taken.has(e)) remove.run(e);
    for (const id of [...changed].sort()) this.refresh(id);
  }

  /**
   * Scores the stored edges again with the current term weights (no new candidates), updating
   * `report_edges`; an edge that falls below EDGE_FLOOR is dropped. Edges are changed in place.
   */
  private rescore(edges: StoredEdge[], idf: Idf): void {
    if (!edges.length) return;
    const feats = new Map<string, LinkFeatures>();
    for (const e of edges) {
      for (const id of [e.a, e.b]) {
        if (feats.has(id) || this.weighted.has(id)) continue;
        const f = this.featuresOf(id);
        if (f) feats.set(id, f);
      }
    }
    const needed = new Set<string>();
    for (const f of feats.values()) {
      for (const t of Object.keys(f.terms)) needed.add(t);
      for (const t of Object.keys(f.people)) needed.add(t);
    }
    idf.prefetch(needed);
    const weighted = this.weighted;
    for (const [id, f] of feats) weighted.set(id, weigh(f, idf.get));
    const update = this.sql('UPDATE report_edges SET score = ?, scored = ? WHERE a = ? AND b = ?');
    const setScore = this.sql('UPDATE report_edges SET score = ? WHERE a = ? AND b = ?');
    const drop = this.sql('DELETE FROM report_edges WHERE a = ? AND b = ?');
    const touch = this.sql('UPDATE report_edges SET scored = ? WHERE a = ? AND b = ?');
    const stale = Math.floor(idf.n * STALE_SHARE);
    let kept = 0;
    for (const e of edges) {
      const wa = weighted.get(e.a);
      const wb = weighted.get(e.b);
      if (!wa || !wb) {
        // features missing: keep the score, but count the pair as seen so the sweep moves on
        if (e.scored < stale) touch.run(idf.n, e.a, e.b);
        edges[kept++] = e;
        continue;
      }
      const s = weightedScore(wa, wb);
      if (s < EDGE_FLOOR) {
        drop.run(e.a, e.b);
        continue;
      }
      // a stale pair is marked fresh so the sweep passes it by; otherwise only the score is written
      // (the `scored` index left alone), and only when it moved
      if (e.scored < stale) update.run(s, idf.n, e.a, e.b);
      else if (s !== e.score) setScore.run(s, e.a, e.b);
      edges[kept++] = { a: e.a, b: e.b, score: s, scored: e.scored };
    }
    edges.length = kept;
  }

  /** Rebuilds one event from its reports: merged fields, claims, agreement. */
  private refresh(id: string): void {
    const db = this.db;
    const reports = (this.sql('SELECT data FROM reports WHERE event = ? ORDER BY id').pluck().all(id) as string[]).map((d) => JSON.parse(d) as Report);
    const docs = new Map<string, DocumentInfo>();
    const getDoc = this.sql('SELECT source, published, title, site, url FROM documents WHERE id = ?');
    for (const r of reports) {
      if (docs.has(r.document)) continue;
      const d = getDoc.get(r.document) as DocumentInfo & { site: string | null; url: string | null };
      docs.set(r.document, { source: d.source, published: d.published, title: d.title, outlet: outletOf(d) });
    }
    const event = corroborate(id, reports, docs);
    const published = event.reports.map((r) => r.published).filter((p): p is string => !!p).sort();
    const sortDate = event.date?.end ?? published[published.length - 1] ?? null;
    db.prepare(
      `INSERT INTO events (id, data, features, sort_date, date_start, date_end, country, lat, lon, category, type, disputed, n_reports, updated_at)
       VALUES (@id, @data, '{}', @sort, @ds, @de, @cc, @lat, @lon, @cat, @type, @disp, @n, @now)
       ON CONFLICT(id) DO UPDATE SET data=@data, sort_date=@sort, date_start=@ds, date_end=@de, country=@cc, lat=@lat, lon=@lon,
         category=@cat, type=@type, disputed=@disp, n_reports=@n, updated_at=@now`,
    ).run({
      id,
      data: JSON.stringify(event),
      sort: sortDate,
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
    });
  }

  /**
   * Re-clusters the regions of reports that point at an event that no longer exists (a store
   * written before events were re-clustered whole, see `wholeEvents`), so every report has its event again.
   */
  repair(dangling: string[]): number {
    if (!dangling.length) return 0;
    this.rescoreIdf = undefined;
    this.recluster(this.region(dangling));
    return dangling.length;
  }

  /**
   * Stores made before report-level linking hold reports without link features: index them (in
   * document order, keeping their events as they are) so new reports can find them.
   */
  backfill(): number {
    const idf = this.weights.refresh();
    const rows = this.db
      .prepare('SELECT r.id, r.data, d.id AS doc, d.title, d.text FROM reports r JOIN documents d ON d.id = r.document WHERE r.id NOT IN (SELECT report FROM report_link) ORDER BY d.rowid, r.idx')
      .all() as { id: string; data: string; doc: string; title: string | null; text: string }[];
    for (const row of rows) {
      const r = JSON.parse(row.data) as Report;
      const doc = { id: row.doc, title: row.title, text: row.text } as Document;
      this.index(row.id, linkFeatures(doc, r), idf);
    }
    return rows.length;
  }
}
