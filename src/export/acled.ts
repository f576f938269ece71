/**
 * One event as a row of an ACLED export file, with ACLED's column names and conventions, so an
 * analyst can load sitrep's events beside ACLED's in the tools they already use.
 *
 * Conventions kept: time_precision 1 (day) / 2 (within a week, or a date that only the publication
 * date implies) / 3 (month or longer); geo_precision 1 (the place) / 2 (a district) / 3 (a province
 * or the country); inter codes (1 state forces, 2 rebel groups, 3 political militias, 5 rioters,
 * 6 protesters, 7 civilians, 8 others) with `interaction` as the two codes, smaller first
 * (10 × inter1 when there is no second actor); protesters, rioters and civilians named as ACLED
 * names them ("Protesters (Syria)"); fatalities 0 when no number is known, as ACLED records it —
 * with the tag `fatalities unknown` so it is not read as a counted zero. Where sitrep knows less than
 * ACLED codes, the cell is empty: admin3 and source_scale. event_date is the first day of the
 * interval sitrep holds; `timestamp` is when the file was written (sitrep's events carry no row
 * time); `tags` adds `sitrep_id=…` to find the event again.
 */
import type { Actor, Event } from '../model/index.js';
import { acledLabel, disorderType } from '../model/event-types.js';
import type { Countries, CountryInfo } from '../query/countries.js';
import { outletsOf } from './rows.js';

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude',
  'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string | number>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2023-11-06" → "6 November 2023" (ACLED's notes write dates this way). */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}

function timePrecision(e: Event): number {
  const d = e.date;
  if (!d) return 3;
  if (d.precision === 'day' && !d.implied && d.start === d.end) return 1;
  return d.precision === 'day' || d.precision === 'week' ? 2 : 3;
}

function geoPrecision(e: Event): number | '' {
  const p = e.location?.precision;
  return p === 'place' ? 1 : p === 'admin2' ? 2 : p ? 3 : '';
}

const REBELS = /\b(?:rebels?|insurgents?|liberation|revolutionary|front|jihadists?|taliban|islamic state|isis|isil|al-shabaab|al-qaeda|boko haram)\b/i;

/** ACLED's inter code of one named actor, from the kind of actor sitrep found. */
function interOf(a: Actor): number {
  if (a.type === 'armed_forces' || a.type === 'government') return 1;
  if (a.type === 'group') return REBELS.test(a.name) ? 2 : 3;
  return 8;
}

interface Side {
  name: string;
  assoc: string;
  inter: number;
}

function side(actors: readonly Actor[]): Side | null {
  if (!actors.length) return null;
  return { name: actors[0].name, assoc: actors.slice(1).map((a) => a.name).join('; '), inter: interOf(actors[0]) };
}

/** ACLED's sides: named actors by role, with the crowd or the civilians ACLED names for the type. */
function sides(e: Event, country: string): [Side | null, Side | null] {
  const named = e.actors.filter((a) => a.role === 'actor1' || a.role === 'actor2');
  let one = side(named.filter((a) => a.role === 'actor1'));
  let two = side(named.filter((a) => a.role === 'actor2'));
  const where = country ? ` (${country})` : '';
  const crowd = e.category === 'protests' ? { name: `Protesters${where}`, inter: 6 } : e.category === 'riots' && e.type === 'violent_demonstration' ? { name: `Rioters${where}`, inter: 5 } : null;
  if (crowd) {
    // the crowd is actor1; whoever acted on it (police at a protest) is actor2
    two = one ?? two;
    one = { name: crowd.name, assoc: '', inter: crowd.inter };
  }
  if (e.category === 'violence_against_civilians' && !two) two = { name: `Civilians${where}`, assoc: '', inter: 7 };
  if (!one && two) [one, two] = [two, null];
  return [one, two];
}

/** The first 48 bits of the event id as a number: stable across exports, unique well past 10^6 events. */
function serial(id: string): number {
  const hex = /^evt_([0-9a-f]{12})/.exec(id)?.[1];
  if (hex) return parseInt(hex, 16);
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 2 ** 48;
  return h;
}

