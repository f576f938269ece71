/** The page's only source of data: the server's JSON API (SPEC.md, "HTTP API"). */
import type { Document, Event, Report } from '../model/types';

export type { Event, Report };

export interface Filters {
  q: string;
  since: string;
  until: string;
  type: string;
  country: string;
  disputed: boolean;
}

export interface EventPage {
  events: Event[];
  next: string | null;
}

export interface Span {
  kind: 'place' | 'date' | 'casualty' | 'equipment' | 'actor' | 'trigger';
  start: number;
  end: number;
  label: string;
}

/** A stored document as `GET /api/documents/:id` gives it: its text, reports and extracted spans. */
export interface DocumentView extends Omit<Document, 'lang'> {
  reports: Omit<Report, 'features'>[];
  events: string[];
  spans: Span[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const message = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${res.status}`;
    throw new ApiError(res.status, message);
  }
  return body as T;
}

/** The query string of the filters the API knows (empty ones left out). */
export function filterQuery(f: Filters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.since) p.set('since', f.since);
  if (f.until) p.set('until', f.until);
  if (f.type) p.set('type', f.type);
  if (f.country) p.set('country', f.country);
  if (f.disputed) p.set('disputed', '1');
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const PAGE_SIZE = 500;

export function fetchEvents(f: Filters, cursor: string | null, signal?: AbortSignal): Promise<EventPage> {
  return getJson<EventPage>(`api/events${filterQuery(f, { limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) })}`, signal);
}

export function fetchEvent(id: string, signal?: AbortSignal): Promise<Event> {
  return getJson<Event>(`api/events/${encodeURIComponent(id)}`, signal);
}

export function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentView> {
  return getJson<DocumentView>(`api/documents/${encodeURIComponent(id)}`, signal);
}
