/**
 * The per-document ingest step that `sitrep ingest` and `sitrep watch` share: a document already
 * stored (same text hash) is skipped before extraction; otherwise extract, link and store it in
 * one transaction.
 */
import type { Document } from '../model/index.js';
import { extract, type Pipeline } from '../pipeline.js';
import type { Store } from '../store/sqlite.js';
import type { Extractor } from '../extract-pool.js';

export type StoreOutcome = { stored: true; events: string[] } | { stored: false; events: [] };

/** Stores one document with its reports; `stored: false` when it was there already. Throws on store errors. */
export function storeDocument(doc: Document, pipeline: Pipeline, store: Store): StoreOutcome {
  if (store.hasDocument(doc.id)) return { stored: false, events: [] };
  const { annotated, reports } = extract(doc, pipeline);
  // stored with the language read from its text
  const res = store.ingest(annotated.document, reports);
  return res.stored ? { stored: true, events: res.events } : { stored: false, events: [] };
}

/**
 * The same step with extraction off the main thread (`sitrep ingest`): the extractor's time budget
 * bounds a slow document, and a signal is acted on while a document is being extracted.
 */
export async function storeDocumentOffThread(doc: Document, extractor: Extractor, store: Store): Promise<StoreOutcome & { warnings: string[] }> {
  if (store.hasDocument(doc.id)) return { stored: false, events: [], warnings: droppedMetadata(doc, store) };
  const { reports, spans, warnings, lang } = await extractor.extract(doc);
  // stored with the language read from its text
  const res = store.ingest(lang === doc.lang ? doc : { ...doc, lang }, reports, spans);
  return res.stored ? { stored: true, events: res.events, warnings } : { stored: false, events: [], warnings };
}

/** A copy of a stored text whose publication date or title differ: said, not dropped without a word. */
function droppedMetadata(doc: Document, store: Store): string[] {
  if (!doc.published && !doc.title) return [];
  const kept = store.getDocument(doc.id);
  if (!kept) return [];
  const differ = (['published', 'title'] as const).filter((k) => doc[k] && doc[k] !== kept[k]);
  return differ.length ? [`same text as stored ${doc.id} (${kept.source}); this copy's ${differ.join(' and ')} not kept`] : [];
}
