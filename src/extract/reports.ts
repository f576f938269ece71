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
  TriggerAnnotation,
} from '../model/index.js';
import { consensus, countsCompatible, dateSpecificity, datesCompatible, placesCompatible, placeSpecificity } from '../link/compatible.js';
import { contentTerms, properNames } from './terms.js';
import { foldName } from './gazetteer.js';
import { TYPE_WORD_PATTERN } from './places.js';

const AGGREGATE = /\b(?:each time|every time|other incidents|(?:several|three|two|four|many) (?:other )?(?:such )?incidents|in (?:total|all) since|so far this year|since (?:the )?(?:start|beginning|outbreak) of|(?:over|in|during) (?:the )?(?:past|last) (?:\w+ ){0,2}(?:weeks?|months?|years?|decades?)|a total of|to date|since (?:19|20)\d\d|since (?:january|february|march|april|may|june|july|august|september|october|november|december))\b/i;
/** "over the last week", "in the past month": a period up to the report, the one aggregate a summary may be. */
const RECENT_PERIOD = /\b(?:over|in|during) (?:the )?(?:past|last) (?:\w+ ){0,2}(?:weeks?|months?)\b/gi;
const SECONDARY_CUE = /\b(?:comes? on the heels of|follow(?:s|ed|ing)|after|earlier|previous(?:ly)?|last (?:week|month|year)|in a separate|another|similar|recall(?:s|ed)?|a day before|days before|weeks before|in (?:19|20)\d\d)\b/i;
const LOCATIVE = new Set(['in', 'at', 'near', 'over', 'into', 'outside', 'around', 'inside', 'across', 'within', 'on', 'of', 'above', 'off', 'northeast', 'northwest', 'southeast', 'southwest', 'north', 'south', 'east', 'west']);
/** "in the Ukrainian town of X", "near the village of X": the locative word a few words back. */
const LOCATIVE_BEFORE = /(?:\b(in|at|near|over|into|outside|around|inside|across|within|on)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:of\s+)?|\b(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}?(?:town|city|village|settlement|region|province|district|oblast|area|port|outskirts)\s+of\s+)$/iu;
/** "in the centre of Ukraine's rebel city Donetsk": a settlement word before the name, a locative word earlier in its clause. */
const SETTLEMENT_BEFORE = /\b(?:in|at|near|outside|around|inside)\s+[^,;.:|]{0,40}\b(?:town|city|village|settlement|port|capital)\s+$/i;
/** "from the capital to the … barracks at Kidal": a place inside a from/to phrase is a route, not the scene. */
const ROUTE_BEFORE = /\b(?<!\b(?:attached|next|close|due|according|belonging|linked|loyal|related|similar|adjacent|prior) )(?:from|to|towards?|bound for|heading for|en route to)\b[^,;.]*$/i;
const CLAUSE_BREAK = /[,;]|\b(?:when|while|and|but|which|where|after|before)\b/i;

/**
 * A place name standing for its government or forces, or naming who did it ("Kiev forces",
 * "Kiev shelling", "Moscow denies", "Saudi-led coalition", "Tehran-backed militia"): who, not where.
 */
