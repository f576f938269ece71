/** The spans the document view underlines, computed at ingest and stored with the document. */
import type { Annotation } from '../model/index.js';

/** What the document view underlines: the spans the stages find, each with a short label. */
export interface Span {
  kind: 'place' | 'date' | 'casualty' | 'equipment' | 'actor' | 'trigger';
  start: number;
  end: number;
  label: string;
}

export function spanOf(a: Annotation): Span | null {
  switch (a.kind) {
    case 'place': {
      const v = a.value;
      return { kind: 'place', start: a.start, end: a.end, label: `${[v.name, v.admin1, v.country].filter(Boolean).join(', ')} (${v.precision})` };
    }
    case 'date':
      return { kind: 'date', start: a.start, end: a.end, label: a.value.start === a.value.end ? a.value.start : `${a.value.start} – ${a.value.end}` };
    case 'casualty':
      return { kind: 'casualty', start: a.start, end: a.end, label: `${a.field}: ${a.value.low === a.value.high ? a.value.best : `${a.value.best} (${a.value.low}–${a.value.high})`}${a.victims ? `, ${a.victims}` : ''}${a.hedged ? ', hedged' : ''}` };
    case 'equipment':
      return { kind: 'equipment', start: a.start, end: a.end, label: `${a.value} (${a.category})` };
    case 'actor':
      return { kind: 'actor', start: a.start, end: a.end, label: `${a.value}${a.role ? `, ${a.role}` : ''}` };
    case 'trigger':
      return { kind: 'trigger', start: a.start, end: a.end, label: `${a.category} / ${a.type}` };
    default:
      return null; // sentences and attributions span whole sentences: the claims show those
  }
}

