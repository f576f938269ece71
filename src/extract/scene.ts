/**
 * The scene: where the document's main incident happened, chosen among the places found in the
 * text and in the title, with the reasons it won.
 *
 * Every resolved place is a candidate (its mentions pooled). Each gets cues as numbers — in the
 * title or headline, after a locative word, in a sentence with an event word, in a dateline
 * ("BAGHDAD, Iraq (AP) —"), framed by a region ("Aleppo province", "Springfield, Illinois"), in
 * the state or country most other places of the story lie in, named by the site ("dallasnews"),
 * "a Summerton man", repetition, population, precision — and a linear score; the highest wins.
 * The weights are learned (`npm run train:scene`, a conditional logit over the candidates of
 * each labelled document, on the tune parts of GVA and UCDP GED) and live in scene-weights.ts.
 *
 * A US town read as a namesake in another state than the one the story names ("Clarendon" in
 * Texas when the story is in South Carolina) is also tried in that state, as its own candidate.
 * The site's home state is the one its headline's tail names, else, more weakly, the one its
 * profile holds (`StageContext.siteProfile`: the state most of the site's earlier documents name).
 */
import type { Stage, StageContext } from '../model/stage.js';
import type { Annotation, Document, PlaceAnnotation, ResolvedPlace, SceneAnnotation, SentenceAnnotation, SiteProfile } from '../model/types.js';
import { foldName, type GazetteerEntry, type PlaceGazetteer } from './gazetteer.js';
import { findPlaces } from './places.js';
import { framedScene, namesakeRegion, qualifiedScene, routeEnd, sceneReadings } from './scene-cues.js';
import { SCENE_WEIGHTS } from './scene-weights.js';
import { sentenceAt } from './sentences.js';
import { homeRegion } from './site-profile.js';

/** The cues, in the order of the weight vector. */
export const SCENE_FEATURES = [
  'title', 'title_locative', 'title_first', 'title_tail', 'dateline',
  'scene_words', 'scene_loose', 'scene_framed', 'locative', 'trigger_sentence', 'lead', 'first_place',
  'mentions', 'resident', 'local_police', 'route_only', 'no_preposition', 'typed', 'qualified', 'in_named_region', 'holds_named_place',
  'state_support', 'state_conflict', 'country_support', 'country_conflict', 'site', 'home_state', 'reread', 'other_reading', 'most_populous', 'county_holds', 'county_police',
  'population', 'p_place', 'p_admin2', 'p_admin1', 'p_country',
] as const;
export type SceneFeature = (typeof SCENE_FEATURES)[number];
const FEATURE_INDEX = new Map<SceneFeature, number>(SCENE_FEATURES.map((f, i) => [f, i]));

/** How a cue reads in a scene's reasons. */
const REASON: Record<SceneFeature, string> = {
  title: 'in the headline', title_locative: 'after "in"/"at"/"near" in the headline', title_first: 'first place of the headline',
  title_tail: "the site's home (headline tail)", dateline: 'dateline', scene_words: 'locative in an event sentence',
  scene_loose: 'no route or government reading', scene_framed: 'framed by the scene words', locative: 'after a locative word',
  trigger_sentence: 'in a sentence naming the event', lead: 'in the lead', first_place: 'first place of the text', mentions: 'named repeatedly',
  resident: '"a X man" (where people live)', local_police: "the place's own police or sheriff", route_only: 'only as a route end', no_preposition: 'no preposition', typed: 'with its type word ("X province")',
  qualified: 'qualified by its region', in_named_region: 'inside a region the story names', holds_named_place: 'holds another place named',
  state_support: 'in the state of the story', state_conflict: 'outside the state of the story', country_support: 'in the country of the story',
  country_conflict: 'outside the country of the story', site: "named by the site's address", reread: 'namesake read in the state or country of the story', other_reading: 'another reading of the name', home_state: "in the site's home state", most_populous: 'the most populous reading of its name', county_holds: 'a county holding a town named', county_police: "a county's sheriff",
  population: 'population', p_place: 'a town', p_admin2: 'a county or district', p_admin1: 'a state or province', p_country: 'a country',
};

export interface SceneCandidate {
  place: ResolvedPlace;
  /** Its mentions in the text (title mentions are not in the text). */
  mentions: PlaceAnnotation[];
  inTitle: boolean;
  x: Float64Array;
}

