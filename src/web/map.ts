/**
 * The map: country outlines from world-atlas (Natural Earth, TopoJSON bundled with the page, no
 * tile server) drawn as SVG in a Web Mercator projection, with one marker per event. Markers are
 * sized by fatalities, styled by how precise the location is (solid: an exact place; dashed and
 * pale: a region or only a country), ringed when a field is disputed, and gathered into numbered
 * clusters where they crowd together at the current zoom. Clusters and markers never overlap
 * (touching ones merge) and a cluster is kept whole inside the map's edge. The legend names each
 * category's colour. Wheel or buttons zoom, dragging pans.
 *
 * The 1:110m outlines load first; past a regional zoom the 1:50m ones replace them.
 * Antarctica is left out (Mercator cannot show it and no event is there); the two countries that
 * cross the antimeridian (Russia, Fiji) are unwrapped and drawn on both sides.
 */
import { feature, type Feature, type Topology } from 'topojson-client';
import world110 from 'world-atlas/countries-110m.json?url';
import world50 from 'world-atlas/countries-50m.json?url';
import type { Event } from '../model/types';
import { svg } from './dom';
import { CATEGORIES, categoryColor, placeLabel } from './format';

/** Width of the whole world in map units; a pixel is `unit * k + offset`. */
const WORLD = 256;
const MAX_LAT = 85;
const MIN_ZOOM_FACTOR = 1;
const MAX_K = 2 ** 12;
/** Fitting to one point (or a few close ones) stops at about 2,000 km across a 900 px map. */
const MAX_FIT_K = 96;
/** Past this scale the detailed outlines are worth their 750 kB. */
const DETAIL_K = 20;
/** Markers closer than this many pixels become one cluster. */
const CLUSTER_PX = 22;

export function project(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * WORLD, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * WORLD];
}

function ringPath(ring: number[][]): string {
  // unwrap longitudes so a ring crossing ±180 stays in one piece (it spills past the world's edge)
  let shift = 0;
  let prev = ring[0][0];
  const pts: string[] = [];
  for (const [lon, lat] of ring) {
    if (lon - prev > 180) shift -= 360;
    else if (prev - lon > 180) shift += 360;
    prev = lon;
    const [x, y] = project(lon + shift, lat);
    pts.push(`${x.toFixed(3)} ${y.toFixed(3)}`);
  }
  return `M${pts.join('L')}Z`;
}

function featurePath(f: Feature): string {
  if (!f.geometry) return '';
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polygons.map((p) => p.map(ringPath).join('')).join('');
}

interface Marker {
  event: Event;
  x: number;
  y: number;
  r: number;
}

/** What is drawn: one marker, or a cluster of several, as a circle in pixels. */
interface Group {
  members: Marker[];
  x: number;
  y: number;
  r: number;
}

export interface DisputedPlace {
  lat: number;
  lon: number;
  label: string;
}

export interface MapOptions {
  onSelect(id: string): void;
}

function radiusOf(e: Event): number {
  const killed = e.fatalities?.best ?? 0;
  return Math.min(26, 5 + 2.6 * Math.sqrt(killed));
}

