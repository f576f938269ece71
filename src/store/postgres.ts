/**
 * The store on PostgreSQL (`--db postgres://…`): the same tables and answers as the SQLite store,
 * full text through a generated tsvector with a GIN index, migrations recorded in `sitrep_schema`.
 *
 * Concurrency: one document (or one batch of them, `beginBatch`) is one transaction that first
 * takes a transaction-level advisory lock (LINK_LOCK), so however many processes or machines
 * ingest, linking runs one document at a time over a consistent graph (one linker for the one
 * partition; see README "Scaling out"). Extraction, the costly part, runs outside it. A process
 * killed mid-document holds the lock only as long as its connection lives: the server rolls its
 * transaction back and releases it. Readers never take the lock and never wait (MVCC).
 *
 * Round trips: each query waits for the server, and on a busy machine for the server process to
 * be scheduled, so queries are few. A document's rows go in as one statement (`storeStatement`);
 * linking's writes are queued and go out with its next read; reads that linking made one a report
 * or an event are made for many at once (the optional batched methods of LinkGraph). Over ECB+ dev
 * that is 4.8 queries a document where there were 20 (docs/evaluation.md, session 15, pg10).
 */
import pg from 'pg';
import type { Document, Event, Report, SiteProfile } from '../model/index.js';
import type { DocumentInfo } from '../link/corroborate.js';
import { ask, countedTerms, Linker, REPORTS_KEY, runAsync, type EventRow, type LinkGraph, type Step, type StoredEdge } from '../link/incremental.js';
import { profileOf, UsageError, type DocumentRow, type EventFilters, type FailedItem, type FeedState, type SiteVotes, type StoreResult } from './sqlite.js';
import { outletOf } from '../ingest/outlet.js';
import { ProfileCache } from './profile-cache.js';

/** The advisory lock every ingesting transaction takes: linking is serial per database. */
const LINK_LOCK = 0x5175e9;
/** The lock migrations run under, so two processes opening a new database do not both create it. */
const MIGRATE_LOCK = 0x5175ea;

/** Text keys compare byte-wise (COLLATE "C"), as in SQLite: candidate order and ties must not depend on the server's locale. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE documents (
    seq BIGSERIAL UNIQUE,
    id TEXT COLLATE "C" PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    author TEXT,
    site TEXT,
    lang TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    primary_event TEXT COLLATE "C",
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
  );
  CREATE INDEX documents_primary_event ON documents(primary_event);
  CREATE INDEX documents_tsv ON documents USING GIN (tsv);
  CREATE TABLE counters (name TEXT PRIMARY KEY, n BIGINT NOT NULL);
  INSERT INTO counters VALUES ('documents', 0);
  CREATE TABLE reports (
    id TEXT COLLATE "C" PRIMARY KEY,
    document TEXT COLLATE "C" NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL,
    event TEXT COLLATE "C" NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX reports_event ON reports(event);
  CREATE INDEX reports_document ON reports(document);
  CREATE TABLE events (
    seq BIGSERIAL,
    id TEXT COLLATE "C" PRIMARY KEY,
    data TEXT NOT NULL,
    sort_date TEXT COLLATE "C",
    date_start TEXT COLLATE "C",
    date_end TEXT COLLATE "C",
    country TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    category TEXT,
    type TEXT,
    disputed BOOLEAN NOT NULL DEFAULT false,
    n_reports INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX events_listing ON events((COALESCE(sort_date, '')) DESC, id);
  CREATE INDEX events_country ON events(country);
  CREATE INDEX events_latlon ON events(lat, lon);
  CREATE TABLE term_df (term TEXT COLLATE "C" PRIMARY KEY, df INTEGER NOT NULL);
  CREATE TABLE report_link (report TEXT COLLATE "C" PRIMARY KEY, features TEXT NOT NULL);
  CREATE TABLE report_keys (key TEXT COLLATE "C" NOT NULL, report TEXT COLLATE "C" NOT NULL, PRIMARY KEY (key, report));
  CREATE TABLE key_df (key TEXT COLLATE "C" PRIMARY KEY, df INTEGER NOT NULL);
  CREATE TABLE report_edges (
    a TEXT COLLATE "C" NOT NULL,
    b TEXT COLLATE "C" NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    scored INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (a, b)
  );
  CREATE INDEX report_edges_b ON report_edges(b);
  CREATE INDEX report_edges_scored ON report_edges(scored, a, b);
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT,
    last_status TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll TEXT
  );
  CREATE TABLE feed_items (feed TEXT NOT NULL, item TEXT NOT NULL, document TEXT, seen_at TEXT NOT NULL, PRIMARY KEY (feed, item));
  `,
  // 2: the spans the document view underlines, found at ingest (as SQLite's migration 6): reading a
  // document never runs the pipeline again. NULL for documents stored before.
  `
  ALTER TABLE documents ADD COLUMN spans TEXT;
  `,
  // 3: feed items whose page could not be read, and when to try them again (as SQLite's migration 7)
  `
  CREATE TABLE failed_items (
    item TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    reason TEXT NOT NULL,
    last_failed TEXT NOT NULL,
    next_try TEXT
  );
  `,
  // 4: site profiles (as SQLite's migration 8): the documents counted per site, and per place key
  // the documents that named a place there surely; written with a new document only
  `
  CREATE TABLE site_profiles (site TEXT COLLATE "C" PRIMARY KEY, documents INTEGER NOT NULL);
  CREATE TABLE site_places (
    site TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (site, key)
  );
  `,
];

/** Where a connection string points, without its password, for error messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL (unreadable connection string)';
  }
}

export const isPostgresUrl = (s: string) => /^postgres(?:ql)?:\/\//i.test(s);

/** A tsquery that cannot fail from what a user typed: words ANDed, `*` kept as prefix. */
export function safeTsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}_]+\*?/gu) ?? [];
  const terms = words.filter((w) => !/^(?:AND|OR|NOT|NEAR)$/.test(w)).map((w) => (w.endsWith('*') ? `'${w.slice(0, -1).toLowerCase()}':*` : `'${w.toLowerCase()}'`));
  return terms.length ? terms.join(' & ') : null;
}

