/**
 * From annotations to reports: which incidents a document describes, and for each one the claims
 * of every field with the sentence they stand in and who says so.
 *
 * The main incident is the one the lead (title and first sentences) is about: the trigger family
 * (ACLED type + first tag) with the most weight there. Sentences belong to it unless they are
 * - aggregates ("each time two pilots were killed", "in the past months"): no incident at all;
 * - about another incident: a strong trigger of another family with a cue that sets it apart
 *   ("comes on the heels of", "earlier", "last month") or facts of its own (a count, a date) —
 *   these become secondary reports, one per sentence, never folded into the main one;
 * - background: a strong trigger of another family and nothing of the main one.
 * Location and date claims come only from sentences that speak of the incident itself (a trigger
 * of its family, or a weak one such as "landed"), and a place only counts where a locative word
 * ties it to the action ("in", "over", "near"): "from Aleppo" and "to the base" are not where it
 * happened.
 */
import type {
  Actor,
  AnnotatedDocument,
  Annotation,
  Claim,
  Count,
  DateInterval,
  FieldName,
  Location,
  PlaceAnnotation,
  Report,
  ReportFeatures,
  ResolvedPlace,
  SceneAnnotation,
  TriggerAnnotation,
} from '../model/index.js';
import { consensus, countsCompatible, dateKey, dateSpecificity, datesCompatible, placeKey, placesCompatible, placeSpecificity, valueKey } from '../link/compatible.js';
import { properNames, TermCounts } from './terms.js';
import { sentenceAt } from './sentences.js';
import { injuredCandidates, type InjuredEvidence, type InjuredRanker } from './injured-ranker.js';
import { foldName } from './gazetteer.js';
import { framedScene, isScene, qualifiedScene, regionalSources, sceneLocation, toLocation } from './scene-cues.js';
import { arrestsTold, unrealArrest } from './arrests.js';

const AGGREGATE = /\b(?:each time|every time|other incidents|(?:several|three|two|four|many) (?:other )?(?:such )?incidents|in (?:total|all) since|so far this year|since (?:the )?(?:start|beginning|outbreak) of|(?:over|in|during) (?:the )?(?:past|last) (?:\w+ ){0,2}(?:weeks?|months?|years?|decades?)|a total of|to date|since (?:19|20)\d\d|since (?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:over|in|within) (?:a|the) span of|since (?:last|early) (?:week|weekend|month|year)|across the city|(?:killed|shot|wounded|homicides?|murders?|victims?) (?:\w+ ){0,3}this year)\b/i;
/** "over the last week", "in the past month": a period up to the report, the one aggregate a summary may be. */
/** A video in a page's playlist, its length before its title: "0:41 Woman dies crossing …" (not a clock: "11:02 p.m.", "10:24 AM, MON 22 JUL"). */
const VIDEO_LENGTH = /^\s*\d{1,2}:\d{2}\s+(?![AP]\.?M\b)[A-Z]/;

const RECENT_PERIOD = /\b(?:over|in|during) (?:the )?(?:past|last) (?:\w+ ){0,2}(?:weeks?|months?)\b/gi;
const SECONDARY_CUE = /\b(?:comes? on the heels of|follow(?:s|ed|ing)|after|earlier|previous(?:ly)?|last (?:week|month|year)|in a separate|another|similar|recall(?:s|ed)?|a day before|days before|weeks before|in (?:19|20)\d\d)\b/i;
const DEMONSTRATION = new Set(['protests', 'riots']);

/** Trigger weight from which a word sets its sentence apart from an incident of another family. */
const STRONG = 0.5;
/** Arrests of another story: a separate case, or one dated long before ("last year", "in 1993"). */
const ARREST_ELSEWHERE = /\b(?:in (?:a|another) separate|in another case|last (?:month|year)|(?:months|years) ago|in (?:19|20)\d\d)\b/i;
/** "Fatalities unknown", "an unknown number of casualties": the toll stays null. */
const TOLL_UNKNOWN = /\b(?:fatalities|casualties|deaths|death toll|toll)\s+(?:(?:is|are|was|were|remains?|still)\s+)?(?:unknown|unclear|not known)|\bunknown (?:number of )?(?:fatalities|casualties|deaths)\b/i;
/** Event types that need no death to happen (a protest, arrests, territory changing hands): told without one, ACLED codes 0. */
const NON_LETHAL: ReadonlySet<string> = new Set([
  'peaceful_protest', 'protest_with_intervention', 'arrests', 'agreement', 'headquarters_or_base_established', 'non_violent_transfer_of_territory',
  'looting_property_destruction', 'disrupted_weapons_use', 'change_to_group_activity', 'abduction_forced_disappearance',
  'non_state_actor_overtakes_territory', 'government_regains_territory', 'sexual_violence',
]);

/**
 * The toll of a main report that tells of no death: 0, as ACLED codes it, when its type needs no
 * death (a peaceful protest, arrests) or it counts the injured and no dead; null when it
 * says the toll is unknown. Marked `assumed`, so a source that does count the dead wins over it
 * (corroborate.ts), and its claim, on the sentence that set the type, is weak.
 */
function assumedNone(text: string, type: string, injured: readonly Count[]): Count | null {
  // the cheap test first: the toll pattern reads the whole text, and either way the answer is null
  if (!NON_LETHAL.has(type) && !injured.some((c) => c.best > 0)) return null;
  if (TOLL_UNKNOWN.test(text)) return null;
  return { low: 0, best: 0, high: 0, assumed: true };
}
/** Trigger weight of words that name their event type ("drone attack", "airstrike", "ambush"). */
const SPECIFIC = 0.8;
/** Sentences counted as the lead, where the main incident is named. */
const LEAD_SENTENCES = 3;

interface Sentence {
  start: number;
  end: number;
  index: number;
  triggers: TriggerAnnotation[];
  items: Annotation[];
  attribution: string | null;
}

const familyOf = (t: { type: string; tags: string[] }) => `${t.type}:${t.tags[0] ?? ''}`;