export class WorldMap {
  private readonly root: SVGSVGElement;
  private readonly land: SVGGElement;
  private readonly marks: SVGGElement;
  private readonly tooltip: HTMLDivElement;
  private view = { k: 4, x: 0, y: 0 };
  private size = { w: 800, h: 500 };
  private events: Event[] = [];
  private selected: string | null = null;
  private disputed: DisputedPlace[] = [];
  /** The places a document names (the document view), pinned and labelled. */
  private places: DisputedPlace[] = [];
  private detail: 'coarse' | 'loading' | 'fine' = 'coarse';
  private drag: { x: number; y: number; vx: number; vy: number; moved: boolean } | null = null;
  private suppressClick = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly opts: MapOptions,
  ) {
    this.land = svg('g', { class: 'land' });
    this.marks = svg('g', { class: 'marks' });
    const clip = svg('clipPath', { id: 'world-clip' }, svg('rect', { x: 0, y: 0, width: WORLD, height: WORLD }));
    this.land.setAttribute('clip-path', 'url(#world-clip)');
    this.root = svg('svg', { class: 'map-svg', role: 'img', 'aria-label': 'Map of the events' }, svg('defs', {}, clip), svg('rect', { class: 'sea', x: 0, y: 0, width: '100%', height: '100%' }), this.land, this.marks);
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'map-tooltip';
    this.tooltip.hidden = true;
    host.append(this.root, this.tooltip, this.controls(), this.legend());
    this.listen();
    new ResizeObserver(() => this.resize()).observe(host);
    this.resize();
    void this.loadOutlines(world110, 'coarse');
  }

  private async loadOutlines(url: string, detail: 'coarse' | 'fine'): Promise<void> {
    const topo = (await (await fetch(url)).json()) as Topology;
    const countries = feature(topo, topo.objects.countries).features.filter((f) => f.properties?.name !== 'Antarctica');
    const paths = countries.map((f) => {
      const d = featurePath(f);
      const name = f.properties?.name ?? '';
      // drawn three times (shifted a world left and right) so an unwrapped ring shows on both sides
      const p = svg('path', { d, class: 'country', 'vector-effect': 'non-scaling-stroke' }, svg('title', {}, name));
      const copies = /Russia|Fiji/.test(name) ? [-WORLD, WORLD].map((dx) => svg('path', { d, class: 'country', transform: `translate(${dx} 0)`, 'vector-effect': 'non-scaling-stroke' })) : [];
      return [p, ...copies];
    });
    if (detail === 'coarse' && this.detail !== 'coarse') return; // the fine outlines came first
    this.land.replaceChildren(...paths.flat());
    this.detail = detail;
    this.applyView();
  }

  private controls(): HTMLElement {
    const button = (label: string, title: string, act: () => void) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.title = title;
      b.setAttribute('aria-label', title);
      b.addEventListener('click', act);
      return b;
    };
    const box = document.createElement('div');
    box.className = 'map-controls';
    box.append(
      button('+', 'Zoom in', () => this.zoomAt(this.size.w / 2, this.size.h / 2, 2)),
      button('−', 'Zoom out', () => this.zoomAt(this.size.w / 2, this.size.h / 2, 0.5)),
      button('⤢', 'Fit to the events', () => this.fit()),
    );
    return box;
  }

  private legend(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'map-legend';
    const row = (icon: SVGSVGElement, text: string) => {
      const r = document.createElement('div');
      r.className = 'legend-row';
      const t = document.createElement('span');
      t.textContent = text;
      r.append(icon, t);
      return r;
    };
    const icon = (...children: SVGElement[]) => svg('svg', { width: 22, height: 22, viewBox: '-11 -11 22 22' }, ...children);
    const c = '#4a5a6a';
    box.append(
      row(icon(svg('circle', { r: 7, class: 'mk mk-place', fill: c })), 'exact place'),
      row(icon(svg('circle', { r: 7, class: 'mk mk-admin1', fill: c, stroke: c })), 'region only'),
      row(icon(svg('circle', { r: 7, class: 'mk mk-country', fill: c, stroke: c })), 'country only'),
      row(icon(svg('circle', { r: 5, class: 'mk mk-place', fill: c }), svg('circle', { r: 8.5, class: 'mk-disputed' })), 'disputed field'),
      row(icon(svg('circle', { r: 9, class: 'cluster' }), svg('text', { class: 'cluster-n', y: 3.5 }, '3')), 'several events'),
    );
    const note = document.createElement('div');
    note.className = 'legend-note';
    note.textContent = 'size: people killed';
    box.append(note);
    const colours = document.createElement('div');
    colours.className = 'legend-categories';
    for (const [id, { label, color }] of Object.entries(CATEGORIES)) {
      const r = row(icon(svg('circle', { r: 6, fill: color, stroke: color, class: 'mk mk-place' })), label);
      r.dataset.category = id;
      colours.append(r);
    }
    box.append(colours);
    return box;
  }

  private listen(): void {
    this.root.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const r = this.root.getBoundingClientRect();
        this.zoomAt(e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)));
      },
      { passive: false },
    );
    this.root.addEventListener('dblclick', (e) => {
      const r = this.root.getBoundingClientRect();
      this.zoomAt(e.clientX - r.left, e.clientY - r.top, e.shiftKey ? 0.5 : 2);
    });
    this.root.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      this.drag = { x: e.clientX, y: e.clientY, vx: this.view.x, vy: this.view.y, moved: false };
    });
    window.addEventListener('pointermove', (e) => {
      if (!this.drag) return;
      const dx = e.clientX - this.drag.x;
      const dy = e.clientY - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!this.drag.moved) this.root.setPointerCapture?.(e.pointerId);
      this.drag.moved = true;
      this.view.x = this.drag.vx + dx;
      this.view.y = this.drag.vy + dy;
      this.clamp();
      this.applyView();
    });
    window.addEventListener('pointerup', () => {
      if (this.drag?.moved) {
        this.suppressClick = true;
        setTimeout(() => (this.suppressClick = false), 0);
        this.render();
      }
      this.drag = null;
    });
  }

  private resize(): void {
    const w = this.host.clientWidth || 800;
    const h = this.host.clientHeight || 500;
    const first = this.size.w !== w || this.size.h !== h;
    this.size = { w, h };
    this.root.setAttribute('viewBox', `0 0 ${w} ${h}`);
    if (first) this.fit();
  }

  private minK(): number {
    return (this.size.w / WORLD) * MIN_ZOOM_FACTOR;
  }

  /** Keeps the world covering the view (or centred in it when smaller). */
  private clamp(): void {
    const { w, h } = this.size;
    const span = WORLD * this.view.k;
    this.view.x = span <= w ? (w - span) / 2 : Math.min(0, Math.max(w - span, this.view.x));
    this.view.y = span <= h ? (h - span) / 2 : Math.min(0, Math.max(h - span, this.view.y));
  }

  private zoomAt(px: number, py: number, factor: number): void {
    const k = Math.max(this.minK(), Math.min(MAX_K, this.view.k * factor));
    const f = k / this.view.k;
    this.view = { k, x: px - (px - this.view.x) * f, y: py - (py - this.view.y) * f };
    this.clamp();
    this.applyView();
    this.render();
  }

  /** Fits the view to the given places, or to every event with a location. */
  fit(points?: readonly { lat: number; lon: number }[]): void {
    const pts = (points ?? this.events.flatMap((e) => (e.location ? [e.location] : []))).map((p) => project(p.lon, p.lat));
    const { w, h } = this.size;
    if (!pts.length) {
      this.view = { k: Math.max(this.minK(), Math.min(w, h * 1.4) / WORLD), x: 0, y: 0 };
      const k = this.view.k;
      this.view.x = (w - WORLD * k) / 2;
      this.view.y = (h - WORLD * k) / 2 - WORLD * k * 0.08;
    } else {
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const pad = 80;
      const k = Math.max(this.minK(), Math.min(MAX_FIT_K, (w - pad * 2) / Math.max(x1 - x0, 1e-6), (h - pad * 2) / Math.max(y1 - y0, 1e-6)));
      this.view = { k, x: w / 2 - ((x0 + x1) / 2) * k, y: h / 2 - ((y0 + y1) / 2) * k };
    }
    this.clamp();
    this.applyView();
    this.render();
  }

  setEvents(events: readonly Event[], refit: boolean): void {
    this.events = [...events];
    if (refit) this.fit();
    else this.render();
  }

  /** Marks one event (or none) and, for a disputed location, the places each source named. */
  select(id: string | null, disputed: readonly DisputedPlace[] = []): void {
    this.selected = id;
    this.places = [];
    this.disputed = [...disputed];
    const e = id ? this.events.find((x) => x.id === id) : undefined;
    const pts = [...(e?.location ? [e.location] : []), ...disputed];
    if (id && pts.length) this.fit(pts);
    else this.render();
  }

  /** Pins the places one document names and fits the map to them; an empty list removes them. */
  showPlaces(places: readonly DisputedPlace[]): void {
    this.places = [...places];
    if (places.length) this.fit(places);
    else this.render();
  }

  private applyView(): void {
    const { k, x, y } = this.view;
    this.land.setAttribute('transform', `matrix(${k} 0 0 ${k} ${x} ${y})`);
    if (this.detail === 'coarse' && k >= DETAIL_K) {
      this.detail = 'loading';
      void this.loadOutlines(world50, 'fine').catch(() => (this.detail = 'coarse'));
    }
    // while dragging the markers just move along; they are re-clustered when the drag ends
    if (this.drag?.moved) this.marks.setAttribute('transform', `translate(${x - this.drag.vx} ${y - this.drag.vy})`);
  }

  private toPixel(lon: number, lat: number): [number, number] {
    const [ux, uy] = project(lon, lat);
    return [ux * this.view.k + this.view.x, uy * this.view.k + this.view.y];
  }

  /** Redraws the markers for the current view: cluster, then draw biggest first so small ones stay clickable. */
  private render(): void {
    this.marks.removeAttribute('transform');
    const { w, h } = this.size;
    const markers: Marker[] = [];
    for (const e of this.events) {
      if (!e.location) continue;
      const [x, y] = this.toPixel(e.location.lon, e.location.lat);
      if (x < -40 || y < -40 || x > w + 40 || y > h + 40) continue;
      markers.push({ event: e, x, y, r: radiusOf(e) });
    }
    markers.sort((a, b) => b.r - a.r || (a.event.id < b.event.id ? -1 : 1));
    const used = new Set<number>();
    let groups: Group[] = [];
    for (let i = 0; i < markers.length; i++) {
      if (used.has(i)) continue;
      const group = [markers[i]];
      used.add(i);
      for (let j = i + 1; j < markers.length; j++) {
        if (used.has(j)) continue;
        if (Math.hypot(markers[j].x - markers[i].x, markers[j].y - markers[i].y) < CLUSTER_PX && markers[j].event.id !== this.selected && markers[i].event.id !== this.selected) {
          group.push(markers[j]);
          used.add(j);
        }
      }
      groups.push(this.group(group));
    }
    groups = this.separate(groups);
    const nodes: SVGElement[] = [];
    for (const g of groups) if (g.members.length > 1) nodes.push(this.cluster(g));
    for (const g of groups) if (g.members.length === 1) nodes.push(this.marker(g.members[0]));
    nodes.push(...this.disputedPlaces(), ...this.documentPlaces());
    this.marks.replaceChildren(...nodes);
  }

  /** A cluster's (or a lone marker's) circle: at the members' mean, kept whole inside the map. */
  private group(members: Marker[]): Group {
    if (members.length === 1) return { members, x: members[0].x, y: members[0].y, r: members[0].r };
    const r = 11 + 3 * Math.log2(members.length);
    const { w, h } = this.size;
    const mx = members.reduce((s, m) => s + m.x, 0) / members.length;
    const my = members.reduce((s, m) => s + m.y, 0) / members.length;
    const x = w > 2 * r + 4 ? Math.max(r + 2, Math.min(w - r - 2, mx)) : mx;
    const y = h > 2 * r + 4 ? Math.max(r + 2, Math.min(h - r - 2, my)) : my;
    return { members, x, y, r };
  }

  /** Merges circles that touch until none do (the selected event stays apart, drawn on top). */
  private separate(groups: Group[]): Group[] {
    const selected = (g: Group) => g.members.some((m) => m.event.id === this.selected);
    // each pass merges every touching pair it meets; a merged circle is larger and may touch more,
    // hence another pass (a handful at most in practice; capped so a pathological view stays quick)
    for (let pass = 0; pass < 30; pass++) {
      let merged = false;
      for (let i = 0; i < groups.length; i++) {
        if (selected(groups[i])) continue;
        for (let j = i + 1; j < groups.length; j++) {
          const [a, b] = [groups[i], groups[j]];
          if (selected(b) || Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r + 1) continue;
          groups[i] = this.group([...a.members, ...b.members]);
          groups.splice(j, 1);
          j = i; // the grown circle is checked against all the rest again
          merged = true;
        }
      }
      if (!merged) break;
    }
    return groups;
  }

  private cluster({ members: group, x, y, r }: Group): SVGElement {
    const killed = group.reduce((s, m) => s + (m.event.fatalities?.best ?? 0), 0);
    const label = `${group.length} events${killed ? `, ${killed} killed` : ''}: click to zoom in`;
    const g = svg('g', { class: 'cluster-g', transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})`, tabindex: 0, role: 'button', 'aria-label': label, 'data-r': r.toFixed(1) },
      svg('title', {}, label), svg('circle', { r: r.toFixed(1), class: 'cluster' }), svg('text', { class: 'cluster-n', y: 4 }, String(group.length)));
    g.addEventListener('click', () => {
      if (this.suppressClick) return;
      this.fit(group.map((m) => m.event.location!));
    });
    return g;
  }

  private marker(m: Marker): SVGElement {
    const e = m.event;
    const color = categoryColor(e.category);
    const precision = e.location?.precision ?? 'place';
    const selected = e.id === this.selected;
    const g = svg('g', { class: `marker${selected ? ' selected' : ''}`, transform: `translate(${m.x.toFixed(1)} ${m.y.toFixed(1)})`, tabindex: 0, role: 'button', 'data-id': e.id, 'aria-label': e.title, 'data-r': m.r.toFixed(1) });
    if (selected) g.append(svg('circle', { r: (m.r + 6).toFixed(1), class: 'mk-selected' }));
    if (e.disputed.length) g.append(svg('circle', { r: (m.r + 3).toFixed(1), class: 'mk-disputed' }));
    g.append(svg('circle', { r: m.r.toFixed(1), class: `mk mk-${precision}`, fill: color, stroke: color }));
    const open = () => {
      if (!this.suppressClick) this.opts.onSelect(e.id);
    };
    g.addEventListener('click', open);
    g.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') open();
    });
    g.addEventListener('pointerenter', () => this.showTooltip(m));
    g.addEventListener('pointerleave', () => (this.tooltip.hidden = true));
    return g;
  }

  private showTooltip(m: Marker): void {
    const e = m.event;
    const lines = [e.title, `${e.date?.start ?? 'date unknown'} · ${placeLabel(e.location)}${e.location?.precision && e.location.precision !== 'place' ? ` (${e.location.precision})` : ''}`];
    if (e.fatalities) lines.push(`${e.fatalities.best} killed`);
    if (e.disputed.length) lines.push(`disputed: ${e.disputed.join(', ')}`);
    this.tooltip.replaceChildren(
      ...lines.map((l, i) => {
        const d = document.createElement('div');
        d.className = i === 0 ? 'tt-title' : 'tt-line';
        d.textContent = l;
        return d;
      }),
    );
    this.tooltip.hidden = false;
    const left = Math.min(m.x + 14, this.size.w - 270);
    this.tooltip.style.left = `${Math.max(4, left)}px`;
    this.tooltip.style.top = `${Math.max(4, m.y - 10)}px`;
  }

  /** The places of the document on view: labelled pins. */
  private documentPlaces(): SVGElement[] {
    return this.places.map((d) => {
      const [x, y] = this.toPixel(d.lon, d.lat);
      return svg('g', { class: 'doc-pin', transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})` }, svg('title', {}, d.label), svg('circle', { r: 5 }), svg('text', { x: 9, y: 4 }, d.label));
    });
  }

  /** The places sources disagree on, for the selected event: hollow pins, joined by dashed lines. */
  private disputedPlaces(): SVGElement[] {
    if (!this.disputed.length) return [];
    const e = this.events.find((x) => x.id === this.selected);
    const pts = this.disputed.map((d) => ({ d, p: this.toPixel(d.lon, d.lat) }));
    const out: SVGElement[] = [];
    if (e?.location) {
      const [ex, ey] = this.toPixel(e.location.lon, e.location.lat);
      for (const { p } of pts) out.push(svg('line', { x1: ex, y1: ey, x2: p[0], y2: p[1], class: 'dispute-line' }));
    }
    for (const { d, p } of pts) {
      out.push(
        svg('g', { class: 'dispute-pin', transform: `translate(${p[0].toFixed(1)} ${p[1].toFixed(1)})` },
          svg('title', {}, `claimed: ${d.label}`),
          svg('circle', { r: 6 }),
          svg('text', { x: 10, y: 4 }, d.label)),
      );
    }
    return out;
  }
}