type Client = pg.PoolClient;

/** Linking's reads and writes over the connection of the transaction at hand. */
class PgGraph implements LinkGraph {
  client: Client | null = null;

  /**
   * Writes not yet sent: linking never reads what a write returns, so writes wait here and go to
   * the server as one multi-statement query before the next read (or the commit) — one round
   * trip for a burst of edge updates instead of one each. The server runs them in order, before
   * the read, inside the same transaction, so what linking reads is what it wrote.
   */
  private pending: string[] = [];

  private *rows<T>(name: string, text: string, values: unknown[]): Step<T[]> {
    // queued writes go out with the read, in one query (the read's values written in): one round trip, not two
    if (this.pending.length || this.edgeRun) return yield* ask(this.send<T>(this.inline(text, values)));
    const res = yield* ask(this.client!.query({ name, text, values }));
    return res.rows as T[];
  }

  /** Queues a write (see `pending`), its parameters written in as literals. */
  // eslint-disable-next-line require-yield
  private *run(_name: string, text: string, values: unknown[]): Step<void> {
    this.endRun();
    this.pending.push(this.inline(text, values));
  }

  /**
   * Consecutive writes of one pair each (re-scoring a component sets hundreds of pairs: ~13,000
   * one-row statements over ECB+ dev, most of the server's time) queued as one statement of many
   * rows. A pair met twice closes the statement and starts another, so the table changes as by
   * one statement a pair, in order.
   */
  private edgeRun: { kind: 'put' | 'set' | 'drop'; rows: string[]; pairs: Set<string> } | null = null;

  private edgeRow(kind: 'put' | 'set' | 'drop', a: string, b: string, row: string): void {
    const pair = `${a}\t${b}`;
    if (this.edgeRun && (this.edgeRun.kind !== kind || this.edgeRun.pairs.has(pair))) this.endRun();
    this.edgeRun ??= { kind, rows: [], pairs: new Set() };
    this.edgeRun.rows.push(row);
    this.edgeRun.pairs.add(pair);
  }

  /** Queues the open run of pair writes as its statement. */
  private endRun(): void {
    const r = this.edgeRun;
    if (!r) return;
    this.edgeRun = null;
    const rows = r.rows.join(',');
    if (r.kind === 'put') this.pending.push(`INSERT INTO report_edges (a, b, score, scored) VALUES ${rows} ON CONFLICT (a, b) DO UPDATE SET score = EXCLUDED.score, scored = EXCLUDED.scored`);
    else if (r.kind === 'set') this.pending.push(`UPDATE report_edges e SET score = COALESCE(v.score, e.score), scored = COALESCE(v.scored, e.scored) FROM (VALUES ${rows}) AS v(a, b, score, scored) WHERE e.a = v.a AND e.b = v.b`);
    else this.pending.push(`DELETE FROM report_edges WHERE (a, b) IN (VALUES ${rows})`);
  }

