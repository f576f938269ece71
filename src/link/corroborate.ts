/**
 * One event from its reports: per field, the claims of every document grouped, and a status —
 * `agreed` (two or more documents, compatible values), `disputed` (documents whose reports give the
 * incident values that exclude each other, or one document's incident sentences that place or date
 * it two ways; a toll a later document raises is an update, not a dispute), `single` (one document). Merged values follow the evidence:
 * the most specific place all agree with (or the best-supported one under dispute), the
 * narrowest date, fatalities as low/best/high over all sources with the conservative (lowest)
 * best, as ACLED codes conflicting reports.
 */
import type { Actor, Claim, Count, DateInterval, Event, FieldEvidence, FieldName, Location, Report, ReportRef } from '../model/index.js';
import { consensus, countsCompatible, dateKey, dateSpecificity, datesCompatible, placeKey, placesCompatible, placeSpecificity, tally, valueKey } from './compatible.js';

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
      // two towns of one region are more often one place resolved two ways than sources in conflict
      return (a, b) => placesCompatible(a.value as Location, b.value as Location) || sameRegion(a.value as Location, b.value as Location);
    case 'date':
      return (a, b) => datesCompatible(a.value as DateInterval, b.value as DateInterval);
    case 'fatalities':
    case 'injured':
    case 'captured':
      return (a, b) => countsCompatible(a.value as Count, b.value as Count);
    // the type is sitrep's reading of each document, not a fact a source states: two readings
    // that differ are shown with their sentences, not flagged as sources in conflict
    default:
      return null; // actors and equipment are lists: more of them is not a conflict
  }
}

/** One report's own value of a field, with its document's publication date: what sources are compared on. */
interface Stated {
  document: string;
  published: string;
  value: unknown;
}

/**
 * The value each report gives the incident itself for a field — not every sentence's claim, so a
 * background sentence (an earlier attack, a yearly total) raises no dispute. An implied date and
 * an assumed 0 are no statements.
 */
function statedValues(field: FieldName, reports: readonly Report[], docs: ReadonlyMap<string, DocumentInfo>): Stated[] {
  const out: Stated[] = [];
  for (const r of reports) {
    let value: unknown = null;
    if (field === 'type') value = `${r.category}/${r.type}`;
    else if (field === 'date') value = r.date && !r.date.implied ? r.date : null;
    else if (field === 'location') value = r.location;
    else if (field === 'fatalities' || field === 'injured' || field === 'captured') {
      const c = r[field];
      value = c && !c.assumed && r.claims.some((x) => x.field === field && !x.hedged) ? c : null;
    }
    if (value !== null) out.push({ document: r.document, published: docs.get(r.document)?.published ?? '', value });
  }
  return out;
}

const isCount = (f: FieldName) => f === 'fatalities' || f === 'injured' || f === 'captured';

/**
 * Per field: disputed when two documents give the incident values that exclude each other — except
 * a count that a later document raises (a toll that rose is an update: `updated`, the newest
 * current). Counts published the same day that disagree stay a dispute, as does a toll that fell.
 */
const sameRegion = (a: Location, b: Location) => a.country === b.country && !!a.admin1 && a.admin1 === b.admin1;

/** Words by which a report says its sources disagree ("reports differ", "one claiming …, another …"). */
const DISAGREEMENT = /\b(?:differ(?:s|ed|ing)?|disagree\w*|conflicting|contradict\w*|disputed?|another (?:claim\w*|report\w*|suggest\w*|sa(?:id|ys)|account)|others? (?:claim\w*|report\w*|suggest\w*|sa(?:id|ys))|other reports)\b/i;

/**
 * Whether one document gives the incident two versions, told as such: from two sources it names,
 * or in a sentence that says the accounts differ. Two places or dates in its incident sentences are
 * otherwise the story's own detail (a street and its borough, the hospital) or a misreading, no
 * dispute between sources. Claims are compared once per distinct (sentence or source, value).
 */
