/**
 * The per-document ingest step that `sitrep ingest`, `sitrep worker` and `sitrep watch` share: a
 * document already stored (same text hash) is skipped before extraction; otherwise extract, link
 * and store it, with its spans, in one transaction.
 */
import type { Document } from '../model/index.js';
import { extract, type Pipeline } from '../pipeline.js';
import { spanOf, type Span } from '../extract/spans.js';
import type { EventStore } from '../store/open.js';
import type { Extractor, PoolOutcome } from '../extract-pool.js';

export type StoreOutcome = { stored: true; events: string[] } | { stored: false; events: [] };

/** Stores one document with its reports, extracted on this thread (`watch`); `stored: false` when it was there already. Throws on store errors. */
export async function storeDocument(doc: Document, pipeline: Pipeline, store: EventStore): Promise<StoreOutcome> {
  if (await store.hasDocument(doc.id)) return { stored: false, events: [] };
  const { annotated, reports } = extract(doc, pipeline);
  const spans = annotated.annotations.map(spanOf).filter((s): s is Span => s !== null);
  const res = await store.ingest(doc, reports, spans);
  return res.stored ? { stored: true, events: res.events } : { stored: false, events: [] };
}

/**
 * The same step with extraction off the main thread (`sitrep worker`): the extractor's time budget
 * bounds a slow document, and a signal is acted on while a document is being extracted.
 */
export async function storeDocumentOffThread(doc: Document, extractor: Extractor, store: EventStore): Promise<StoreOutcome & { warnings: string[] }> {
  if (await store.hasDocument(doc.id)) return storeExtracted(doc, null, store);
  return storeExtracted(doc, await extractor.extract(doc), store);
}

/**
 * Stores a document extracted earlier (`ingest --workers N` extracts ahead and stores in input
 * order); `extracted` null: it was found stored before extraction.
 */
export async function storeExtracted(doc: Document, extracted: PoolOutcome | null, store: EventStore): Promise<StoreOutcome & { warnings: string[] }> {
  if (!extracted) return { stored: false, events: [], warnings: await droppedMetadata(doc, store) };
  const { reports, spans, warnings } = extracted;
  const res = await store.ingest(doc, reports, spans);
  // stored meanwhile (the same text earlier in the input, or by another process)
  if (!res.stored) return { stored: false, events: [], warnings: [...warnings, ...(await droppedMetadata(doc, store))] };
  return { stored: true, events: res.events, warnings };
}

/** A copy of a stored text whose publication date or title differ: said, not dropped without a word. */
async function droppedMetadata(doc: Document, store: EventStore): Promise<string[]> {
  if (!doc.published && !doc.title) return [];
  const kept = await store.getDocument(doc.id);
  if (!kept) return [];
  const differ = (['published', 'title'] as const).filter((k) => doc[k] && doc[k] !== kept[k]);
  return differ.length ? [`same text as stored ${doc.id} (${kept.source}); this copy's ${differ.join(' and ')} not kept`] : [];
}
