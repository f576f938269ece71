/** Event and document output for people (tables) and programs (JSON, CSV, GeoJSON). */
import type { Event } from '../model/index.js';

const CSV_COLUMNS = [
  'id', 'title', 'category', 'type', 'tags', 'date_start', 'date_end', 'date_precision', 'location', 'admin1', 'country', 'lat', 'lon',
  'location_precision', 'fatalities_best', 'fatalities_low', 'fatalities_high', 'injured_best', 'equipment', 'actors', 'disputed', 'n_reports', 'sources',
] as const;

/** A leading = + - @ makes spreadsheets run a formula: such text is marked as text with a quote. */
const FORMULA = /^[=+\-@\t\r]/;

/** `;`-joined parts, each neutralised: a spreadsheet that splits on `;` would otherwise run a later part. */
function joinParts(parts: readonly (string | null | undefined)[]): string {
  return parts.map((p) => (p && FORMULA.test(p) ? `'${p}` : (p ?? ''))).join(';');
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // numbers are numbers (a negative latitude is no formula)
  const safe = typeof v === 'string' && FORMULA.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function eventsToCsv(events: readonly Event[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of events) {
    const row = [
      e.id, e.title, e.category, e.type, joinParts(e.tags), e.date?.start, e.date?.end, e.date?.precision, e.location?.name, e.location?.admin1,
      e.location?.country, e.location?.lat, e.location?.lon, e.location?.precision, e.fatalities?.best, e.fatalities?.low, e.fatalities?.high,
      e.injured?.best, joinParts(e.equipment), joinParts(e.actors.map((a) => a.name)), joinParts(e.disputed), e.reports.length,
      joinParts(e.reports.map((r) => r.source)),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** RFC 7946: events with a location as points; the rest with null geometry, so none is lost. */
export function eventsToGeoJson(events: readonly Event[]): object {
  return {
    type: 'FeatureCollection',
    features: events.map((e) => ({
      type: 'Feature',
      id: e.id,
      geometry: e.location ? { type: 'Point', coordinates: [e.location.lon, e.location.lat] } : null,
      properties: {
        id: e.id,
        title: e.title,
        category: e.category,
        type: e.type,
        tags: e.tags.join(';'),
        date_start: e.date?.start ?? null,
        date_end: e.date?.end ?? null,
        location: e.location?.name ?? null,
        admin1: e.location?.admin1 ?? null,
        country: e.location?.country ?? null,
        precision: e.location?.precision ?? null,
        fatalities: e.fatalities?.best ?? null,
        injured: e.injured?.best ?? null,
        equipment: e.equipment.join(';'),
        disputed: e.disputed.join(';'),
        n_reports: e.reports.length,
      },
    })),
  };
}

const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));

export function eventsTable(events: readonly Event[]): string {
  const lines = [`${pad('ID', 17)} ${pad('DATE', 10)} ${pad('WHERE', 22)} ${pad('TYPE', 28)} ${pad('KILLED', 6)} ${pad('DOCS', 4)} TITLE`];
  for (const e of events) {
    const where = e.location ? `${e.location.name}${e.location.precision !== 'country' ? `, ${e.location.country}` : ''}` : '-';
    lines.push(
      `${pad(e.id, 17)} ${pad(e.date?.start ?? '-', 10)} ${pad(where, 22)} ${pad(e.type, 28)} ${pad(e.fatalities ? String(e.fatalities.best) : '-', 6)} ${pad(String(e.reports.length), 4)} ${e.title}${e.disputed.length ? `  [disputed: ${e.disputed.join(', ')}]` : ''}`,
    );
  }
  return lines.join('\n');
}

function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (field === 'location') return `${o.name} (${[o.admin1, o.country].filter(Boolean).join(', ')})`;
  if (field === 'date') return o.start === o.end ? String(o.start) : `${o.start}..${o.end}`;
  if ('best' in o) return o.assumed ? `${o.best} (none reported)` : o.low === o.high ? String(o.best) : `${o.best} (${o.low}-${o.high})`;
  if ('value' in o) return String(o.value);
  return JSON.stringify(v);
}

/** The evidence table: field, value, status, sources, quotes. */
export function eventDetail(e: Event, sources: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  out.push(`${e.id}  ${e.title}`);
  out.push(`  type: ${e.category} / ${e.type}${e.tags.length ? `  tags: ${e.tags.join(', ')}` : ''}`);
  out.push(`  date: ${valueText('date', e.date)}  location: ${valueText('location', e.location)}  killed: ${valueText('fatalities', e.fatalities)}  injured: ${valueText('injured', e.injured)}`);
  if (e.equipment.length) out.push(`  equipment: ${e.equipment.join(', ')}`);
  if (e.actors.length) out.push(`  actors: ${e.actors.map((a) => `${a.name} (${a.role})`).join('; ')}`);
  out.push(`  reports: ${e.reports.map((r) => `${r.source}${r.published ? ` (${r.published})` : ''}`).join('; ')}`);
  out.push('');
  out.push('EVIDENCE');
  for (const [field, ev] of Object.entries(e.fields)) {
    if (!ev) continue;
    out.push(`  ${field} — ${ev.status.toUpperCase()}`);
    for (const c of ev.claims) {
      const quote = c.quote.replace(/\s+/g, ' ');
      out.push(`    ${valueText(field, c.value)}${c.hedged ? ' (hedged)' : ''}  [${sources.get(c.document) ?? c.document}${c.attributed_to ? `; according to ${c.attributed_to}` : ''}]`);
      out.push(`      “${quote.length > 220 ? quote.slice(0, 219) + '…' : quote}”`);
    }
  }
  return out.join('\n');
}
