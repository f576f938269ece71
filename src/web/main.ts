/**
 * The page: filters on top, a panel on the left (the event list, one event, or one document) and
 * the map with the timeline on the right. Routes live in the hash (`#/`, `#/event/ID`,
 * `#/document/ID?start=&end=&event=`), and so do the filters (`#/?type=battles&country=SY`,
 * `#/event/ID?type=battles`): a bookmark or a shared link opens the same view, and the back
 * button steps back through filter changes as through views. All data comes from the API. State
 * is one object made in `start()`, not module globals.
 */
import './style.css';
import { fetchDocument, fetchEvent, fetchEvents, filterQuery, type DocumentView, type Event, type Filters } from './api';
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

const FILTER_KEYS = ['q', 'since', 'until', 'type', 'country', 'disputed'] as const;
const NO_FILTERS: Filters = { q: '', since: '', until: '', type: '', country: '', disputed: false };

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

/** The filters a hash carries, or null when it carries none. */
function hashFilters(hash: string): Filters | null {
  const i = hash.indexOf('?');
  const p = new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
  if (!FILTER_KEYS.some((k) => p.has(k))) return null;
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  return { q: p.get('q') ?? '', since: date(p.get('since')), until: date(p.get('until')), type: p.get('type') ?? '', country: p.get('country') ?? '', disputed: p.get('disputed') === '1' };
}

/** A hash with the filters set in its query (other parameters, such as a quote's offsets, kept). */
function withFilters(hash: string, f: Filters): string {
  const [path, query = ''] = (hash || '#/').split('?');
  const p = new URLSearchParams(query);
  for (const k of FILTER_KEYS) p.delete(k);
  const own = new URLSearchParams(filterQuery(f).slice(1));
  for (const [k, v] of p) own.set(k, v);
  const s = own.toString();
  return `${path}${s ? `?${s}` : ''}`;
}

const sameFilters = (a: Filters, b: Filters) => FILTER_KEYS.every((k) => (k === 'q' ? a.q.trim() === b.q.trim() : a[k] === b[k]));

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

/** The places a document's reports name (their locations and every location claim), once each. */
function documentPlaces(doc: DocumentView): DisputedPlace[] {
  const seen = new Map<string, DisputedPlace>();
  const add = (v: unknown) => {
    const p = v as { lat?: number; lon?: number; name?: string } | null;
    if (typeof p?.lat !== 'number' || typeof p.lon !== 'number') return;
    const label = claimValueLabel('location', v).split(',')[0];
    if (!seen.has(label)) seen.set(label, { lat: p.lat, lon: p.lon, label });
  };
  for (const r of doc.reports) {
    add(r.location);
    for (const c of r.claims) if (c.field === 'location') add(c.value);
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
  const jsonl = byId<HTMLAnchorElement>('export-jsonl');
  const acled = byId<HTMLAnchorElement>('export-acled');

  const state: State = {
    filters: { ...NO_FILTERS },
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

  const map = new WorldMap(byId('map'), { onSelect: (id) => (location.hash = withFilters(`#/event/${id}`, state.filters)) });
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
    const chosen = state.filters.country;
    // a country from a bookmark is offered even before an event of it is loaded
    const codes = [...new Set([...state.countries, ...(chosen ? [chosen] : [])])].sort((a, b) => countryName(a).localeCompare(countryName(b)));
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
    keepFilters();
    panel.scrollTop = state.listScroll;
  }

  let loaded = false;

  async function load(append: boolean): Promise<void> {
    state.request?.abort();
    const request = new AbortController();
    state.request = request;
    state.loading = true;
    state.error = null;
    const query = filterQuery(state.filters);
    csv.href = `api/export.csv${query}`;
    geojson.href = `api/export.geojson${query}`;
    jsonl.href = `api/export.jsonl${query}`;
    acled.href = `api/export.acled.csv${query}`;
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

  /** Links to other views inside the panel carry the filters, so following one keeps them. */
  function keepFilters(): void {
    for (const a of panel.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) a.setAttribute('href', withFilters(a.getAttribute('href')!, state.filters));
    byId<HTMLAnchorElement>('home').setAttribute('href', withFilters('#/', state.filters));
  }

  function showFilters(f: Filters): void {
    if (q.value.trim() !== f.q.trim()) q.value = f.q; // a space being typed is not undone
    since.value = f.since;
    until.value = f.until;
    type.value = f.type;
    disputed.checked = f.disputed;
    renderCountries();
    country.value = f.country;
  }

  async function route(): Promise<void> {
    let hash = location.hash;
    const r = parseRoute(hash);
    // the list's hash says all its filters (none: no filters); a view of one event or document
    // without them keeps the current ones, written into its hash so a bookmark holds them
    const wanted = hashFilters(hash) ?? (r.view === 'list' ? { ...NO_FILTERS } : state.filters);
    if (r.view !== 'list' && !hashFilters(hash) && filterQuery(state.filters)) {
      hash = withFilters(hash, state.filters);
      history.replaceState(null, '', hash);
    }
    if (!sameFilters(wanted, state.filters) || !loaded) {
      state.filters = wanted;
      showFilters(wanted);
      loaded = true;
      void load(false); // calls route() again once the events are in
      if (r.view === 'list') return;
    }
    if (state.route === '' || parseRoute(state.route).view === 'list') state.listScroll = panel.scrollTop;
    const changed = state.route !== hash;
    state.route = hash;
    document.body.dataset.view = r.view;
    try {
      if (r.view === 'list') {
        renderList();
        map.setEvents(visible(), false);
        map.select(null);
        map.showPlaces([]);
        document.title = 'sitrep';
        return;
      }
      if (r.view === 'event') {
        const e = await getEvent(r.id);
        if (state.route !== hash) return;
        fill(panel, errorBox(), eventView(e));
        keepFilters();
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
      keepFilters();
      document.title = `${doc.title ?? 'Document'} · sitrep`;
      const target = document.getElementById('target');
      if (target) target.scrollIntoView({ block: 'center' });
      else if (changed) panel.scrollTop = 0;
      const e = r.event ? state.seen.get(r.event) : undefined;
      map.select(e?.id ?? null, []);
      map.showPlaces(documentPlaces(doc));
    } catch (err) {
      if (state.route !== hash) return;
      fill(panel, h('a', { class: 'back', href: '#/' }, '← All events'), h('div', { class: 'error', role: 'alert' }, (err as Error).message));
    }
  }

  // ---------------------------------------------------------------- filters
  let typing: ReturnType<typeof setTimeout> | undefined;
  // a filter change is a new history entry: the list under those filters
  const readFilters = () => {
    const f: Filters = { q: q.value, since: since.value, until: until.value, type: type.value, country: country.value, disputed: disputed.checked };
    const hash = withFilters('#/', f);
    if (location.hash !== hash) location.hash = hash;
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
  void route();
}

start();
