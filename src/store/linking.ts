/**
 * Linking's reads and writes on SQLite: the `LinkGraph` that `link/incremental.ts` decides over,
 * answered synchronously inside the transaction `Store.ingest` opens for one document (so the
 * linker runs with `runSync`, never waiting).
 */
import type Database from 'better-sqlite3';
import type { Document, Report } from '../model/index.js';
import type { DocumentInfo } from '../link/corroborate.js';
import type { LinkWhen } from '../link/pairwise.js';
import { Linker as Core, now, runSync, type EventRow, type LinkGraph, type Step, type StoredEdge } from '../link/incremental.js';
import type { DB } from './sqlite.js';
import { outletOf } from '../ingest/outlet.js';
import { preparedOnce } from './prepared.js';

export { TermWeights, eventId } from '../link/incremental.js';

/** The linking tables of one SQLite database, with statements prepared once. */
export class SqliteGraph implements LinkGraph {
  private readonly sql: (text: string) => Database.Statement;

  constructor(private readonly db: DB) {
    this.sql = preparedOnce(db);
  }

  // documents are never deleted, so the largest rowid counts them without a scan
  documentCount(): Step<number> {
    return now(((this.sql('SELECT max(rowid) FROM documents').pluck().get() as number | null) ?? 0) + 1);
  }

  termDfs(terms: readonly string[]): Step<Map<string, number>> {
    const rows = this.sql('SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?))').all(JSON.stringify(terms)) as { term: string; df: number }[];
    return now(new Map(rows.map((r) => [r.term, r.df])));
  }

  termDfNow = (term: string): number => (this.sql('SELECT df FROM term_df WHERE term = ?').pluck().get(term) as number | undefined) ?? 0;

  allTermDfs(limit: number): Step<Map<string, number> | null> {
    const rows = this.sql('SELECT term, df FROM term_df LIMIT ?').raw().all(limit + 1) as [string, number][];
    return now(rows.length > limit ? null : new Map(rows));
  }

  features(report: string): Step<string | undefined> {
    return now(this.sql('SELECT features FROM report_link WHERE report = ?').pluck().get(report) as string | undefined);
  }

  featuresMany(reports: readonly string[]): Step<Map<string, string>> {
    const rows = this.sql('SELECT report, features FROM report_link WHERE report IN (SELECT value FROM json_each(?))').all(JSON.stringify(reports)) as { report: string; features: string }[];
    return now(new Map(rows.map((r) => [r.report, r.features])));
  }

