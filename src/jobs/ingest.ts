/**
 * The one way a document gets into the store, for `sitrep ingest`, `sitrep watch` and
 * `POST /api/documents`: a document already stored (same text hash) is skipped before extraction;
 * otherwise it is extracted, linked and stored in one transaction. The messages found on the way
 * come back with it; a stage that crashed fails the document (nothing stored), naming it.
 */
import type { Document, Message } from '../model/index.js';
import { extract, type Pipeline } from '../pipeline.js';
import type { Store } from '../store/sqlite.js';

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
export function inputMessages(doc: Document, warnings: readonly string[]): Message[] {
  return warnings.map((reason) => ({ input: doc.source, reason, rule: 'ingest:input', severity: 'warning' as const }));
}

/** One line for a person: `source: severity: reason [rule]`. */
export function messageLine(m: Message): string {
  return `${m.input}: ${m.severity}: ${m.reason} [${m.rule}]`;
}

/** Stores one document with its reports. Throws DocumentFailed when a stage crashed on it; store errors pass through. */
export function ingestDocument(doc: Document, pipeline: Pipeline, store: Store, warnings: readonly string[] = []): IngestOutcome {
  const messages = inputMessages(doc, warnings);
  if (store.hasDocument(doc.id)) return { document: doc.id, stored: false, events: store.documentEvents(doc.id), messages };
  const { annotated, reports } = extract(doc, pipeline);
  messages.push(...annotated.messages);
  if (annotated.messages.some((m) => m.severity === 'fatal')) throw new DocumentFailed(doc, messages);
  const res = store.ingest(doc, reports);
  // another process may have stored the same text between the check and the write
  return { document: doc.id, stored: res.stored, events: res.stored ? [...new Set(res.events)] : store.documentEvents(doc.id), messages };
}
