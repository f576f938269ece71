/**
 * Events per day as bars (an event counts on its first day; a week-long date counts once).
 * Dragging across the bars brushes a range of days, which filters the list and the map; a click
 * without dragging, or the clear button, removes it. Undated events are counted apart.
 *
 * The axis spans the bulk of the dates, not their extremes: a day further than three interquartile
 * ranges (and at least a year) beyond the middle half is an outlier, counted at the axis's end
 * ("◀ 1 earlier, 1972-06-01") rather than stretching it — one misdated report (1972 among
 * 2010s news) would otherwise squeeze every other bar into a pixel.
 */
import type { Event } from '../model/types';
import { svg } from './dom';

const DAY = 86_400_000;
const PAD = { left: 28, right: 28, top: 10, bottom: 22 };

export type Range = readonly [string, string];

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

export interface TimelineOptions {
  onBrush(range: Range | null): void;
}

/** The days inside which the axis is drawn: the middle half widened by three interquartile ranges, at least a year. */
export function fences(sorted: readonly number[]): [number, number] {
  if (!sorted.length) return [-Infinity, Infinity];
  const q = (p: number) => sorted[Math.floor(p * (sorted.length - 1))];
  const iqr = q(0.75) - q(0.25);
  const reach = Math.max(3 * iqr, 366);
  return [q(0.25) - reach, q(0.75) + reach];
}

export class Timeline {
  private readonly root: SVGSVGElement;
  private readonly info: HTMLElement;
  private counts = new Map<number, number>();
  private span: [number, number] | null = null;
  private undated = 0;
  /** Dated events outside the axis, before and after it, with their extreme day. */
  private outliers = { before: 0, after: 0, first: 0, last: 0 };
  private brush: [number, number] | null = null;
  private dragFrom: number | null = null;
  private width = 600;
  private height = 110;

  constructor(
    private readonly host: HTMLElement,
    private readonly opts: TimelineOptions,
  ) {
    this.root = svg('svg', { class: 'timeline-svg', role: 'img', 'aria-label': 'Events per day; drag to filter by date' });
    this.info = document.createElement('div');
    this.info.className = 'timeline-info';
    host.append(this.info, this.root);
    this.listen();
    // the drawing is in CSS pixels of the svg itself, so pointer positions map onto days exactly
    const observer = new ResizeObserver(() => this.render());
    observer.observe(host);
    observer.observe(this.root);
  }

  setEvents(events: readonly Event[]): void {
    this.counts = new Map();
    let undated = 0;
    for (const e of events) {
      if (!e.date) {
        undated++;
        continue;
      }
      const d = dayNumber(e.date.start);
      this.counts.set(d, (this.counts.get(d) ?? 0) + 1);
    }
    const all = events.flatMap((e) => (e.date ? [dayNumber(e.date.start)] : [])).sort((a, b) => a - b);
    const [lo, hi] = fences(all);
    this.outliers = { before: 0, after: 0, first: all[0] ?? 0, last: all[all.length - 1] ?? 0 };
    for (const [d, n] of [...this.counts]) {
      if (d >= lo && d <= hi) continue;
      this.counts.delete(d);
      if (d < lo) this.outliers.before += n;
      else this.outliers.after += n;
    }
    const days = [...this.counts.keys()];
    this.span = days.length ? [Math.min(...days) - 1, Math.max(...days) + 1] : null;
    this.undated = undated;
    this.render();
  }

  /** Sets the brush from outside (e.g. cleared by the filters), without telling the listener. */
  setBrush(range: Range | null): void {
    this.brush = range ? [dayNumber(range[0]), dayNumber(range[1])] : null;
    this.render();
  }

  private x(day: number): number {
    const [a, b] = this.span!;
    return PAD.left + ((day - a) / Math.max(1, b - a + 1)) * (this.width - PAD.left - PAD.right);
  }

  private dayAt(clientX: number): number {
    const r = this.root.getBoundingClientRect();
    const [a, b] = this.span!;
    const t = (clientX - r.left - PAD.left) / (this.width - PAD.left - PAD.right);
    return Math.max(a, Math.min(b, a + Math.floor(t * (b - a + 1))));
  }