function toldTwoWays(field: FieldName, firm: readonly Claim[], compatible: (a: Claim, b: Claim) => boolean): boolean {
  // claims that differ only by value, among those a side key groups, once per (group, value)
  const apart = (claims: Claim[], group: (c: Claim) => string, sameTelling: (a: Claim, b: Claim) => boolean) => {
    const xs = tally(claims, (c) => `${c.document}\n${group(c)}\n${valueKey(field, c.value)}`).map((t) => t.value);
    for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) if (xs[i].document === xs[j].document && sameTelling(xs[i], xs[j]) && !compatible(xs[i], xs[j])) return true;
    return false;
  };
  // two named sources of one document, or one sentence that says the reports differ
  return (
    apart(firm.filter((c) => c.attributed_to), (c) => c.attributed_to!, (a, b) => a.attributed_to !== b.attributed_to) ||
    apart(firm.filter((c) => DISAGREEMENT.test(c.quote)), (c) => String(c.start), (a, b) => a.start === b.start)
  );
}

function evidence(field: FieldName, claims: Claim[], allStated: Stated[]): FieldEvidence {
  const docs = new Set(claims.map((c) => c.document));
  const compatible = compatibleFor(field);
  let disputed = false;
  let updated = false;
  if (compatible) {
    const stated = tally(allStated, (s) => `${s.document}\n${valueKey(field, s.value)}`).map((t) => t.value);
    outer: for (let i = 0; i < stated.length; i++) {
      for (let j = i + 1; j < stated.length; j++) {
        const [a, b] = [stated[i], stated[j]];
        if (a.document === b.document) continue;
        const ca = { value: a.value } as Claim;
        const cb = { value: b.value } as Claim;
        if (compatible(ca, cb)) continue;
        if (isCount(field) && a.published && b.published && a.published !== b.published) {
          const [early, late] = a.published < b.published ? [a, b] : [b, a];
          if ((late.value as Count).best > (early.value as Count).best) {
            updated = true;
            continue;
          }
        }
        disputed = true;
        break outer;
      }
    }
  }
  // inside one document: a place or a date told two ways in the incident's own sentences ("one
  // source: it landed in town A, another: in town B") — these claims come from those sentences only; counts
  // are read from every sentence, where a second figure is more often background or an update
  if (compatible && !disputed && (field === 'location' || field === 'date')) {
    disputed = toldTwoWays(
      field,
      claims.filter((c) => !c.hedged),
      compatible,
    );
  }
  const ev: FieldEvidence = { status: disputed ? 'disputed' : docs.size >= 2 ? 'agreed' : 'single', claims };
  if (updated && !disputed) ev.updated = true;
  return ev;
}

/** The counts of the latest publication day that gives one: a toll that rose is current at its newest. */
function latestCounts(field: 'fatalities' | 'injured' | 'captured', reports: readonly Report[], docs: ReadonlyMap<string, DocumentInfo>): (Count | null)[] {
  const told = reports.filter((r) => r[field] && !r[field]!.assumed);
  if (!told.length) return reports.map((r) => r[field]);
  const day = (r: Report) => docs.get(r.document)?.published ?? '';
  const last = told.map(day).sort().at(-1)!;
  return told.filter((r) => day(r) === last).map((r) => r[field]);
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
    if (cs.length) fields[f] = evidence(f, cs, statedValues(f, reports, docs));
  }
  // each report's place is its scene stage's choice among what it names: one vote each; the claims
  // (every place a sentence's words make the scene) decide only where no report has a place
  const chosen = reports.flatMap((r) => (r.location ? [r.location] : []));
  const locationClaims = (fields.location?.claims ?? []).filter((c) => !c.hedged).map((c) => c.value as Location);
  const location = consensus(chosen.length ? chosen : locationClaims, placesCompatible, placeSpecificity, placeKey);
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
    date: consensus(dateClaims.length ? dateClaims : reports.flatMap((r) => (r.date ? [r.date] : [])), datesCompatible, dateSpecificity, dateKey),
    location,
    actors: [...actors.values()],
    fatalities: mergeCounts(fields.fatalities?.updated ? latestCounts('fatalities', reports, docs) : reports.map((r) => r.fatalities)),
    injured: mergeCounts(fields.injured?.updated ? latestCounts('injured', reports, docs) : reports.map((r) => r.injured)),
    captured: mergeCounts(fields.captured?.updated ? latestCounts('captured', reports, docs) : reports.map((r) => r.captured)),
    equipment: [...equipment.values()],
    reports: refs,
    fields,
    disputed,
    ...(lead.confidence !== undefined ? { confidence: lead.confidence } : {}),
    ...(lead.type_probability !== undefined ? { type_probability: lead.type_probability, runner_up: lead.runner_up ?? null } : {}),
  };
}