/** One sentence from the facts: when, what, who, where, the toll, how many reports. */
export function eventNotes(e: Event, country: CountryInfo | null): string {
  const d = e.date;
  const when = !d
    ? 'On an unknown date'
    : d.precision === 'year'
      ? `In ${d.start.slice(0, 4)}`
      : d.precision === 'month'
        ? `In ${MONTHS[+d.start.slice(5, 7) - 1]} ${d.start.slice(0, 4)}`
        : d.start === d.end
          ? `On ${longDate(d.start)}`
          : `Between ${longDate(d.start)} and ${longDate(d.end)}`;
  const what = e.type === 'other' ? 'strategic development' : acledLabel(e.type).toLowerCase();
  const article = /^[aeiou]/.test(what) ? 'an' : 'a';
  const named = e.actors.filter((a) => a.role === 'actor1' || a.role === 'actor2').map((a) => a.name);
  const who = named.length ? ` involving ${named.slice(0, 3).join(', ').replace(/, ([^,]*)$/, ' and $1')}` : '';
  const loc = e.location;
  const where = loc ? ` in ${[loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null, country && country.name !== loc.name ? country.name : null].filter(Boolean).join(', ')}` : '';
  const f = e.fatalities;
  const toll = !f ? '' : f.assumed || f.best === 0 ? ', with no fatalities reported' : `, with ${f.low !== f.high ? `${f.low}-${f.high}` : f.best} reported ${f.best === 1 ? 'fatality' : 'fatalities'}`;
  const hurt = e.injured && e.injured.best > 0 ? ` and ${e.injured.best} injured` : '';
  const n = e.reports.length;
  return `${when}, ${article} ${what}${who} took place${where}${toll}${hurt} (${n} report${n === 1 ? '' : 's'}).`;
}

export function acledRow(e: Event, countries: Countries, timestamp: number): AcledRow {
  const cc = e.location?.country ?? null;
  const info = cc ? countries.info(cc) : null;
  const [one, two] = sides(e, info?.name ?? '');
  const inter1 = one?.inter ?? 0;
  const inter2 = two?.inter ?? 0;
  const interaction = !inter1 ? '' : !inter2 ? inter1 * 10 : Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
  const tags = [...e.tags];
  if (!e.fatalities) tags.push('fatalities unknown');
  if (e.disputed.length) tags.push(`disputed: ${e.disputed.join(', ')}`);
  tags.push(`sitrep_id=${e.id}`);
  return {
    event_id_cnty: `${info?.alpha3 ?? 'XXX'}${serial(e.id)}`,
    event_date: e.date?.start ?? '',
    year: e.date ? +e.date.start.slice(0, 4) : '',
    time_precision: timePrecision(e),
    disorder_type: disorderType(e.category, e.type),
    event_type: acledLabel(e.category),
    sub_event_type: acledLabel(e.type),
    actor1: one?.name ?? '',
    assoc_actor_1: one?.assoc ?? '',
    inter1: inter1 || '',
    actor2: two?.name ?? '',
    assoc_actor_2: two?.assoc ?? '',
    inter2: inter2 || '',
    interaction,
    iso: info?.numeric ?? '',
    region: info?.region ?? '',
    country: info?.name ?? cc ?? '',
    admin1: e.location?.admin1 ?? '',
    admin2: e.location?.admin2 ?? '',
    admin3: '',
    location: e.location?.name ?? '',
    latitude: e.location ? +e.location.lat.toFixed(4) : '',
    longitude: e.location ? +e.location.lon.toFixed(4) : '',
    geo_precision: geoPrecision(e),
    source: outletsOf(e).join('; '),
    source_scale: '',
    notes: eventNotes(e, info),
    fatalities: e.fatalities?.best ?? 0,
    tags: tags.join('; '),
    timestamp,
  };
}