/** What the words around one mention say, whatever its reading. */
interface Cues {
  folded: string;
  dateline: boolean;
  strict: boolean;
  loose: boolean;
  framed: boolean;
  resident: boolean;
  police: boolean;
  qualified: boolean;
  route: boolean;
  /** A part of a town named after it ("the Paraíso neighborhood of Iguala"). */
  part: boolean;
}

interface Mention {
  p: PlaceAnnotation;
  /** keyOf(p.value): one candidate per key. */
  key: string;
  title: boolean;
  /** Sentence index in the text (-1 for the title). */
  sentence: number;
  triggered: boolean;
  /** The place its first reading came from, before a re-reading in the story's state. */
  reread: boolean;
  /** Another reading of the name than the places stage chose (see otherReadings). */
  other?: boolean;
}

const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'within', 'on', 'over']);
/** "a Summerton man", "Alton boy", "Englewood teen": where the people of the story live. */
const RESIDENT_AFTER = /^\s+(?:man|woman|men|women|boy|girls?|boys|teens?|teenagers?|toddler|child|children|resident|residents|couple|family|father|mother|mom|dad|student|infant|baby|girl)\b/i;
/** "Chicago police said", "the Sandy Police Department": the local force speaks of its own ground. */
const LOCAL_FORCE_AFTER = /^(?:['’]s)?\s+(?:police|sheriff|sheriff['’]s|pd|fire|county sheriff|county police|metro police|state police)\b/i;
/** A headline's tail after a separator names the site: "… - WBRC FOX6 News - Birmingham, AL". */
const TITLE_SEPARATOR = /\s[-|–—]\s|\s\|/g;
/** "BAGHDAD, Iraq (AP) —", "DALLAS —", "Zacatecas:": a place opening the text or a line, then a dash or colon. */
const DATELINE_AFTER = /^(?:,\s*[\p{L}. ]{2,30})?(?:\s*\([\p{L}\p{N}. ]{1,20}\))?\s*(?:[—–]|--|-\s|:)/u;
const TYPE_AFTER = /^\s+(?:county|parish|province|state|governorate|oblast|region|district|municipality|city|town|village|township)\b/i;
const TYPE_WORD_IN = /\s(?:county|parish|province|state|governorate|oblast|region|district|municipality|city|town|village|township)$/i;
const ARCHIVE = /^https?:\/\/web\.archive\.org\/web\/[^/]+\//;

/**
 * "the Paraíso neighborhood of Iguala", "Colinas del Bosque sector, in Culiacán", "the Benito
 * Juárez highway, in Culiacán", "Playas de Tijuana": a part of a town (a quarter, a road, a
 * community) named for another place lies in the town after it, so it is no scene of its own.
 * Read on the text between the part and the town (up to three capitalised words may go on the
 * part's name).
 */
const PART_OF = /^(?:\s+(?:de|del|de la|de los|de las|la|las|los|el)?\s*\p{Lu}[\p{L}'’-]*){0,3}(?:\s+(?:neighbou?rhood|colonia|community|sector|quarter|suburb|section|subdivision|highway|road|street|avenue|boulevard|bridge|market|ranch|pantheon|cemetery)\s*,?\s+(?:of|in)\s+(?:the\s+)?(?:(?:city|town|municipality)\s+of\s+)?|\s+(?:de|del|de la|de los|de las)\s+)$/u;
/** How far before the town a part's name may start. */
const PART_REACH = 80;

/** Starts of the places (sorted by start) that name a part of a town after them (see PART_OF). */
function partsOf(src: string, sorted: readonly PlaceAnnotation[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < sorted.length; i++) {
    const x = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].start - x.end <= PART_REACH; j++) {
      const y = sorted[j];
      if (y.value.precision === 'country' || y.start <= x.end) continue;
      // a state or province after it holds the part only when the part was read outside it
      // ("the Peñafiel community of Guanajuato" read in Portugal); read inside, the part is the
      // surer place
      if (y.value.precision === 'admin1' && x.value.country === y.value.country && x.value.admin1 === y.value.admin1) continue;
      if (PART_OF.test(src.slice(x.end, y.start))) {
        out.add(x.start);
        break;
      }
    }
  }
  return out;
}

/** A document's place texts folded, each once: a name is said again and again, and several passes fold it. */
type Folds = Map<string, string>;
function foldOnce(folds: Folds, s: string): string {
  let f = folds.get(s);
  if (f === undefined) folds.set(s, (f = foldName(s)));
  return f;
}

