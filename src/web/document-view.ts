/**
 * One document: its clean text with what was extracted from it highlighted. Sentences that carry
 * claims are shaded (hover names the fields and the attribution); places, dates, casualty
 * figures, equipment, actors and trigger words are underlined in their colours; the sentence a
 * quote link points at is marked and scrolled into view. The text is cut into segments at every
 * span boundary and each segment is a text node, so nothing in the text can become markup.
 */
import type { DocumentView, Span } from './api';
import { h, safeHref } from './dom';
import { claimValueLabel, sourceName } from './format';

export interface Target {
  start: number;
  end: number;
}

interface ClaimSpan {
  start: number;
  end: number;
  notes: string[];
}

const KIND_LABELS: Record<Span['kind'], string> = {
  place: 'place',
  date: 'date',
  casualty: 'casualties',
  equipment: 'equipment',
  actor: 'actor',
  trigger: 'what happened',
};

function claimSpans(doc: DocumentView): ClaimSpan[] {
  const by = new Map<string, ClaimSpan>();
  for (const r of doc.reports) {
    for (const c of r.claims) {
      const key = `${c.start}:${c.end}`;
      const s = by.get(key) ?? { start: c.start, end: c.end, notes: [] };
      const note = `${c.field}: ${claimValueLabel(c.field, c.value)}${c.attributed_to ? ` (according to ${c.attributed_to})` : ''}`;
      if (!s.notes.includes(note)) s.notes.push(note);
      by.set(key, s);
    }
  }
  return [...by.values()];
}

/** The text as segments, each with the claims and spans covering it. */
function segments(doc: DocumentView, target: Target | null): HTMLElement {
  const text = doc.text;
  const claims = claimSpans(doc);
  const spans = doc.spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of [...claims, ...spans]) cuts.add(Math.max(0, Math.min(text.length, s.start))).add(Math.max(0, Math.min(text.length, s.end)));
  if (target) cuts.add(Math.max(0, Math.min(text.length, target.start))).add(Math.max(0, Math.min(text.length, target.end)));
  const points = [...cuts].sort((a, b) => a - b);
  const out = h('div', { class: 'doc-text', dir: 'auto' });
  let targetMarked = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const inClaims = claims.filter((c) => c.start <= a && c.end >= b);
    // the innermost span is the one a reader means when hovering
    const inSpans = spans.filter((s) => s.start <= a && s.end >= b).sort((x, y) => x.end - x.start - (y.end - y.start));
    const isTarget = !!target && target.start <= a && target.end >= b;
    if (!inClaims.length && !inSpans.length && !isTarget) {
      out.append(document.createTextNode(piece));
      continue;
    }
    const classes = ['seg'];
    if (inClaims.length) classes.push('claim-sentence');
    if (isTarget) classes.push('target');
    if (inSpans.length) classes.push('ann', `ann-${inSpans[0].kind}`);
    const notes = [...inSpans.map((s) => `${KIND_LABELS[s.kind]}: ${s.label}`), ...inClaims.flatMap((c) => c.notes.map((n) => `claim ${n}`))];
    const seg = h('span', { class: classes.join(' '), title: notes.join('\n') || null }, piece);
    if (isTarget && !targetMarked) {
      seg.id = 'target';
      targetMarked = true;
    }
    out.append(seg);
  }
  return out;
}

export function documentView(doc: DocumentView, target: Target | null, backTo: string | null, eventTitles: ReadonlyMap<string, string>): HTMLElement {
  const href = safeHref(doc.url);
  const legend = h(
    'div',
    { class: 'legend' },
    h('span', { class: 'seg claim-sentence' }, 'sentence with a claim'),
    target && h('span', { class: 'seg target' }, 'the quoted sentence'),
    (Object.keys(KIND_LABELS) as Span['kind'][]).map((k) => h('span', { class: `seg ann ann-${k}` }, KIND_LABELS[k])),
  );
  return h(
    'article',
    { class: 'document-view', 'data-id': doc.id },
    h('a', { class: 'back', href: backTo ? `#/event/${backTo}` : '#/' }, backTo ? '← Back to the event' : '← All events'),
    // the source names the document once: as its heading when it has no title, else in the line below
    h('h2', { class: 'doc-title', dir: 'auto', title: doc.title ? null : doc.source }, doc.title ?? sourceName(doc.source)),
    h(
      'div',
      { class: 'doc-meta' },
      h('span', {}, doc.published ? `published ${doc.published}` : 'no publication date'),
      doc.site ? h('span', { class: 'doc-outlet', title: doc.source }, doc.site) : doc.title && h('span', { class: 'doc-source', title: doc.source }, sourceName(doc.source)),
      doc.author && h('span', {}, `by ${doc.author}`),
      href ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original page ↗') : doc.url && h('span', { class: 'bad-url' }, doc.url),
    ),
    doc.events.length > 0 &&
      h(
        'div',
        { class: 'doc-events' },
        h('span', { class: 'doc-events-label' }, doc.events.length === 1 ? 'Event:' : 'Events:'),
        doc.events.map((id) => h('a', { href: `#/event/${id}`, class: 'chip chip-link' }, eventTitles.get(id) ?? id)),
      ),
    legend,
    segments(doc, target),
  );
}