function groupBySentence(doc: AnnotatedDocument): Sentence[] {
  const sentences: Sentence[] = doc.annotations
    .filter((a) => a.kind === 'sentence')
    .map((s, index) => ({ start: s.start, end: s.end, index, triggers: [], items: [], attribution: null }));
  // annotations are few per document: a binary search per annotation keeps this n log n
  const find = (pos: number) => sentences[sentenceAt(sentences, pos)] ?? null;
  for (const a of doc.annotations) {
    if (a.kind === 'sentence') continue;
    const s = find(a.start);
    if (!s) continue;
    // an arrest called for, threatened or denied ("should be arrested", "no arrests") is no incident of the report's
    if (a.kind === 'trigger') {
      if (a.type !== 'arrests' || !unrealArrest(doc.document.text, a.start, a.end)) s.triggers.push(a);
    }
    else if (a.kind === 'attribution') s.attribution = a.value;
    else s.items.push(a);
  }
  return sentences;
}

/** The main incident's family: most trigger weight in the title and lead, then in the whole text. */
function mainFamily(sentences: Sentence[], titleTriggers: TriggerAnnotation[]): TriggerAnnotation | null {
  const score = new Map<string, { w: number; t: TriggerAnnotation }>();
  const add = (t: TriggerAnnotation, factor: number) => {
    const k = familyOf(t);
    const cur = score.get(k);
    const w = t.weight * factor;
    if (cur) cur.w += w;
    else score.set(k, { w, t });
  };
  for (const t of titleTriggers) add(t, 3);
  for (const s of sentences) {
    const factor = s.index < LEAD_SENTENCES ? 2 : 0.5;
    for (const t of s.triggers) add(t, factor);
    // a sentence that counts the dead is about an incident: its strongest word names the main one
    // more surely than a lead about talks or blame
    if (s.items.some((a) => a.kind === 'casualty') && s.triggers.length) {
      add(s.triggers.reduce((a, b) => (b.weight > a.weight ? b : a)), factor * 0.5);
    }
  }
  let best: { w: number; t: TriggerAnnotation } | null = null;
  for (const v of score.values()) if (!best || v.w > best.w) best = v;
  return best?.t ?? null;
}

const CIVILIAN_VICTIMS = /\b(?:civilians?|residents?|villagers?|women|woman|children|child|boys?|girls?|passengers?|worshippers?|students?|farmers?|pedestrians?|aid workers?|journalists?|family members?|inhabitants?|refugees?|displaced|IDPs?|migrants?|herders?|herdsm[ae]n|traders?|chiefs?|elders?|imams?|pastors?|priests?|monks?|nuns?|pilgrims?|teachers?|drivers?|motorists?|fisherm[ae]n|hunters?|shepherds?|miners?|vendors?|shopkeepers?|businessm[ae]n|doctors?|nurses?|patients?|activists?|voters?|tourists?|(?:community|village|religious|traditional) leaders?)\b/i;
const MILITARY_VICTIMS = /\b(?:soldiers?|troops|servicem[ae]n|militants?|fighters?|rebels?|separatists?|insurgents?|combatants?|personnel|officers?|policem[ae]n|police|marines?|paratroopers?|militiam[ae]n|guerrillas?|gendarmes?|vigilantes?|jihadists?)\b/i;

/**
 * A generic word ("attacked", "killed") does not say who was hit; the victims do, as in ACLED's
 * codebook: armed men killing civilians is violence against civilians, a fight that kills soldiers
 * or militants is an armed clash. Specific words ("airstrike", "IED") keep their own type.
 */
function byVictims(main: TriggerAnnotation | null, sentences: Sentence[]): TriggerAnnotation | null {
  if (!main || main.weight >= STRONG) return main;
  let civilians = 0;
  let military = 0;
  for (const s of sentences) {
    for (const a of s.items) {
      if (a.kind !== 'casualty' || !a.victims || a.value.best === 0) continue;
      if (CIVILIAN_VICTIMS.test(a.victims)) civilians++;
      else if (MILITARY_VICTIMS.test(a.victims)) military++;
    }
  }
  if (civilians > military) return { ...main, category: 'violence_against_civilians', type: 'attack', tags: ['attack'] };
  if (military > civilians) return { ...main, category: 'battles', type: 'armed_clash', tags: ['clash'] };
  return main;
}

/** The places a secondary incident's sentences give by their words (see scene-cues.ts), with their claims. */
function sentencePlaces(text: string, id: string, incident: Sentence[], all: Sentence[], places: Location[], claims: Claim[]): void {
  for (const s of incident) {
    for (const a of s.items) {
      if (a.kind === 'place' && a.qualifies === null && (isScene(text, a) || qualifiedScene(text, a, s.items) || framedScene(text, a, s.items))) {
        const loc = sceneLocation(text, a, s.items);
        places.push(loc);
        claims.push(claim(text, id, s, 'location', loc));
      }
    }
  }
  if (!places.length) {
    // headlines rarely say "in": "Rebel-held Donetsk hit by air strike". Without a locative word,
    // a place that is neither a route end nor a stand-in for a government is the scene.
    for (const s of incident.length ? incident : all.slice(0, LEAD_SENTENCES)) {
      for (const a of s.items) {
        if (a.kind !== 'place' || a.qualifies !== null || !isScene(text, a, false)) continue;
        const loc = sceneLocation(text, a, s.items);
        places.push(loc);
        claims.push(claim(text, id, s, 'location', loc));
      }
    }
  }
  if (places.every((p) => p.precision === 'country')) {
    for (const { s, a } of regionalSources(text, incident.length ? incident : all.slice(0, LEAD_SENTENCES), places)) {
      const loc = toLocation(a);
      places.push(loc);
      claims.push(claim(text, id, s, 'location', loc));
    }
  }
}

const samePlace = (a: ResolvedPlace, b: ResolvedPlace) => (a.geonameid !== null ? a.geonameid === b.geonameid : a.name === b.name && a.lat === b.lat && a.lon === b.lon);

const sameLocation = (a: Location, b: Location) => (a.geonameid !== null ? a.geonameid === b.geonameid : a.name === b.name && a.lat === b.lat && a.lon === b.lon);

function placeLocation(v: ResolvedPlace): Location {
  return { name: v.name, admin1: v.admin1, admin2: v.admin2, country: v.country, lat: v.lat, lon: v.lon, precision: v.precision, geonameid: v.geonameid };
}

