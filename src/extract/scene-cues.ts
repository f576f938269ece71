/**
 * The words around a place name that say whether it is where the incident happened: a locative
 * word ("in", "near"), an event noun after it ("Odessa violence"), a bearing or distance ("10 km
 * south of X"), an attacked object ("shelled rebel-held X"), a road's ends; and those that say it
 * is not (a route end "from X", a government "Kiev says", a destination "Kharkiv-bound"). The
 * scene stage (scene.ts) weighs these cues with the others; the report builder reads them for a
 * secondary incident's one sentence.
 */
import type { Annotation, Location, PlaceAnnotation } from '../model/index.js';
import { TYPE_WORD_PATTERN } from './places.js';

const LOCATIVE = new Set(['in', 'at', 'near', 'over', 'into', 'outside', 'around', 'inside', 'across', 'within', 'on', 'of', 'above', 'off', 'northeast', 'northwest', 'southeast', 'southwest', 'north', 'south', 'east', 'west']);
/** "in the Ukrainian town of X", "near the village of X": the locative word a few words back. */
const LOCATIVE_BEFORE = /(?:\b(in|at|near|over|into|outside|around|inside|across|within|on)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:of\s+)?|\b(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}?(?:town|city|village|settlement|region|province|district|oblast|area|port|outskirts)\s+of\s+)$/iu;
/** "in the centre of Ukraine's rebel city Donetsk": a settlement word before the name, a locative word earlier in its clause. */
const SETTLEMENT_BEFORE = /\b(?:in|at|near|outside|around|inside)\s+[^,;.:|]{0,40}\b(?:town|city|village|settlement|port|capital)\s+$/i;
/** "from the capital to the … barracks at Kidal": a place inside a from/to phrase is a route, not the scene. */
// "shot to death in Uruapan", "sentenced to death in": no route; nor is a place after a locative
// word past the route's end ("rescued from custody in Monterrey")
// "on the road to San Roque", "at the entrance to Cuautinchán": a way that leads to a place lies at it, no route end
const ROUTE_BEFORE = /\b(?<!\b(?:attached|next|close|due|according|belonging|linked|loyal|related|similar|adjacent|prior|road|way|entrance|access|exit|turnoff|highway|path|gate|gates) )(?:from|to(?!\s+death\b)|towards?|bound for|heading for|en route to)\b(?:(?!\b(?:in|at|near|inside|outside)\s)[^,;.])*$/i;
/**
 * What LOCATIVE_BEFORE and SETTLEMENT_BEFORE cannot match without: one of their locative words or
 * "of" before white space (letters that fold to i, s or k included). A cheap test first: the two
 * are tried at every position of the window, and a window of other words has none of these.
 */
const LOCATIVE_HINT = /(?:[iıİ]n|at|near|over|[iıİ]nto|out[sſ][iıİ]de|around|[iıİ]n[sſ][iıİ]de|acro[sſ][sſ]|w[iıİ]th[iıİ]n|on|of)\s/i;
const CLAUSE_BREAK = /[,;]|\b(?:when|while|and|but|which|where|after|before)\b/i;

/**
 * A place name standing for its government or forces, or naming who did it ("Kiev forces",
 * "Kiev shelling", "Moscow denies", "Saudi-led coalition", "Tehran-backed militia"): who, not where.
 */
