/**
 * The only code that knows SQLite. WAL so readers never wait for the writer; a busy timeout so
 * two writers take turns; one IMMEDIATE transaction per document holding the document, its
 * reports, the events they join and the full-text entry — a crash leaves whole documents only.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Document, Event, Report, SiteProfile } from '../model/index.js';
import { haversineKm } from '../link/compatible.js';
import { Linker } from './linking.js';
import { MIGRATIONS } from './schema.js';
import { ProfileCache } from './profile-cache.js';
import { preparedOnce } from './prepared.js';

export type DB = Database.Database;

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Opens the store. `readonly` (the reading commands) never creates, migrates or repairs: a mistyped
 * `--db` is an error naming the path, not a new empty database. Every open error names the file.
 */
export function openStore(path: string, opts: { readonly?: boolean } = {}): Store {
  let db: DB;
  try {
    if (opts.readonly && path !== ':memory:' && !existsSync(path)) throw new UsageError(`${path}: no such database (sitrep ingest creates one)`);
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new Error(`${path}: ${(e as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 30000');
    // reads the file's header now: a file that is no database is refused here, under its name
    db.pragma('schema_version');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    }
    const store = new Store(db);
    if (!opts.readonly) {
      store.backfill();
      store.repair();
    }
    return store;
  } catch (e) {
    db.close();
    if (e instanceof UsageError) throw e;
    throw Object.assign(new Error(`${path}: ${(e as Error).message}`), { code: (e as { code?: string }).code });
  }
}

function migrate(db: DB): void {
  // IMMEDIATE: two processes opening a new database at once must not both create the tables
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}

export interface EventFilters {
  since?: string;
  until?: string;
  type?: string;
  country?: string;
  near?: { lat: number; lon: number; km: number };
  bbox?: { west: number; south: number; east: number; north: number };
  q?: string;
  disputed?: boolean;
  limit?: number;
  /** Opaque position after which to continue (from a previous page). */
  cursor?: string;
}

/** A stored document without its text, as listings show it. */
export type DocumentRow = Omit<Document, 'text'> & { ingested_at: string; primary_event: string | null };

/** What `sitrep watch` keeps about one feed between polls and restarts. */
export interface FeedState {
  url: string;
  etag: string | null;
  last_modified: string | null;
  /** ISO instant of the last poll. */
  last_polled: string | null;
  /** `200`, `304`, `503`, or a `fetch:*` rule for a failure without a status. */
  last_status: string | null;
  /** Failed polls in a row: the back-off exponent. */
  failures: number;
  /** ISO instant before which the feed is not polled (back-off, Retry-After). */
  next_poll: string | null;
}

/** A feed item whose page could not be read, and when to try it again. */
export interface FailedItem {
  /** The item's link (or `feed#id`). */
  item: string;
  failures: number;
  reason: string;
  last_failed: string;
  /** ISO instant before which it is not tried again; null once given up. */
  next_try: string | null;
}

export interface StoreResult {
  stored: boolean;
  events: string[];
}

/** What a new document adds to its site's profile: the site (`siteOf`) and its votes (`documentVotes`). */
export interface SiteVotes {
  site: string;
  votes: readonly string[];
}

/** A site's profile from its rows: null when the site has none. */
export function profileOf(site: string, documents: number | null | undefined, rows: readonly { key: string; documents: number }[]): SiteProfile | null {
  if (!documents) return null;
  const places: Record<string, number> = {};
  for (const r of rows) places[r.key] = Number(r.documents);
  return { site, documents: Number(documents), places };
}

/** Turns what a user typed into an FTS5 query that cannot fail: words as quoted terms, `*` kept as prefix. */
export function safeFtsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}_]+\*?/gu) ?? [];
  const terms = words.filter((w) => !/^(?:AND|OR|NOT|NEAR)$/.test(w)).map((w) => (w.endsWith('*') ? `"${w.slice(0, -1)}"*` : `"${w}"`));
  return terms.length ? terms.join(' ') : null;
}