  private literal(v: unknown): string {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`linking: cannot store the number ${v}`);
      return `(${String(v)})`;
    }
    if (Array.isArray(v)) return v.length ? `(ARRAY[${v.map((x) => this.literal(x)).join(',')}])` : "('{}')";
    return escapeLiteral(String(v));
  }

  /** Sends the queued writes. */
  *flush(): Step<void> {
    this.endRun();
    if (!this.pending.length) return;
    const text = this.pending.join(';\n');
    this.pending = [];
    yield* ask(this.client!.query(text));
  }

  /**
   * Sends the queued writes and then `text` (statements with their values written in), as one
   * query: one round trip. Returns the rows of the last statement.
   */
  async send<T>(text: string): Promise<T[]> {
    this.endRun();
    const all = [...this.pending, text].join(';\n');
    this.pending = [];
    const res = (await this.client!.query(all)) as unknown as pg.QueryResult | pg.QueryResult[];
    return (Array.isArray(res) ? res[res.length - 1] : res).rows as T[];
  }

  /** Writes a statement with its parameters as literals (see `run`), for `send`. */
  inline(text: string, values: unknown[]): string {
    return text.replace(/\$(\d+)/g, (_m, i: string) => this.literal(values[Number(i) - 1]));
  }

  /** Queues a statement with no parameters, sent before the next read (see `pending`). */
  queue(text: string): void {
    this.endRun();
    this.pending.push(text);
  }

  /** Drops queued writes (the transaction failed). */
  reset(): void {
    this.pending = [];
    this.edgeRun = null;
    this.count = null;
  }

  /**
   * The document counter as the statement that stored the document being linked left it (it
   * returns it), so linking does not read it again; null: read it.
   */
  count: number | null = null;

  *documentCount(): Step<number> {
    if (this.count !== null) {
      const n = this.count;
      this.count = null;
      return n + 1;
    }
    const [r] = yield* this.rows<{ n: number }>('dc', "SELECT n::int AS n FROM counters WHERE name = 'documents'", []);
    return (r?.n ?? 0) + 1;
  }
  // as on SQLite: a store of few terms is read whole once, and then no weight is looked up again
  *allTermDfs(limit: number): Step<Map<string, number> | null> {
    const rows = yield* this.rows<{ term: string; df: number }>('atdf', 'SELECT term, df FROM term_df LIMIT $1', [limit + 1]);
    return rows.length > limit ? null : new Map(rows.map((r) => [r.term, r.df]));
  }
  *termDfs(terms: readonly string[]): Step<Map<string, number>> {
    const rows = yield* this.rows<{ term: string; df: number }>('tdf', 'SELECT term, df FROM term_df WHERE term = ANY($1::text[])', [terms]);
    return new Map(rows.map((r) => [r.term, r.df]));
  }
  *features(report: string): Step<string | undefined> {
    const [r] = yield* this.rows<{ features: string }>('feat', 'SELECT features FROM report_link WHERE report = $1', [report]);
    return r?.features;
  }
  *featuresMany(reports: readonly string[]): Step<Map<string, string>> {
    const rows = yield* this.rows<{ report: string; features: string }>('featm', 'SELECT report, features FROM report_link WHERE report = ANY($1::text[])', [reports]);
    return new Map(rows.map((r) => [r.report, r.features]));
  }
  *putFeatures(report: string, json: string): Step<void> {
    yield* this.run('pfeat', 'INSERT INTO report_link (report, features) VALUES ($1, $2) ON CONFLICT (report) DO UPDATE SET features = EXCLUDED.features', [report, json]);
  }
  *keyDfs(keys: readonly string[]): Step<Map<string, number>> {
    const rows = yield* this.rows<{ key: string; df: number }>('kdf', 'SELECT key, df FROM key_df WHERE key = ANY($1::text[])', [keys]);
    return new Map(rows.map((r) => [r.key, r.df]));
  }
  *candidates(keys: readonly string[], limit: number): Step<{ report: string; n: number }[]> {
    return yield* this.rows('cand', 'SELECT report, count(*)::int AS n FROM report_keys WHERE key = ANY($1::text[]) GROUP BY report ORDER BY n DESC, report LIMIT $2', [keys, limit]);
  }
  *putKeys(keys: readonly string[], report: string): Step<string[]> {
    if (!keys.length) return [];
    const rows = yield* this.rows<{ key: string }>('pkeys', 'INSERT INTO report_keys (key, report) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING RETURNING key', [keys, report]);
    return rows.map((r) => r.key);
  }
  *bumpKeyDfs(keys: readonly string[]): Step<void> {
    // sorted: two transactions never take the rows' locks in opposite orders
    const sorted = [...new Set(keys)].sort();
    yield* this.run('bkdfs', 'INSERT INTO key_df (key, df) SELECT k, 1 FROM unnest($1::text[]) AS k ON CONFLICT (key) DO UPDATE SET df = key_df.df + 1', [sorted]);
  }
  *edgesOf(report: string): Step<StoredEdge[]> {
    return yield* this.rows('eof', '(SELECT a, b, score, scored FROM report_edges WHERE a = $1) UNION ALL (SELECT a, b, score, scored FROM report_edges WHERE b = $1)', [report]);
  }
  *edgesFrom(a: string): Step<{ b: string; score: number }[]> {
    return yield* this.rows('efrom', 'SELECT b, score FROM report_edges WHERE a = $1', [a]);
  }
  *staleEdges(below: number, limit: number): Step<StoredEdge[]> {
    return yield* this.rows('stale', 'SELECT a, b, score, scored FROM report_edges WHERE scored < $1 ORDER BY scored, a, b LIMIT $2', [below, limit]);
  }
  // eslint-disable-next-line require-yield
  *putEdge(e: StoredEdge): Step<void> {
    this.edgeRow('put', e.a, e.b, `(${this.literal(e.a)}, ${this.literal(e.b)}, ${this.literal(e.score)}::float8, ${this.literal(e.scored)}::int)`);
  }
  // eslint-disable-next-line require-yield
  *setEdge(a: string, b: string, score: number | null, scored: number | null): Step<void> {
    this.edgeRow('set', a, b, `(${this.literal(a)}, ${this.literal(b)}, ${this.literal(score)}::float8, ${this.literal(scored)}::int)`);
  }
  // eslint-disable-next-line require-yield
  *dropEdge(a: string, b: string): Step<void> {
    this.edgeRow('drop', a, b, `(${this.literal(a)}, ${this.literal(b)})`);
  }
  *eventOf(report: string): Step<string | undefined> {
    const [r] = yield* this.rows<{ event: string }>('evof', 'SELECT event FROM reports WHERE id = $1', [report]);
    return r?.event;
  }
  *eventsOf(reports: readonly string[]): Step<Map<string, string>> {
    const rows = yield* this.rows<{ id: string; event: string }>('evsof', 'SELECT id, event FROM reports WHERE id = ANY($1::text[])', [reports]);
    return new Map(rows.map((r) => [r.id, r.event]));
  }
  *members(event: string): Step<string[]> {
    return (yield* this.rows<{ id: string }>('memb', 'SELECT id FROM reports WHERE event = $1', [event])).map((r) => r.id);
  }
  *membersMany(events: readonly string[]): Step<Map<string, string[]>> {
    const out = new Map<string, string[]>(events.map((e) => [e, []]));
    if (!events.length) return out;
    for (const r of yield* this.rows<{ id: string; event: string }>('membm', 'SELECT id, event FROM reports WHERE event = ANY($1::text[])', [events])) out.get(r.event)!.push(r.id);
    return out;
  }
  *reportsWithDocuments(reports: readonly string[]): Step<{ reports: Map<string, string>; documents: Map<string, DocumentInfo> }> {
    const rows = yield* this.rows<DocumentInfo & { id: string; data: string; doc: string; site: string | null; url: string | null }>(
      'rwd',
      'SELECT r.id, r.data, d.id AS doc, d.source, d.published, d.title, d.site, d.url FROM reports r JOIN documents d ON d.id = r.document WHERE r.id = ANY($1::text[])',
      [reports],
    );
    const out = { reports: new Map<string, string>(), documents: new Map<string, DocumentInfo>() };
    for (const d of rows) {
      out.reports.set(d.id, d.data);
      out.documents.set(d.doc, { source: d.source, published: d.published, title: d.title, outlet: outletOf(d) });
    }
    return out;
  }
  // maxKeyDf (link/incremental.ts) in SQL, in double precision as JavaScript computes it
  *usableCandidates(keys: readonly string[], limit: number): Step<{ usable: number; candidates: { report: string; n: number }[] }> {
    const rows = yield* this.rows<{ report: string | null; n: number }>(
      'ucand',
      `WITH lim AS (SELECT least(500, greatest(50, floor(coalesce((SELECT df FROM key_df WHERE key = ''), 0)::float8 * 0.02::float8))) AS l),
         u AS (SELECT DISTINCT k FROM unnest($1::text[]) AS k WHERE coalesce((SELECT df FROM key_df WHERE key = k), 0) <= (SELECT l FROM lim))
       SELECT NULL AS report, (SELECT count(*) FROM unnest($1::text[]) AS k WHERE k IN (SELECT k FROM u))::int AS n
       UNION ALL
       (SELECT report, count(*)::int AS n FROM report_keys WHERE key IN (SELECT k FROM u) GROUP BY report ORDER BY n DESC, report LIMIT $2)`,
      [keys, limit],
    );
    const head = rows.find((r) => r.report === null)!;
    const candidates = rows.filter((r): r is { report: string; n: number } => r.report !== null);
    // as the query ordered them (byte order of ids, COLLATE "C"), whatever order the union kept
    candidates.sort((x, y) => y.n - x.n || (x.report < y.report ? -1 : x.report > y.report ? 1 : 0));
    return { usable: head.n, candidates };
  }
  *putKeysCounted(keys: readonly string[], report: string): Step<void> {
    if (!keys.length) return yield* this.bumpKeyDfs([REPORTS_KEY]);
    // the keys it is new under, and the reports' count (REPORTS_KEY), one each
    yield* this.run(
      'pkeysc',
      `WITH f AS (INSERT INTO report_keys (key, report) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING RETURNING key)
       INSERT INTO key_df (key, df) SELECT k, 1 FROM (SELECT key AS k FROM f UNION SELECT $3) AS s ORDER BY k ON CONFLICT (key) DO UPDATE SET df = key_df.df + 1`,
      [keys, report, REPORTS_KEY],
    );
  }
  *eventsWithMembers(reports: readonly string[]): Step<{ events: Map<string, string>; members: Map<string, string[]> }> {
    const rows = yield* this.rows<{ id: string; event: string; asked: boolean }>(
      'evmem',
      `WITH e AS (SELECT DISTINCT event FROM reports WHERE id = ANY($1::text[]) AND event <> '')
       SELECT id, event, id = ANY($1::text[]) AS asked FROM reports WHERE id = ANY($1::text[]) OR event IN (SELECT event FROM e)`,
      [reports],
    );
    const events = new Map<string, string>();
    const members = new Map<string, string[]>();
    for (const r of rows) if (r.asked) events.set(r.id, r.event);
    for (const e of events.values()) if (e) members.set(e, []);
    for (const r of rows) members.get(r.event)?.push(r.id);
    return { events, members };
  }
  *eventAges(events: readonly string[]): Step<Map<string, number>> {
    if (!events.length) return new Map();
    const rows = yield* this.rows<{ id: string; seq: number }>('eagem', 'SELECT id, seq::float8 AS seq FROM events WHERE id = ANY($1::text[])', [events]);
    return new Map(rows.map((r) => [r.id, r.seq]));
  }
  *documentsInfo(documents: readonly string[]): Step<Map<string, DocumentInfo>> {
    const rows = yield* this.rows<DocumentInfo & { id: string; site: string | null; url: string | null }>('dinfom', 'SELECT id, source, published, title, site, url FROM documents WHERE id = ANY($1::text[])', [documents]);
    return new Map(rows.map((d) => [d.id, { source: d.source, published: d.published, title: d.title, outlet: outletOf(d) }]));
  }
  *eventAge(event: string): Step<number | undefined> {
    const [r] = yield* this.rows<{ seq: number }>('eage', 'SELECT seq::float8 AS seq FROM events WHERE id = $1', [event]);
    return r?.seq;
  }
  *eventExists(event: string): Step<boolean> {
    return (yield* this.rows('eex', 'SELECT 1 FROM events WHERE id = $1', [event])).length > 0;
  }
  *reportsData(reports: readonly string[]): Step<Map<string, string>> {
    const rows = yield* this.rows<{ id: string; data: string }>('rdata', 'SELECT id, data FROM reports WHERE id = ANY($1::text[])', [reports]);
    return new Map(rows.map((r) => [r.id, r.data]));
  }
  documentInfoOf(d: Document): DocumentInfo {
    // as `documentInfo` reads the stored row (NULL as null)
    return { source: d.source, published: d.published ?? null, title: d.title ?? null, outlet: outletOf(d) };
  }
  *documentInfo(document: string): Step<DocumentInfo> {
    const [d] = yield* this.rows<DocumentInfo & { site: string | null; url: string | null }>('dinfo', 'SELECT source, published, title, site, url FROM documents WHERE id = $1', [document]);
    // the outlet a report is named by (not a file path), as on SQLite
    return { source: d.source, published: d.published, title: d.title, outlet: outletOf(d) };
  }
  *setReportEvent(report: string, event: string): Step<void> {
    yield* this.run('srev', 'UPDATE reports SET event = $2 WHERE id = $1', [report, event]);
  }
  *setPrimaryOf(report: string, event: string): Step<void> {
    yield* this.run('sprim', 'UPDATE documents SET primary_event = $2 WHERE id = (SELECT document FROM reports WHERE id = $1 AND idx = 0)', [report, event]);
  }
  *setDocumentPrimary(document: string, event: string): Step<void> {
    yield* this.run('sdprim', 'UPDATE documents SET primary_event = $2 WHERE id = $1', [document, event]);
  }
  *removeEvent(event: string): Step<void> {
    yield* this.run('rmev', 'DELETE FROM events WHERE id = $1', [event]);
  }
  *putEvent(r: EventRow): Step<void> {
    yield* this.run(
      'pev',
      `INSERT INTO events (id, data, sort_date, date_start, date_end, country, lat, lon, category, type, disputed, n_reports, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
       ON CONFLICT (id) DO UPDATE SET data=EXCLUDED.data, sort_date=EXCLUDED.sort_date, date_start=EXCLUDED.date_start, date_end=EXCLUDED.date_end,
         country=EXCLUDED.country, lat=EXCLUDED.lat, lon=EXCLUDED.lon, category=EXCLUDED.category, type=EXCLUDED.type, disputed=EXCLUDED.disputed,
         n_reports=EXCLUDED.n_reports, updated_at=EXCLUDED.updated_at`,
      [r.id, r.data, r.sort, r.ds, r.de, r.cc, r.lat, r.lon, r.cat, r.type, r.disp === 1, r.n, r.now],
    );
  }
}