/**
 * A value's evidence is its first few sentences: an article that repeats one town or one figure in
 * thousands of sentences would otherwise carry thousands of equal claims into every event it joins
 * (stored, compared and rewritten each time a report is linked).
 */
const SAME_CLAIMS = 8;

function fewRepeats(claims: Claim[]): Claim[] {
  const seen = new Map<string, number>();
  return claims.filter((c) => {
    const k = `${c.field}\n${c.hedged ? 1 : 0}\n${valueKey(c.field, c.value)}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n <= SAME_CLAIMS;
  });
}

function claim(text: string, docId: string, s: Sentence, field: FieldName, value: unknown, hedged = false): Claim {
  const c: Claim = { field, value, document: docId, quote: text.slice(s.start, s.end), start: s.start, end: s.end, attributed_to: s.attribution };
  if (hedged) c.hedged = true;
  return c;
}

/** A count read from a vague word ("dozens killed", "many dead") rather than a number. */
const VAGUE_COUNT = /\b(?:several|a few|few|many|dozens|scores|hundreds|thousands)\b/i;
/** A count told by a vague word and no digit ("several were hurt"). */
const vagueCount = (span: string) => VAGUE_COUNT.test(span) && !/\d/.test(span);

/**
 * One count from a document's counts of one field. `vague` marks those read from a vague word:
 * where the document also gives a number ("Many rebels dead" over "3 rebels, 2 civilians
 * killed"), the number is the fact and the word its colour, so the vague ones are dropped.
 */
export function summariseCounts(all: Count[], vague: boolean[] = []): Count | null {
  const exact = all.filter((_, i) => !vague[i]);
  const counts = exact.length ? exact : all;
  if (!counts.length) return null;
  // a document that gives a toll twice usually updates it ("rose to 7"): keep the range, code the higher
  return {
    low: Math.min(...counts.map((c) => c.low)),
    best: Math.max(...counts.map((c) => c.best)),
    high: Math.max(...counts.map((c) => c.high)),
  };
}

/**
 * A death told later of a part of the hurt: "One of the men later died", "That victim, a 63-year-old, later died",
 * "one of them has since succumbed" (not "he later died", often the one counted dead before).
 */
const LATER_PART = /^(?:(?:one|two|three|\d{1,2})\s+of\s+(?:the|them|those|these)\b|(?:that|the\s+other|another|a\s+second|the\s+second|the\s+third)\s+(?:victim|man|woman|person|one|boy|girl|teen)\b)[^.;]*?\b(?:(?:later|since|subsequently|eventually)\s+(?:died|succumbed|passed away)|succumbed)/i;
/** "57 militants were also killed", "two others also died": more dead of the same incident, not a new toll. */
const ALSO = /\b(?:(?:were|was|have been|had been)\s+also|also\s+(?:killed|died|perished|dead))\b/i;

/** Words that call an incident deadly without counting its dead (see buildReport). */
const FATAL_LEAD = /\b(?:fatal(?:ly)?|(?:deadly|lethal)(?!\s+(?:weapon|force|conduct))|shooting death|slain|dies|died|dead|killed|kills|murder(?:ed)?)\b/i;
/** "murder-suicide", not an attempted one. */
const MURDER_SUICIDE = /(?<!attempted )\bmurder[- ]suicide\b/i;
/** …unless the lead says no one died or only tried: "attempted murder", "non-fatal", "expected to survive". */
const NOT_FATAL = /\battempted (?:murder|homicide)|\bnon-?fatal|\bnot (?:life-threatening|fatal)|\bsurviv/i;

/** The document's toll (see summariseCounts), plus the counts a later sentence adds with "also". */
function withAdded(counts: Count[], vague: boolean[], more: boolean[]): Count | null {
  const base = summariseCounts(counts.filter((_, i) => !more[i]), vague.filter((_, i) => !more[i]));
  const added = counts.filter((_, i) => more[i]);
  if (!added.length) return base;
  return added.reduce((a, b) => ({ low: a.low + b.low, best: a.best + b.best, high: a.high + b.high }), base ?? { low: 0, best: 0, high: 0 });
}

/**
 * The injured: those said to be hurt, or those hit ("four shot", "a man was shot") less the dead
 * among them ("Four shot, man dead" is 3 injured), whichever is more. The dead are counted among
 * the hit: news says "shot" of everyone the bullets struck.
 */
export function injuredOf(injured: Count[], struck: Count[], fatalities: Count | null, vague: boolean[] = [], struckVague: boolean[] = []): Count | null {
  const told = summariseCounts(injured, vague);
  const hit = summariseCounts(struck, struckVague);
  if (!hit) return told;
  // "wounding as many as four others" then "several were shot": the counted hurt, not the vague word's figure
  if (told && struckVague.length === struck.length && struckVague.every(Boolean) && !(vague.length === injured.length && vague.every(Boolean))) return told;
  const dead = fatalities?.best ?? 0;
  const left = Math.max(0, hit.best - dead);
  const fromHit: Count = { low: Math.max(0, hit.low - (fatalities?.high ?? 0)), best: left, high: Math.max(left, hit.high - (fatalities?.low ?? 0)) };
  if (!told) return fromHit;
  // "leaving several people injured" then "four victims were struck": the counted hit, not the vague word's figure
  if (vague.length === injured.length && vague.every(Boolean)) return fromHit;
  return fromHit.best > told.best ? fromHit : told;
}

/**
 * The injured figure the ranker picks among those the report's sentences state (see
 * injured-ranker.ts); a figure it picks over the rules' is claimed on the sentence that states it.
 */
/** Whether the sentence states a count of the dead (not hedged). */
function countsDead(s: Sentence): boolean {
  return s.items.some((x) => x.kind === 'casualty' && x.field === 'fatalities' && !x.hedged);
}

/** A word of gunfire in a sentence that counts the hurt (see InjuredEvidence.gunfire). */
const GUNFIRE = /\b(?:shot|shots|shooting|gunshot|gunfire|bullets?|wounded|wounds?|struck|grazed|fired)\b/i;

function reranked(text: string, docId: string, all: Sentence[], claims: Claim[], hurt: Count | null, fromHit: boolean, dead: number, ranker: InjuredRanker, later = { dead: 0, at: -1 }): Count | null {
  const evidence: InjuredEvidence[] = [];
  const at: Sentence[] = [];
  const deadAt = new Set<number>();
  for (const s of all) {
    for (const a of s.items) {
      if (a.kind === 'casualty' && !a.hedged && a.field === 'fatalities') deadAt.add(s.index);
      if (a.kind !== 'casualty' || a.hedged || a.field !== 'injured' || (a.update && !a.struck)) continue;
      const span = text.slice(a.start, a.end);
      // (a count of the hurt told before one of them died, as the rules read it: see LATER_PART)
      const value = later.dead && !a.struck && s.index < later.at && !countsDead(s) ? Math.max(0, a.value.best - later.dead) : a.value.best;
      evidence.push({ value, kind: a.struck ? 'hit' : 'told', sentence: s.index, vague: vagueCount(span), gunfire: GUNFIRE.test(text.slice(s.start, s.end)), victims: a.victims });
      at.push(s);
    }
  }
  if (!evidence.length) return hurt;
  const rule = hurt?.best ?? 0;
  const pick = ranker(injuredCandidates(evidence, rule, fromHit, dead, deadAt, all.length));
  if (pick.value === rule) return hurt;
  if (pick.value === 0) return null;
  const count: Count = { low: pick.value, best: pick.value, high: pick.value };
  const s = at[pick.at];
  if (!claims.some((c) => c.field === 'injured' && c.start === s.start && valueKey('injured', c.value) === valueKey('injured', count))) claims.push(claim(text, docId, s, 'injured', count));
  return count;
}

const DAY_MS = 86_400_000;

/** Sentences of the lead: a date told there names the incident more surely than one further down. */
const DATE_LEAD = 5;
const DATE_LEAD_WEIGHT = 3;
/**
 * A day told in a sentence that tells of the shots ("a man was shot Sunday") counts twice over one
 * told beside something else ("No one answered the door Monday", "was released Sunday"). Not any
 * casualty word: "died Thursday", "remained hospitalized Friday" are often later days.
 */
const DATE_TOLD_WEIGHT = 2;
/** Characters before a date that, with it, make a repeat of the same telling (a caption, a post; "Image 2 of 12" as "Image 1 of 12"). */
const DATE_REPEAT_CONTEXT = 40;

/**
 * The incident's date among a report's dates: not the date of a later step (said, arrested, in
 * court, the toll rose: see DateAnnotation.later) when another is given, and among the rest the
 * days before the wider spans — a "2015" or "this month" agrees with every day, so by support
 * alone it would win over the day it contains. Among days, the one told most, a day in the lead
 * (`lead`) counting as three; on a tie the earlier day, since news tells an incident before what
 * followed it (the arrest, the vigil, the day the victim died).
 */
export function incidentDate(dates: DateInterval[], later: boolean[] = [], lead: boolean[] = [], told: boolean[] = []): DateInterval | null {
  const own = dates.map((_, i) => i).filter((i) => !later[i]);
  const pool = own.length ? own : dates.map((_, i) => i);
  const days = pool.filter((i) => Date.parse(dates[i].end) - Date.parse(dates[i].start) <= DAY_MS);
  if (!days.length) return consensus(pool.map((i) => dates[i]), datesCompatible, dateSpecificity, dateKey);
  const score = new Map<string, { d: DateInterval; w: number }>();
  for (const i of days) {
    const k = dateKey(dates[i]);
    const w = (lead[i] ? DATE_LEAD_WEIGHT : 1) * (told[i] ? DATE_TOLD_WEIGHT : 1);
    const cur = score.get(k);
    if (cur) cur.w += w;
    else score.set(k, { d: dates[i], w });
  }
  // a night or a weekend ("overnight", "over the weekend") is told again by the days it holds
  // ("10:45 p.m. Friday", "on Saturday"): the two days stand for the incident, either of which the text gives
  for (const v of score.values()) {
    if (Date.parse(v.d.end) - Date.parse(v.d.start) !== DAY_MS) continue;
    for (const i of days) if (dates[i].start === dates[i].end && dates[i].start >= v.d.start && dates[i].end <= v.d.end) v.w += (lead[i] ? DATE_LEAD_WEIGHT : 1) * (told[i] ? DATE_TOLD_WEIGHT : 1);
  }
  // "In August, a man shot …" then "on Aug. 12": a week or a month told of the incident supports the days inside it
  for (const i of pool) {
    const d = dates[i];
    const span = Date.parse(d.end) - Date.parse(d.start);
    if (span <= DAY_MS || span > 31 * DAY_MS || d.precision === 'day') continue;
    const w = lead[i] ? DATE_LEAD_WEIGHT : 1;
    for (const v of score.values()) if (v.d.start >= d.start && v.d.end <= d.end) v.w += w;
  }
  let best: { d: DateInterval; w: number } | null = null;
  for (const v of score.values()) if (!best || v.w > best.w || (v.w === best.w && v.d.start < best.d.start)) best = v;
  return best!.d;
}

/** Words that date a sentence to before the incident: "last year", "two years ago", "in 2009". */
const PAST_CUE = /\b(?:last (?:year|month)|(?:weeks|months|years) (?:ago|earlier|before)|earlier this (?:year|month)|in (?:(?:january|february|march|april|may|june|july|august|september|october|november|december),? (?:of )?)?((?:19|20)\d\d))\b/i;
/** Days before the incident from which a date in a sentence tells of another incident. */
const PAST_DAYS = 30;

/**
 * A sentence told of an earlier incident: it dates itself a month or more before the report's
 * incident (every date it holds, not a later step; or, holding none, "last year", "months ago", another year).
 */
function earlierIncident(sentence: string, s: Sentence, when: DateInterval): boolean {
  // every day it tells is long before (a sentence that also tells the incident's day is about it)
  const first = Date.parse(when.start);
  let old = 0;
  for (const a of s.items) {
    if (a.kind !== 'date' || a.later || a.stamp) continue;
    const end = Date.parse(a.value.end);
    // a year or a season ("earlier this year") holds the incident's day too: the words below judge it
    if (end - Date.parse(a.value.start) > 31 * DAY_MS) continue;
    if (end >= first - PAST_DAYS * DAY_MS) return false;
    old++;
  }
  if (old) return true;
  const m = PAST_CUE.exec(sentence);
  if (!m) return false;
  return m[1] ? Number(m[1]) < Number(when.start.slice(0, 4)) : true;
}

/** An undated report: the day of publication and the day before, marked implied (see DateInterval). */
function impliedDate(published: string | null): DateInterval | null {
  if (!published) return null;
  const day = Date.parse(published);
  if (Number.isNaN(day)) return null;
  return { start: new Date(day - 86_400_000).toISOString().slice(0, 10), end: published, precision: 'day', implied: true };
}


/** People who report or speak for others are attribution, not actors (see attribution.ts). */
const ATTRIBUTION_ROLE = /\b(?:journalist|reporter|correspondent|blogger|editor|photographer|anchor|columnist|spokes(?:wo)?(?:man|person)|analyst|press secretary)\b/i;
/** A side named after these is where something went or came from, not who acted: "returning to the Reconciliation Center". */
const SIDE_ROUTE_BEFORE = /\b(?:to|(?<!\b(?:members?|fighters?|militants?|elements|soldiers|troops|ranks|cells?|dozens|some|many|several|\d+)\s+)from|towards?|for|into|bound for|on behalf of|(?<!\b(?:clash(?:es|ed)?|fight(?:s|ing)?|battles?|battled|fought|skirmish(?:es)?|confrontations?|exchanges?|war|fire|engagements?|combat|shootouts?|gunfights?|firefights?|gun ?battles?|fighting))\s+with)\s+(?:the\s+)?(?:[\p{L}'’-]{1,30}\s+)?["“']?$/iu;
/** "killed by Hamas": the agent of a passive form is who acted. */
const AGENT_BEFORE = /\bby\s+(?:the\s+)?$/i;
/** "clashes between X and Y": X is the first side, not the one acted on. */
const BETWEEN_BEFORE = /\bbetween\s+(?:the\s+)?$/i;
/** A headline's bare participle ("Six fighters killed in …", "Man shot dead"): who is named before it was hit. */
const PASSIVE_WORD = /(?:ed|dead|died|hurt|slain|shot|struck|hit|wounded|taken|down)$/i;
const PASSIVE_AFTER = /^\s*(?:dead\b|and\b|(?:in|as|at|after|during|near|on|by|while|when|following|amid|outside|inside|over|for|from|since)\b|[,;:.!?]|$)/i;
/** A side followed by its own loss ("Six AA fighters killed in …", "junta troops were killed"): it was hit, whatever word the incident is. */
const HIT_AFTER = /^["”’']?(?:\s+[\p{L}'’-]{1,20}){0,2}?\s+(?:(?:were|was|are|have been|had been|got)\s+)?(?:killed|dead|died|wounded|injured|hurt|slain|shot dead|executed|captured|ambushed|abducted|kidnapped)(?=\s*(?:dead\b|and\b|(?:in|as|at|after|during|near|on|by|while|when|following|amid|outside|inside|over|for|from|since)\b|[,;:.!?]|$))/iu;
/** Kinds of actor that are sides of the fighting (a body such as the UN is not). */
const SIDE_TYPES = new Set(['armed_forces', 'police', 'group', 'government', 'civilians', 'protesters']);

/**
 * Actors as ACLED and UCDP code them, from the incident's own sentences (not background): `actor1`
 * the side that acted (named before the incident's word, or after "by"), `actor2` the side acted on
 * (after it, or before a headline's bare participle: "Six fighters killed"); further sides on either
 * hand are `assoc_actor1` / `assoc_actor2`. Civilians are always acted on. A side named only in a
 * sentence without the incident's word is a side when no sentence with it names one. People keep
 * their roles (`person`); journalists and spokespeople are attribution and left out.
 */
function assignActors(text: string, sentences: Sentence[], triggers: Set<TriggerAnnotation>): Actor[] {
  const out = new Map<string, Actor>();
  let actor1 = false;
  let actor2 = false;
  const unplaced: Actor[] = [];
  const place = (a: Actor, acting: boolean) => {
    a.role = acting ? (actor1 ? 'assoc_actor1' : 'actor1') : actor2 ? 'assoc_actor2' : 'actor2';
    if (a.role === 'actor1') actor1 = true;
    if (a.role === 'actor2') actor2 = true;
  };
  for (const s of sentences) {
    const trigger = s.triggers.find((t) => triggers.has(t));
    let passive = !!trigger && PASSIVE_WORD.test(trigger.text) && PASSIVE_AFTER.test(text.slice(trigger.end, trigger.end + 12));
    for (const a of s.items) {
      if (a.kind !== 'actor' || out.has(a.value)) continue;
      if (a.type === 'person') {
        if (!ATTRIBUTION_ROLE.test(a.role ?? '')) out.set(a.value, { name: a.value, role: 'person', type: a.type, description: a.role });
        continue;
      }
      const actor: Actor = { name: a.value, role: 'mentioned', type: a.type, description: a.role };
      out.set(a.value, actor);
      const lead = text.slice(Math.max(0, a.start - 40), a.start);
      if (SIDE_ROUTE_BEFORE.test(lead)) continue;
      if (a.type === 'civilians') place(actor, false);
      else if (!trigger) {
        if (SIDE_TYPES.has(a.type)) unplaced.push(actor);
      } else if (HIT_AFTER.test(text.slice(a.end, a.end + 60))) {
        // the side that lost is acted on; a side named after it is who hit it
        place(actor, false);
        if (a.start <= trigger.start) passive = true;
      } else if (a.start <= trigger.start) place(actor, !passive);
      else place(actor, AGENT_BEFORE.test(lead) || (SIDE_TYPES.has(a.type) && ((passive && !actor1) || (BETWEEN_BEFORE.test(lead) && !actor1))));
    }
  }
  // a headline with no word of the incident beside its sides ("Human losses in rebels in Aleppo")
  if (!actor1) for (const a of unplaced) place(a, !actor1);
  return [...out.values()];
}

/** The designations of a report, one per family, the most specific spelling ("Mi-8AMTSh" over "Mi-8"). */
function equipmentOf(claims: Claim[]): string[] {
  const byFamily = new Map<string, string>();
  for (const c of claims) {
    const { value, family } = c.value as { value: string; family: string };
    const cur = byFamily.get(family);
    if (!cur || value.length > cur.length) byFamily.set(family, value);
  }
  return [...byFamily.values()];
}

function buildReport(doc: AnnotatedDocument, index: number, title: string, family: TriggerAnnotation, all: Sentence[], incident: Sentence[], familyKey: string, shared: SharedFeatures | undefined, ranker?: InjuredRanker): Report {
  const text = doc.document.text;
  const id = doc.document.id;
  const claims: Claim[] = [];
  const ownTriggers = new Set<TriggerAnnotation>();
  for (const s of all) for (const t of s.triggers) if (familyOf(t) === familyKey) ownTriggers.add(t);

  const tags = new Set<string>(family.tags);
  let trigger: TriggerAnnotation | null = null;
  let typeSentence: Sentence | null = null;
  for (const s of all) {
    for (const t of s.triggers) {
      if (!ownTriggers.has(t) && t.weight >= STRONG) continue;
      for (const tag of t.tags) if (t.weight >= 0.5 || familyOf(t) === familyKey) tags.add(tag);
      if (ownTriggers.has(t)) {
        if (!trigger) {
          trigger = t;
          typeSentence = s;
        }
        claims.push(claim(text, id, s, 'type', `${family.category}/${family.type}`));
      }
    }
  }
  tags.delete('casualties');

  const fatal: Count[] = [];
  const fatalVague: boolean[] = [];
  const fatalMore: boolean[] = [];
  const injured: Count[] = [];
  const injuredVague: boolean[] = [];
  // where each count of the hurt is told (the sentence, and whether it counts the dead too), for the later deaths below
  const injuredAt: number[] = [];
  const injuredBesideDead: boolean[] = [];
  let laterDead = 0;
  let laterAt = -1;
  const struck: Count[] = [];
  const updates: Count[] = [];
  const struckAt: Sentence[] = [];
  const struckVague: boolean[] = [];
  const captured: Count[] = [];
  const places: Location[] = [];
  const dates: DateInterval[] = [];
  const datesLater: boolean[] = [];
  const datesLead: boolean[] = [];
  const datesTold: boolean[] = [];
  const dateClaims: Claim[] = [];
  // the incident's sentences give its date; where they give none, the report's other sentences
  // (a local story's "It happened Monday" holds no word of the incident)
  const incidentDated = incident.some((s) => s.items.some((a) => a.kind === 'date'));
  // a page's stamp is its publication day: what an undated report is dated by, no claim of the incident's day
  let stampDay: string | null = null;
  // a caption or a quoted post repeated down the page ("Image 1 of 12 … Thursday, Sept. 15") tells its day once
  const seenDates = new Set<string>();
  for (const s of all) {
    for (const a of s.items) {
      if (a.kind !== 'date') continue;
      if (a.stamp) {
        stampDay ??= a.value.end;
        continue;
      }
      const seen = `${a.value.start}/${a.value.end} ${text.slice(Math.max(s.start, a.start - DATE_REPEAT_CONTEXT), a.start).replace(/\d+/g, '#')}`;
      if (seenDates.has(seen)) continue;
      seenDates.add(seen);
      dates.push(a.value);
      datesLater.push(!!a.later);
      datesLead.push(s.index < DATE_LEAD);
      datesTold.push(s.items.some((x) => x.kind === 'casualty' && !!x.struck && !x.hedged));
      dateClaims.push(claim(text, id, s, 'date', a.value));
    }
  }
  // a sentence of another, earlier incident of the same kind ("Just last year, a boy was killed …",
  // "the 2009 shooting that killed 13 people"): its counts are not this incident's
  const when = incidentDate(dates, datesLater, datesLead, datesTold);
  const pastAt = new Set<number>();
  // (only once the incident's own count has been told: a follow-up may tell its incident only so, "… left a bystander dead last year")
  let counted0 = false;
  for (const s of all) {
    const past = counted0 && index === 0 && when !== null && s.index >= LEAD_SENTENCES && earlierIncident(text.slice(s.start, s.end), s, when);
    if (past) pastAt.add(s.index);
    else counted0 ||= s.items.some((a) => a.kind === 'casualty' && !a.hedged);
    for (const a of s.items) {
      if (a.kind === 'casualty') {
        if (past) continue;
        // the people hit are claimed as injured once the dead among them are known (below)
        if (!a.struck) claims.push(claim(text, id, s, a.field, a.value, a.hedged));
        if (!a.hedged) (a.struck ? struck : a.update ? updates : a.field === 'fatalities' ? fatal : a.field === 'injured' ? injured : captured).push(a.value);
        if (a.struck && !a.hedged) {
          struckAt.push(s);
          struckVague.push(vagueCount(text.slice(a.start, a.end)));
        }
        if (!a.hedged && !a.struck && a.field === 'injured' && !a.update) {
          injuredVague.push(vagueCount(text.slice(a.start, a.end)));
          injuredAt.push(s.index);
          injuredBesideDead.push(countsDead(s));
        }
        // "Two men were wounded … One of the men later died": one of the hurt told before, dead since
        if (!a.hedged && a.field === 'fatalities' && !a.update && injuredAt.length && LATER_PART.test(text.slice(a.start, a.end))) {
          laterDead += a.value.best;
          if (laterAt < 0) laterAt = s.index;
        }
        if (!a.hedged && a.field === 'fatalities' && !a.update) {
          fatalVague.push(vagueCount(text.slice(a.start, a.end)));
          fatalMore.push(s.index > 0 && ALSO.test(text.slice(a.start, a.end)));
        }
      } else if (a.kind === 'equipment') {
        claims.push(claim(text, id, s, 'equipment', { value: a.value, family: a.family }));
        if (a.category === 'helicopter' || a.category === 'aircraft' || a.category === 'drone') tags.add('aircraft');
      }
    }
  }
  // the date of a later step (said Monday, in court) is no claim of the incident's date when another is given
  const ownDates = datesLater.some((l) => !l);
  claims.push(...dateClaims.filter((_, i) => !ownDates || !datesLater[i]));
  // the main incident's place is the scene stage's choice; a secondary one (its one sentence) is read by its words
  const scene = index === 0 ? doc.annotations.find((a): a is SceneAnnotation => a.kind === 'scene') : undefined;
  if (scene) {
    const loc: Location = { ...placeLocation(scene.value), reasons: scene.reasons };
    places.push(loc);
    // what the sentences' words make a scene stays evidence (two sources placing it apart is a dispute)
    const from = claims.length;
    sentencePlaces(text, id, incident, all, [], claims);
    const stated = claims.slice(from);
    const claimed = all.filter((s) => s.items.some((a) => a.kind === 'place' && samePlace(a.value, scene.value)));
    // named only in the title, which is not in the text: the claim stands on the lead sentence
    for (const s of claimed.length ? claimed : (incident.length ? incident : all).slice(0, 1)) {
      if (!stated.some((c) => c.start === s.start && sameLocation(c.value as Location, loc))) claims.push(claim(text, id, s, 'location', loc));
    }
  } else {
    sentencePlaces(text, id, incident, all, places, claims);
  }
  // a later figure of the toll ("rose to 12") replaces the earlier ones: the last one stated is current
  let counted = updates.length ? updates[updates.length - 1] : withAdded(fatal, fatalVague, fatalMore);
  // "Police investigate fatal shooting", "Slain student was …": a lead that calls the incident
  // deadly and counts no one tells of one death (the one hit, when "a man was shot", is the dead)
  const fatalLead = !counted && index === 0 ? all.find((s) => s.index < LEAD_SENTENCES && FATAL_LEAD.test(text.slice(s.start, s.end))) : undefined;
  if (fatalLead && !all.some((s) => s.index < LEAD_SENTENCES && NOT_FATAL.test(text.slice(s.start, s.end)))) {
    counted = { low: 1, best: 1, high: 1 };
    claims.push(claim(text, id, fatalLead, 'fatalities', counted));
  }
  // a murder-suicide kills at least two: the one killed and the one who shot
  const murderSuicide = index === 0 && (!counted || counted.best < 2) ? all.find((s) => s.index < LEAD_SENTENCES && MURDER_SUICIDE.test(text.slice(s.start, s.end))) : undefined;
  if (murderSuicide) {
    counted = { low: 2, best: 2, high: Math.max(2, counted?.high ?? 2) };
    claims.push(claim(text, id, murderSuicide, 'fatalities', counted));
  }
  // the hurt told before a later death of one of them, in a sentence that counts no dead, held that one: less the later dead
  if (laterDead) {
    for (let i = 0; i < injured.length; i++) {
      if (injuredAt[i] < laterAt && !injuredBesideDead[i]) {
        const c = injured[i];
        injured[i] = { low: Math.max(0, c.low - laterDead), best: Math.max(0, c.best - laterDead), high: Math.max(0, c.high - laterDead) };
      }
    }
  }
  let hurt = injuredOf(injured, struck, counted, injuredVague, struckVague);
  const fromHit = !!hurt && struck.length > 0 && (!injured.length || hurt.best > (summariseCounts(injured, injuredVague)?.best ?? 0));
  if (hurt && fromHit) claims.push(claim(text, id, struckAt[0], 'injured', hurt));
  // the main report's figure weighed again against the other figures its sentences state
  if (ranker && index === 0) hurt = reranked(text, id, pastAt.size ? all.filter((s) => !pastAt.has(s.index)) : all, claims, hurt, fromHit, counted?.best ?? 0, ranker, { dead: laterDead, at: laterAt });
  // an assumed 0 stands on the sentence that set the type (or the incident's first)
  const noneSentence = typeSentence ?? incident[0] ?? all[0];
  const none = counted || index > 0 || !noneSentence ? null : assumedNone(text, family.type, injured);
  if (none) claims.push(claim(text, id, noneSentence, 'fatalities', none, true));
  const equipmentClaims = claims.filter((c) => c.field === 'equipment');
  // who acted is read where the incident is told, not in background paragraphs
  const actors = assignActors(text, incident.length ? incident : all, ownTriggers);
  const named = new Set(actors.map((a) => a.name));
  for (const s of incident.length ? incident : all) for (const a of s.items) if (a.kind === 'actor' && named.has(a.value)) claims.push(claim(text, id, s, 'actors', a.value));

  const report: Report = {
    id: `${id}#${index}`,
    document: id,
    index,
    title,
    category: family.category,
    type: family.type,
    tags: [...tags].sort(),
    // a background incident (index > 0) happened before the report, on a day it does not say
    date: when ?? (index === 0 ? impliedDate(doc.document.published ?? stampDay) : null),
    location: consensus(places, placesCompatible, placeSpecificity, placeKey),
    actors,
    fatalities: counted ?? none,
    injured: hurt,
    captured: summariseCounts(captured),
    equipment: equipmentOf(equipmentClaims),
    claims: fewRepeats(claims),
    features: null as unknown as ReportFeatures,
  };
  report.features = features(doc, all, places, shared?.(report) ?? null);
  return report;
}

/**
 * What a report shares with reports in other languages (lang/bridge.ts), read from the report built
 * so far: words its terms also count (`weight` times each), names after its own.
 */
export type SharedFeatures = (r: Report) => { words: string; weight: number; names: readonly string[] };

function features(doc: AnnotatedDocument, sentences: Sentence[], places: Location[], shared: ReturnType<SharedFeatures> | null): ReportFeatures {
  const text = doc.document.text;
  const parts = sentences.map((s) => text.slice(s.start, s.end));
  if (doc.document.title) parts.unshift(doc.document.title);
  const joined = parts.join('\n');
  const names = new Set(properNames(joined));
  for (const p of places) names.add(p.name.toLowerCase());
  const equipment = new Set<string>();
  for (const s of sentences) for (const a of s.items) {
    if (a.kind === 'equipment') equipment.add(a.family);
    if (a.kind === 'actor') names.add(a.value.toLowerCase());
  }
  const terms = new TermCounts().add(joined);
  if (shared) {
    terms.add(shared.words, shared.weight);
    for (const n of shared.names) names.add(n);
  }
  return { terms: terms.record(), names: [...names], equipment: [...equipment], published: doc.document.published };
}

/** A report with `features.persons` filled: its names whose first word is a first name (`isFirstName` takes a folded word). */
export function withPersons(r: Report, isFirstName: (folded: string) => boolean): Report {
  const persons = r.features.names.filter((n) => {
    const ws = n.split(/\s+/);
    return ws.length === 2 && isFirstName(foldName(ws[0]));
  });
  return { ...r, features: { ...r.features, persons } };
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  if (one.length <= n) return one;
  // cut before the last word begun: every white space is one " " now, so its last is the cut
  // (what /\s+\S*$/ took off, found without trying the pattern at every space)
  const cut = one.slice(0, n - 1);
  const space = cut.lastIndexOf(' ');
  return `${space >= 0 ? cut.slice(0, space) : cut}…`;
}

/**
 * The main report with arrests told beside its incident ("police arrested 12 of the rioters"), not as
 * an incident of their own (`taken`: secondary reports' sentences) nor as an earlier one: they are a
 * fact of it, so it is tagged `arrest` (no report of their own). Told in the lexicon's words or in
 * others ("rounded up", "nabbed", "held in connection with": arrests.ts); a document with no trigger
 * at all may tell them too ("the police have rounded up 1,740 activists").
 */
function withArrests(report: Report, text: string, sentences: Sentence[], taken: ReadonlySet<Sentence>): Report {
  if (report.tags.includes('arrest')) return report;
  const told = arrestsTold(text);
  const arrestTold = (s: Sentence) => s.triggers.some((t) => t.type === 'arrests' && t.weight >= STRONG) || told.some((at) => at >= s.start && at < s.end);
  if (!sentences.some((s) => !taken.has(s) && arrestTold(s) && !ARREST_ELSEWHERE.test(text.slice(s.start, s.end)))) return report;
  // after the family's own tags (linking's family key reads the first)
  return { ...report, tags: [...report.tags, 'arrest'] };
}

/**
 * The reports of one document, main incident first. `titleTriggers` are the triggers found in the
 * title when the title is not part of the text (HTML pages, JSONL with a title); `shared`, what each
 * report's features share across languages (lang/bridge.ts `sharedFeatures`).
 */
export function buildReports(doc: AnnotatedDocument, titleTriggers: TriggerAnnotation[] = [], shared?: SharedFeatures, ranker?: InjuredRanker): Report[] {
  const text = doc.document.text;
  const sentences = groupBySentence(doc);
  if (!sentences.length) return [];
  let aggregate = new Set(sentences.filter((s) => AGGREGATE.test(text.slice(s.start, s.end))));
  // a summary and nothing else ("23 civilians died in shelling in Donbass over the last week"):
  // the summary is what the document reports, so it is the report's, not left out as background
  const speaks = (s: Sentence) => s.triggers.length > 0 || s.items.some((a) => a.kind === 'casualty');
  // — a count over a recent period only, not a running total ("8,000 killed since the start of the conflict")
  if (!sentences.some((s) => !aggregate.has(s) && speaks(s))) {
    aggregate = new Set([...aggregate].filter((s) => AGGREGATE.test(text.slice(s.start, s.end).replace(RECENT_PERIOD, ' '))));
  }
  // and the titles of a page's video playlist: what they count and date is other stories'
  const usable = sentences.filter((s) => !aggregate.has(s) && !VIDEO_LENGTH.test(text.slice(s.start, s.end)));
  const found = mainFamily(usable, titleTriggers);
  const main = byVictims(found, usable);
  const title = doc.document.title ?? truncate(text.slice(sentences[0].start, sentences[0].end), 140);
  if (!main) {
    // no trigger at all: still one report, so the document has an event to link and show
    const none: TriggerAnnotation = { kind: 'trigger', start: 0, end: 0, text: '', category: 'strategic_developments', type: 'other', tags: [], weight: 0 };
    return [withArrests(buildReport(doc, 0, title, none, usable, usable.slice(0, LEAD_SENTENCES), familyOf(none), shared, ranker), text, sentences, new Set())];
  }
  // sentences are sorted by the words found, even when the victims changed the type they are read as
  const mainKey = familyOf(found ?? main);
  const mainCategory = (found ?? main).category;
  // a demonstration and what police or rioters did at it are one incident: "protesters gathered in
  // Bulawayo. Police fired tear gas" (ACLED's protests and riots are both demonstrations)
  const kin = (t: TriggerAnnotation) => familyOf(t) === mainKey || (DEMONSTRATION.has(t.category) && DEMONSTRATION.has(mainCategory));
  const mainSentences: Sentence[] = [];
  const incidentSentences: Sentence[] = [];
  const secondary: { s: Sentence; t: TriggerAnnotation }[] = [];
  for (const s of usable) {
    const own = s.triggers.some(kin);
    const other = s.triggers.filter((t) => !kin(t) && t.weight >= STRONG).sort((a, b) => b.weight - a.weight)[0];
    const sentence = text.slice(s.start, s.end);
    if (other) {
      const hasFacts = s.items.some((a) => a.kind === 'casualty' || a.kind === 'date');
      // a cue alone ("similar operations", "after the battle") is not enough: the word must name its type
      const cue = SECONDARY_CUE.test(sentence) && other.weight >= SPECIFIC;
      if ((cue || (!own && hasFacts)) && s.index >= 1) {
        secondary.push({ s, t: other });
        continue;
      }
      if (!own) continue; // background: another kind of thing, no word of the main incident
    }
    mainSentences.push(s);
    if (own || s.triggers.some((t) => t.weight < STRONG)) incidentSentences.push(s);
  }
  const incident = incidentSentences.length ? incidentSentences : mainSentences.slice(0, LEAD_SENTENCES);
  const reports = [withArrests(buildReport(doc, 0, title, main, mainSentences, incident, mainKey, shared, ranker), text, sentences, new Set(secondary.map((x) => x.s)))];
  for (const { s, t } of secondary) {
    reports.push(buildReport(doc, reports.length, truncate(text.slice(s.start, s.end), 140), t, [s], [s], familyOf(t), shared));
  }
  return reports;
}
