/**
 * Re-dated copies of extracted documents, for the benches that grow a store beyond the corpus:
 * copy k lies k × 60 days after 2000-01-01, so copies of one article never link to each other.
 */
import type { DateInterval, Document, Report } from '../src/model/types.js';

const DAY = 86_400_000;

/** An ISO day moved by `days`. */
export const shift = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString().slice(0, 10);

const shiftDate = (d: DateInterval | null, days: number): DateInterval | null => (d ? { ...d, start: shift(d.start, days), end: shift(d.end, days) } : null);

/** Copy k of a document and its reports: new ids, published and dated k × 60 days on, no claims. */
export function redatedCopy(doc: Document, reports: Report[], k: number): { doc: Document; reports: Report[] } {
  const days = k * 60;
  const id = `${doc.id}_${k}`;
  const published = shift('2000-01-01', days);
  return {
    doc: { ...doc, id, published },
    reports: reports.map((r) => ({ ...r, id: `${id}#${r.index}`, document: id, date: shiftDate(r.date, days), claims: [], features: { ...r.features, published } })),
  };
}
