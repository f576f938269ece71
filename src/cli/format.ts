/** Event and document output for people: tables and the evidence view. (Exports for programs: src/export/.) */
import type { Event, SiteProfile } from '../model/index.js';
import type { DocumentRow } from '../store/sqlite.js';

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
  const p = e.type_probability !== undefined ? ` (p ${e.type_probability.toFixed(2)}${e.runner_up ? `; runner-up ${e.runner_up.category} / ${e.runner_up.type} p ${e.runner_up.probability.toFixed(2)}` : ''})` : '';
  out.push(`  type: ${e.category} / ${e.type}${p}${e.tags.length ? `  tags: ${e.tags.join(', ')}` : ''}`);
  if (e.confidence !== undefined) out.push(`  incident confidence: ${e.confidence.toFixed(2)}`);
  out.push(`  date: ${valueText('date', e.date)}  location: ${valueText('location', e.location)}  killed: ${valueText('fatalities', e.fatalities)}  injured: ${valueText('injured', e.injured)}`);
  if (e.equipment.length) out.push(`  equipment: ${e.equipment.join(', ')}`);
  if (e.actors.length) out.push(`  actors: ${e.actors.map((a) => `${a.name} (${a.role})`).join('; ')}`);
  out.push(`  reports: ${e.reports.map((r) => `${sources.get(r.document) ?? r.source}${r.published ? ` (${r.published})` : ''}`).join('; ')}`);
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

/** The documents, one a line under a header: every event each joined (its main incident's first), `-` for an empty cell. */
export function documentsTable(docs: readonly (DocumentRow & { events: string[] })[]): string {
  const lines = [`${pad('ID', 20)} ${pad('PUBLISHED', 10)} ${pad('EVENTS', 40)} ${pad('SOURCE', 40)} TITLE`];
  for (const d of docs) {
    const events = d.events.filter(Boolean);
    const primary = d.primary_event && events.includes(d.primary_event) ? d.primary_event : null;
    const ordered = primary ? [primary, ...events.filter((e) => e !== primary)] : events;
    const list = ordered.join(',') || '-';
    lines.push(`${pad(d.id, 20)} ${pad(d.published ?? '-', 10)} ${list.length > 40 ? list : list.padEnd(40)} ${pad(d.source, 40)} ${d.title ?? '-'}`);
  }
  return lines.join('\n');
}

/** The site profiles, one a line: the site, its documents, and the regions most of them name surely with their shares. */
export function sitesTable(profiles: readonly SiteProfile[]): string {
  const lines = [`${pad('SITE', 36)} ${pad('DOCS', 6)} REGIONS (share of its documents naming a place there surely)`];
  for (const p of profiles) {
    const regions = Object.entries(p.places)
      .filter(([k]) => k.startsWith('r:'))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([k, n]) => `${k.slice(2).replace('/', ': ')} ${Math.round((100 * n) / p.documents)}%`);
    lines.push(`${pad(p.site, 36)} ${pad(String(p.documents), 6)} ${regions.join(', ') || '-'}`);
  }
  return lines.join('\n');
}
