/**
 * The store as the CLI, the API and `watch` see it: one interface, two backends chosen by the
 * `--db` / `SITREP_DB` value — a file path for SQLite (the default, embedded), a `postgres://`
 * URL for PostgreSQL. SQLite answers synchronously, PostgreSQL with promises; callers await both.
 */
import type { Document, Event, Report, SiteProfile } from '../model/index.js';
import { openStore, type DocumentRow, type EventFilters, type FailedItem, type FeedState, type SiteVotes, type StoreResult } from './sqlite.js';

type Awaitable<T> = T | Promise<T>;

export interface EventStore {
  close(): Awaitable<void>;
  hasDocument(id: string): Awaitable<boolean>;
  documentCount(): Awaitable<number>;
  /**
   * `spans`: what the document view underlines, found at ingest, so reading never runs the pipeline
   * again; `site`: what a new document adds to its site's profile (counted once, with the document).
   */
  ingest(doc: Document, reports: readonly Report[], spans?: readonly unknown[] | null, site?: SiteVotes | null): Awaitable<StoreResult>;
  /** Where a site reports, as its stored documents taught (extract/site-profile.ts); null for a site never seen. */
  siteProfile(site: string): Awaitable<SiteProfile | null>;
  /** Every site's profile, the most documents first. */
  siteProfiles(): Awaitable<SiteProfile[]>;
  getEvent(id: string): Awaitable<Event | null>;
  events(f?: EventFilters): Awaitable<{ events: Event[]; next: string | null }>;
  documents(): Awaitable<(DocumentRow & { events: string[] })[]>;
  feedState(url: string): Awaitable<FeedState | null>;
  saveFeedState(state: FeedState): Awaitable<void>;
  hasFeedItem(feed: string, item: string): Awaitable<boolean>;
  addFeedItem(feed: string, item: string, document: string | null): Awaitable<void>;
  documentEvents(id: string): Awaitable<string[]>;
  getDocument(id: string): Awaitable<(DocumentRow & { text: string; reports: Report[] }) | null>;
  /** The spans stored at ingest; null for a document stored before they were. */
  documentSpans(id: string): Awaitable<unknown[] | null>;
  /** Feed items whose page could not be read, and when to try them again (jobs/item-failures.ts). */
  failedItem(item: string): Awaitable<FailedItem | null>;
  saveFailedItem(f: FailedItem): Awaitable<void>;
  clearFailedItem(item: string): Awaitable<void>;
  /** Several documents a transaction, each whole (see `Store.beginBatch`, `PgStore.beginBatch`); a store without them commits each document. */
  beginBatch?(): void;
  /** SQLite commits before it returns; PostgreSQL when the promise settles. */
  commitBatch?(): void | Promise<void>;
}

/**
 * Opens the store a `--db` value names: a PostgreSQL URL, else a SQLite file. `readonly` (the
 * reading commands) opens a SQLite file without creating, migrating or repairing it, and a missing
 * one is an error naming the path; PostgreSQL is opened as for writing (a server, not a file).
 */
export async function openEventStore(target: string, opts: { readonly?: boolean } = {}): Promise<EventStore> {
  // the PostgreSQL client is loaded only when asked for: SQLite commands start as fast as before
  if (/^postgres(?:ql)?:\/\//i.test(target)) return (await import('./postgres.js')).PgStore.open(target);
  return openStore(target, opts);
}