  // SQLite reads these fields out of the stored JSON without handing it to JavaScript to parse
  linkWhen(reports: readonly string[]): Step<Map<string, LinkWhen>> {
    const rows = this.sql(
      `SELECT report, json_extract(features, '$.published') AS published, json_type(features, '$.date') = 'object' AS dated,
         json_extract(features, '$.date.start') AS ds, json_extract(features, '$.date.end') AS de,
         json_type(features, '$.location') = 'object' AS located, json_extract(features, '$.location.country') AS country
       FROM report_link WHERE report IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(reports)) as { report: string; published: string | null; dated: number | null; ds: string; de: string; located: number | null; country: string | null }[];
    return now(new Map(rows.map((r) => [r.report, { published: r.published, date: r.dated ? { start: r.ds, end: r.de } : null, location: r.located ? { country: r.country } : null }])));
  }

  putFeatures(report: string, json: string): Step<void> {
    this.sql('INSERT OR REPLACE INTO report_link (report, features) VALUES (?, ?)').run(report, json);
    return now(undefined);
  }

  // one statement for a report's keys (some 30), not one call each: each call costs more than the look-up
  keyDfs(keys: readonly string[]): Step<Map<string, number>> {
    const rows = this.sql('SELECT key, df FROM key_df WHERE key IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(keys)) as [string, number][];
    return now(new Map(rows));
  }

  candidates(keys: readonly string[], limit: number): Step<{ report: string; n: number }[]> {
    return now(
      this.sql(
        `SELECT report, count(*) AS n FROM report_keys WHERE key IN (SELECT value FROM json_each(?))
         GROUP BY report ORDER BY n DESC, report LIMIT ?`,
      ).all(JSON.stringify(keys), limit) as { report: string; n: number }[],
    );
  }

  // one call a key: a statement over json_each was no faster here (RETURNING, and an upsert from a SELECT, cost what they save)
  putKeys(keys: readonly string[], report: string): Step<string[]> {
    const put = this.sql('INSERT OR IGNORE INTO report_keys (key, report) VALUES (?, ?)');
    return now(keys.filter((k) => put.run(k, report).changes > 0));
  }

  bumpKeyDfs(keys: readonly string[]): Step<void> {
    const bump = this.sql('INSERT INTO key_df (key, df) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET df = df + 1');
    for (const k of keys) bump.run(k);
    return now(undefined);
  }

  edgesOf(report: string): Step<StoredEdge[]> {
    return now([
      ...(this.sql('SELECT a, b, score, scored FROM report_edges WHERE a = ?').all(report) as StoredEdge[]),
      ...(this.sql('SELECT a, b, score, scored FROM report_edges WHERE b = ?').all(report) as StoredEdge[]),
    ]);
  }

  edgesFrom(a: string): Step<{ b: string; score: number }[]> {
    return now(this.sql('SELECT b, score FROM report_edges WHERE a = ?').all(a) as { b: string; score: number }[]);
  }

  staleEdges(below: number, limit: number): Step<StoredEdge[]> {
    return now(this.sql('SELECT a, b, score, scored FROM report_edges WHERE scored < ? ORDER BY scored, a, b LIMIT ?').all(below, limit) as StoredEdge[]);
  }

  putEdge(e: StoredEdge): Step<void> {
    this.sql('INSERT OR REPLACE INTO report_edges (a, b, score, scored) VALUES (?, ?, ?, ?)').run(e.a, e.b, e.score, e.scored);
    return now(undefined);
  }

  setEdge(a: string, b: string, score: number | null, scored: number | null): Step<void> {
    if (score !== null && scored !== null) this.sql('UPDATE report_edges SET score = ?, scored = ? WHERE a = ? AND b = ?').run(score, scored, a, b);
    else if (score !== null) this.sql('UPDATE report_edges SET score = ? WHERE a = ? AND b = ?').run(score, a, b);
    else if (scored !== null) this.sql('UPDATE report_edges SET scored = ? WHERE a = ? AND b = ?').run(scored, a, b);
    return now(undefined);
  }

  dropEdge(a: string, b: string): Step<void> {
    this.sql('DELETE FROM report_edges WHERE a = ? AND b = ?').run(a, b);
    return now(undefined);
  }

  eventOf(report: string): Step<string | undefined> {
    return now(this.sql('SELECT event FROM reports WHERE id = ?').pluck().get(report) as string | undefined);
  }

  eventsOf(reports: readonly string[]): Step<Map<string, string>> {
    const rows = new Map(this.sql('SELECT id, event FROM reports WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(reports)) as [string, string][]);
    // in the order asked, as one look-up each gave them
    const out = new Map<string, string>();
    for (const r of reports) {
      const e = rows.get(r);
      if (e !== undefined) out.set(r, e);
    }
    return now(out);
  }

  members(event: string): Step<string[]> {
    return now(this.sql('SELECT id FROM reports WHERE event = ?').pluck().all(event) as string[]);
  }

  eventAge(event: string): Step<number | undefined> {
    return now(this.sql('SELECT rowid FROM events WHERE id = ?').pluck().get(event) as number | undefined);
  }

  eventExists(event: string): Step<boolean> {
    return now(!!this.sql('SELECT 1 FROM events WHERE id = ?').pluck().get(event));
  }

  reportsData(reports: readonly string[]): Step<Map<string, string>> {
    const rows = this.sql('SELECT id, data FROM reports WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(reports)) as { id: string; data: string }[];
    return now(new Map(rows.map((r) => [r.id, r.data])));
  }

  documentInfo(document: string): Step<DocumentInfo> {
    const d = this.sql('SELECT source, published, title, site, url FROM documents WHERE id = ?').get(document) as DocumentInfo & { site: string | null; url: string | null };
    // the outlet a report is named by (not a file path)
    return now({ source: d.source, published: d.published, title: d.title, outlet: outletOf(d) });
  }

  setReportEvent(report: string, event: string): Step<void> {
    this.sql('UPDATE reports SET event = ? WHERE id = ?').run(event, report);
    return now(undefined);
  }

  setPrimaryOf(report: string, event: string): Step<void> {
    this.sql('UPDATE documents SET primary_event = ? WHERE id = (SELECT document FROM reports WHERE id = ? AND idx = 0)').run(event, report);
    return now(undefined);
  }

  setDocumentPrimary(document: string, event: string): Step<void> {
    this.sql('UPDATE documents SET primary_event = ? WHERE id = ?').run(event, document);
    return now(undefined);
  }

  removeEvent(event: string): Step<void> {
    this.sql('DELETE FROM events WHERE id = ?').run(event);
    return now(undefined);
  }

  putEvent(row: EventRow): Step<void> {
    this.sql(
      `INSERT INTO events (id, data, features, sort_date, date_start, date_end, country, lat, lon, category, type, disputed, n_reports, updated_at)
       VALUES (@id, @data, '{}', @sort, @ds, @de, @cc, @lat, @lon, @cat, @type, @disp, @n, @now)
       ON CONFLICT(id) DO UPDATE SET data=@data, sort_date=@sort, date_start=@ds, date_end=@de, country=@cc, lat=@lat, lon=@lon,
         category=@cat, type=@type, disputed=@disp, n_reports=@n, updated_at=@now`,
    ).run(row);
    return now(undefined);
  }
}

/** The linker over one SQLite store, run synchronously inside its transactions. */
export class Linker {
  readonly core: Core;

  constructor(private readonly db: DB) {
    this.core = new Core(new SqliteGraph(db));
  }

  /** Links the reports of one stored document; returns the event of each report, in order. */
  link(doc: Document, reports: readonly Report[]): string[] {
    return runSync(this.core.link(doc, reports));
  }

  repair(dangling: string[]): number {
    return runSync(this.core.repair(dangling));
  }

  backfill(): number {
    const rows = this.db
      .prepare('SELECT r.id, r.data, d.id AS doc, d.title, d.text FROM reports r JOIN documents d ON d.id = r.document WHERE r.id NOT IN (SELECT report FROM report_link) ORDER BY d.rowid, r.idx')
      .all() as { id: string; data: string; doc: string; title: string | null; text: string }[];
    return runSync(this.core.backfill(rows));
  }
}
