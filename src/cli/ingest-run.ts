/**
 * The per-document ingest step that `sitrep ingest` and `sitrep watch` share: a document already
 * stored (same text hash) is skipped before extraction; otherwise extract, link and store it in
 * one transaction.
 */
import type { Document } from '../model/index.js';
import { extract, type Pipeline } from '../pipeline.js';
import type { Store } from '../store/sqlite.js';

export type StoreOutcome = { stored: true; events: string[] } | { stored: false; events: [] };

/** Stores one document with its reports; `stored: false` when it was there already. Throws on store errors. */
export function storeDocument(doc: Document, pipeline: Pipeline, store: Store): StoreOutcome {
  if (store.hasDocument(doc.id)) return { stored: false, events: [] };
  const { annotated, reports } = extract(doc, pipeline);
  // stored with the language read from its text
  const res = store.ingest(annotated.document, reports);
  return res.stored ? { stored: true, events: res.events } : { stored: false, events: [] };
}
