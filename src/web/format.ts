/** How values read on the page: dates, places, counts, ACLED types, claim values. */
import type { Count, DateInterval, Event, FieldName, Location } from '../model/types';

export const CATEGORIES: Record<string, { label: string; color: string; types: string[] }> = {
  battles: { label: 'Battles', color: '#c0392b', types: ['armed_clash', 'government_regains_territory', 'non_state_actor_overtakes_territory'] },
  explosions_remote_violence: {
    label: 'Explosions / remote violence',
    color: '#e67e22',
    types: ['chemical_weapon', 'air_drone_strike', 'suicide_bomb', 'shelling_artillery_missile_attack', 'remote_explosive_landmine_ied', 'grenade'],
  },
  violence_against_civilians: { label: 'Violence against civilians', color: '#8e44ad', types: ['sexual_violence', 'attack', 'abduction_forced_disappearance'] },
  protests: { label: 'Protests', color: '#2980b9', types: ['peaceful_protest', 'protest_with_intervention', 'excessive_force_against_protesters'] },
  riots: { label: 'Riots', color: '#16a085', types: ['violent_demonstration', 'mob_violence'] },
  strategic_developments: {
    label: 'Strategic developments',
    color: '#2c7a4b',
    types: [
      'agreement', 'arrests', 'change_to_group_activity', 'disrupted_weapons_use', 'headquarters_or_base_established',
      'looting_property_destruction', 'non_violent_transfer_of_territory', 'other',
    ],
  },
};

export const categoryColor = (c: string) => CATEGORIES[c]?.color ?? '#607080';

const SPECIAL: Record<string, string> = { air_drone_strike: 'Air/drone strike', remote_explosive_landmine_ied: 'Remote explosive/landmine/IED', shelling_artillery_missile_attack: 'Shelling/artillery/missile attack', abduction_forced_disappearance: 'Abduction/forced disappearance' };

export function typeLabel(t: string): string {
  if (SPECIAL[t]) return SPECIAL[t];
  if (CATEGORIES[t]) return CATEGORIES[t].label;
  const s = t.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function eventTypeLabel(e: Pick<Event, 'category' | 'type'>): string {
  return e.type === 'other' ? `${typeLabel(e.category)} (other)` : typeLabel(e.type);
}

export function dateLabel(d: DateInterval | null): string {
  if (!d) return 'date unknown';
  const range = d.start === d.end ? d.start : `${d.start} – ${d.end}`;
  if (d.implied) return `${range} (publication date, no date stated)`;
  return d.precision === 'day' && d.start === d.end ? range : `${range} (${d.precision})`;
}

const PRECISION: Record<string, string> = { place: 'exact place', admin2: 'district', admin1: 'region', country: 'country only' };
export const precisionLabel = (p: string) => PRECISION[p] ?? p;

export function countryName(cc: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(cc) ?? cc;
  } catch {
    return cc;
  }
}

export function placeLabel(l: Pick<Location, 'name' | 'admin1' | 'country' | 'precision'> | null): string {
  if (!l) return 'place unknown';
  if (l.precision === 'country') return l.name;
  const parts = [l.name];
  if (l.admin1 && l.admin1 !== l.name) parts.push(l.admin1);
  parts.push(l.country);
  return parts.join(', ');
}

export function countLabel(c: Count | null): string {
  if (!c) return 'unknown';
  if (c.assumed) return `${c.best} (none reported)`;
  if (c.low === c.high) return String(c.best);
  return `${c.best} (range ${c.low}–${c.high})`;
}

/** A claim's value as one short line, whatever the field. */
export function claimValueLabel(field: FieldName, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') {
    if (field !== 'type') return v;
    const [category, type] = v.includes('/') ? v.split('/') : ['', v];
    return eventTypeLabel({ category, type });
  }
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (field === 'location') return placeLabel(o as unknown as Location);
  if (field === 'date') return dateLabel(o as unknown as DateInterval);
  if ('best' in o) return countLabel(o as unknown as Count);
  if ('value' in o) return String(o.value);
  if ('name' in o) return String(o.name);
  return JSON.stringify(v);
}

/** The text to look for inside the quote, to mark the words the value came from. */
export function claimNeedle(field: FieldName, v: unknown): string | null {
  if (typeof v === 'string') return field === 'type' ? null : v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (field === 'location' && typeof o.name === 'string') return o.name;
    if (typeof o.value === 'string') return o.value;
  }
  return null;
}

export const FIELD_LABELS: Record<FieldName, string> = {
  type: 'What happened',
  date: 'When',
  location: 'Where',
  actors: 'Who',
  fatalities: 'Killed',
  injured: 'Injured',
  captured: 'Captured',
  equipment: 'Equipment',
};

export const FIELD_ORDER: FieldName[] = ['type', 'date', 'location', 'fatalities', 'injured', 'captured', 'actors', 'equipment'];

/** How a report's source reads: its outlet ("Reuters", "kyivindependent.com") where known, else the file or URL it came from. */
export function reportSourceName(r: { source: string; outlet?: string | null }): string {
  return r.outlet || sourceName(r.source);
}

export function sourceName(source: string): string {
  const m = /^api \((.+)\)$/.exec(source);
  if (m) return m[1];
  return source.split('/').pop() ?? source;
}
