/**
 * The page: filters on top, a panel on the left (the event list, one event, or one document) and
 * the map with the timeline on the right. Routes live in the hash (`#/`, `#/event/ID`,
 * `#/document/ID?start=&end=&event=`), so the back button and links work; all data comes from
 * the API. State is one object made in `start()`, not module globals.
 */
import './style.css';
import { fetchDocument, fetchEvent, fetchEvents, filterQuery, type Event, type Filters } from './api';
import { fill, h } from './dom';
import { documentView, type Target } from './document-view';
import { eventView } from './event-view';
import { CATEGORIES, claimValueLabel, countryName, typeLabel } from './format';
import { eventList } from './list';
import { WorldMap, type DisputedPlace } from './map';
import { Timeline, type Range } from './timeline';

interface State {
  filters: Filters;
  events: Event[];
  next: string | null;
  brush: Range | null;
  loading: boolean;
  error: string | null;
  countries: Set<string>;
  /** Events seen by id, for titles in the document view and the map of a linked event. */
  seen: Map<string, Event>;
  listScroll: number;
  route: string;
  request: AbortController | null;
}

type Route = { view: 'list' } | { view: 'event'; id: string } | { view: 'document'; id: string; target: Target | null; event: string | null };

function parseRoute(hash: string): Route {
  const m = /^#\/(event|document)\/([A-Za-z0-9_]+)(?:\?(.*))?$/.exec(hash);
  if (!m) return { view: 'list' };
  if (m[1] === 'event') return { view: 'event', id: m[2] };
  const p = new URLSearchParams(m[3] ?? '');
  const start = Number(p.get('start'));
  const end = Number(p.get('end'));
  const target = p.has('start') && p.has('end') && Number.isInteger(start) && Number.isInteger(end) && end > start ? { start, end } : null;
  return { view: 'document', id: m[2], target, event: p.get('event') };
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page lacks #${id}`);
  return el as T;
}

/** The places a disputed location's claims name, for the map. */
function disputedPlaces(e: Event): DisputedPlace[] {
  if (!e.disputed.includes('location')) return [];
  const seen = new Map<string, DisputedPlace>();
  for (const c of e.fields.location?.claims ?? []) {
    const v = c.value as { lat?: number; lon?: number } | null;
    if (typeof v?.lat !== 'number' || typeof v.lon !== 'number') continue;
    const label = claimValueLabel('location', c.value).split(',')[0];
    seen.set(label, { lat: v.lat, lon: v.lon, label });
  }
  return [...seen.values()];
}