const keyOf = (v: ResolvedPlace) => (v.geonameid !== null ? `g${v.geonameid}` : `${v.name}|${v.lat.toFixed(3)}|${v.lon.toFixed(3)}`);

/** The folded letters of the site's host name without its top-level domain: "dallasnews", "wltx". */
export function siteWords(doc: Document): string {
  const raw = doc.url ?? doc.site ?? '';
  const m = /^(?:https?:\/\/)?(?:www\.)?([^/:?#]+)/i.exec(raw.replace(ARCHIVE, ''));
  if (!m) return '';
  return m[1].toLowerCase().split('.').slice(0, -1).join('').replace(/[^a-z]/g, '');
}

/** How far around a mention the frame rules look for other places (they read 80 characters back). */
const WINDOW = 200;

/** The places (sorted by start) that lie inside [from, to]. */
function near(sorted: readonly PlaceAnnotation[], from: number, to: number): PlaceAnnotation[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: PlaceAnnotation[] = [];
  for (let i = lo; i < sorted.length && sorted[i].start < to; i++) if (sorted[i].end <= to) out.push(sorted[i]);
  return out;
}

/** A region (admin1, or admin2 for a county) holds a place: same country and codes. */
function holds(region: ResolvedPlace, p: ResolvedPlace): boolean {
  if (region.country !== p.country || region === p) return false;
  if (region.precision === 'country') return p.precision !== 'country';
  if (region.precision === 'admin1') return p.precision !== 'admin1' && p.precision !== 'country' && !!region.admin1 && region.admin1 === p.admin1;
  // a county's own entry carries no admin2 name: its name is the one its towns carry
  if (region.precision === 'admin2') return p.precision === 'place' && !!p.admin2 && (region.admin2 ?? region.name) === p.admin2 && region.admin1 === p.admin1;
  return false;
}

/** Share of the other mentions that lie in the candidate's state (US) or country, with the leading one. */
interface Tally {
  counts: Map<string, number>;
  /** Per candidate key: its own mentions, left out when it is weighed. */
  own: Map<string, number>;
  n: number;
}

/** Counts of the mentions' states or countries, once per document. */
function tally(ms: readonly Mention[], pick: (v: ResolvedPlace) => string | null): Tally {
  const t: Tally = { counts: new Map(), own: new Map(), n: 0 };
  for (const x of ms) {
    const k = pick(x.p.value);
    if (!k) continue;
    t.counts.set(k, (t.counts.get(k) ?? 0) + 1);
    t.own.set(x.key, (t.own.get(x.key) ?? 0) + 1);
    t.n++;
  }
  return t;
}

/** Share of the OTHER mentions in the leading state or country, and which it is. */
function shares(t: Tally, own: string, ownValue: string | null): { share: number; lead: string | null } {
  const mine = t.own.get(own) ?? 0;
  const n = t.n - mine;
  if (n <= 0) return { share: 0, lead: null };
  let lead: string | null = null;
  let best = 0;
  for (const [k, c0] of t.counts) {
    const c = k === ownValue ? c0 - mine : c0;
    if (c > best) (best = c), (lead = k);
  }
  return { share: best / n, lead };
}

const stateOf = (v: ResolvedPlace) => (v.country === 'US' && v.precision !== 'country' && v.admin1 ? v.admin1 : null);

/** The title when it is not the text's first line (HTML pages, JSONL with a title), else null. */
function separateTitle(doc: Document): string | null {
  if (!doc.title) return null;
  return doc.text.startsWith(doc.title.slice(0, 40)) ? null : doc.title;
}

/** Raises a candidate's cue to `val` (a cue keeps the most any of its mentions gives). */
function raise(x: Float64Array, f: SceneFeature, val: number): void {
  const i = FEATURE_INDEX.get(f)!;
  if (val > x[i]) x[i] = val;
}

/** The candidates of one document and their cues. `g` finds the title's places and re-reads namesakes. */
export function sceneCandidates(doc: Document, annotations: readonly Annotation[], g: PlaceGazetteer, profile: SiteProfile | null = null): SceneCandidate[] {
  const text = doc.text;
  const sentences = annotations.filter((a): a is SentenceAnnotation => a.kind === 'sentence');
  const triggered = new Set<number>();
  for (const a of annotations) if (a.kind === 'trigger') triggered.add(sentenceAt(sentences, a.start));
  const mentions: Mention[] = [];
  const title = separateTitle(doc);
  let titleParts: Set<number> = new Set();
  if (title) {
    const found = findPlaces(title, [{ kind: 'sentence', start: 0, end: title.length }], g, { profile });
    titleParts = partsOf(title, found);
    for (const p of found) {
      if (p.qualifies === null) mentions.push({ p, key: keyOf(p.value), title: true, sentence: -1, triggered: true, reread: false });
    }
  }
  // the text's first line is its headline when no separate title was given
  const headlineEnd = !title && doc.title ? (sentences[0]?.end ?? 0) : 0;
  for (const a of annotations) {
    if (a.kind !== 'place' || a.qualifies !== null) continue;
    const s = sentenceAt(sentences, a.start);
    mentions.push({ p: a, key: keyOf(a.value), title: a.start < headlineEnd, sentence: s, triggered: triggered.has(s), reread: false });
  }
  if (!mentions.length) return [];
  const titleText = title ?? (headlineEnd ? text.slice(0, headlineEnd) : '');
  let tailFrom = Infinity;
  for (const m of titleText.matchAll(TITLE_SEPARATOR)) if (m.index > 10) tailFrom = Math.min(tailFrom, m.index);
  // the site's home: the states a headline's tail names ("… - WTVM.com-Columbus, GA News")
  const home = new Set<string>();
  for (const m of mentions) if (m.title && m.p.start >= tailFrom && stateOf(m.p.value)) home.add(stateOf(m.p.value)!);
  // …else the state most of the site's earlier documents name surely (its profile), a weaker cue:
  // it counts by its share, and a namesake is re-read there only when the headline names no home
  const learned = home.size === 0 && profile ? homeRegion(profile, 'US') : null;
  // the story's state and country are read from the places as the places stage resolved them
  const originals = mentions.slice();
  const folds: Folds = new Map();
  rereadNamesakes(mentions, g, home.size === 1 ? [...home][0] : (learned?.admin1 ?? null), folds);
  const framedAt = new Set<number>();
  for (const a of annotations) if (a.kind === 'place' && a.qualifies !== null) framedAt.add(a.qualifies);
  otherReadings(originals, mentions, g, title, text, framedAt, folds);
  // the most populous reading of each name the candidates share
  const biggest = new Map<string, number>();
  for (const m of mentions) {
    const k = foldOnce(folds, m.p.text);
    biggest.set(k, Math.max(biggest.get(k) ?? 0, m.p.value.population));
  }
  const site = siteWords(doc);
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = byKey.get(m.key);
    if (list) list.push(m);
    else byKey.set(m.key, [m]);
  }
  const places = [...new Map(originals.map((m) => [m.key, m.p.value])).values()];
  const firstTextPlace = mentions.filter((m) => !m.title || !title).sort((a, b) => a.p.start - b.p.start)[0];
  const firstTitlePlace = mentions.filter((m) => m.title && m.p.start < tailFrom).sort((a, b) => a.p.start - b.p.start)[0];
  const placeAnns = annotations.filter((a): a is PlaceAnnotation => a.kind === 'place').sort((a, b) => a.start - b.start);
  const textParts = partsOf(text, placeAnns);
  // the words around a mention, shared by all readings of it
  const qualified = new Set<number>();
  for (const a of annotations) if (a.kind === 'place' && a.qualifies !== null) qualified.add(a.qualifies);
  // by the mention's start, in the title or in the text
  const titleCues = new Map<number, Cues>();
  const textCues = new Map<number, Cues>();
  const cuesOf = (m: Mention): Cues => {
    const inTitle = !!(m.title && title);
    const cache = inTitle ? titleCues : textCues;
    let c = cache.get(m.p.start);
    if (c) return c;
    const p = m.p;
    const src = inTitle ? title! : text;
    const s = sentences[m.sentence];
    // the places near it in its sentence (the frame rules look no further): a window, so that a
    // sentence of thousands of names stays linear
    const items = inTitle || !s ? [] : near(placeAnns, Math.max(s.start, p.start - WINDOW), Math.min(s.end, p.end + WINDOW));
    const lineStart = p.start === 0 || /\n\s*$/.test(src.slice(Math.max(0, p.start - 3), p.start)) || (!inTitle && s?.start === p.start);
    const reading = sceneReadings(src, p);
    c = {
      folded: foldOnce(folds, p.text),
      dateline: lineStart && DATELINE_AFTER.test(src.slice(p.end, p.end + 40)),
      strict: reading.strict,
      loose: reading.loose,
      framed: !inTitle && (qualifiedScene(src, p, items) || framedScene(src, p, items)),
      resident: RESIDENT_AFTER.test(src.slice(p.end, p.end + 14)),
      police: LOCAL_FORCE_AFTER.test(src.slice(p.end, p.end + 22)),
      qualified: !inTitle && qualified.has(p.start),
      route: routeEnd(src, p),
      part: (inTitle ? titleParts : textParts).has(p.start),
    };
    cache.set(p.start, c);
    return c;
  };
  const states = tally(originals, stateOf);
  const countries = tally(originals, (v) => v.country);
  const out: SceneCandidate[] = [];
  // the candidates' cues in one buffer (a typed array each cost an allocation of its own)
  const xs = new Float64Array(byKey.size * SCENE_FEATURES.length);
  let slot = 0;
  for (const [key, ms] of byKey) {
    const v = ms[0].p.value;
    const x = xs.subarray(slot * SCENE_FEATURES.length, (slot + 1) * SCENE_FEATURES.length);
    slot++;
    // a place only ever named as a route end, a government or a destination ("from Kano", "Kiev
    // says", "Kharkiv-bound") is no scene, whatever else it has for it
    let eligible = false;
    for (const m of ms) {
      const p = m.p;
      const cue = cuesOf(m);
      if (m.title) {
        raise(x, 'title', 1);
        if (p.start >= tailFrom) raise(x, 'title_tail', 1);
        if (p.preposition && LOCATIVES.has(p.preposition)) raise(x, 'title_locative', 1);
      }
      if (firstTitlePlace && m.title && p.start === firstTitlePlace.p.start) raise(x, 'title_first', 1);
      if (firstTextPlace && m.title === firstTextPlace.title && p.start === firstTextPlace.p.start) raise(x, 'first_place', 1);
      if (m.other) raise(x, 'other_reading', 1);
      if (p.value.population > 0 && p.value.population >= (biggest.get(cue.folded) ?? 0)) raise(x, 'most_populous', 1);
      if (cue.dateline) raise(x, 'dateline', 1);
      if (cue.strict && m.triggered) raise(x, 'scene_words', 1);
      if (cue.loose) raise(x, 'scene_loose', 1);
      if (cue.framed) raise(x, 'scene_framed', 1);
      if (cue.resident) raise(x, 'resident', 1);
      if (cue.police) raise(x, 'local_police', 1);
      if (cue.qualified) raise(x, 'qualified', 1);
      if ((cue.dateline || cue.loose || cue.framed || cue.resident || cue.police) && !cue.part) eligible = true;
      if (p.preposition && LOCATIVES.has(p.preposition)) raise(x, 'locative', 1);
      if (m.triggered) raise(x, 'trigger_sentence', 1);
      if (m.sentence >= 0 && m.sentence < 3) raise(x, 'lead', 1);
      if (!p.preposition) raise(x, 'no_preposition', 1);
      if (TYPE_WORD_IN.test(p.text)) raise(x, 'typed', 1);
      if (m.reread) raise(x, 'reread', 1);
    }
    if (!eligible) continue;
    if (ms.every((m) => cuesOf(m).route)) raise(x, 'route_only', 1);
    raise(x, 'mentions', Math.log2(1 + ms.length) / 3);
    if (places.some((o) => holds(o, v))) raise(x, 'in_named_region', 1);
    if (places.some((o) => holds(v, o))) raise(x, 'holds_named_place', 1);
    const st = stateOf(v);
    if (st) {
      const { share, lead } = shares(states, key, st);
      if (lead === st) raise(x, 'state_support', share);
      else if (lead && share >= 0.5) raise(x, 'state_conflict', share);
    }
    const { share: cshare, lead: clead } = shares(countries, key, v.country);
    if (clead === v.country) raise(x, 'country_support', cshare);
    else if (clead && cshare >= 0.5) raise(x, 'country_conflict', cshare);
    if (site) {
      const name = foldName(v.name).replace(/[^a-z]/g, '');
      const region = v.admin1 ? foldName(v.admin1).replace(/[^a-z]/g, '') : '';
      if ((name.length >= 4 && site.includes(name)) || (region.length >= 5 && site.includes(region))) raise(x, 'site', 1);
    }
    if (st && home.has(st)) raise(x, 'home_state', 1);
    else if (st && learned && learned.admin1 === st) raise(x, 'home_state', learned.share);
    const county = v.precision === 'admin2' ? 1 : 0;
    raise(x, 'county_holds', county * x[FEATURE_INDEX.get('holds_named_place')!]);
    raise(x, 'county_police', county * x[FEATURE_INDEX.get('local_police')!]);
    raise(x, 'population', Math.log10(1 + v.population) / 7);
    raise(x, v.precision === 'place' ? 'p_place' : v.precision === 'admin2' ? 'p_admin2' : v.precision === 'admin1' ? 'p_admin1' : 'p_country', 1);
    out.push({ place: v, mentions: ms.filter((m) => !(m.title && title)).map((m) => m.p), inTitle: ms.some((m) => m.title), x });
  }
  return out;
}

/**
 * A place read in another country than the one most other places of the story lie in ("Zamora"
 * in Spain in a story about Michoacán), or a US town or county read in another state than the
 * site's home (`home`) or the story's, gets a second reading there, when the gazetteer knows one.
 */
function rereadNamesakes(mentions: Mention[], g: PlaceGazetteer, home: string | null, folds: Folds): void {
  const byCountry = new Map<string, number>();
  for (const m of mentions) byCountry.set(m.p.value.country, (byCountry.get(m.p.value.country) ?? 0) + 1);
  // the countries that hold at least half of the other places, in the map's order: read once, not per mention
  const halves: string[] = [];
  for (const [k, c] of byCountry) if (c * 2 >= mentions.length - 1 && c > 0) halves.push(k);
  const abroad: Mention[] = [];
  for (const m of mentions) {
    const v = m.p.value;
    if (v.precision === 'country') continue;
    // the country the other places lie in: at least half of them (the last such other than its own)
    const others = mentions.length - (byCountry.get(v.country) ?? 0);
    let lead: string | null = null;
    for (const k of halves) if (k !== v.country) lead = k;
    if (!lead || others === 0) continue;
    let alt: GazetteerEntry | null = null;
    for (const e of g.lookup(foldOnce(folds, m.p.text))) {
      if (e.country === lead && e.precision !== 'country' && (!alt || e.population > alt.population)) alt = e;
    }
    if (!alt) continue;
    const value = g.resolved(alt);
    abroad.push({ ...m, p: { ...m.p, value }, key: keyOf(value), reread: true });
  }
  mentions.push(...abroad);
  rereadInState(mentions, g, home, folds);
}

/** Readings of a name besides the chosen one: the most populous two, for the ranker to weigh. */
const OTHER_READINGS = 2;

function otherReadings(originals: readonly Mention[], mentions: Mention[], g: PlaceGazetteer, title: string | null, text: string, framed: ReadonlySet<number>, folds: Folds): void {
  const seen = new Set(mentions.map((m) => m.key));
  // the GeoNames ids among them (a key `g<id>`), so a reading is checked without making its key
  const seenIds = new Set<number>();
  for (const m of mentions) if (m.p.value.geonameid !== null) seenIds.add(m.p.value.geonameid);
  // a name repeated a thousand times is looked up, and its readings added, once
  const done = new Set<string>();
  const lookupOnce = (k: string) => {
    if (done.has(k)) return [];
    done.add(k);
    return g.lookup(k);
  };
  for (const m of originals) {
    const v = m.p.value;
    // a frame ("Springfield, Illinois") has settled the reading
    const inTitle = m.title && title !== null;
    if (v.precision === 'country' || (!inTitle && framed.has(m.p.start))) continue;
    // a type word ("Kharkiv region", "Aleppo province") has settled the kind of place
    const typed = TYPE_WORD_IN.test(m.p.text) || TYPE_AFTER.test((inTitle ? title : text).slice(m.p.end, m.p.end + 16));
    // the most populous readings not yet among the candidates, by a linear scan (names like "Washington" have many)
    const top: GazetteerEntry[] = [];
    for (const e of lookupOnce(foldOnce(folds, m.p.text))) {
      if (e.precision === 'country' || (typed && e.precision !== v.precision) || (e.geonameid !== null && seenIds.has(e.geonameid))) continue;
      if (top.length < OTHER_READINGS) top.push(e);
      else if (e.population > top[OTHER_READINGS - 1].population) top[OTHER_READINGS - 1] = e;
      else continue;
      top.sort((a, b) => b.population - a.population);
    }
    for (const e of top) {
      const value = g.resolved(e);
      const key = keyOf(value);
      if (seen.has(key)) continue;
      seen.add(key);
      if (value.geonameid !== null) seenIds.add(value.geonameid);
      mentions.push({ ...m, p: { ...m.p, value }, key, reread: false, other: true });
    }
  }
}

/** The US half of rereadNamesakes: a town or county read in another state than the story's. */
function rereadInState(mentions: Mention[], g: PlaceGazetteer, home: string | null, folds: Folds): void {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const st = stateOf(m.p.value);
    if (st) counts.set(st, (counts.get(st) ?? 0) + 1);
  }
  // the site's home state first, else the state most places of the story lie in
  let lead: string | null = home;
  let best = 0;
  if (!lead) for (const [k, c] of counts) if (c > best) (best = c), (lead = k);
  if (!lead) return;
  const added: Mention[] = [];
  for (const m of mentions) {
    const v = m.p.value;
    if (v.country !== 'US' || v.admin1 === lead || (v.precision !== 'place' && v.precision !== 'admin2')) continue;
    const alt = g.lookup(foldOnce(folds, m.p.text)).find((e: GazetteerEntry) => e.country === 'US' && e.precision === v.precision && g.admin1Name('US', e.admin1Code) === lead);
    if (!alt) continue;
    const value = g.resolved(alt);
    added.push({ ...m, p: { ...m.p, value }, key: keyOf(value), reread: true });
  }
  mentions.push(...added);
}