const METONYM_AFTER = /^(?:-(?:backed|led|allied|sponsored|supported|funded|armed|trained|appointed|aligned)\b|(?:['’]s)?\s*(?:-?(?:backed|led|loyal|controlled|allied)\s+)?(?:forces|troops|army|military|government|authorities|officials|regime|cartels?|shelling|offensive|air ?strikes?|says|said|denies|denied|claims|claimed|accuses|accused|blames|blamed|points|police|border guards?|leaders?|president|ministry|rejects|warns|responds|talks|summit|peace|sabotages|urges|vows|threatens|demands|insists|announces|agrees|plans|seeks|hails|condemns|slams|recalls|expels|summons|refuses|reports|calls on|pledges|admits|confirms|promises|wants)\b)/i;

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
/**
 * A word one of the two must hold, tested first (ROAD_SECOND, case-insensitive over Unicode, is dear
 * at every position of the window): the road words, or a letter Unicode case-folds to an ASCII one.
 */
const ROAD_WORD = /road|highway|route|axis|stretch|railway|track|travell?ing|driving|moving|located|[\u017f\u212a\u0130\u0131]/i;
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

/** A letter the English cues are made of, or one they match case-insensitively (long s, Kelvin sign, dotted and dotless i). */
const LATIN_LETTER = /[A-Za-z\u017f\u0130\u0131\u212a]/;

/** Whether a place is where the action of its sentence happened, by the words around it. */
export function isScene(text: string, p: PlaceAnnotation, strict = true): boolean {
  const r = sceneReading(text, p, strict ? STRICT_ONLY : LOOSE_ONLY);
  return strict ? r.strict : r.loose;
}

/** `isScene` both ways (`strict`, and `loose` as `isScene(text, p, false)`): the words they share are read once. */
export function sceneReadings(text: string, p: PlaceAnnotation): { strict: boolean; loose: boolean } {
  return sceneReading(text, p, BOTH);
}

const BOTH = 0;
const STRICT_ONLY = 1;
const LOOSE_ONLY = 2;

/** The same reading both ways. */
function both(v: boolean): { strict: boolean; loose: boolean } {
  return { strict: v, loose: v };
}

/** Both readings; the one not wanted (STRICT_ONLY, LOOSE_ONLY) is not read and comes out false. */
function sceneReading(text: string, p: PlaceAnnotation, want: typeof BOTH | typeof STRICT_ONLY | typeof LOOSE_ONLY): { strict: boolean; loose: boolean } {
  // no Latin letter around the place (a Cyrillic or Arabic text): no English cue below can match,
  // so what is left is the headline-tail test and the preposition the places stage gave
  if (!LATIN_LETTER.test(text.slice(Math.max(0, p.start - 90), p.end + 60))) {
    if (/[:|–—-]\s*$/.test(text.slice(Math.max(0, p.start - 30), p.start)) && /^\s*(?:$|[|\n.;]|\s+says?\b)/.test(text.slice(p.end, p.end + 8))) return both(false);
    return { strict: want !== LOOSE_ONLY && !!p.preposition && LOCATIVE.has(p.preposition), loose: want !== STRICT_ONLY };
  }
  // each English cue below needs a Latin letter in the words it reads (one side of the place, at
  // most 90 characters back or 60 on): a side without one (an Arabic tweet's URL on the other
  // side let the test above pass) skips its cues, which could not match there
  const wide = text.slice(Math.max(0, p.start - 90), p.start);
  const latinBefore = LATIN_LETTER.test(wide);
  const latinAfter = LATIN_LETTER.test(text.slice(p.end, p.end + 60));
  if (latinAfter) {
    const byNoun = eventNounScene(text, p);
    if (byNoun !== null) return both(byNoun);
    if (METONYM_AFTER.test(text.slice(p.end, p.end + 40))) return both(false);
    // "a Kharkiv-bound train": where it was going
    if (/^-bound\b/i.test(text.slice(p.end, p.end + 7))) return both(false);
  }
  const near = text.slice(Math.max(0, p.start - 30), p.start);
  if (latinBefore && (BEARING_BEFORE.test(near) || DISTANCE_BEFORE.test(near))) return both(true);
  // "…: Kiev", "… - Moscow" closing a headline name who says it; "points at Moscow" names whom
  if (/[:|–—-]\s*$/.test(near) && /^\s*(?:$|[|\n.;]|\s+says?\b)/.test(text.slice(p.end, p.end + 8))) return both(false);
  if (!latinBefore) return { strict: want !== LOOSE_ONLY && !!p.preposition && LOCATIVE.has(p.preposition), loose: want !== STRICT_ONLY };
  if (/\b(?:points?|pointed|pointing|blam\w+|accus\w+|sanctions? (?:on|against)|talks with|demands? (?:from|of))\s+(?:at\s+|on\s+)?$/i.test(near)) return both(false);
  if (ATTACK_OBJECT_BEFORE.test(near)) return both(true);
  if (ROAD_WORD.test(wide) && (ROAD_FIRST.test(wide) || ROAD_SECOND.test(wide))) return both(true);
  const loose = want !== STRICT_ONLY && !ROUTE_BEFORE.test(text.slice(Math.max(0, p.start - 25), p.start).split(CLAUSE_BREAK).pop() ?? '');
  return { strict: want !== LOOSE_ONLY && strictScene(text, p), loose };
}

/** The last words of `isScene`'s strict reading, once the cues both readings share said nothing. */
function strictScene(text: string, p: PlaceAnnotation): boolean {
  const before = text.slice(Math.max(0, p.start - 70), p.start);
  if (p.preposition && !LOCATIVE.has(p.preposition)) return false;
  if (!p.preposition && !(LOCATIVE_HINT.test(before) && (LOCATIVE_BEFORE.test(before) || SETTLEMENT_BEFORE.test(before)))) return false;
  // the route check looks only at the clause the place stands in:
  // "to the army’s “Logistics Center” at Kidal" is where they were going
  const parts = before.split(CLAUSE_BREAK);
  return !ROUTE_BEFORE.test(parts[parts.length - 1]);
}

/**
 * "in control of Donetsk Oblast's Kramatorsk airfield", "in Ukraine's Lvov": the place that
 * narrows a name down stands before it and takes the locative word, so the name is the scene.
 */
export function qualifiedScene(text: string, p: PlaceAnnotation, items: Annotation[]): boolean {
  return items.some((q) => q.kind === 'place' && q.qualifies === p.start && q.end <= p.start && isScene(text, q));
}

/** A capital letter: a frame's name opens with one. */
const UPPER = /\p{Lu}/u;

/**
 * A place in the frame of a name the gazetteer lacks: "in Tole kebele, Gimbi woreda (…)", "in
 * Cite Soleil (Port-au-Prince)". Group 1 starts the unknown name, the scene's words stand before it.
 */
const FRAME_BEFORE = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]*\\s+){0,2}\\p{Lu}[\\p{L}'’-]*)\\s*(?:(?:${TYPE_WORD_PATTERN})\\s*)?[,(]\\s*$`, 'u');

/** Whether the place frames an unknown name that stands where a scene would: the frame is the nearest named place. */
export function framedScene(text: string, p: PlaceAnnotation, items: Annotation[]): boolean {
  const from = Math.max(0, p.start - 80);
  const before = text.slice(from, p.start);
  // the frame ends in a comma or a parenthesis before the place (FRAME_BEFORE's `[,(]\s*$`; trimEnd
  // drops what `\s` matches): most places have neither, and the pattern is tried at every position
  const close = before.trimEnd().slice(-1);
  if (close !== ',' && close !== '(') return false;
  // the frame opens with a capital: none in Arabic text
  if (!UPPER.test(before)) return false;
  const m = FRAME_BEFORE.exec(before);
  if (!m) return false;
  const start = from + m.index;
  if (items.some((q) => q.kind === 'place' && q !== p && q.start >= start && q.start < p.start)) return false;
  return isScene(text, { ...p, start });
}

/** "from X", "heading to X region": the end of a route, in the clause the place stands in. */
export const routeEnd = (text: string, p: PlaceAnnotation) => ROUTE_BEFORE.test(text.slice(Math.max(0, p.start - 25), p.start).split(CLAUSE_BREAK).pop() ?? '');

/**
 * With no scene below the country: regions standing for their own authorities ("2 fighters
 * killed - Borno State", "Kharkiv region reports shelling"). A region's officials speak of what
 * happened on their ground, so the region is the best place the text gives — a region only, never
 * a city ("Kiev says" is the national government) and never a route end ("convoy heads to X
 * region"). A region of another country than a named scene does not count.
 */
export function regionalSources<S extends { items: Annotation[] }>(text: string, sentences: S[], scenes: Location[]): { s: S; a: PlaceAnnotation }[] {
  const out: { s: S; a: PlaceAnnotation }[] = [];
  for (const s of sentences) {
    for (const a of s.items) {
      if (a.kind !== 'place' || a.qualifies !== null || a.value.precision !== 'admin1') continue;
      if (scenes.length && !scenes.some((p) => p.country === a.value.country)) continue;
      if (!routeEnd(text, a)) out.push({ s, a });
    }
  }
  return out;
}


export function toLocation(p: PlaceAnnotation): Location {
  const v = p.value;
  return { name: v.name, admin1: v.admin1, admin2: v.admin2, country: v.country, lat: v.lat, lon: v.lon, precision: v.precision, geonameid: v.geonameid };
}

/**
 * The scene's location; but a town resolved outside the one region its sentence names ("Kharkiv region
 * militiamen killed in shelling of Novoselivka" read as a namesake in another oblast) is a
 * namesake the gazetteer lacks in that region: the region is the surer place.
 */
export function sceneLocation(text: string, p: PlaceAnnotation, items: readonly Annotation[]): Location {
  return toLocation(namesakeRegion(text, p, items) ?? p);
}

/** People of a city too big to be read as a namesake of a village the gazetteer lacks. */
const CITY_PEOPLE = 100_000;

/**
 * The region that stands for a town read as a namesake outside it (see sceneLocation), or null.
 * A region that names no place here ("Sinaloa Cartel", "Kiev says", "to X region") does not count.
 */
export function namesakeRegion(text: string, p: PlaceAnnotation, items: readonly Annotation[]): PlaceAnnotation | null {
  const v = p.value;
  // a city of a hundred thousand people is known by its name, not a namesake the gazetteer lacks
  if (v.precision !== 'place' || !v.admin1 || v.population >= CITY_PEOPLE) return null;
  // a town its own frame places ("Gimbi woreda (…, Oromia)") is sure, whatever region else is named
  if (items.some((q) => q.kind === 'place' && q.qualifies === p.start)) return null;
  // a region that frames the town ("El Geneina (West Darfur)") says it is in it, whatever the codes say
  const regions = items.filter((q): q is PlaceAnnotation => q.kind === 'place' && q !== p && q.qualifies !== p.start && q.value.precision === 'admin1' && !!q.value.admin1 && q.value.country === v.country && isScene(text, q, false));
  const names = new Set(regions.map((q) => q.value.admin1));
  if (names.size !== 1 || names.has(v.admin1)) return null;
  return regions[0];
}