const METONYM_AFTER = /^(?:-(?:backed|led|allied|sponsored|supported|funded|armed|trained|appointed|aligned)\b|(?:['’]s)?\s*(?:-?(?:backed|led|loyal|controlled|allied)\s+)?(?:forces|troops|army|military|government|authorities|officials|regime|shelling|offensive|air ?strikes?|says|said|denies|denied|claims|claimed|accuses|accused|blames|blamed|points|police|border guards?|leaders?|president|ministry|rejects|warns|responds|talks|summit|peace|sabotages|urges|vows|threatens|demands|insists|announces|agrees|plans|seeks|hails|condemns|slams|recalls|expels|summons|refuses|reports|calls on|pledges|admits|confirms|promises|wants)\b)/i;

/**
 * A place naming the event after it ("Odessa violence", "the Donetsk shelling", "Kiev clashes"):
 * where it happened, even after "from" ("death toll from Odessa violence"). Group 1 is a noun that
 * may also name who did it ("Kiev shelling kills five"): see `eventNounScene`.
 */
const EVENT_NOUN_AFTER = /^(?:['’]s)?\s+(?:(shelling|shellings|offensive|air ?strikes?|attacks?|bombardment)|violence|clashes|fighting|blasts?|explosions?|fire|battles?|unrest|riots?|bombings?|siege|massacre|standoff|skirmish(?:es)?)\b/i;
/** Before the place: a locative word, a possessive ("army's Donetsk shelling") or a list comma: the noun is the place's event. */
const EVENT_NOUN_LEAD = /(?:\b(?:in|at|near|on|over|of|from|during|amid|after|central|eastern|western|northern|southern)\s+|['’]s\s+|,\s+)$/i;
/** "to the north of Gorlovka", "10 km south of X": a bearing from a place is where it happened. */
const BEARING_BEFORE = /\b(?:(?:to the|just|\d+\s*(?:km|kilometers|kilometres|miles))\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of|from)\s+$/i;

/** "a patrol 20 km from Gao": a distance from a place says where, though "from" mostly starts a route. */
const DISTANCE_BEFORE = /\b\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:er|re)s?|miles?|mi)\s+(?:away\s+)?(?:from|of|outside)\s+$/i;

/**
 * "militants from the north attacked X", "rebels shelled rebel-held X": the place a violent verb
 * acts on is the scene, whatever route word stands earlier in the clause.
 */
const ATTACK_OBJECT_BEFORE = /\b(?:attack(?:ed|s|ing)?|shell(?:ed|s|ing)?|bomb(?:ed|s|ing)?|struck|strikes?|hit(?:s|ting)?|raid(?:ed|s|ing)?|storm(?:ed|s|ing)?|overr(?:an|un|uns)|captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|besieg(?:e|ed|es|ing)|pound(?:ed|s|ing)?|target(?:ed|s|ing)?|invad(?:e|ed|es|ing)|recaptur(?:e|ed|es|ing)|retook|retake|liberat(?:e|ed|es|ing)|entered)\s+(?:the\s+)?(?:(?:[\p{L}-]+-(?:held|controlled|occupied)|rebel|separatist|key|strategic|besieged|embattled|frontline|eastern|western|northern|southern|central)\s+){0,3}$/iu;

/**
 * "on the road from Gao to Ansongo", "a bus travelling between X and Y": an incident on the way
 * between two places happened near both, so the ends of a road are its scene, unlike the ends of
 * a journey ("fled to X"). Group 1: the first end; the second follows it after "to"/"and".
 */
const ROAD_FIRST = /\b(?:road|highway|route|axis|stretch|railway|track|(?:travell?|driv|mov)ing|located)\s+(?:(?:that\s+)?(?:from|between|linking|connecting|joining)\s+)(?:the\s+(?:towns?|villages?|cities)\s+(?:of\s+)?)?$/i;
const ROAD_SECOND = /\b(?:road|highway|route|axis|stretch|railway|track|(?:travell?|driv|mov)ing|located)\s+(?:that\s+)?(?:from|between|linking|connecting|joining)\s+(?:the\s+(?:towns?|villages?|cities)\s+(?:of\s+)?)?[\p{L}'’. -]{2,40}?\s+(?:to|and|with)\s+$/iu;

/**
 * Whether a place followed by an event noun is that event's scene: yes, unless the noun may name
 * who did it ("Kiev shelling kills five", "Moscow offensive") and no locative word or possessive
 * ties the place to it, or the place is in the possessive ("Kiev's shelling"), or the noun has a
 * scene of its own ("Kiev shelling of Donetsk", "… of east Ukraine"). Null: no
 * event noun follows.
 */
function eventNounScene(text: string, p: PlaceAnnotation): boolean | null {
  const after = text.slice(p.end, p.end + 60);
  const m = EVENT_NOUN_AFTER.exec(after);
  if (!m) return null;
  if (/^\s+(?:of|on|in|against|at)\s+(?:the\s+)?(?:\p{Ll}+\s+){0,2}?\p{Lu}/u.test(after.slice(m[0].length))) return false;
  if (!m[1]) return true;
  if (/^['’]s/.test(after)) return false; // "Kiev's shelling": whose
  return EVENT_NOUN_LEAD.test(text.slice(Math.max(0, p.start - 20), p.start));
}

/** Whether a place is where the action of its sentence happened, by the words around it. */
function isScene(text: string, p: PlaceAnnotation, strict = true): boolean {
  const byNoun = eventNounScene(text, p);
  if (byNoun !== null) return byNoun;
  if (METONYM_AFTER.test(text.slice(p.end, p.end + 40))) return false;
  // "a Kharkiv-bound train": where it was going
  if (/^-bound\b/i.test(text.slice(p.end, p.end + 7))) return false;
  const near = text.slice(Math.max(0, p.start - 30), p.start);
  if (BEARING_BEFORE.test(near) || DISTANCE_BEFORE.test(near)) return true;
  // "…: Kiev", "… - Moscow" closing a headline name who says it; "points at Moscow" names whom
  if (/[:|–—-]\s*$/.test(near) && /^\s*(?:$|[|\n.;]|\s+says?\b)/.test(text.slice(p.end, p.end + 8))) return false;
  if (/\b(?:points?|pointed|pointing|blam\w+|accus\w+|sanctions? (?:on|against)|talks with|demands? (?:from|of))\s+(?:at\s+|on\s+)?$/i.test(near)) return false;
  if (ATTACK_OBJECT_BEFORE.test(near)) return true;
  const wide = text.slice(Math.max(0, p.start - 90), p.start);
  if (ROAD_FIRST.test(wide) || ROAD_SECOND.test(wide)) return true;
  if (!strict) return !ROUTE_BEFORE.test(text.slice(Math.max(0, p.start - 25), p.start).split(CLAUSE_BREAK).pop() ?? '');
  const before = text.slice(Math.max(0, p.start - 70), p.start);
  if (p.preposition && !LOCATIVE.has(p.preposition)) return false;
  if (!p.preposition && !LOCATIVE_BEFORE.test(before) && !SETTLEMENT_BEFORE.test(before)) return false;
  // the route check looks only at the clause the place stands in:
  // "to the army’s “Logistics Center” at Kidal" is where they were going
  const parts = before.split(CLAUSE_BREAK);
  return !ROUTE_BEFORE.test(parts[parts.length - 1]);
}

/**
 * "in control of Donetsk Oblast's Kramatorsk airfield", "in Ukraine's Lvov": the place that
 * narrows a name down stands before it and takes the locative word, so the name is the scene.
 */
function qualifiedScene(text: string, p: PlaceAnnotation, items: Annotation[]): boolean {
  return items.some((q) => q.kind === 'place' && q.qualifies === p.start && q.end <= p.start && isScene(text, q));
}

/**
 * A place in the frame of a name the gazetteer lacks: "in Tole kebele, Gimbi woreda (…)", "in
 * Cite Soleil (Port-au-Prince)". Group 1 starts the unknown name, the scene's words stand before it.
 */
const FRAME_BEFORE = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]*\\s+){0,2}\\p{Lu}[\\p{L}'’-]*)\\s*(?:(?:${TYPE_WORD_PATTERN})\\s*)?[,(]\\s*$`, 'u');

/** Whether the place frames an unknown name that stands where a scene would: the frame is the nearest named place. */
function framedScene(text: string, p: PlaceAnnotation, items: Annotation[]): boolean {
  const from = Math.max(0, p.start - 80);
  const m = FRAME_BEFORE.exec(text.slice(from, p.start));
  if (!m) return false;
  const start = from + m.index;
  if (items.some((q) => q.kind === 'place' && q !== p && q.start >= start && q.start < p.start)) return false;
  return isScene(text, { ...p, start });
}

/** "from X", "heading to X region": the end of a route, in the clause the place stands in. */
const routeEnd = (text: string, p: PlaceAnnotation) => ROUTE_BEFORE.test(text.slice(Math.max(0, p.start - 25), p.start).split(CLAUSE_BREAK).pop() ?? '');

/**
 * With no scene below the country: regions standing for their own authorities ("2 fighters
 * killed - Borno State", "Kharkiv region reports shelling"). A region's officials speak of what
 * happened on their ground, so the region is the best place the text gives — a region only, never
 * a city ("Kiev says" is the national government) and never a route end ("convoy heads to X
 * region"). A region of another country than a named scene does not count.
 */
function regionalSources(text: string, sentences: Sentence[], scenes: Location[]): { s: Sentence; a: PlaceAnnotation }[] {
  const out: { s: Sentence; a: PlaceAnnotation }[] = [];
  for (const s of sentences) {
    for (const a of s.items) {
      if (a.kind !== 'place' || a.qualifies !== null || a.value.precision !== 'admin1') continue;
      if (scenes.length && !scenes.some((p) => p.country === a.value.country)) continue;
      if (!routeEnd(text, a)) out.push({ s, a });
    }
  }
  return out;
}

const DEMONSTRATION = new Set(['protests', 'riots']);

/** Trigger weight from which a word sets its sentence apart from an incident of another family. */
const STRONG = 0.5;
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
  if (TOLL_UNKNOWN.test(text)) return null;
  if (!NON_LETHAL.has(type) && !injured.some((c) => c.best > 0)) return null;
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
  const find = (pos: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end <= pos) lo = mid + 1;
      else if (sentences[mid].start > pos) hi = mid - 1;
      else return sentences[mid];
    }
    return null;
  };
  for (const a of doc.annotations) {
    if (a.kind === 'sentence') continue;
    const s = find(a.start);
    if (!s) continue;
    if (a.kind === 'trigger') s.triggers.push(a);
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

function toLocation(p: PlaceAnnotation): Location {
  const v = p.value;
  return { name: v.name, admin1: v.admin1, admin2: v.admin2, country: v.country, lat: v.lat, lon: v.lon, precision: v.precision, geonameid: v.geonameid };
}

/**
 * The scene's location; but a town resolved outside the one region its sentence names ("Kharkiv region
 * militiamen killed in shelling of Novoselivka" read as a namesake in another oblast) is a
 * namesake the gazetteer lacks in that region: the region is the surer place.
 */
function sceneLocation(text: string, p: PlaceAnnotation, items: Annotation[]): Location {
  const v = p.value;
  if (v.precision !== 'place' || !v.admin1) return toLocation(p);
  // a town its own frame places ("Gimbi woreda (…, Oromia)") is sure, whatever region else is named
  if (items.some((q) => q.kind === 'place' && q.qualifies === p.start)) return toLocation(p);
  // a region that frames the town ("El Geneina (West Darfur)") says it is in it, whatever the codes say
  const regions = items.filter((q): q is PlaceAnnotation => q.kind === 'place' && q !== p && q.qualifies !== p.start && q.value.precision === 'admin1' && !!q.value.admin1 && q.value.country === v.country && !routeEnd(text, q));
  const names = new Set(regions.map((q) => q.value.admin1));
  if (names.size !== 1 || names.has(v.admin1)) return toLocation(p);
  return toLocation(regions[0]);
}

function claim(text: string, docId: string, s: Sentence, field: FieldName, value: unknown, hedged = false): Claim {
  const c: Claim = { field, value, document: docId, quote: text.slice(s.start, s.end), start: s.start, end: s.end, attributed_to: s.attribution };
  if (hedged) c.hedged = true;
  return c;
}

/** A count read from a vague word ("dozens killed", "many dead") rather than a number. */
const VAGUE_COUNT = /\b(?:several|a few|few|many|dozens|scores|hundreds|thousands)\b/i;

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

/** "57 militants were also killed", "two others also died": more dead of the same incident, not a new toll. */
const ALSO = /\b(?:(?:were|was|have been|had been)\s+also|also\s+(?:killed|died|perished|dead))\b/i;

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
export function injuredOf(injured: Count[], struck: Count[], fatalities: Count | null): Count | null {
  const told = summariseCounts(injured);
  const hit = summariseCounts(struck);
  if (!hit) return told;
  const dead = fatalities?.best ?? 0;
  const left = Math.max(0, hit.best - dead);
  const fromHit: Count = { low: Math.max(0, hit.low - (fatalities?.high ?? 0)), best: left, high: Math.max(left, hit.high - (fatalities?.low ?? 0)) };
  if (!told) return fromHit;
  return fromHit.best > told.best ? fromHit : told;
}

const DAY_MS = 86_400_000;

/**
 * The incident's date among a report's dates: not the date of a later step (said, arrested, in
 * court, the toll rose: see DateAnnotation.later) when another is given, and among the rest the
 * days before the wider spans — a "2015" or "this month" agrees with every day, so by support
 * alone it would win over the day it contains.
 */
export function incidentDate(dates: DateInterval[], later: boolean[] = []): DateInterval | null {
  const own = dates.filter((_, i) => !later[i]);
  const pool = own.length ? own : dates;
  const days = pool.filter((d) => Date.parse(d.end) - Date.parse(d.start) <= DAY_MS);
  return consensus(days.length ? days : pool, datesCompatible, dateSpecificity);
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
const SIDE_ROUTE_BEFORE = /\b(?:to|from|towards?|for|into|bound for|on behalf of|with)\s+(?:the\s+)?(?:[\p{L}'’-]{1,30}\s+)?["“']?$/iu;
/** "killed by Hamas": the agent of a passive form is who acted. */
const AGENT_BEFORE = /\bby\s+(?:the\s+)?$/i;

/**
 * Actors as ACLED and UCDP code them, from the incident's own sentences (not background): `actor1`
 * the side that acted (named before the incident's word, or after "by"), `actor2` the side acted on
 * (after it); further sides on either hand are `assoc_actor1` / `assoc_actor2`. Civilians among
 * the dead or hurt, with no side named for them, are `actor2` "Civilians". People keep their roles
 * (`person`); journalists and spokespeople are attribution and left out.
 */
function assignActors(text: string, sentences: Sentence[], triggers: Set<TriggerAnnotation>): Actor[] {
  const out = new Map<string, Actor>();
  let actor1 = false;
  let actor2 = false;
  let civilians = false;
  for (const s of sentences) {
    const trigger = s.triggers.find((t) => triggers.has(t));
    for (const a of s.items) {
      if (a.kind === 'casualty' && a.value.best > 0 && a.victims && CIVILIAN_VICTIMS.test(a.victims)) civilians = true;
      if (a.kind !== 'actor' || out.has(a.value)) continue;
      if (a.type === 'person') {
        if (!ATTRIBUTION_ROLE.test(a.role ?? '')) out.set(a.value, { name: a.value, role: 'person', type: a.type, description: a.role });
        continue;
      }
      const lead = text.slice(Math.max(0, a.start - 40), a.start);
      let role = 'mentioned';
      if (trigger && !SIDE_ROUTE_BEFORE.test(lead)) {
        const acting = a.end <= trigger.start || AGENT_BEFORE.test(lead);
        if (acting) role = actor1 ? 'assoc_actor1' : 'actor1';
        else role = actor2 ? 'assoc_actor2' : 'actor2';
        if (role === 'actor1') actor1 = true;
        if (role === 'actor2') actor2 = true;
      }
      out.set(a.value, { name: a.value, role, type: a.type, description: a.role });
    }
  }
  if (civilians && !actor2 && !out.has('Civilians')) out.set('Civilians', { name: 'Civilians', role: 'actor2', type: 'civilians', description: null });
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

function buildReport(doc: AnnotatedDocument, index: number, title: string, family: TriggerAnnotation, all: Sentence[], incident: Sentence[], familyKey = familyOf(family)): Report {
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
  const struck: Count[] = [];
  const updates: Count[] = [];
  const struckAt: Sentence[] = [];
  const captured: Count[] = [];
  const places: Location[] = [];
  const dates: DateInterval[] = [];
  const datesLater: boolean[] = [];
  const dateClaims: Claim[] = [];
  for (const s of all) {
    for (const a of s.items) {
      if (a.kind === 'casualty') {
        // the people hit are claimed as injured once the dead among them are known (below)
        if (!a.struck) claims.push(claim(text, id, s, a.field, a.value, a.hedged));
        if (!a.hedged) (a.struck ? struck : a.update ? updates : a.field === 'fatalities' ? fatal : a.field === 'injured' ? injured : captured).push(a.value);
        if (a.struck && !a.hedged) struckAt.push(s);
        if (!a.hedged && a.field === 'fatalities' && !a.update) {
          fatalVague.push(VAGUE_COUNT.test(text.slice(a.start, a.end)) && !/\d/.test(text.slice(a.start, a.end)));
          fatalMore.push(s.index > 0 && ALSO.test(text.slice(a.start, a.end)));
        }
      } else if (a.kind === 'equipment') {
        claims.push(claim(text, id, s, 'equipment', { value: a.value, family: a.family }));
        if (a.category === 'helicopter' || a.category === 'aircraft' || a.category === 'drone') tags.add('aircraft');
      }
    }
  }
  for (const s of incident) {
    for (const a of s.items) {
      if (a.kind === 'place' && a.qualifies === null && (isScene(text, a) || qualifiedScene(text, a, s.items) || framedScene(text, a, s.items))) {
        const loc = sceneLocation(text, a, s.items);
        places.push(loc);
        claims.push(claim(text, id, s, 'location', loc));
      } else if (a.kind === 'date') {
        dates.push(a.value);
        datesLater.push(!!a.later);
        dateClaims.push(claim(text, id, s, 'date', a.value));
      }
    }
  }
  // the date of a later step (said Monday, in court) is no claim of the incident's date when another is given
  const ownDates = datesLater.some((l) => !l);
  claims.push(...dateClaims.filter((_, i) => !ownDates || !datesLater[i]));
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
  // a later figure of the toll ("rose to 12") replaces the earlier ones: the last one stated is current
  const counted = updates.length ? updates[updates.length - 1] : withAdded(fatal, fatalVague, fatalMore);
  const hurt = injuredOf(injured, struck, counted);
  if (hurt && struck.length && (!injured.length || hurt.best > (summariseCounts(injured)?.best ?? 0))) claims.push(claim(text, id, struckAt[0], 'injured', hurt));
  // an assumed 0 stands on the sentence that set the type (or the incident's first)
  const noneSentence = typeSentence ?? incident[0] ?? all[0];
  const none = counted || index > 0 || !noneSentence ? null : assumedNone(text, family.type, injured);
  if (none) claims.push(claim(text, id, noneSentence, 'fatalities', none, true));
  const equipmentClaims = claims.filter((c) => c.field === 'equipment');
  // who acted is read where the incident is told, not in background paragraphs
  const actors = assignActors(text, incident.length ? incident : all, ownTriggers);
  const named = new Set(actors.map((a) => a.name));
  for (const s of incident.length ? incident : all) for (const a of s.items) if (a.kind === 'actor' && named.has(a.value)) claims.push(claim(text, id, s, 'actors', a.value));

  return {
    id: `${id}#${index}`,
    document: id,
    index,
    title,
    category: family.category,
    type: family.type,
    tags: [...tags].sort(),
    // a background incident (index > 0) happened before the report, on a day it does not say
    date: incidentDate(dates, datesLater) ?? (index === 0 ? impliedDate(doc.document.published) : null),
    location: consensus(places, placesCompatible, placeSpecificity),
    actors,
    fatalities: counted ?? none,
    injured: hurt,
    captured: summariseCounts(captured),
    equipment: equipmentOf(equipmentClaims),
    claims,
    features: features(doc, all, places),
  };
}

function features(doc: AnnotatedDocument, sentences: Sentence[], places: Location[]): ReportFeatures {
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
  return { terms: contentTerms(joined), names: [...names], equipment: [...equipment], published: doc.document.published };
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
  return one.length <= n ? one : `${one.slice(0, n - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * The reports of one document, main incident first. `titleTriggers` are the triggers found in the
 * title when the title is not part of the text (HTML pages, JSONL with a title).
 */
export function buildReports(doc: AnnotatedDocument, titleTriggers: TriggerAnnotation[] = []): Report[] {
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
  const usable = sentences.filter((s) => !aggregate.has(s));
  const found = mainFamily(usable, titleTriggers);
  const main = byVictims(found, usable);
  const title = doc.document.title ?? truncate(text.slice(sentences[0].start, sentences[0].end), 140);
  if (!main) {
    // no trigger at all: still one report, so the document has an event to link and show
    const none: TriggerAnnotation = { kind: 'trigger', start: 0, end: 0, text: '', category: 'strategic_developments', type: 'other', tags: [], weight: 0 };
    return [buildReport(doc, 0, title, none, usable, usable.slice(0, LEAD_SENTENCES))];
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
  const reports = [buildReport(doc, 0, title, main, mainSentences, incident, mainKey)];
  for (const { s, t } of secondary) {
    reports.push(buildReport(doc, reports.length, truncate(text.slice(s.start, s.end), 140), t, [s], [s]));
  }
  return reports;
}
