/**
 * The database schema, as numbered migrations. `PRAGMA user_version` records how far a database
 * has come; opening one runs what is missing, each migration in its own transaction.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: documents, reports, events, linking keys, full text
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    author TEXT,
    site TEXT,
    lang TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    primary_event TEXT
  );
  CREATE INDEX documents_primary_event ON documents(primary_event);
  CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL,
    event TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX reports_event ON reports(event);
  CREATE INDEX reports_document ON reports(document);
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    features TEXT NOT NULL,
    sort_date TEXT,
    date_start TEXT,
    date_end TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    category TEXT,
    type TEXT,
    disputed INTEGER NOT NULL DEFAULT 0,
    n_reports INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX events_sort ON events(sort_date DESC, id);
  CREATE INDEX events_country ON events(country);
  CREATE TABLE event_keys (
    key TEXT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (key, event)
  ) WITHOUT ROWID;
  CREATE INDEX event_keys_event ON event_keys(event);
  CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
  `,
  // 2: feeds that `sitrep watch` polls: validators for conditional requests, back-off, seen items
  `
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT,
    last_status TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll TEXT
  );
  CREATE TABLE feed_items (
    feed TEXT NOT NULL,
    item TEXT NOT NULL,
    document TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed, item)
  ) WITHOUT ROWID;
  `,
  // 3: linking over reports (src/store/linking.ts): blocking keys with their document
  // frequency, scored report pairs, and what linking keeps of each report. Events become a
  // clustering of these edges; event_keys (events found by key, greedy attach) goes.
  `
  CREATE TABLE report_link (
    report TEXT PRIMARY KEY,
    features TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE report_keys (
    key TEXT NOT NULL,
    report TEXT NOT NULL,
    PRIMARY KEY (key, report)
  ) WITHOUT ROWID;
  CREATE TABLE key_df (
    key TEXT PRIMARY KEY,
    df INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE report_edges (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (a, b)
  ) WITHOUT ROWID;
  CREATE INDEX report_edges_b ON report_edges(b);
  DROP TABLE event_keys;
  `,
  // 4: the listing Store.events runs (newest first), with every filter column in the index: a page
  // walks the index in order and reads only the rows it returns. With 10,000 events the API's
  // default page went from 100 ms (a scan carrying every row's JSON through a sort) to 1-3 ms.
  `
  CREATE INDEX events_listing ON events(COALESCE(sort_date, '') DESC, id, date_start, date_end, sort_date, type, category, country, disputed, lat, lon);
  `,
  // 5: when each report pair was last scored (the document count then), so linking can find and
  // score again the pairs scored while the store was small and its term weights unreliable.
  `
  ALTER TABLE report_edges ADD COLUMN scored INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX report_edges_scored ON report_edges(scored);
  `,
  // 6: the spans the document view underlines, found at ingest: reading a document never runs the
  // pipeline again (one slow document re-extracted on every read froze the server). NULL before.
  `
  ALTER TABLE documents ADD COLUMN spans TEXT;
  `,
  // 7: feed items whose page could not be read: tried again with back-off a bounded number of
  // times (src/jobs/item-failures.ts), so a dead link is reported once, not on every ingest.
  `
  CREATE TABLE IF NOT EXISTS failed_items (
    item TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    reason TEXT NOT NULL,
    last_failed TEXT NOT NULL,
    next_try TEXT
  ) WITHOUT ROWID;
  `,
  // 8: site profiles (extract/site-profile.ts): per site, the documents counted, and per place key
  // the documents that named a place there surely. Written in the document's own transaction, only
  // when the document is new, so each document counts once however often it is ingested.
  `
  CREATE TABLE site_profiles (
    site TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE site_places (
    site TEXT NOT NULL,
    key TEXT NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (site, key)
  ) WITHOUT ROWID;
  `,
];
