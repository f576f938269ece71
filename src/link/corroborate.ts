/**
 * One event from its reports: per field, the claims of every document grouped, and a status —
 * `agreed` (two or more documents, compatible values), `disputed` (claims that exclude each other,
 * across documents or inside one), `single` (one document). Merged values follow the evidence:
 * the most specific place all agree with (or the best-supported one under dispute), the
 * narrowest date, fatalities as low/best/high over all sources with the conservative (lowest)
 * best, as ACLED codes conflicting reports.
 */
import type { Actor, Claim, Count, DateInterval, Event, FieldEvidence, FieldName, Location, Report, ReportRef } from '../model/index.js';
import { consensus, countsCompatible, dateSpecificity, datesCompatible, placesCompatible, placeSpecificity } from './compatible.js';

export interface DocumentInfo {
  source: string;
  /** Who published it (see ingest/outlet.ts), when known. */
  outlet?: string | null;
  published: string | null;
  title: string | null;
}

const FIELDS: FieldName[] = ['type', 'date', 'location', 'actors', 'fatalities', 'injured', 'captured', 'equipment'];

function compatibleFor(field: FieldName): ((a: Claim, b: Claim) => boolean) | null {
  switch (field) {
    case 'location':
      return (a, b) => placesCompatible(a.value as Location, b.value as Location);
    case 'date':
      return (a, b) => datesCompatible(a.value as DateInterval, b.value as DateInterval);
    case 'fatalities':
    case 'injured':
    case 'captured':
      return (a, b) => countsCompatible(a.value as Count, b.value as Count);
    case 'type':
      return (a, b) => String(a.value).split('/')[0] === String(b.value).split('/')[0];
    default:
      return null; // actors and equipment are lists: more of them is not a conflict
  }
}

function evidence(field: FieldName, claims: Claim[]): FieldEvidence {
  const docs = new Set(claims.map((c) => c.document));
  const compatible = compatibleFor(field);
  const firm = claims.filter((c) => !c.hedged);
  let disputed = false;
  if (compatible) {
    outer: for (let i = 0; i < firm.length; i++) {
      for (let j = i + 1; j < firm.length; j++) {
        if (!compatible(firm[i], firm[j])) {
          disputed = true;
          break outer;
        }
      }
    }
  }
  return { status: disputed ? 'disputed' : docs.size >= 2 ? 'agreed' : 'single', claims };
}

function mergeCounts(values: (Count | null)[]): Count | null {
  const given = values.filter((v): v is Count => !!v && !v.assumed);
  // a source silent on deaths (an assumed 0) does not pull down one that counts them
  const vs = given.length ? given : values.filter((v): v is Count => !!v);
  if (!vs.length) return null;
  const merged: Count = { low: Math.min(...vs.map((v) => v.low)), best: Math.min(...vs.map((v) => v.best)), high: Math.max(...vs.map((v) => v.high)) };
  if (!given.length) merged.assumed = true;
  return merged;
}

/** Reports in a fixed order (publication, then id) so an event reads the same however it was built. */
function ordered(reports: readonly Report[], docs: ReadonlyMap<string, DocumentInfo>): Report[] {
  return [...reports].sort((a, b) => {
    const pa = docs.get(a.document)?.published ?? '9999';
    const pb = docs.get(b.document)?.published ?? '9999';
    return pa < pb ? -1 : pa > pb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export function corroborate(id: string, members: readonly Report[], docs: ReadonlyMap<string, DocumentInfo>): Event {
  const reports = ordered(members, docs);
  // the lead report: a main incident (index 0) before background mentions, earliest first
  const lead = reports.find((r) => r.index === 0) ?? reports[0];
  const claims = reports.flatMap((r) => r.claims);
  const fields: Partial<Record<FieldName, FieldEvidence>> = {};
  for (const f of FIELDS) {
    const cs = claims.filter((c) => c.field === f);
    if (cs.length) fields[f] = evidence(f, cs);
  }
  const locationClaims = (fields.location?.claims ?? []).filter((c) => !c.hedged).map((c) => c.value as Location);
  const location = consensus(locationClaims.length ? locationClaims : reports.flatMap((r) => (r.location ? [r.location] : [])), placesCompatible, placeSpecificity);
  const dateClaims = (fields.date?.claims ?? []).map((c) => c.value as DateInterval);
  const actors = new Map<string, Actor>();
  for (const r of reports) for (const a of r.actors) if (!actors.has(a.name)) actors.set(a.name, a);
  const equipment = new Map<string, string>();
  for (const r of reports) {
    for (const e of r.equipment) {
      const fam = e.replace(/^([A-Za-z/]+-?\d+).*$/, '$1');
      const cur = equipment.get(fam);
      if (!cur || e.length > cur.length) equipment.set(fam, e);
    }
  }
  const refs: ReportRef[] = [];
  const seen = new Set<string>();
  for (const r of reports) {
    if (seen.has(r.document)) continue;
    seen.add(r.document);
    const d = docs.get(r.document);
    refs.push({ document: r.document, source: d?.source ?? '', outlet: d?.outlet ?? null, published: d?.published ?? null, title: d?.title ?? null });
  }
  const tags = [...new Set(reports.flatMap((r) => r.tags))].sort();
  const disputed = FIELDS.filter((f) => fields[f]?.status === 'disputed');
  return {
    id,
    title: lead.title,
    category: lead.category,
    type: lead.type,
    tags,
    date: consensus(dateClaims.length ? dateClaims : reports.flatMap((r) => (r.date ? [r.date] : [])), datesCompatible, dateSpecificity),
    location,
    actors: [...actors.values()],
    fatalities: mergeCounts(reports.map((r) => r.fatalities)),
    injured: mergeCounts(reports.map((r) => r.injured)),
    captured: mergeCounts(reports.map((r) => r.captured)),
    equipment: [...equipment.values()],
    reports: refs,
    fields,
    disputed,
  };
}