export class Store {
  private readonly linker: Linker;
  private readonly profiles = new ProfileCache();
  /** `ingest`'s transaction, made once with its statements: preparing them anew was a third of a document with no report. */
  private readonly ingestTx: Database.Transaction<(doc: Document, reports: readonly Report[], spans: readonly unknown[] | null, site: SiteVotes | null) => StoreResult>;
  private readonly sql: (text: string) => Database.Statement;
  /**
   * Full-text rows of the open batch's documents, written just before it commits (see `beginBatch`).
   * FTS5 writes out what it holds at every savepoint and release, so one row a document's savepoint
   * made a segment of each document and kept merging them: ~0.15 ms a document in the savepoint
   * statements alone. Null outside a batch (each document's row goes in with it).
   */
  private pendingText: { rowid: number | bigint; title: string; text: string }[] | null = null;

  constructor(readonly db: DB) {
    this.linker = new Linker(db);
    this.sql = preparedOnce(db);
    this.ingestTx = db.transaction((doc: Document, reports: readonly Report[], spans: readonly unknown[] | null, site: SiteVotes | null) => this.storeOne(doc, reports, spans, site));
    // the distance filter runs in the query, before LIMIT: filtered after it, pages came back short or empty
    db.function('sitrep_km', { deterministic: true }, (lat1, lon1, lat2, lon2) =>
      lat2 === null || lon2 === null ? null : haversineKm(lat1 as number, lon1 as number, lat2 as number, lon2 as number),
    );
  }

  /** Closes the store, committing an open batch first (see `beginBatch`). */
  close(): void {
    this.commitBatch();
    this.db.close();
  }

  /**
   * Stores the next documents in one transaction, until `commitBatch`; each document still gets its
   * own savepoint inside it, so one that fails is undone alone. A commit writes every page a
   * document touched (term counts, linking keys and pairs, events, their indexes: ~50 pages of WAL
   * a document on ECB+ dev, most of them the same few pages again); in a batch those are written
   * once. `sitrep ingest` commits every few dozen documents or half second and before it exits
   * (a signal too). A `kill -9` loses the open batch's documents, whole, and the next run stores
   * them: still every document once. Readers (WAL) see the store as of the last commit.
   */
  beginBatch(): void {
    if (this.db.inTransaction) return;
    // a savepoint keeps the pages its document first changes in a sub-journal, a temporary file by
    // default: in memory it costs a copy, not a write (one document's pages, ~1 MB at most)
    this.db.pragma('temp_store = MEMORY');
    this.sql('BEGIN IMMEDIATE').run();
    this.pendingText = [];
  }

  /** Commits the batch `beginBatch` opened (nothing when none is open). */
  commitBatch(): void {
    const pending = this.pendingText;
    this.pendingText = null;
    if (!this.db.inTransaction) return;
    try {
      // the batch's full text, in document order, in the batch's transaction: committed with its documents or not at all
      const fts = this.sql('INSERT INTO documents_fts (rowid, title, text) VALUES (?,?,?)');
      for (const d of pending ?? []) fts.run(d.rowid, d.title, d.text);
      this.sql('COMMIT').run();
    } catch (e) {
      // nothing of the batch is stored: what the linker counted and cached is ahead of the tables
      if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
      this.linker.core.forget();
      this.profiles.clear();
      throw e;
    }
  }

  hasDocument(id: string): boolean {
    return !!this.sql('SELECT 1 FROM documents WHERE id = ?').get(id);
  }

  documentCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  }

  /**
   * Stores one document with its reports and links them, all in one transaction. A document
   * already stored (same normalised text) changes nothing, its site's profile included: `site`
   * (its site and what it teaches the site's profile) is counted only with a new document.
   */
  ingest(doc: Document, reports: readonly Report[], spans: readonly unknown[] | null = null, site: SiteVotes | null = null): StoreResult {
    const pending = this.pendingText?.length ?? 0;
    try {
      return this.ingestTx.immediate(doc, reports, spans, site);
    } catch (e) {
      // its site's count went back with it, and so does its full-text row; what the linker counted
      // and cached for it may be ahead of the tables (a failure after linking: the count does not tell)
      this.profiles.clear();
      this.linker.core.forget();
      if (this.pendingText) this.pendingText.length = pending;
      throw e;
    }
  }

  /** `ingest`'s transaction body. */
  private storeOne(doc: Document, reports: readonly Report[], spans: readonly unknown[] | null, site: SiteVotes | null): StoreResult {
    if (this.hasDocument(doc.id)) return { stored: false, events: [] };
    const now = new Date().toISOString();
    const info = this.sql('INSERT INTO documents (id, source, url, title, published, author, site, lang, text, ingested_at, spans) VALUES (?,?,?,?,?,?,?,?,?,?,?)')
      .run(doc.id, doc.source, doc.url, doc.title, doc.published, doc.author, doc.site, doc.lang, doc.text, now, spans ? JSON.stringify(spans) : null);
    const seenTerms = new Set<string>();
    for (const r of reports) for (const t of Object.keys(r.features.terms)) seenTerms.add(t);
    for (const r of reports) for (const n of r.features.names) seenTerms.add(`n:${n}`);
    // one statement for the document's few hundred terms, not one call each ("WHERE true": SQLite's upsert after a SELECT)
    if (seenTerms.size) this.sql('INSERT INTO term_df (term, df) SELECT value, 1 FROM json_each(?) WHERE true ON CONFLICT(term) DO UPDATE SET df = df + 1').run(JSON.stringify([...seenTerms]));
    const insertReport = this.sql("INSERT INTO reports (id, document, idx, event, data) VALUES (?,?,?,'',?)");
    for (const r of reports) insertReport.run(r.id, r.document, r.index, JSON.stringify(r));
    if (site) this.countSiteVotes(site);
    const events = this.linker.link(doc, reports);
    // last, once nothing of the document can fail before its savepoint is released (see `pendingText`)
    if (this.pendingText) this.pendingText.push({ rowid: info.lastInsertRowid, title: doc.title ?? '', text: doc.text });
    else this.sql('INSERT INTO documents_fts (rowid, title, text) VALUES (?,?,?)').run(info.lastInsertRowid, doc.title ?? '', doc.text);
    return { stored: true, events };
  }

  private hasProfiles(): boolean {
    return !!this.sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'site_profiles'").get();
  }

  private countSiteVotes({ site, votes }: SiteVotes): void {
    const before = (this.sql('SELECT documents FROM site_profiles WHERE site = ?').pluck().get(site) as number | undefined) ?? 0;
    this.sql('INSERT INTO site_profiles (site, documents) VALUES (?, 1) ON CONFLICT(site) DO UPDATE SET documents = documents + 1').run(site);
    const upsert = this.sql('INSERT INTO site_places (site, key, documents) VALUES (?, ?, 1) ON CONFLICT(site, key) DO UPDATE SET documents = documents + 1');
    for (const k of new Set(votes)) upsert.run(site, k);
    this.profiles.counted(site, before, votes);
  }

  /** Where a site reports, as its stored documents taught (null for a site never seen). */
  siteProfile(site: string): SiteProfile | null {
    // a store opened read-only before migration 8 has learned nothing yet
    if (!this.hasProfiles()) return null;
    const n = this.sql('SELECT documents FROM site_profiles WHERE site = ?').pluck().get(site) as number | undefined;
    if (!n) return null;
    const cached = this.profiles.get(site, n);
    if (cached) return cached;
    const p = profileOf(site, n, this.sql('SELECT key, documents FROM site_places WHERE site = ?').all(site) as { key: string; documents: number }[])!;
    this.profiles.put(p);
    return p;
  }

  /** Every site's profile, the most documents first (`sitrep sites`). */
  siteProfiles(): SiteProfile[] {
    if (!this.hasProfiles()) return [];
    const sites = this.sql('SELECT site, documents FROM site_profiles ORDER BY documents DESC, site').all() as { site: string; documents: number }[];
    return sites.map((s) => this.siteProfile(s.site)!).filter(Boolean);
  }

  /** Indexes for linking the reports of a store made before report-level linking (see Linker.backfill). */
  backfill(): void {
    const missing = this.db.prepare('SELECT EXISTS (SELECT 1 FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_link l WHERE l.report = r.id))').pluck().get();
    if (missing) this.db.transaction(() => this.linker.backfill()).immediate();
  }

  /** Gives reports that point at a vanished event their event again (see Linker.repair); returns how many there were. */
  repair(): number {
    const dangling = this.db.prepare("SELECT id FROM reports r WHERE r.event <> '' AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = r.event) ORDER BY id").pluck().all() as string[];
    if (!dangling.length) return 0;
    return this.db.transaction(() => this.linker.repair(dangling)).immediate();
  }

  getEvent(id: string): Event | null {
    const raw = this.db.prepare('SELECT data FROM events WHERE id = ?').pluck().get(id) as string | undefined;
    return raw ? (JSON.parse(raw) as Event) : null;
  }

  /** Events newest first, filtered; `q` is full text over the documents. */
  events(f: EventFilters = {}): { events: Event[]; next: string | null } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.since) {
      where.push('COALESCE(date_end, sort_date) >= ?');
      params.push(f.since);
    }
    if (f.until) {
      where.push('COALESCE(date_start, sort_date) <= ?');
      params.push(f.until);
    }
    if (f.type) {
      where.push('(type = ? OR category = ?)');
      params.push(f.type, f.type);
    }
    if (f.country) {
      where.push('country = ?');
      params.push(f.country.toUpperCase());
    }
    if (f.disputed) where.push('disputed = 1');
    if (f.bbox) {
      where.push('lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?');
      params.push(f.bbox.south, f.bbox.north, f.bbox.west, f.bbox.east);
    }
    if (f.near) {
      const dLat = f.near.km / 111;
      const dLon = f.near.km / (111 * Math.max(0.05, Math.cos((f.near.lat * Math.PI) / 180)));
      where.push('lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?');
      params.push(f.near.lat - dLat, f.near.lat + dLat, f.near.lon - dLon, f.near.lon + dLon);
      where.push('sitrep_km(?, ?, lat, lon) <= ?');
      params.push(f.near.lat, f.near.lon, f.near.km);
    }
    if (f.q !== undefined) {
      const q = safeFtsQuery(f.q);
      if (!q) throw new UsageError(`--q: nothing to search for in ${JSON.stringify(f.q)}`);
      where.push(`id IN (SELECT r.event FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid JOIN reports r ON r.document = d.id WHERE documents_fts MATCH ?)`);
      params.push(q);
    }
    if (f.cursor) {
      const [sd, cid] = decodeCursor(f.cursor);
      where.push(`(COALESCE(sort_date, '') < ? OR (COALESCE(sort_date, '') = ? AND id > ?))`);
      params.push(sd, sd, cid);
    }
    const limit = Math.max(1, Math.min(f.limit ?? 100, 100_000));
    const sql = `SELECT id, data, sort_date, lat, lon FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY COALESCE(sort_date, '') DESC, id LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, limit + 1) as { id: string; data: string; sort_date: string | null; lat: number | null; lon: number | null }[];
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? encodeCursor(page[page.length - 1].sort_date ?? '', page[page.length - 1].id) : null;
    return { events: page.map((r) => JSON.parse(r.data) as Event), next };
  }

  documents(): (DocumentRow & { events: string[] })[] {
    const docs = this.db.prepare('SELECT id, source, url, title, published, author, site, lang, ingested_at, primary_event FROM documents ORDER BY rowid').all() as DocumentRow[];
    const evs = this.db.prepare('SELECT document, event FROM reports ORDER BY document, idx').all() as { document: string; event: string }[];
    const by = new Map<string, string[]>();
    for (const e of evs) {
      const l = by.get(e.document) ?? [];
      if (!l.includes(e.event)) l.push(e.event);
      by.set(e.document, l);
    }
    return docs.map((d) => ({ ...d, events: by.get(d.id) ?? [] }));
  }

  /** The stored state of a feed, or null when it was never polled. */
  feedState(url: string): FeedState | null {
    return (this.db.prepare('SELECT url, etag, last_modified, last_polled, last_status, failures, next_poll FROM feeds WHERE url = ?').get(url) as FeedState | undefined) ?? null;
  }

  saveFeedState(state: FeedState): void {
    this.db
      .prepare(
        `INSERT INTO feeds (url, etag, last_modified, last_polled, last_status, failures, next_poll) VALUES (@url, @etag, @last_modified, @last_polled, @last_status, @failures, @next_poll)
         ON CONFLICT(url) DO UPDATE SET etag=@etag, last_modified=@last_modified, last_polled=@last_polled, last_status=@last_status, failures=@failures, next_poll=@next_poll`,
      )
      .run(state);
  }

  /** Whether an item (guid, else link) of a feed was ingested before. */
  hasFeedItem(feed: string, item: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM feed_items WHERE feed = ? AND item = ?').get(feed, item);
  }

  /** Marks a feed item as ingested, with the document it gave. */
  addFeedItem(feed: string, item: string, document: string | null): void {
    this.db.prepare('INSERT OR IGNORE INTO feed_items (feed, item, document, seen_at) VALUES (?, ?, ?, ?)').run(feed, item, document, new Date().toISOString());
  }

  /** A feed item that failed before (by its link), or null. */
  failedItem(item: string): FailedItem | null {
    return (this.db.prepare('SELECT item, failures, reason, last_failed, next_try FROM failed_items WHERE item = ?').get(item) as FailedItem | undefined) ?? null;
  }

  saveFailedItem(f: FailedItem): void {
    this.db.prepare('INSERT INTO failed_items (item, failures, reason, last_failed, next_try) VALUES (@item, @failures, @reason, @last_failed, @next_try) ON CONFLICT(item) DO UPDATE SET failures=@failures, reason=@reason, last_failed=@last_failed, next_try=@next_try').run(f);
  }

  clearFailedItem(item: string): void {
    this.db.prepare('DELETE FROM failed_items WHERE item = ?').run(item);
  }

  /** The events a document's reports joined, its main incident's first. */
  documentEvents(id: string): string[] {
    const rows = this.db.prepare('SELECT event FROM reports WHERE document = ? ORDER BY idx').pluck().all(id) as string[];
    return [...new Set(rows)];
  }

  getDocument(id: string): (DocumentRow & { text: string; reports: Report[] }) | null {
    const d = this.db.prepare('SELECT id, source, url, title, published, author, site, lang, ingested_at, primary_event, text FROM documents WHERE id = ?').get(id) as (DocumentRow & { text: string }) | undefined;
    if (!d) return null;
    const reports = (this.db.prepare('SELECT data FROM reports WHERE document = ? ORDER BY idx').pluck().all(id) as string[]).map((r) => JSON.parse(r) as Report);
    return { ...d, reports };
  }

  /** The spans stored at ingest; null for a document stored before they were (schema 6). */
  documentSpans(id: string): unknown[] | null {
    const s = this.db.prepare('SELECT spans FROM documents WHERE id = ?').pluck().get(id) as string | null | undefined;
    return s ? (JSON.parse(s) as unknown[]) : null;
  }
}

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
