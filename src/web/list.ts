/** The event list: one row per event, newest first, with what a reader scans for. */
import type { Event } from '../model/types';
import { h } from './dom';
import { categoryColor, claimValueLabel, dateLabel, eventTypeLabel, placeLabel, precisionLabel } from './format';

/** For a disputed field, the values the sources give, as short labels ("Lviv / Odesa"). */
export function disputedValues(e: Event, field: Event['disputed'][number]): string[] {
  const claims = e.fields[field]?.claims ?? [];
  return [...new Set(claims.map((c) => claimValueLabel(field, c.value)))];
}

/** A dot in the category's colour (set through the CSSOM: the page's CSP allows no inline style attributes). */
export function categoryDot(e: Pick<Event, 'category' | 'type'>): HTMLElement {
  const dot = h('span', { class: 'cat-dot', title: eventTypeLabel(e) });
  dot.style.background = categoryColor(e.category);
  return dot;
}

function row(e: Event, selected: boolean): HTMLElement {
  const where = e.location ? `${placeLabel(e.location)}${e.location.precision !== 'place' ? ` (${precisionLabel(e.location.precision)})` : ''}` : 'place unknown';
  const killed = e.fatalities ? `${e.fatalities.best} killed` : null;
  const sources = `${e.reports.length} source${e.reports.length === 1 ? '' : 's'}`;
  return h(
    'li',
    { class: `event-row${selected ? ' selected' : ''}`, 'data-id': e.id },
    h(
      'a',
      { href: `#/event/${e.id}`, class: 'event-link' },
      categoryDot(e),
      h('span', { class: 'event-title', dir: 'auto' }, e.title),
      h(
        'span',
        { class: 'event-meta' },
        h('span', { class: 'meta-date' }, e.date ? dateLabel(e.date) : 'date unknown'),
        h('span', { class: 'meta-place' }, where),
        h('span', { class: 'meta-type' }, eventTypeLabel(e)),
        killed && h('span', { class: 'meta-killed' }, killed),
        h('span', { class: 'meta-sources' }, sources),
      ),
      e.disputed.length > 0 &&
        h(
          'span',
          { class: 'event-disputes' },
          e.disputed.map((f) => h('span', { class: 'chip chip-disputed' }, `${f} disputed: `, h('span', { class: 'dispute-values' }, disputedValues(e, f).join(' / ')))),
        ),
    ),
  );
}

export interface ListOptions {
  events: readonly Event[];
  total: number;
  more: boolean;
  loading: boolean;
  selected: string | null;
  onMore(): void;
  onHover(id: string | null): void;
}

export function eventList(o: ListOptions): HTMLElement {
  const list = h('ol', { class: 'event-list' }, o.events.map((e) => row(e, e.id === o.selected)));
  list.addEventListener('pointerover', (ev) => o.onHover((ev.target as Element).closest?.('[data-id]')?.getAttribute('data-id') ?? null));
  list.addEventListener('pointerleave', () => o.onHover(null));
  const count = o.events.length === o.total ? `${o.total} event${o.total === 1 ? '' : 's'}` : `${o.events.length} of ${o.total} events in the brushed dates`;
  return h(
    'section',
    { class: 'list-view', 'aria-label': 'Events' },
    h('div', { class: 'list-head' }, h('span', { class: 'list-count', 'aria-live': 'polite' }, o.loading ? 'loading…' : count)),
    o.events.length ? list : !o.loading && h('p', { class: 'empty' }, 'No events match these filters.'),
    o.more && h('button', { type: 'button', class: 'more', onclick: () => o.onMore(), disabled: o.loading }, 'Load more events'),
  );
}