/** The linear score of each candidate and the softmax over them. */
export function sceneScores(cands: readonly SceneCandidate[], w: readonly number[] = SCENE_WEIGHTS): number[] {
  const s = cands.map((c) => {
    // the sum in reduce's order, by a plain loop
    let acc = 0;
    for (let i = 0; i < c.x.length; i++) acc = acc + c.x[i] * (w[i] ?? 0);
    return acc;
  });
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** The cues that weighed most for the winner, as words. */
function reasonsOf(c: SceneCandidate, w: readonly number[]): string[] {
  return SCENE_FEATURES.map((f, i) => ({ f, v: c.x[i] * (w[i] ?? 0) }))
    .filter((r) => r.v > 0.05 && r.f !== 'population' && !r.f.startsWith('p_'))
    .sort((a, b) => b.v - a.v)
    .slice(0, 4)
    .map((r) => REASON[r.f]);
}

export function chooseScene(doc: Document, annotations: readonly Annotation[], g: PlaceGazetteer, w: readonly number[] = SCENE_WEIGHTS, profile: SiteProfile | null = null): SceneAnnotation | null {
  const cands = sceneCandidates(doc, annotations, g, profile);
  if (!cands.length) return null;
  const p = sceneScores(cands, w);
  let best = 0;
  for (let i = 1; i < cands.length; i++) if (p[i] > p[best]) best = i;
  const c = cands[best];
  const first = c.mentions[0];
  const reasons = reasonsOf(c, w);
  let value = c.place;
  if (first) {
    // "Kharkiv region militiamen killed in shelling of Novoselivka", the town read as a namesake
    // in another region: the region its sentence names is the surer place
    const sentences = annotations.filter((a): a is SentenceAnnotation => a.kind === 'sentence');
    const s = sentences[sentenceAt(sentences, first.start)];
    const region = s ? namesakeRegion(doc.text, first, annotations.filter((a) => a.kind === 'place' && a.start >= s.start && a.end <= s.end)) : null;
    if (region) {
      value = region.value;
      reasons.unshift('the region its sentence names (the town read outside it)');
    }
  }
  return {
    kind: 'scene',
    start: first ? first.start : 0,
    end: first ? first.end : 0,
    text: first ? first.text : c.place.name,
    value,
    inTitle: c.inTitle,
    score: Math.round(p[best] * 1000) / 1000,
    reasons,
  };
}

const isPlaceGazetteer = (g: StageContext['gazetteer']): g is PlaceGazetteer => typeof (g as PlaceGazetteer).lookup === 'function';

export const scene: Stage = {
  name: 'scene',
  needs: ['sentence', 'place', 'trigger'],
  gives: ['scene'],
  run({ document, annotations }, ctx) {
    if (!isPlaceGazetteer(ctx.gazetteer)) return { annotations: [] };
    const s = chooseScene(document, annotations, ctx.gazetteer, SCENE_WEIGHTS, ctx.siteProfile ?? null);
    return { annotations: s ? [s] : [] };
  },
};