/**
 * A string as an SQL literal, as pg's escapeLiteral writes it (quotes and backslashes doubled, E''
 * when there is a backslash; the server runs with standard_conforming_strings, its default), by
 * the regular-expression engine rather than a loop over characters: documents' texts go out this way.
 */
export function escapeLiteral(s: string): string {
  const quoted = s.replace(/'/g, "''");
  return s.includes('\\') ? ` E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

/** A document to store, as `ingest` takes it. */
interface Item {
  doc: Document;
  reports: readonly Report[];
  spans: readonly unknown[] | null;
  site: SiteVotes | null;
}

/** An open batch (see `PgStore.beginBatch`). */
interface Batch {
  client: Client;
  /** The documents it stored, in order. */
  docs: Item[];
  /** Its transaction was begun (BEGIN and the lock sent). */
  begun: boolean;
}

const ignore = () => {};

/** Errors of the server or the connection, named by where they came from, on one line. */
function named(url: string, e: unknown): Error {
  const msg = ((e as Error)?.message || String((e as { code?: string })?.code ?? e)).split('\n')[0];
  return new Error(`${describeUrl(url)}: ${msg}`);
}

export class PgStore {
  readonly kind = 'postgres';
  private readonly graph = new PgGraph();
  private readonly linker = new Linker(this.graph);
  private readonly profiles = new ProfileCache();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  /** Connects (bounded wait), runs missing migrations; a server that is down or refuses is a one-line error. */
  static async open(url: string): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000, idleTimeoutMillis: 10_000 });
    // an idle connection the server dropped (a restart) is an error event on the pool: the next query reconnects
    pool.on('error', () => {});
    const store = new PgStore(pool, url);
    try {
      await store.migrate();
    } catch (e) {
      await pool.end().catch(() => {});
      throw named(url, e);
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS sitrep_schema (version INTEGER NOT NULL)');
      const { rows } = await c.query('SELECT max(version) AS v FROM sitrep_schema');
      for (let v = (rows[0]?.v as number | null) ?? 0; v < MIGRATIONS.length; v++) {
        await c.query('BEGIN');
        await c.query(MIGRATIONS[v]);
        await c.query('INSERT INTO sitrep_schema VALUES ($1)', [v + 1]);
        await c.query('COMMIT');
      }
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => {});
      c.release();
    }
  }

  /** One query, retried once on a connection the server dropped (a restart, a terminated backend). */
  private async q<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.pool.query(text, values)).rows as T[];
      } catch (e) {
        if (attempt < 3 && isConnectionLoss(e)) {
          await sleep(200 * 2 ** attempt);
          continue;
        }
        throw named(this.url, e);
      }
    }
  }

  /** Closes the store, committing an open batch first (see `beginBatch`). */
  async close(): Promise<void> {
    try {
      await this.commitBatch();
    } finally {
      await this.pool.end();
    }
  }

  /** The ids `hasDocument` was asked about in this turn of the event loop, answered together. */
  private asked: { ids: Set<string>; stored: Promise<Set<string>> } | null = null;

  /**
   * Whether a document is stored (committed). Calls made in the same turn of the event loop
   * (`sitrep ingest` asks for each document it reads, several ahead) share one query.
   */
  async hasDocument(id: string): Promise<boolean> {
    if (!this.asked) {
      const ids = new Set<string>();
      const stored = new Promise<void>((r) => setImmediate(r)).then(async () => {
        this.asked = null;
        return new Set((await this.q<{ id: string }>('SELECT id FROM documents WHERE id = ANY($1::text[])', [[...ids]])).map((r) => r.id));
      });
      this.asked = { ids, stored };
    }
    this.asked.ids.add(id);
    return (await this.asked.stored).has(id);
  }

  async documentCount(): Promise<number> {
    return (await this.q<{ n: number }>("SELECT n::int AS n FROM counters WHERE name = 'documents'"))[0].n;
  }

  /**
   * Stores one document with its reports and links them in one transaction under the linking
   * lock; a document already stored changes nothing. A connection lost on the way (server
   * restart) rolls the transaction back on the server; the document is tried again on a new one.
   * Inside a batch (`beginBatch`) the document joins the batch's transaction instead.
   */
  async ingest(doc: Document, reports: readonly Report[], spans: readonly unknown[] | null = null, site: SiteVotes | null = null): Promise<StoreResult> {
    const item: Item = { doc, reports, spans, site };
    if (this.batching) return this.ingestInBatch(item);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.ingestOnce(item);
      } catch (e) {
        this.linker.forget();
        this.profiles.clear();
        if (attempt < 5 && isConnectionLoss(e)) {
          await sleep(250 * 2 ** attempt);
          continue;
        }
        throw named(this.url, e);
      }
    }
  }

  /**
   * The statement that stores a document with its reports, its terms counted and what it teaches
   * its site's profile, each written only when the document is new (ON CONFLICT: the caller holds
   * the linking lock, so no other transaction stores it meanwhile), and returns whether it was
   * new, the document counter and the site's count: one statement, one round trip, where there
   * were six. Values are written in as literals so it can share a query with other statements.
   */
  private storeStatement({ doc, reports, spans, site }: Item): string {
    const g = this.graph;
    const parts = [
      `d AS (${g.inline('INSERT INTO documents (id, source, url, title, published, author, site, lang, text, ingested_at, spans) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (id) DO NOTHING RETURNING id', [
        doc.id,
        doc.source,
        doc.url,
        doc.title,
        doc.published,
        doc.author,
        doc.site,
        doc.lang,
        doc.text,
        new Date().toISOString(),
        spans ? JSON.stringify(spans) : null,
      ])})`,
      "c AS (UPDATE counters SET n = n + 1 WHERE name = 'documents' AND EXISTS (SELECT 1 FROM d) RETURNING n)",
    ];
    if (site) {
      // counted with the new document only: a re-ingested one inserts nothing above
      parts.push(`sp AS (${g.inline('INSERT INTO site_profiles (site, documents) SELECT $1, 1 FROM d ON CONFLICT (site) DO UPDATE SET documents = site_profiles.documents + 1 RETURNING documents', [site.site])})`);
      const keys = [...new Set(site.votes)].sort();
      if (keys.length) parts.push(`spl AS (${g.inline('INSERT INTO site_places (site, key, documents) SELECT $1, k, 1 FROM d, unnest($2::text[]) AS k ON CONFLICT (site, key) DO UPDATE SET documents = site_places.documents + 1', [site.site, keys])})`);
    }
    const terms = [...countedTerms(reports)].sort();
    if (terms.length) parts.push(`t AS (${g.inline('INSERT INTO term_df (term, df) SELECT k, 1 FROM d, unnest($1::text[]) AS k ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1', [terms])})`);
    if (reports.length) {
      parts.push(
        `r AS (${g.inline('INSERT INTO reports (id, document, idx, event, data) SELECT u.* FROM d, unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) AS u', [
          reports.map((r) => r.id),
          reports.map((r) => r.document),
          reports.map((r) => r.index),
          reports.map(() => ''),
          reports.map((r) => JSON.stringify(r)),
        ])})`,
      );
    }
    return `WITH ${parts.join(',\n')}\nSELECT (SELECT count(*) FROM d)::int AS stored, (SELECT n FROM c)::int AS n${site ? ', (SELECT documents FROM sp)::int AS site_docs' : ''}`;
  }

  /**
   * Stores and links one document on `c`, in its open transaction (begun here when `begin`: the
   * BEGIN and the lock go out with the document's statement). Writes linking leaves queued
   * (PgGraph.pending) go out with the next query on `c`.
   */
  private async storeOne(c: Client, item: Item, begin: boolean): Promise<{ res: StoreResult; before: number }> {
    const g = this.graph;
    g.client = c;
    if (begin) {
      g.queue('BEGIN');
      g.queue(`SELECT pg_advisory_xact_lock(${LINK_LOCK})`);
    }
    const [r] = await g.send<{ stored: number; n: number | null; site_docs?: number | null }>(this.storeStatement(item));
    if (!r.stored) return { res: { stored: false, events: [] }, before: 0 };
    g.count = r.n;
    try {
      const events = await runAsync(this.linker.link(item.doc, item.reports));
      return { res: { stored: true, events }, before: (r.site_docs ?? 1) - 1 };
    } finally {
      g.count = null;
    }
  }

  private async ingestOnce(item: Item): Promise<StoreResult> {
    const c = await this.pool.connect();
    // a connection the server cuts mid-transaction errors here as well as in the query: the query's error is the one handled
    c.on('error', ignore);
    let broken = false;
    try {
      const { res, before } = await this.storeOne(c, item, true);
      // the queued writes and the commit: one round trip
      await this.graph.send('COMMIT');
      if (res.stored && item.site) this.profiles.counted(item.site.site, before, item.site.votes);
      return res;
    } catch (e) {
      broken = isConnectionLoss(e);
      this.graph.reset();
      if (!broken) await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      this.graph.client = null;
      this.graph.reset();
      c.off('error', ignore);
      c.release(broken);
    }
  }

  /** `beginBatch` was called and `commitBatch` not yet: documents join `batch`. */
  private batching = false;
  /** The open batch: its connection, in a transaction holding the linking lock, and its documents so far. */
  private batch: Batch | null = null;

  /**
   * Stores the next documents in one transaction, until `commitBatch` (as the SQLite store's
   * batches): BEGIN, the lock and COMMIT once for the batch instead of once a document, and the
   * writes linking leaves queued go out with the next document's statement. The lock is held
   * for the batch (`sitrep ingest` commits every few dozen documents or half second): other
   * processes link between batches. A `kill -9` (or a server that goes away for good) loses the
   * open batch's documents, whole, and the next run stores them: still every document once. A
   * lost connection is met by storing the batch's documents again, in order, on a new one (the
   * same documents in the same order link the same way). A document that fails otherwise rolls
   * the batch back; its earlier documents are stored again and it alone fails.
   * Readers (other connections) see the store as of the last commit.
   */
  beginBatch(): void {
    this.batching = true;
  }

  /** Commits the open batch (nothing when none is open). */
  async commitBatch(): Promise<void> {
    this.batching = false;
    for (let attempt = 0; ; attempt++) {
      const b = this.batch;
      if (!b) return;
      try {
        this.graph.client = b.client;
        await this.graph.send('COMMIT');
        this.batch = null;
        this.graph.client = null;
        b.client.off('error', ignore);
        b.client.release();
        return;
      } catch (e) {
        const lost = isConnectionLoss(e);
        const docs = await this.dropBatch(lost);
        // whether the server committed before the connection went is not known: storing the
        // documents again stores those it did not (a stored one changes nothing)
        if (lost && attempt < 5) {
          await sleep(250 * 2 ** attempt);
          try {
            await this.openBatch(docs);
          } catch (e2) {
            await this.dropBatch(isConnectionLoss(e2));
            if (!isConnectionLoss(e2)) throw named(this.url, e2);
          }
          continue;
        }
        throw named(this.url, e);
      }
    }
  }

  /** Opens a batch's transaction on a new connection and stores `docs` in it again, in order. */
  private async openBatch(docs: readonly Item[]): Promise<Batch> {
    const client = await this.pool.connect();
    client.on('error', ignore);
    const b: Batch = { client, docs: [], begun: false };
    this.batch = b;
    for (const item of docs) await this.storeInBatch(b, item);
    return b;
  }

  private async storeInBatch(b: Batch, item: Item): Promise<StoreResult> {
    const { res, before } = await this.storeOne(b.client, item, !b.begun);
    b.begun = true;
    if (res.stored) {
      b.docs.push(item);
      if (item.site) this.profiles.counted(item.site.site, before, item.site.votes);
    }
    return res;
  }

  /** Ends the open batch: rolled back (gone with the connection when that was lost) and its connection released; returns its documents. */
  private async dropBatch(lost: boolean): Promise<Item[]> {
    const b = this.batch;
    this.batch = null;
    this.graph.reset();
    this.graph.client = null;
    this.linker.forget();
    this.profiles.clear();
    if (!b) return [];
    if (!lost) await b.client.query('ROLLBACK').catch(() => {});
    b.client.off('error', ignore);
    b.client.release(lost);
    return b.docs;
  }

  private async ingestInBatch(item: Item): Promise<StoreResult> {
    // the batch's earlier documents, to store again when the batch had to be opened anew
    let replay: Item[] | null = null;
    for (let attempt = 0; ; attempt++) {
      try {
        const b = this.batch ?? (await this.openBatch(replay ?? []));
        replay = null;
        const res = await this.storeInBatch(b, item);
        // stored before (by another process, or earlier in this batch): the caller reads what is
        // stored on other connections, which see it once committed
        if (!res.stored) {
          await this.commitBatch();
          this.batching = true;
        }
        return res;
      } catch (e) {
        const lost = isConnectionLoss(e);
        const held = await this.dropBatch(lost);
        replay ??= held;
        if (lost && attempt < 5) {
          await sleep(250 * 2 ** attempt);
          continue;
        }
        // this document fails alone: the batch's earlier ones are stored again, in a batch of their own
        if (replay.length) {
          try {
            await this.openBatch(replay);
          } catch (e2) {
            await this.dropBatch(isConnectionLoss(e2));
          }
        }
        throw named(this.url, e);
      }
    }
  }

  async getEvent(id: string): Promise<Event | null> {
    const [r] = await this.q<{ data: string }>('SELECT data FROM events WHERE id = $1', [id]);
    return r ? (JSON.parse(r.data) as Event) : null;
  }

  /** Events newest first, filtered; `q` is full text over the documents (as the SQLite store). */
  async events(f: EventFilters = {}): Promise<{ events: Event[]; next: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.since) where.push(`COALESCE(date_end, sort_date) >= ${p(f.since)}`);
    if (f.until) where.push(`COALESCE(date_start, sort_date) <= ${p(f.until)}`);
    if (f.type) where.push(`(type = ${p(f.type)} OR category = ${p(f.type)})`);
    if (f.country) where.push(`country = ${p(f.country.toUpperCase())}`);
    if (f.disputed) where.push('disputed');
    if (f.bbox) where.push(`lat BETWEEN ${p(f.bbox.south)} AND ${p(f.bbox.north)} AND lon BETWEEN ${p(f.bbox.west)} AND ${p(f.bbox.east)}`);
    if (f.near) {
      const dLat = f.near.km / 111;
      const dLon = f.near.km / (111 * Math.max(0.05, Math.cos((f.near.lat * Math.PI) / 180)));
      where.push(`lat BETWEEN ${p(f.near.lat - dLat)} AND ${p(f.near.lat + dLat)} AND lon BETWEEN ${p(f.near.lon - dLon)} AND ${p(f.near.lon + dLon)}`);
      // the great-circle distance in the query, before LIMIT (as haversineKm): filtered after it, pages came back short
      const la = p(f.near.lat);
      const lo = p(f.near.lon);
      where.push(
        `12742 * asin(sqrt(least(1, power(sin(radians(lat - ${la}) / 2), 2) + cos(radians(${la})) * cos(radians(lat)) * power(sin(radians(lon - ${lo}) / 2), 2)))) <= ${p(f.near.km)}`,
      );
    }
    if (f.q !== undefined) {
      const q = safeTsQuery(f.q);
      if (!q) throw new UsageError(`--q: nothing to search for in ${JSON.stringify(f.q)}`);
      where.push(`id IN (SELECT r.event FROM documents d JOIN reports r ON r.document = d.id WHERE d.tsv @@ to_tsquery('simple', ${p(q)}))`);
    }
    if (f.cursor) {
      const [sd, cid] = decodeCursor(f.cursor);
      where.push(`(COALESCE(sort_date, '') < ${p(sd)} OR (COALESCE(sort_date, '') = ${p(sd)} AND id > ${p(cid)}))`);
    }
    const limit = Math.max(1, Math.min(f.limit ?? 100, 100_000));
    const sql = `SELECT id, data, sort_date, lat, lon FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY COALESCE(sort_date, '') DESC, id LIMIT ${p(limit + 1)}`;
    const rows = await this.q<{ id: string; data: string; sort_date: string | null; lat: number | null; lon: number | null }>(sql, params);
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? encodeCursor(page[page.length - 1].sort_date ?? '', page[page.length - 1].id) : null;
    return { events: page.map((r) => JSON.parse(r.data) as Event), next };
  }

  async documents(): Promise<(DocumentRow & { events: string[] })[]> {
    const docs = await this.q<DocumentRow>('SELECT id, source, url, title, published, author, site, lang, ingested_at, primary_event FROM documents ORDER BY seq');
    const evs = await this.q<{ document: string; event: string }>('SELECT document, event FROM reports ORDER BY document, idx');
    const by = new Map<string, string[]>();
    for (const e of evs) {
      const l = by.get(e.document) ?? [];
      if (!l.includes(e.event)) l.push(e.event);
      by.set(e.document, l);
    }
    return docs.map((d) => ({ ...d, events: by.get(d.id) ?? [] }));
  }

  async feedState(url: string): Promise<FeedState | null> {
    const [r] = await this.q<FeedState>('SELECT url, etag, last_modified, last_polled, last_status, failures, next_poll FROM feeds WHERE url = $1', [url]);
    return r ?? null;
  }

  async saveFeedState(s: FeedState): Promise<void> {
    await this.q(
      `INSERT INTO feeds (url, etag, last_modified, last_polled, last_status, failures, next_poll) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (url) DO UPDATE SET etag=$2, last_modified=$3, last_polled=$4, last_status=$5, failures=$6, next_poll=$7`,
      [s.url, s.etag, s.last_modified, s.last_polled, s.last_status, s.failures, s.next_poll],
    );
  }

  async hasFeedItem(feed: string, item: string): Promise<boolean> {
    return (await this.q('SELECT 1 FROM feed_items WHERE feed = $1 AND item = $2', [feed, item])).length > 0;
  }

  async addFeedItem(feed: string, item: string, document: string | null): Promise<void> {
    await this.q('INSERT INTO feed_items (feed, item, document, seen_at) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING', [feed, item, document, new Date().toISOString()]);
  }

  /** A feed item that failed before (by its link), or null. */
  async failedItem(item: string): Promise<FailedItem | null> {
    const [r] = await this.q<FailedItem>('SELECT item, failures, reason, last_failed, next_try FROM failed_items WHERE item = $1', [item]);
    return r ?? null;
  }

  async saveFailedItem(f: FailedItem): Promise<void> {
    await this.q(
      'INSERT INTO failed_items (item, failures, reason, last_failed, next_try) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (item) DO UPDATE SET failures = EXCLUDED.failures, reason = EXCLUDED.reason, last_failed = EXCLUDED.last_failed, next_try = EXCLUDED.next_try',
      [f.item, f.failures, f.reason, f.last_failed, f.next_try],
    );
  }

  async clearFailedItem(item: string): Promise<void> {
    await this.q('DELETE FROM failed_items WHERE item = $1', [item]);
  }

  async documentEvents(id: string): Promise<string[]> {
    const rows = await this.q<{ event: string }>('SELECT event FROM reports WHERE document = $1 ORDER BY idx', [id]);
    return [...new Set(rows.map((r) => r.event))];
  }

  async getDocument(id: string): Promise<(DocumentRow & { text: string; reports: Report[] }) | null> {
    const [d] = await this.q<DocumentRow & { text: string }>('SELECT id, source, url, title, published, author, site, lang, ingested_at, primary_event, text FROM documents WHERE id = $1', [id]);
    if (!d) return null;
    const reports = (await this.q<{ data: string }>('SELECT data FROM reports WHERE document = $1 ORDER BY idx', [id])).map((r) => JSON.parse(r.data) as Report);
    return { ...d, reports };
  }

  /** Where a site reports, as its stored documents taught; null for a site never seen. */
  async siteProfile(site: string): Promise<SiteProfile | null> {
    const [r] = await this.q<{ documents: number }>('SELECT documents FROM site_profiles WHERE site = $1', [site]);
    if (!r) return null;
    // another process's document changes the count, and the cached profile is read afresh
    const cached = this.profiles.get(site, r.documents);
    if (cached) return cached;
    const p = profileOf(site, r.documents, await this.q<{ key: string; documents: number }>('SELECT key, documents FROM site_places WHERE site = $1', [site]))!;
    this.profiles.put(p);
    return p;
  }

  /** Every site's profile, the most documents first. */
  async siteProfiles(): Promise<SiteProfile[]> {
    const sites = await this.q<{ site: string; documents: number }>('SELECT site, documents FROM site_profiles ORDER BY documents DESC, site');
    const rows = await this.q<{ site: string; key: string; documents: number }>('SELECT site, key, documents FROM site_places');
    const by = new Map<string, { key: string; documents: number }[]>();
    for (const r of rows) (by.get(r.site) ?? by.set(r.site, []).get(r.site)!).push(r);
    return sites.map((s) => profileOf(s.site, s.documents, by.get(s.site) ?? [])!);
  }

  /** The spans stored at ingest; null for a document stored before they were. */
  async documentSpans(id: string): Promise<unknown[] | null> {
    const [r] = await this.q<{ spans: string | null }>('SELECT spans FROM documents WHERE id = $1', [id]);
    return r?.spans ? (JSON.parse(r.spans) as unknown[]) : null;
  }
}

/** A connection the server or the network dropped: worth a new connection, not a failure of the document. */
export function isConnectionLoss(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  const msg = (e as Error)?.message ?? '';
  // 57P01 admin_shutdown (restart, pg_terminate_backend), 57P02/57P03 crash/cannot connect now, 08xxx connection exceptions
  return /^(?:57P0[123]|08\d{3})$/.test(code) || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(code) || /Connection terminated|connection .*(?:closed|ended)|Client has encountered a connection error/i.test(msg);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function encodeCursor(sortDate: string, id: string): string {
  return Buffer.from(JSON.stringify([sortDate, id])).toString('base64url');
}

function decodeCursor(c: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw new UsageError('invalid cursor');
}