function start(): void {
  const panel = byId<HTMLElement>('panel');
  const form = byId<HTMLFormElement>('filters');
  const q = byId<HTMLInputElement>('q');
  const since = byId<HTMLInputElement>('since');
  const until = byId<HTMLInputElement>('until');
  const type = byId<HTMLSelectElement>('type');
  const country = byId<HTMLSelectElement>('country');
  const disputed = byId<HTMLInputElement>('disputed');
  const csv = byId<HTMLAnchorElement>('export-csv');
  const geojson = byId<HTMLAnchorElement>('export-geojson');

  const state: State = {
    filters: { q: '', since: '', until: '', type: '', country: '', disputed: false },
    events: [],
    next: null,
    brush: null,
    loading: false,
    error: null,
    countries: new Set(),
    seen: new Map(),
    listScroll: 0,
    route: '',
    request: null,
  };

  const visible = () => (state.brush ? state.events.filter((e) => e.date && e.date.start >= state.brush![0] && e.date.start <= state.brush![1]) : state.events);

  const map = new WorldMap(byId('map'), { onSelect: (id) => (location.hash = `#/event/${id}`) });
  const timeline = new Timeline(byId('timeline'), {
    onBrush: (range) => {
      state.brush = range;
      map.setEvents(visible(), false);
      if (parseRoute(location.hash).view === 'list') renderList();
    },
  });

  // the type filter: ACLED categories, each with its types
  for (const [cat, { label, types }] of Object.entries(CATEGORIES)) {
    type.append(h('optgroup', { label }, h('option', { value: cat }, `${label} (all)`), types.map((t) => h('option', { value: t }, typeLabel(t)))));
  }

  function renderCountries(): void {
    const chosen = country.value;
    const codes = [...state.countries].sort((a, b) => countryName(a).localeCompare(countryName(b)));
    fill(country, h('option', { value: '' }, 'All countries'), codes.map((cc) => h('option', { value: cc }, `${countryName(cc)} (${cc})`)));
    country.value = chosen;
  }

  function errorBox(): HTMLElement | null {
    return state.error ? h('div', { class: 'error', role: 'alert' }, state.error) : null;
  }

  function renderList(): void {
    const shown = visible();
    fill(
      panel,
      errorBox(),
      eventList({
        events: shown,
        total: state.events.length,
        more: !!state.next && !state.brush,
        loading: state.loading,
        selected: null,
        onMore: () => void load(true),
        onHover: (id) => {
          for (const m of document.querySelectorAll('.marker.hover')) m.classList.remove('hover');
          if (id) document.querySelector(`.marker[data-id="${CSS.escape(id)}"]`)?.classList.add('hover');
        },
      }),
    );
    panel.scrollTop = state.listScroll;
  }

  async function load(append: boolean): Promise<void> {
    state.request?.abort();
    const request = new AbortController();
    state.request = request;
    state.loading = true;
    state.error = null;
    const query = filterQuery(state.filters);
    csv.href = `api/export.csv${query}`;
    geojson.href = `api/export.geojson${query}`;
    if (parseRoute(location.hash).view === 'list') renderList();
    try {
      const page = await fetchEvents(state.filters, append ? state.next : null, request.signal);
      state.events = append ? [...state.events, ...page.events] : page.events;
      state.next = page.next;
      for (const e of page.events) {
        state.seen.set(e.id, e);
        if (e.location) state.countries.add(e.location.country);
      }
      if (!append) {
        state.brush = null;
        timeline.setBrush(null);
        state.listScroll = 0;
      }
      renderCountries();
      timeline.setEvents(state.events);
      map.setEvents(visible(), !append);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      state.error = `Could not load the events: ${(err as Error).message}`;
    } finally {
      if (state.request === request) {
        state.loading = false;
        state.request = null;
      }
    }
    void route();
  }

  async function getEvent(id: string): Promise<Event> {
    const known = state.seen.get(id);
    if (known) return known;
    const e = await fetchEvent(id);
    state.seen.set(id, e);
    return e;
  }

  async function route(): Promise<void> {
    const hash = location.hash;
    const r = parseRoute(hash);
    if (state.route === '' || parseRoute(state.route).view === 'list') state.listScroll = panel.scrollTop;
    const changed = state.route !== hash;
    state.route = hash;
    document.body.dataset.view = r.view;
    try {
      if (r.view === 'list') {
        renderList();
        map.setEvents(visible(), false);
        map.select(null);
        document.title = 'sitrep';
        return;
      }
      if (r.view === 'event') {
        const e = await getEvent(r.id);
        if (state.route !== hash) return;
        fill(panel, errorBox(), eventView(e));
        if (changed) panel.scrollTop = 0;
        const shown = visible();
        map.setEvents(shown.some((x) => x.id === e.id) ? shown : [...shown, e], false);
        map.select(e.id, disputedPlaces(e));
        document.title = `${e.title} · sitrep`;
        return;
      }
      const doc = await fetchDocument(r.id);
      if (state.route !== hash) return;
      const titles = new Map<string, string>();
      await Promise.all(doc.events.map(async (id) => titles.set(id, (await getEvent(id).catch(() => null))?.title ?? id)));
      if (state.route !== hash) return;
      fill(panel, errorBox(), documentView(doc, r.target, r.event, titles));
      document.title = `${doc.title ?? 'Document'} · sitrep`;
      const target = document.getElementById('target');
      if (target) target.scrollIntoView({ block: 'center' });
      else if (changed) panel.scrollTop = 0;
      const e = r.event ? state.seen.get(r.event) : undefined;
      map.select(e?.id ?? null, e ? disputedPlaces(e) : []);
    } catch (err) {
      if (state.route !== hash) return;
      fill(panel, h('a', { class: 'back', href: '#/' }, '← All events'), h('div', { class: 'error', role: 'alert' }, (err as Error).message));
    }
  }

  // ---------------------------------------------------------------- filters
  let typing: ReturnType<typeof setTimeout> | undefined;
  const readFilters = () => {
    state.filters = { q: q.value, since: since.value, until: until.value, type: type.value, country: country.value, disputed: disputed.checked };
    if (location.hash && parseRoute(location.hash).view !== 'list') location.hash = '#/';
    void load(false);
  };
  q.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(readFilters, 300);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    readFilters();
  });
  for (const el of [since, until, type, country, disputed]) el.addEventListener('change', readFilters);
  form.addEventListener('reset', () => setTimeout(readFilters, 0));

  window.addEventListener('hashchange', () => void route());
  void load(false);
}

start();
