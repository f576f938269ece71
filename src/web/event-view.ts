/**
 * One event: every field with its merged value and, at a glance, whether the sources agree, dispute
 * it or stand alone; then the evidence: each claim with its quote (the words the value came from
 * marked), its source and whom the source attributes it to, and a link to the sentence in the
 * document.
 */
import type { Claim, Event, FieldName, FieldStatus } from '../model/types';
import { h, type Child } from './dom';
import { claimNeedle, claimValueLabel, countLabel, dateLabel, eventTypeLabel, FIELD_LABELS, FIELD_ORDER, placeLabel, precisionLabel, reportSourceName, typeLabel } from './format';
import { categoryDot } from './list';

const STATUS_TEXT: Record<FieldStatus, string> = { agreed: 'agreed', disputed: 'disputed', single: 'single source' };
const STATUS_HINT: Record<FieldStatus, string> = {
  agreed: 'two or more documents give compatible values',
  disputed: 'the claims conflict',
  single: 'only one document gives it',
};
/** Quotes shown per value before the rest fold away. */
const QUOTES_SHOWN = 2;

function statusBadge(status: FieldStatus | undefined): HTMLElement | null {
  if (!status) return null;
  return h('span', { class: `status status-${status}`, title: STATUS_HINT[status] }, STATUS_TEXT[status]);
}

/** The quote with the value's words marked, when they stand in it. */
function quoteWithMark(quote: string, needle: string | null): Child[] {
  if (!needle) return [quote];
  const at = quote.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return [quote];
  return [quote.slice(0, at), h('mark', {}, quote.slice(at, at + needle.length)), quote.slice(at + needle.length)];
}

export function documentLink(c: Pick<Claim, 'document' | 'start' | 'end'>, eventId: string): string {
  return `#/document/${c.document}?start=${c.start}&end=${c.end}&event=${eventId}`;
}

function claimFigure(e: Event, c: Claim): HTMLElement {
  const report = e.reports.find((r) => r.document === c.document);
  const source = report ? reportSourceName(report) : c.document;
  return h(
    'figure',
    { class: 'claim' },
    h('blockquote', { class: 'quote', dir: 'auto' }, quoteWithMark(c.quote.replace(/\s+/g, ' '), claimNeedle(c.field, c.value))),
    h(
      'figcaption',
      { class: 'claim-source' },
      h('span', { class: 'source-name', title: report?.source ?? c.document }, source),
      report?.published && h('span', { class: 'source-date' }, report.published),
      c.attributed_to ? h('span', { class: 'attribution' }, 'according to ', h('strong', {}, c.attributed_to)) : h('span', { class: 'attribution none' }, 'in the reporter’s own words'),
      c.hedged && h('span', { class: 'chip chip-hedged', title: 'hedged: "may have", "reportedly"…' }, 'hedged'),
      h('a', { class: 'to-document', href: documentLink(c, e.id) }, 'Show in document →'),
    ),
  );
}

function fieldSection(e: Event, field: FieldName): HTMLElement | null {
  const ev = e.fields[field];
  if (!ev || !ev.claims.length) return null;
  const groups = new Map<string, Claim[]>();
  for (const c of ev.claims) {
    const key = claimValueLabel(field, c.value);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const documents = new Set(ev.claims.map((c) => c.document)).size;
  return h(
    'section',
    { class: `field field-${ev.status}`, 'data-field': field },
    h(
      'header',
      { class: 'field-head' },
      h('h4', { class: 'field-name' }, FIELD_LABELS[field]),
      statusBadge(ev.status),
      h('span', { class: 'field-note' }, `${ev.claims.length} claim${ev.claims.length === 1 ? '' : 's'} from ${documents} document${documents === 1 ? '' : 's'}`),
    ),
    [...groups].map(([label, claims]) => {
      const v = claims[0].value as { precision?: string } | null;
      const shown = claims.slice(0, QUOTES_SHOWN).map((c) => claimFigure(e, c));
      const rest = claims.slice(QUOTES_SHOWN);
      return h(
        'div',
        { class: 'claim-group' },
        h('div', { class: 'claim-value' }, label, field === 'location' && v?.precision ? h('span', { class: 'precision' }, precisionLabel(v.precision)) : null),
        shown,
        rest.length > 0 && h('details', { class: 'more-claims' }, h('summary', {}, `${rest.length} more quote${rest.length === 1 ? '' : 's'}`), rest.map((c) => claimFigure(e, c))),
      );
    }),
  );
}

function summaryRow(label: string, value: Child | Child[], status: FieldStatus | undefined): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, h('span', { class: 'summary-value' }, value), statusBadge(status))];
}

export function eventView(e: Event): HTMLElement {
  const f = e.fields;
  const where = e.location ? [placeLabel(e.location), h('span', { class: 'precision' }, precisionLabel(e.location.precision))] : 'unknown';
  const actors = e.actors.filter((a) => a.role !== 'mentioned');
  return h(
    'article',
    { class: 'event-view', 'data-id': e.id },
    h('a', { class: 'back', href: '#/' }, '← All events'),
    h('h2', { class: 'event-heading', dir: 'auto' }, e.title),
    h(
      'div',
      { class: 'chips' },
      categoryDot(e),
      h('span', { class: 'chip chip-type' }, eventTypeLabel(e)),
      h('span', { class: 'chip' }, typeLabel(e.category)),
      e.tags.map((t) => h('span', { class: 'chip chip-tag' }, t.replace(/_/g, ' '))),
      e.disputed.length > 0 && h('span', { class: 'chip chip-disputed' }, `disputed: ${e.disputed.join(', ')}`),
    ),
    h(
      'dl',
      { class: 'summary' },
      summaryRow('What happened', eventTypeLabel(e), f.type?.status),
      summaryRow('When', dateLabel(e.date), f.date?.status),
      summaryRow('Where', where, f.location?.status),
      summaryRow('Killed', countLabel(e.fatalities), f.fatalities?.status),
      (e.injured || f.injured) && summaryRow('Injured', countLabel(e.injured), f.injured?.status),
      (e.captured || f.captured) && summaryRow('Captured', countLabel(e.captured), f.captured?.status),
      summaryRow('Who', actors.length ? actors.map((a) => a.name).join('; ') : 'unknown', f.actors?.status),
      e.equipment.length > 0 && summaryRow('Equipment', e.equipment.join(', '), f.equipment?.status),
      summaryRow('Sources', `${e.reports.length} document${e.reports.length === 1 ? '' : 's'}`, undefined),
    ),
    h('h3', { class: 'section-title' }, 'Evidence'),
    h('p', { class: 'hint' }, 'Every value with the sentence it came from. ', h('span', { class: 'status status-agreed' }, 'agreed'), ' sources agree, ', h('span', { class: 'status status-disputed' }, 'disputed'), ' they conflict, ', h('span', { class: 'status status-single' }, 'single source'), ' one document only.'),
    // disputes first: they are what a reader has to weigh
    [...FIELD_ORDER].sort((a, b) => Number(e.fields[b]?.status === 'disputed') - Number(e.fields[a]?.status === 'disputed')).map((field) => fieldSection(e, field)),
    h('h3', { class: 'section-title' }, 'Sources'),
    h(
      'ul',
      { class: 'sources' },
      e.reports.map((r) =>
        h('li', {}, h('a', { href: `#/document/${r.document}?event=${e.id}`, dir: 'auto' }, r.title ?? reportSourceName(r)), h('span', { class: 'source-meta' }, [r.published ?? 'undated', reportSourceName(r)].join(' · '))),
      ),
    ),
  );
}
