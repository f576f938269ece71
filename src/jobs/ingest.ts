/**
 * The one way a document gets into the store, for `sitrep ingest`, `sitrep watch` and
 * `POST /api/documents`: a document already stored (same text hash) is skipped before extraction;
 * otherwise it is extracted through the caller's Extractor (the worker pool with its per-document
 * time budget and its stop on a signal, or the pipeline in-process) with its site's profile as the
 * store holds it, and stored with its reports, spans and what it teaches the profile in one
 * transaction. The messages found on the way come back with it; a stage that
 * crashed fails the document (nothing stored), naming it.
 */
import type { Document, Message } from '../model/index.js';
import type { Extractor, PoolOutcome } from '../extract-pool.js';
import type { EventStore } from '../store/open.js';
import { siteOf } from '../ingest/outlet.js';

export interface IngestOutcome {
  document: string;
  /** False when the document was stored before (now or by another process). */
  stored: boolean;
  /** The events its reports joined, the main incident's first. */
  events: string[];
  /** What reading and extracting it found, each with its rule id. */
  messages: Message[];
}

/** A document that could not be extracted: a stage crashed on it. */
export class DocumentFailed extends Error {
  override name = 'DocumentFailed';
  constructor(
    readonly document: Document,
    readonly messages: readonly Message[],
  ) {
    const fatal = messages.find((m) => m.severity === 'fatal');
    super(`${document.source} (${document.id}): ${fatal?.reason ?? 'failed'} [${fatal?.rule ?? 'pipeline:fatal'}]`);
  }
}

/** Input warnings (strings from ingest/) as messages on their document. */
export function inputMessages(doc: Document, warnings: readonly string[], rule = 'ingest:input'): Message[] {
  return warnings.map((reason) => ({ input: doc.source, reason, rule, severity: 'warning' as const }));
}

/** One line for a person: `source: severity: reason [rule]`. */
export function messageLine(m: Message): string {
  return `${m.input}: ${m.severity}: ${m.reason} [${m.rule}]`;
}

/**
 * Stores one document with its reports and spans. Throws DocumentFailed when a stage crashed on it,
 * StoppedError (extract-pool) when the extractor was closed by a signal; store errors pass through.
 */
export async function ingestDocument(doc: Document, extractor: Extractor, store: EventStore, warnings: readonly string[] = []): Promise<IngestOutcome> {
  if (await store.hasDocument(doc.id)) return ingestExtracted(doc, null, store, warnings);
  // read with what the site's stored documents taught about where it reports
  const site = siteOf(doc);
  const extracted = await extractor.extract(doc, site ? await store.siteProfile(site) : null);
  return ingestExtracted(doc, extracted, store, warnings);
}

/**
 * The store step of ingestDocument, for a document extracted earlier (`ingest --workers N`
 * extracts ahead on N threads and stores in input order, so N threads give the events one gives);
 * `extracted` null: it was found stored before extraction.
 */
export async function ingestExtracted(doc: Document, extracted: PoolOutcome | null, store: EventStore, warnings: readonly string[] = []): Promise<IngestOutcome> {
  const messages = inputMessages(doc, warnings);
  if (!extracted) {
    messages.push(...inputMessages(doc, await droppedMetadata(doc, store), 'ingest:duplicate'));
    return { document: doc.id, stored: false, events: await store.documentEvents(doc.id), messages };
  }
  const out = extracted;
  messages.push(...out.messages);
  if (out.messages.some((m) => m.severity === 'fatal')) throw new DocumentFailed(doc, messages);
  // stored with the language read from its text
  // what the document teaches its site's profile is counted with it, once
  const site = siteOf(doc);
  const res = await store.ingest(out.lang === doc.lang ? doc : { ...doc, lang: out.lang }, out.reports, out.spans, site ? { site, votes: out.votes } : null);
  if (res.stored) return { document: doc.id, stored: true, events: [...new Set(res.events)], messages };
  // another process (or the same text earlier in the input) stored it between the check and the write
  messages.push(...inputMessages(doc, await droppedMetadata(doc, store), 'ingest:duplicate'));
  return { document: doc.id, stored: false, events: await store.documentEvents(doc.id), messages };
}

/** A copy of a stored text whose publication date or title differ: said, not dropped without a word. */
async function droppedMetadata(doc: Document, store: EventStore): Promise<string[]> {
  if (!doc.published && !doc.title) return [];
  const kept = await store.getDocument(doc.id);
  if (!kept) return [];
  const differ = (['published', 'title'] as const).filter((k) => doc[k] && doc[k] !== kept[k]);
  return differ.length ? [`same text as stored ${doc.id} (${kept.source}); this copy's ${differ.join(' and ')} not kept`] : [];
}
