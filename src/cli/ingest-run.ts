/**
 * The per-document ingest step that `sitrep ingest` and `sitrep watch` share: a document already
 * stored (same text hash) is skipped before extraction; otherwise extract, link and store it in
 * one transaction.
 */
import type { Document } from '../model/index.js';
import { extract, type Pipeline } from '../pipeline.js';
import type { EventStore } from '../store/open.js';

export type StoreOutcome = { stored: true; events: string[] } | { stored: false; events: [] };

/** Stores one document with its reports; `stored: false` when it was there already. Throws on store errors. */
export async function storeDocument(doc: Document, pipeline: Pipeline, store: EventStore): Promise<StoreOutcome> {
  if (await store.hasDocument(doc.id)) return { stored: false, events: [] };
  const { reports } = extract(doc, pipeline);
  const res = await store.ingest(doc, reports);
  return res.stored ? { stored: true, events: res.events } : { stored: false, events: [] };
}