  private listen(): void {
    this.root.addEventListener('pointerdown', (e) => {
      if (!this.span || e.button !== 0) return;
      this.dragFrom = this.dayAt(e.clientX);
      this.root.setPointerCapture?.(e.pointerId);
    });
    this.root.addEventListener('pointermove', (e) => {
      if (this.dragFrom === null) return;
      const d = this.dayAt(e.clientX);
      this.brush = [Math.min(this.dragFrom, d), Math.max(this.dragFrom, d)];
      this.render();
    });
    this.root.addEventListener('pointerup', (e) => {
      if (this.dragFrom === null) return;
      const d = this.dayAt(e.clientX);
      const moved = d !== this.dragFrom;
      this.dragFrom = null;
      this.brush = moved ? [Math.min(this.brush?.[0] ?? d, d), Math.max(this.brush?.[1] ?? d, d)] : null;
      this.render();
      this.opts.onBrush(this.brush ? [isoOf(this.brush[0]), isoOf(this.brush[1])] : null);
    });
  }

  private render(): void {
    const box = this.root.getBoundingClientRect();
    this.width = Math.max(100, box.width);
    this.height = Math.max(40, box.height);
    const { width: w, height: h } = this;
    this.root.setAttribute('viewBox', `0 0 ${w} ${h}`);
    const nodes: SVGElement[] = [];
    const dated = [...this.counts.values()].reduce((s, n) => s + n, 0);
    const { before, after } = this.outliers;
    const outside = before + after;
    this.info.textContent = this.span
      ? `${dated} dated event${dated === 1 ? '' : 's'} per day${outside ? ` · ${outside} far outside (marked at the ends)` : ''}${this.undated ? ` · ${this.undated} undated` : ''} · drag to filter by date${this.brush ? ` · showing ${isoOf(this.brush[0])} – ${isoOf(this.brush[1])}` : ''}`
      : this.undated
        ? `${this.undated} undated event${this.undated === 1 ? '' : 's'}, none to place on the timeline`
        : 'no events';
    if (!this.span) {
      this.root.replaceChildren();
      return;
    }
    const [a, b] = this.span;
    const max = Math.max(1, ...this.counts.values());
    const base = h - PAD.bottom;
    const bw = Math.max(1, (w - PAD.left - PAD.right) / (b - a + 1) - 1);
    nodes.push(svg('line', { x1: PAD.left, x2: w - PAD.right, y1: base + 0.5, y2: base + 0.5, class: 'axis' }));
    nodes.push(svg('text', { x: PAD.left - 4, y: PAD.top + 8, class: 'tick tick-y' }, String(max)));
    for (const [d, n] of this.counts) {
      const bh = Math.max(2, (n / max) * (base - PAD.top));
      const inBrush = !this.brush || (d >= this.brush[0] && d <= this.brush[1]);
      nodes.push(svg('rect', { x: this.x(d).toFixed(1), y: (base - bh).toFixed(1), width: bw.toFixed(1), height: bh.toFixed(1), class: `bar${inBrush ? '' : ' bar-out'}` }, svg('title', {}, `${isoOf(d)}: ${n} event${n === 1 ? '' : 's'}`)));
    }
    // ticks: about one per 90 px, on day, month or year boundaries depending on the span
    const days = b - a + 1;
    const every = Math.max(1, Math.ceil(days / Math.max(1, (w - PAD.left - PAD.right) / 90)));
    let last = -Infinity;
    for (let d = a; d <= b; d++) {
      const iso = isoOf(d);
      const boundary = every <= 1 ? true : every <= 20 ? iso.endsWith('-01') || d - last >= every : iso.endsWith('-01-01') || (iso.endsWith('-01') && d - last >= every);
      if (!boundary || d - last < every) continue;
      last = d;
      const label = every > 200 ? iso.slice(0, 4) : every > 20 ? iso.slice(0, 7) : iso.slice(5);
      nodes.push(svg('line', { x1: this.x(d), x2: this.x(d), y1: base, y2: base + 4, class: 'axis' }));
      nodes.push(svg('text', { x: this.x(d), y: base + 15, class: 'tick' }, label));
    }
    if (before) nodes.push(svg('text', { x: 2, y: base - 2, class: 'outlier outlier-start', 'data-outliers': 'before' }, `◀ ${before}`, svg('title', {}, `${before} event${before === 1 ? '' : 's'} earlier, from ${isoOf(this.outliers.first)}`)));
    if (after) nodes.push(svg('text', { x: w - 2, y: base - 2, class: 'outlier outlier-end', 'data-outliers': 'after' }, `${after} ▶`, svg('title', {}, `${after} event${after === 1 ? '' : 's'} later, up to ${isoOf(this.outliers.last)}`)));
    if (this.brush) {
      const x0 = this.x(this.brush[0]);
      const x1 = this.x(this.brush[1] + 1);
      nodes.push(svg('rect', { x: x0.toFixed(1), y: PAD.top - 4, width: Math.max(2, x1 - x0).toFixed(1), height: base - PAD.top + 4, class: 'brush' }));
    }
    this.root.replaceChildren(...nodes);
  }
}
