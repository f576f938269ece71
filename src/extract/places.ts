/**
 * Places: finds place names in `document.text` and resolves each to a gazetteer entry.
 *
 * Steps:
 * 1. Tokenise; at each capitalised token take the longest run of tokens that is a gazetteer name
 *    ("Rio de Janeiro", "Kharkiv", "U.S."), with a following type word ("Laurel County",
 *    "Kharkiv Oblast") joined to it and a lower-case one ("Hama province") read as a hint.
 * 2. Drop what is not a place mention: demonyms and adjectives ("Russian border"), parts of longer
 *    proper names ("Georgia Tech", "Jordan Smith", "Syrian Observatory", "Tennessee Colony"),
 *    common English words without locative context ("Reading", "Mobile" at a sentence start,
 *    "Chamber of Commerce"), people ("Gov. Paris", "Melton Lewis Paris, 51"). A place that names
 *    a body in it stays ("Texas Forest Service", "Nashville Film Festival", "CBC Toronto",
 *    "Education Minnesota"), as do two names joined by a hyphen ("Tampa-Orlando", "Watertown-ML").
 * 3. Resolve: a prior from population and feature type (a reading known by the name only as an
 *    alternate yields to one whose own name it is), then the document: every other name votes with
 *    its whole distribution of readings for countries, regions, counties and nearby points
 *    (demonyms count less), re-scored for a few rounds so that ambiguous names settle each other;
 *    qualifiers ("Springfield, Illinois", "Kupiansk … in Kharkiv", "Syria's Hama") decide; one
 *    sense per name per document. In a document about Ukraine, a name is also looked up by its
 *    transliteration skeleton ("Alexandrovka" for Oleksandrivka). Before that, the administrative
 *    frames of coded event notes ("Tillia (Tahoua region)", "Hays district, Al Hudaydah") keep a
 *    town's readings inside the frame, or drop a namesake abroad for the region (`readFrames`).
 *    Last, a name the text leaves open (its best reading below 0.7) goes to the reading the site's
 *    profile favours among those close to the best (`profileChoice`; "Mansfield" in a Texas paper),
 *    or that lies near a town the site's host is named after ("Arlington" in dallasnews.com, below
 *    0.8); each place carries the probability its reading had from the text alone (`confidence`).
 *    A county the story names in full is what its bare name means elsewhere in it (`countyShortForms`).
 * 4. Streets, roads and natural features the gazetteer lacks ("Wichita Drive", "Highway 19",
 *    "Neches River", "Lake Lanier"): a capitalised name with a feature word, unless a gazetteer
 *    name overlaps it. A street takes the reading of the place named right after it or of the
 *    story's most-named town (so it is reported at that town's point and precision); a natural
 *    feature only that of a place right after it or of its namesake town near the story's town,
 *    else it is left out. Where people live ("Jane Roe, 38, of Lanexa", "a Meadow Grove man") is
 *    read like a street. Names listed before "counties" are read as counties (a state's name alone
 *    there is the state: "Indiana counties").
 * 5. A place standing for its government ("Kiev forces", "Moscow denies") is kept without a
 *    preposition, so the event builder does not take it for a scene. Adjectives ("Russian") are
 *    emitted only on request (`FindPlacesOptions.adjectives`), as geoparsing corpora count them.
 *
 * Leaves to others: which place is the event's location (the `preposition` and `qualifies`
 * fields help). Limits: English only; a place GeoNames cities500 lacks (villages under 500,
 * buildings) is not found unless the supplement names it; a street or river has no point of its
 * own.
 */
import { lexiconFor } from '../lang/index.js';
import { documentPlaces, lexiconPlaces, settlePlaces, sharedPlaces } from '../lang/places.js';
import type { Gazetteer, Stage, StageContext } from '../model/stage.js';
import type { Message, PlaceAnnotation, ResolvedPlace, SentenceAnnotation, SiteProfile } from '../model/types.js';
import { foldName, MIN_SKELETON, MIN_VARIANT_LETTERS, SKELETON_COUNTRIES, skeleton, type GazetteerEntry, type PlaceGazetteer } from './gazetteer.js';
import { OPEN, profileSupport, SITE_COUNTRY_WEIGHT, SITE_TOWN_KM, SITE_TOWN_MIN_PEOPLE, SITE_TOWN_OPEN, SITE_TOWN_WEIGHT, siteCountry, sitePathNames, siteTownNames, spacedNames } from './site-profile.js';

interface Token {
  start: number;
  end: number;
  /** Text of the token, without a possessive 's. */
  text: string;
  cap: boolean;
  possessive: boolean;
  /** First word of a sentence or heading line: its capital says nothing. */
  initial: boolean;
  /** For a capitalised token, the country whose demonym it is ("Russian"), else null: set once by `findPlaces`. */
  demonym: string | null;
  /** In a sentence or line written in title case ("Man Found Shot Near Tijuana"): its capital says little. */
  titled: boolean;
}

interface Mention {
  start: number;
  end: number;
  /** Token range [first, last]. */
  first: number;
  last: number;
  key: string;
  candidates: readonly GazetteerEntry[];
  /** 'admin1' | 'admin2' | 'place' when a type word says so ("Hama province", "Gaza City"). */
  hint: 'admin1' | 'admin2' | 'place' | null;
  qualifier: Mention | null;
  qualifies: Mention | null;
  chosen: GazetteerEntry | null;
  /** Readings found only by their transliteration skeleton, not by the name as written. */
  approx: Set<GazetteerEntry> | null;
  /** Some reading has the name as its own (not an alternate) name. */
  primary: boolean;
  /** The chosen reading's probability from the text alone (before a site profile). */
  confidence?: number;
}

/**
 * Separators allowed inside one multi-word name: "Ivano-Frankivsk", "St. Louis", "U.S." (" ", "-",
 * ".", ". ", "–"), and without the bare period those that fold to one space (`PLAIN_JOIN`): whether
 * text.slice(from, to) is one, read by code without the slice and a pattern (asked at every join).
 */
function nameGap(text: string, from: number, to: number, period: boolean): boolean {
  const n = to - from;
  if (n === 1) {
    const c = text.charCodeAt(from);
    return c === 32 || c === 45 || c === 0x2013 || (period && c === 46);
  }
  return n === 2 && text.charCodeAt(from) === 46 && text.charCodeAt(from + 1) === 32;
}
const MAX_TOKENS = 6;

/** Lower-case words that may stand inside a name ("Rio de Janeiro", "Stratford-upon-Avon"). */
const CONNECTORS = new Set(['of', 'de', 'del', 'da', 'do', 'dos', 'das', 'la', 'le', 'les', 'el', 'al', 'au', 'aux', 'upon', 'on', 'am', 'an', 'der', 'di', 'du', 'des', 'y', 'and', 'the', 'en', 'sur', 'im', 'ez', 'ad', 'as', 'ash', 'ar', 'az']);
/** Arabic article spelled lower case before a capitalised name: "al-Bab", "el-Arish". */
const ARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'az', 'an', 'at', 'ath', 'ed', 'en', 'es', 'et']);

/**
 * Type words after a name: which reading they ask for. Capitalised ones join the span. A
 * prototype-free object, so a word like "constructor" after a name is no type word.
 */
const TYPE_WORDS: Readonly<Record<string, 'admin1' | 'admin2' | 'place'>> = Object.assign(Object.create(null) as Record<string, 'admin1' | 'admin2' | 'place'>, {
  province: 'admin1', oblast: 'admin1', region: 'admin1', governorate: 'admin1', state: 'admin1',
  krai: 'admin1', republic: 'admin1', prefecture: 'admin1', voivodeship: 'admin1',
  county: 'admin2', parish: 'admin2', district: 'admin2', borough: 'admin2', raion: 'admin2', rayon: 'admin2',
  // second-level units of other countries' coded notes: "Guma LGA", "Beni territory", "Gimbi woreda"
  lga: 'admin2', territory: 'admin2', tehsil: 'admin2', taluka: 'admin2', woreda: 'admin2', zone: 'admin2',
  division: 'admin2', department: 'admin2', municipality: 'admin2', commune: 'admin2', upazila: 'admin2', subdistrict: 'admin2', chiefdom: 'admin2',
  city: 'place', town: 'place', village: 'place', township: 'place', kebele: 'place', barangay: 'place', locality: 'place',
} as const);
/** The same as a Map: a property read by a word not yet internalised (a token's lower case) costs V8 a string-table probe. */
const TYPE_HINTS: ReadonlyMap<string, 'admin1' | 'admin2' | 'place'> = new Map(Object.entries(TYPE_WORDS));
/** The type words as a regex alternation, for the patterns that read a name's frame (here and in the report builder). */
export const TYPE_WORD_PATTERN = Object.keys(TYPE_WORDS).join('|');
/** Type words that join the span only in lower case: capitalised they mostly head a body ("Texas Department of …"). */
const LOWER_TYPE_WORDS = new Set(['department', 'division', 'zone', 'territory', 'municipality']);
/** Capitalised type words that may follow a name inside the span ("Laurel County", "Kharkiv Oblast"). */
const SPAN_TYPE_WORDS = new Set(['county', 'parish', 'oblast', 'governorate', 'province', 'region', 'raion', 'rayon', 'krai', 'prefecture', 'borough', 'city', 'republic', 'lga', 'tehsil', 'taluka', 'woreda', 'upazila', 'commune']);
/** Titles before a name: the name is a person ("Gov. Jordan", "President Lincoln"). */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'president', 'gov', 'governor', 'sen', 'senator', 'rep', 'gen', 'general', 'col', 'colonel', 'lt', 'capt', 'captain', 'sgt', 'judge', 'justice', 'coach', 'officer', 'deputy', 'sheriff', 'chief', 'pastor', 'rev', 'father', 'sister', 'brother', 'king', 'queen', 'prince', 'princess', 'lord', 'lady', 'sir', 'mayor', 'minister', 'secretary', 'commissioner', 'detective', 'trooper', 'sergeant', 'major', 'private', 'corporal', 'admiral', 'attorney', 'st', 'saint']);
/** Compass words that may stand before a name without making it part of a longer one. */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'upstate', 'downtown', 'greater', 'metropolitan', 'occupied', 'rural', 'suburban', 'metro', 'coastal']);
/** Words that may open a sentence before a place without being part of its name. */
const PREPOSITIONS = new Set(['in', 'near', 'over', 'from', 'to', 'into', 'at', 'outside', 'inside', 'around', 'across', 'towards', 'toward', 'through', 'throughout', 'within', 'of', 'on', 'off', 'beyond', 'via', 'between', 'against', 'for', 'by', 'and', 'along', 'past', 'above', 'onto', 'out', 'under', 'than', 'since', 'like', 'about', 'with', 'leaving', 'entering', 'visiting']);
/** Function words that open sentences: a capital on them says nothing about the next word. */
const OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'but', 'and', 'or', 'as', 'when', 'while', 'after', 'before', 'if', 'so', 'then', 'although', 'though', 'meanwhile', 'also', 'both', 'neither', 'either', 'all', 'most', 'many', 'some', 'few', 'every', 'each', 'why', 'how', 'where', 'what', 'whether', 'because', 'once', 'unlike', 'until', 'yet', 'still', 'even', 'now', 'today', 'yesterday', 'last', 'next', 'later', 'earlier', 'here', 'there', 'only', 'across', 'despite', 'unless', 'with', 'without', 'for']);
/** Words between a preposition and the name that do not change the relation ("in the town of X"). */
const SKIP_BEFORE = new Set(['the', 'town', 'city', 'village', 'region', 'province', 'district', 'settlement', 'outskirts', 'capital', 'area', 'oblast', 'of', 'state', 'county', 'suburb', 'suburbs', 'centre', 'center', 'port', 'heart', 'countryside', 'border', 'borders', 'rest', 'part', 'parts', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'frontline', 'front', 'line', 'coast', 'coastal']);
/** Strong locative context for names that are also common words ("in Mobile"). */
const LOCATIVE = new Set(['in', 'near', 'at', 'from', 'to', 'into', 'outside', 'of', 'toward', 'towards', 'through', 'across', 'around', 'via']);
/** A following verb of speech: "Austin said" is a person or team, unless a country speaks. */
const SPEECH = new Set(['said', 'says', 'told', 'added', 'stated', 'explained', 'noted', 'wrote', 'asked', 'replied']);

/**
 * A place standing for its government or forces: "Kiev forces", "Moscow denies", "Kremlin-backed",
 * "Washington's response". Geoparsing counts it as a place, but it is no scene: such a mention
 * gets no preposition, so the event builder never takes it for the incident's location.
 */
const METONYM = /^(?:['’]s)?\s*(?:-?(?:backed|led|loyal|controlled|allied|based)\b|(?:forces|troops|army|military|government|authorities|officials|regime|leadership|administration|says|said|denies|denied|claims|claimed|accuses|accused|blames|blamed|warns|warned|rejects|rejected|insists|insisted|responds|responded|wants|demands|demanded|threatens|threatened|announces|announced|confirms|confirmed|reports|reported|condemns|condemned)\b)/i;

/** Calendar words that GeoNames also knows as places ("Thursday", "August", "March"). */
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'christmas', 'easter', 'halloween', 'thanksgiving']);
/**
 * Capitalised words that may follow a place name without making it someone's name: local
 * institutions and offices ("Gainesville Police Department", "Texas Gov.", "U.S. Army") say where
 * things are. Anything else after it ("Jordan Smith", "Georgia Tech", "Washington Post") is taken
 * as a longer proper name.
 */
const INSTITUTION_WORDS = new Set(['police', 'sheriff', "sheriff's", 'fire', 'department', 'dept', 'council', 'commission', 'commissioners', 'board', 'school', 'schools', 'high', 'middle', 'elementary', 'hospital', 'medical', 'court', 'circuit', 'township', 'mayor', 'gov', 'governor', 'sen', 'senator', 'rep', 'president', 'prime', 'army', 'navy', 'military', 'forces', 'government', 'ministry', 'embassy', 'consulate', 'parliament', 'airport', 'station', 'library', 'museum', 'zoo', 'chamber', 'public', 'municipal', 'regional', 'health', 'water', 'housing', 'community', 'area', 'metro', 'transit', 'supreme', 'legislature', 'house', 'senate', 'assembly', 'attorney', 'highway', 'patrol', 'guard', 'coast', 'city', 'county', 'state', 'national', 'federal', 'district', 'emergency', 'jail', 'prison', 'correctional', 'office', 'officials', 'authorities', 'secretary', 'minister', 'foreign', 'defense', 'defence', 'interior', 'central', 'special', 'marine', 'marines', 'coalition', 'border', 'customs', 'election', 'electoral', 'congress', 'general', 'parks', 'department', 'airbase', 'air', 'port', 'harbor', 'harbour', 'bridge', 'square', 'center', 'centre', 'hall', 'memorial', 'cathedral', 'mosque', 'church', 'cemetery', 'hills', 'valley', 'region', 'metropolitan', 'town', 'village', 'borough', 'parish', 'province', 'oblast', 'governorate']);
/** After a region name, "State" is mostly a university or team ("Ohio State"); after a city a street. */
const NAME_HEADS = new Set(['post', 'times', 'tribune', 'herald', 'journal', 'news', 'tech', 'university', 'college', 'rangers', 'giants', 'bulls', 'state']);
/** Words after a region's name that make it a town's or a landmark's ("Tennessee Colony", "Missouri Valley"). */
const SETTLEMENT_WORDS = new Set(['colony', 'springs', 'beach', 'heights', 'grove', 'falls', 'junction', 'crossing', 'mills', 'landing', 'valley', 'hills', 'lake', 'river', 'creek', 'bay', 'island', 'point', 'ridge', 'settlement', 'camp', 'corners']);
/**
 * Population from which a town's name before an English word names something in it
 * ("Nashville Film Festival"): smaller places share names with people and firms ("Chapman
 * University", "Belk", "Honda Accord"). Swept on LGL: 20,000 and 50,000 cost precision
 * (0.817, 0.818) for little recall; 100,000 keeps it (0.820) and recall rises 0.819 -> 0.825.
 */
const TOWN_NAMES_BODIES = 100000;
/** Population from which a three-letter name after a locative word is a town ("near Gao"), not an abbreviation. */
const SHORT_TOWN = 10000;
/** Population from which a three-letter name framed by parentheses is a town ("in Uri (… district)"). */
const SHORT_FRAMED_TOWN = 1000;
/** An opening parenthesis and a name after a mention: the start of an administrative frame. */
const FRAMED = /^ ?\(\p{Lu}\p{Ll}/u;
const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
/**
 * A town of three letters written as a name after a locative word ("near Gao", "in Jos"), not an
 * abbreviation: not a month's ("through Nov. 30"), a prefix ("in Pre-K"), an English word or a first name.
 */
function shortTown(m: Mention, text: string, tokens: Token[], g: PlaceGazetteer): boolean {
  const surface = text.slice(m.start, m.end);
  const prep = tokens[m.first - 1]?.text.toLowerCase() ?? '';
  // a frame after it ("in Uri (Baramulla district, …)") vouches for a smaller town: readFrames drops a namesake outside it
  // (and a first name there is no person's: "in Uri (…)")
  const framed = FRAMED.test(text.slice(m.end, m.end + 4));
  const least = framed ? SHORT_FRAMED_TOWN : SHORT_TOWN;
  return m.first === m.last && surface !== surface.toUpperCase() && LOCATIVE.has(prep) && !MONTH_ABBREVIATIONS.has(m.key) && text[m.end] !== '-' && !g.englishWord(m.key) && (framed || !g.firstName(m.key)) && m.candidates.some((e) => e.population >= least);
}

/** Landform words that make a longer place name of a town's ("Meadow Grove", "Puget Sound"). */
const LANDFORMS = new Set(['sound', 'park', 'lakes', 'islands', 'spring', 'mountain', 'mountains', 'mount', 'peak', 'canyon', 'forest', 'woods', 'gardens', 'garden', 'tail', 'side', 'shores', 'shore', 'estates', 'acres', 'meadows', 'pond', 'reservoir', 'dam', 'gulf', 'sea', 'ocean', 'cape', 'head', 'neck', 'mill', 'ferry', 'bluff', 'bluffs', 'rapids', 'glen', 'hollow', 'plains', 'prairie', 'marsh', 'swamp', 'desert', 'manor', 'corner', 'cove', 'inlet', 'key', 'keys', 'fort', 'haven', 'bottom', 'quarter', 'field', 'fields', 'wood', 'green', 'common', 'heath', 'vale', 'dale', 'run', 'branch', 'fork', 'forks', 'pass', 'gap', 'wilderness', 'preserve', 'refuge', 'trail', 'rock', 'rocks', 'grove', 'township', 'twp']);
/** Words before a country's name that make a party's or a slogan's ("United Russia", "Free Syria"). */
const PARTY_WORDS = new Set(['united', 'free', 'just', 'fair', 'our', 'forward', 'mainstream', 'corporate', 'middle', 'good', 'morning']);
/** Prefixes of ship names: "USS Arizona" is no place. */
const SHIP_PREFIXES = new Set(['USS', 'HMS', 'RMS', 'HMCS', 'HMAS', 'SS', 'MV', 'USNS', 'INS']);
/** Words that make a place name a street's ("Washington Drive"): never the place itself. */
const STREET_HEADS = new Set(['street', 'st', 'road', 'rd', 'avenue', 'ave', 'drive', 'dr', 'boulevard', 'blvd', 'lane', 'ln', 'way', 'pike', 'parkway', 'pkwy', 'circle', 'court', 'ct', 'place', 'terrace', 'trail', 'highway', 'hwy', 'route', 'expressway', 'freeway', 'turnpike']);

const FEATURE_BONUS: Record<string, number> = {
  PCLI: 3, CONT: 3, PCLS: 2, PCLD: 2, PCLF: 2, TERR: 1.5, ADM1: 0.5, RGN: 1, ADM2: 0.5,
  PPLC: 1.5, PPLA: 1, PPLA2: 0.5, PPLG: 1, AIRB: 1, AIRP: 1, SEA: 1,
  PPLX: -1.5, PPLH: -3, PPLQ: -3, PPLW: -3, PPLL: -0.5,
};

function isPlaceGazetteer(g: Gazetteer): g is PlaceGazetteer {
  return typeof (g as Partial<PlaceGazetteer>).lookup === 'function';
}

const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;
const LETTER_CHAR = /^\p{L}$/u;
const UPPER_CHAR = /^\p{Lu}$/u;

/**
 * Length in code units (1, or 2 for an astral character) of the character at `i` when it is a
 * letter (or a digit, unless `letterOnly`), else 0. ASCII is decided by its code: tokenising is
 * the first pass over every character of the text, and a regex per token costs more.
 */
function wordCharAt(text: string, i: number, letterOnly: boolean): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (!letterOnly && c >= 48 && c <= 57) ? 1 : 0;
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return (letterOnly ? LETTER_CHAR : TOKEN_CHAR).test(ch) ? ch.length : 0;
}

/** Whether the text's character at `i` is an upper-case letter. */
function upperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** End of the token starting at `start`: letters and digits, then any apostrophe groups ("Donets'k", "O’Brien"). */
function tokenEnd(text: string, start: number): number {
  let i = start;
  let len: number;
  while ((len = wordCharAt(text, i, false))) i += len;
  // apostrophe groups: "Donets'k", "People's", "O’Brien"
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 39 && c !== 0x2019) return i;
    let j = i + 1;
    if (!wordCharAt(text, j, true)) return i;
    while ((len = wordCharAt(text, j, true))) j += len;
    i = j;
  }
}

/** Characters a sentence's first word may stand after (spaces, tabs, opening quotes and brackets): codes of ' " “ ‘ ' ( « \t. */
function openingChar(c: number): boolean {
  return c === 32 || c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40 || c === 0xab || c === 9;
}

/** Characters after which a word opens a line or a headline's part: codes of \n : — ]. */
function breakChar(c: number): boolean {
  return c === 10 || c === 58 || c === 0x2014 || c === 93;
}

export function tokenize(text: string, sentences: readonly SentenceAnnotation[]): Token[] {
  // sentence starts by position (a start past the text's end is never asked for)
  const starts = new Uint8Array(text.length + 1);
  for (const s of sentences) if (s.start >= 0 && s.start <= text.length) starts[s.start] = 1;
  const tokens: Token[] = [];
  for (let start = 0; start < text.length; ) {
    if (!wordCharAt(text, start, false)) {
      start++;
      continue;
    }
    const stop = tokenEnd(text, start);
    let word = text.slice(start, stop);
    let possessive = false;
    const n = word.length;
    if (n > 3 && word.charCodeAt(n - 1) === 115 /* s */ && (word.charCodeAt(n - 2) === 39 || word.charCodeAt(n - 2) === 0x2019)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    // initial: the first word of a sentence (past opening quotes) or of a line, or after a
    // headline's bracketed tag ("[Video] In Villagrán …")
    let j = start - 1;
    while (j >= 0 && openingChar(text.charCodeAt(j))) j--;
    const initial = j < 0 || starts[j + 1] === 1 || starts[start] === 1 || breakChar(text.charCodeAt(j));
    tokens.push({ start, end: start + word.length, text: word, cap: upperAt(text, start), possessive, initial, demonym: null, titled: false });
    start = stop;
  }
  if (tokens.length) markTitleCase(tokens, text);
  return tokens;
}

/** Words of this many letters or more decide whether a line is in title case (short ones are function words). */
const TITLE_WORD = 4;
/** A headline is one short line; a longer one in capitals is a list of names in a paragraph. */
const HEADLINE_CHARS = 200;

/**
 * Marks the tokens of each short line in which every longer word is capitalised, three at least:
 * a headline (a sentence, even one listing names, has a lower-case verb). There a capital next to a place ("Found Near Tijuana",
 * "Alton Boy Killed") makes no longer name.
 */
function markTitleCase(tokens: Token[], text: string): void {
  let from = 0;
  // the next line break after the last token looked at: found once per line, so linear
  let nl = text.indexOf('\n', tokens[0].end);
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length) {
      if (nl === -1 || nl > tokens[i].start) continue;
      nl = text.indexOf('\n', tokens[i].end);
    }
    if (tokens[i - 1].end - tokens[from].start <= HEADLINE_CHARS) {
      let long = 0;
      let caps = 0;
      for (let k = from; k < i; k++) {
        const t = tokens[k];
        if (t.text.length < TITLE_WORD || !LETTER_CHAR.test(t.text[0])) continue;
        long++;
        if (t.cap) caps++;
      }
      if (long >= 3 && caps === long) for (let k = from; k < i; k++) tokens[k].titled = true;
    }
    from = i;
  }
}

/** The lower-cased preposition before token `i`, looking past "the town of" and the like. */
function prepositionBefore(tokens: Token[], i: number, text: string): string | null {
  for (let k = i - 1, steps = 0; k >= 0 && steps < 5; k--, steps++) {
    const gap = text.slice(tokens[k].end, tokens[k + 1].start);
    if (!/^[\s-]*$/.test(gap) && !(steps === 0 && /^\s*$/.test(gap))) return null;
    const w = tokens[k].text.toLowerCase();
    if (PREPOSITIONS.has(w) && w !== 'of') return w;
    if (w === 'of' && !SKIP_BEFORE.has(tokens[k - 1]?.text.toLowerCase() ?? '')) return 'of';
    if (!SKIP_BEFORE.has(w)) return null;
  }
  return null;
}

/** A demonym at token `i`, of one word ("Russian") or two ("Sri Lankan"), and its last token. */
function demonymAt(tokens: Token[], i: number, text: string, g: PlaceGazetteer): { country: string; last: number } | null {
  const t = tokens[i];
  if (!t.cap) return null;
  const next = tokens[i + 1];
  if (next?.cap && text.slice(t.end, next.start) === ' ') {
    const cc = g.demonymCountry(`${t.text} ${next.text}`);
    if (cc) return { country: cc, last: i + 1 };
  }
  const cc = t.demonym;
  return cc ? { country: cc, last: i } : null;
}

/** Whether the token is a demonym: known for capitalised tokens, asked for others ("al", "russian"). */
function isDemonym(g: PlaceGazetteer, t: Token): boolean {
  return (t.cap ? t.demonym : g.demonymCountry(t.text)) !== null;
}

/** Each capitalised token's demonym, looked up once for the several passes that ask. */
function markDemonyms(tokens: Token[], g: PlaceGazetteer): void {
  for (const t of tokens) if (t.cap) t.demonym = g.demonymCountry(t.text);
}

/**
 * Streets, roads and natural features the gazetteer lacks ("Wichita Drive", "Highway 19", "Neches
 * River", "Lake Lanier"): found by a capitalised name with a feature word after or before it, and
 * resolved to the document's own places (a street lies in the town the story is about).
 */
interface Feature {
  start: number;
  end: number;
  first: number;
  last: number;
  /** A street or road, resolved to its town; a natural feature may use its own name's readings. */
  kind: 'street' | 'natural' | 'local';
  /** Folded name without the feature word ("neches" for "Neches River"), or null. */
  stem: string | null;
}

/** Words that end a street's name ("Main Street", "S. Locust St.", "Blue Ridge Parkway"). */
const STREET_SUFFIXES = new Set(['street', 'st', 'road', 'rd', 'avenue', 'ave', 'drive', 'dr', 'boulevard', 'blvd', 'lane', 'ln', 'pike', 'parkway', 'pkwy', 'highway', 'hwy', 'bypass', 'expressway', 'freeway', 'turnpike', 'trail', 'terrace', 'trafficway', 'prospekt']);
/** Abbreviated suffixes: "Dr." and "St." also open names, so a capital after them ends the match. */
const ABBREVIATED_SUFFIXES = new Set(['st', 'rd', 'ave', 'dr', 'blvd', 'ln', 'pkwy', 'hwy']);
/** Words before a number that name a road ("Highway 19", "Route 30", "I-45", "FM 645"). */
const ROUTE_HEADS = new Set(['highway', 'hwy', 'route', 'rte', 'interstate', 'i', 'us', 'sr', 'fm', 'cr', 'ky', 'road']);
/** Words that end a natural feature's or a park's name ("Neches River", "Griffith Park"). */
const NATURAL_SUFFIXES = new Set(['river', 'creek', 'lake', 'bay', 'island', 'islands', 'mountain', 'mountains', 'valley', 'park', 'forest', 'wilderness', 'preserve', 'refuge', 'canyon', 'reservoir', 'peninsula', 'ocean', 'sea', 'lakeshore']);
/** Words that open a natural feature's name ("Lake Lanier", "Mount Hood", "River Lune", "Fort Benning"). */
const NATURAL_PREFIXES = new Set(['lake', 'mount', 'mt', 'river', 'fort', 'ft']);
/** Compass words that may end a street's name ("Seventh Street Northwest", "40th Avenue South"). */
const STREET_DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northwest', 'northeast', 'southwest', 'southeast', 'nw', 'ne', 'sw', 'se']);
/** A compass abbreviation after a street's name: " N.W.", " SE". */
const DIRECTION_ABBREVIATION = /^ (?:[NS]\.?[EW]\.?|[NS]\.[EW]\.)(?![\p{L}\p{N}])/u;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const NUMBER = /^\d{1,4}[A-Z]?$/;
/** Most name words before a feature word. */
const MAX_STEM = 4;

/** Whether token `k` may stand in a feature's name: capitalised, or an ordinal ("16th Street"). */
function nameWord(t: Token): boolean {
  return t.cap || ORDINAL.test(t.text);
}

/** The gap between two tokens of one feature name: a space, a hyphen, or an initial's period ("S. Main"). */
function featureGap(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '-' || (gap === '. ' && a.text.length === 1);
}

/** Index of the first token of the name before token `j`, or -1 when there is none. */
function stemStart(tokens: Token[], j: number, text: string): number {
  let k = j;
  while (k > 0 && j - k < MAX_STEM) {
    const t = tokens[k - 1];
    if (!nameWord(t) || t.possessive || !featureGap(text, t, tokens[k])) break;
    // "In Main Street", "The Red River": a sentence's first function word is no part of the name
    if (t.initial && (OPENERS.has(t.text.toLowerCase()) || PREPOSITIONS.has(t.text.toLowerCase()))) break;
    if (TITLES.has(t.text.toLowerCase()) && t.text.length > 3) break;
    k--;
  }
  // an initial inside the name makes it a person's ("Virginia L. Lane"); one before it is a
  // compass point ("S. Main St.")
  for (let i = k + 1; i < j; i++) if (tokens[i].text.length === 1 && text[tokens[i].end] === '.') return -1;
  return k < j ? k : -1;
}

/** "a Meadow Grove man", "his Lanexa home": a local noun after a place's name. */
const RESIDENT_NOUNS = new Set(['man', 'woman', 'men', 'women', 'resident', 'residents', 'teen', 'teenager', 'boy', 'girl', 'native']);
const RESIDENT_DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their']);
/** ", 38, of Lanexa": where a person named with an age lives. */
const AGE_OF = /,\s*\d{1,3},\s*of\s+$/;

/**
 * Places local news names by where people live ("Richard Roe, 38, of Lanexa", "a Meadow Grove
 * man") that the gazetteer lacks: a run of one to three capitalised words in those frames, no
 * English word, people or demonym. They lie near the story's town and take its reading.
 */
function findResidences(text: string, tokens: Token[], g: PlaceGazetteer): Feature[] {
  const out: Feature[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (!tokens[i].cap || tokens[i].initial) continue;
    let last = i;
    while (last - i < 2 && tokens[last + 1]?.cap && text.slice(tokens[last].end, tokens[last + 1].start) === ' ' && !tokens[last].possessive) last++;
    const before = text.slice(Math.max(0, tokens[i].start - 16), tokens[i].start);
    const noun = tokens[last + 1];
    const det = tokens[i - 1].text.toLowerCase();
    const resident = RESIDENT_DETERMINERS.has(det) && text.slice(tokens[i - 1].end, tokens[i].start) === ' ' && noun !== undefined && RESIDENT_NOUNS.has(noun.text) && text.slice(tokens[last].end, noun.start) === ' ' && !tokens[last].possessive;
    if (!resident && !AGE_OF.test(before)) {
      i = last;
      continue;
    }
    // after ", 38, of" the name ends at the first non-capitalised word; stop at a comma
    const words = tokens.slice(i, last + 1);
    const name = foldName(text.slice(tokens[i].start, tokens[last].end));
    // one English word is a description ("a Christian man"), two may be a village ("Meadow Grove")
    const plain = words.every((t) => !(words.length === 1 && g.englishWord(t.text.toLowerCase())) && !isDemonym(g, t) && !TITLES.has(t.text.toLowerCase()) && !CALENDAR.has(t.text.toLowerCase()) && !INSTITUTION_WORDS.has(t.text.toLowerCase()));
    if (plain && !g.firstName(foldName(words[0].text)) && text.slice(tokens[last].end, tokens[last].end + 1) !== '-') {
      out.push({ start: tokens[i].start, end: tokens[last].end, first: i, last, kind: 'local', stem: null });
    }
    i = last;
  }
  return out;
}

/** Add a feature, replacing the shorter ones it covers ("Red River" inside "Red River Road"). */
function push(out: Feature[], f: Feature): void {
  while (out.length && out[out.length - 1].end > f.start) {
    if (out[out.length - 1].start < f.start) return;
    out.pop();
  }
  out.push(f);
}

/** Whether a capitalised word follows token k across a space or hyphen: a name goes on, but a day after it does not. */
function capAfter(text: string, tokens: Token[], k: number): boolean {
  return tokens[k + 1] !== undefined && tokens[k + 1].cap && !CALENDAR.has(tokens[k + 1].text.toLowerCase()) && (gapIs(text, tokens[k].end, tokens[k + 1].start, ' ') || gapIs(text, tokens[k].end, tokens[k + 1].start, '-'));
}

function findFeatures(text: string, tokens: Token[], g: PlaceGazetteer): Feature[] {
  const out: Feature[] = [];
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j];
    if (!t.cap) continue;
    const w = t.text.toLowerCase();
    const next = tokens[j + 1];
    // the name before a feature word (only a feature word uses it, and most capitals are none)
    const k = j > 0 && (ROUTE_HEADS.has(w) || STREET_SUFFIXES.has(w) || NATURAL_SUFFIXES.has(w)) ? stemStart(tokens, j, text) : -1;
    // "Highway 19", "I-45", "State Highway 360", "Illinois Route 159"
    if (ROUTE_HEADS.has(w) && next && NUMBER.test(next.text) && (gapIs(text, t.end, next.start, ' ') || gapIs(text, t.end, next.start, '-')) && (w !== 'i' && w !== 'us' ? true : text[t.end] === '-')) {
      const first = k >= 0 && tokens[k].text !== 'US' ? k : j;
      push(out, { start: tokens[first].start, end: next.end, first, last: j + 1, kind: 'street', stem: null });
      j++;
      continue;
    }
    if (STREET_SUFFIXES.has(w) && k >= 0) {
      let last = j;
      let end = t.end;
      // a house number before it makes an address, whatever follows ("1205 Oak Road Lot 12")
      const address = k > 0 && /^\d+$/.test(tokens[k - 1].text) && text.slice(tokens[k - 1].end, tokens[k].start) === ' ';
      const compass = DIRECTION_ABBREVIATION.exec(text.slice(end, end + 6));
      if (ABBREVIATED_SUFFIXES.has(w)) {
        if (text[end] === '.') end++;
        if (!address && text[t.end] === '.' && /^ \p{Lu}/u.test(text.slice(end, end + 2))) continue;
      } else if (compass) {
        // "Seventh Street N.W."
        end += compass[0].length;
        while (tokens[last + 1] && tokens[last + 1].end <= end) last++;
      } else if (next && STREET_DIRECTIONS.has(next.text.toLowerCase()) && next.cap && text.slice(t.end, next.start) === ' ' && !capAfter(text, tokens, j + 1)) {
        // "Seventh Street Northwest"
        last = j + 1;
        end = next.end;
      } else if (capAfter(text, tokens, j) && !address) continue; // "Wall Street Journal", "Florida Highway Patrol"

      push(out, { start: tokens[k].start, end, first: k, last, kind: 'street', stem: null });
      continue;
    }
    if (NATURAL_SUFFIXES.has(w) && k >= 0) {
      const stem = foldName(text.slice(tokens[k].start, tokens[j - 1].end));
      // "Ricki Lake" is a person
      if (k === j - 1 && g.firstName(stem) && g.lookup(stem).length === 0) continue;
      let last = j;
      // "Red River Valley", "Aleutian Islands"
      while (tokens[last + 1] && NATURAL_SUFFIXES.has(tokens[last + 1].text.toLowerCase()) && capAfter(text, tokens, last)) last++;
      push(out, { start: tokens[k].start, end: tokens[last].end, first: k, last, kind: 'natural', stem });
      j = last;
      continue;
    }
    if (NATURAL_PREFIXES.has(w) && next?.cap) {
      const gap = text.slice(t.end, next.start);
      if (gap !== ' ' && gap !== '. ') continue;
      let last = j + 1;
      // "Mount Saint Helens", but not "Lake Lanier Islands" (the islands are another feature)
      if (!tokens[last].possessive && capAfter(text, tokens, last) && !NATURAL_SUFFIXES.has(tokens[last + 1].text.toLowerCase()) && !INSTITUTION_WORDS.has(tokens[last + 1].text.toLowerCase()) && !STREET_SUFFIXES.has(tokens[last + 1].text.toLowerCase())) last++;
      push(out, { start: t.start, end: tokens[last].end, first: j, last, kind: 'natural', stem: foldName(text.slice(next.start, tokens[last].end)) });
      j = last;
    }
  }
  return out;
}

/**
 * Where a feature is: the place named right after it ("Main Street in Berlin", "Oak Road,
 * Dover"); else for a natural feature its namesake town near the story's town ("Catawba River"
 * by Catawba), for a street the story's town, county, region or country. The feature takes that
 * place's reading whole, so a street is reported at its town's point and precision.
 */
function locateFeature(f: Feature, text: string, mentions: readonly Mention[], anchor: GazetteerEntry | null, g: PlaceGazetteer): GazetteerEntry | null {
  const after = mentions[firstEndingAfter(mentions, f.end)];
  if (after?.chosen && FEATURE_QUALIFIER.test(text.slice(f.end, after.start))) return after.chosen;
  if (f.kind === 'natural' && f.stem && anchor) {
    let best: GazetteerEntry | null = null;
    for (const e of g.lookup(f.stem)) {
      if (e.precision !== 'place' || km(e, anchor) > NATURAL_STEM_KM) continue;
      if (!best || km(e, anchor) < km(best, anchor)) best = e;
    }
    if (best) return best;
  }
  // a river or a park may lie far from the story's town (measured on LGL: a town named within
  // 150 characters stood for one within 161 km only a quarter of the time), so none is given
  return f.kind === 'natural' ? null : anchor;
}

/** Index of the first of `spans` (in text order, not overlapping) that ends after `pos`, or its length. */
function firstEndingAfter(spans: readonly { end: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Features that overlap no place name and no earlier feature, in text order. */
function standaloneFeatures(features: Feature[], mentions: readonly Mention[]): Feature[] {
  features.sort((a, b) => a.start - b.start);
  const out: Feature[] = [];
  let reached = 0;
  for (const f of features) {
    if (f.start < reached) continue;
    const m = mentions[firstEndingAfter(mentions, f.start)];
    if (m && m.start < f.end) continue;
    out.push(f);
    reached = f.end;
  }
  return out;
}

/** Words between a feature and the place it lies in: "Main Street in Berlin", "Oak Road, Dover". */
const FEATURE_QUALIFIER = /^(?:,\s*|\s+(?:in|of|near)\s+(?:the\s+)?)$/;
/** How far a natural feature's namesake town may lie from the story's town to stand for it. */
const NATURAL_STEM_KM = 150;

/**
 * The document's anchor for features: its most-named town, else its most-named county, region or
 * country (ties go to the first named).
 */
function documentAnchor(mentions: readonly Mention[]): GazetteerEntry | null {
  for (const precision of ['place', 'admin2', 'admin1', 'country'] as const) {
    const counts = new Map<GazetteerEntry, number>();
    for (const m of mentions) if (m.chosen?.precision === precision && !m.qualifies) counts.set(m.chosen, (counts.get(m.chosen) ?? 0) + 1);
    let best: GazetteerEntry | null = null;
    for (const [e, n] of counts) if (!best || n > counts.get(best)!) best = e;
    if (best) return best;
  }
  return null;
}

/** A legislator's party letter: "D", "R" or "I" alone. */
function partyLetter(word: string): boolean {
  const c = word.charCodeAt(0);
  return word.length === 1 && (c === 68 || c === 82 || c === 73);
}
const MAX_LIST = 12;

/**
 * Counties named in a list before "counties" ("Walton and Oconee counties"): each name is read
 * as "X County", by its first token. Walks back from the word; a name of up to three capitalised
 * tokens the gazetteer knows with "County" after it.
 */
function countyLists(text: string, tokens: Token[], g: PlaceGazetteer): Map<number, Mention> {
  const out = new Map<number, Mention>();
  for (let j = 1; j < tokens.length; j++) {
    if (tokens[j].text !== 'counties') continue;
    let end = j; // exclusive end of the next name to the left
    if (text.slice(tokens[j - 1].end, tokens[j].start) !== ' ') continue;
    const list: Mention[] = [];
    for (let items = 0; items < MAX_LIST && end > 0; items++) {
      let found: Mention | null = null;
      for (let n = Math.min(3, end); n >= 1 && !found; n--) {
        const first = end - n;
        if (!tokens.slice(first, end).every((t) => t.cap)) continue;
        if (n > 1 && !tokens.slice(first, end - 1).every((t, x) => text.slice(t.end, tokens[first + x + 1].start) === ' ')) continue;
        const candidates = g.lookup(foldName(`${text.slice(tokens[first].start, tokens[end - 1].end)} county`)).filter((e) => e.precision === 'admin2');
        if (candidates.length) found = { start: tokens[first].start, end: tokens[end - 1].end, first, last: end - 1, key: foldName(text.slice(tokens[first].start, tokens[end - 1].end)), candidates, approx: null, hint: 'admin2', qualifier: null, qualifies: null, chosen: null, primary: true };
      }
      if (!found) break;
      list.push(found);
      // the name before: "Walton and Oconee", "Clarke, Madison, Oconee", "Madison, and Oconee"
      let k = found.first - 1;
      if (k < 1) break;
      if (tokens[k].text === 'and' || tokens[k].text === 'or') {
        if (text.slice(tokens[k].end, tokens[k + 1].start) !== ' ' || !/^,? $/.test(text.slice(tokens[k - 1].end, tokens[k].start))) break;
        end = k;
      } else {
        if (!/^(?:, |\/)$/.test(text.slice(tokens[k].end, tokens[k + 1].start))) break;
        end = k + 1;
      }
    }
    // "near the middle of Indiana counties": a state's name alone before "counties" names its
    // counties, not one of them
    if (list.length === 1 && g.lookup(list[0].key).some((e) => (e.precision === 'admin1' || e.precision === 'country') && e.folded === list[0].key)) continue;
    for (const m of list) out.set(m.first, m);
  }
  return out;
}

const NO_ENTRIES: readonly GazetteerEntry[] = Object.freeze([]);

/** Words of a folded name, as the gazetteer counts them: one more than its spaces. */
function wordCount(key: string): number {
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
  return n;
}

/** An English word (one token) or a phrase holding a people's name: words, not another spelling of a town. */
function wordy(g: PlaceGazetteer, tokens: Token[], i: number, n: number): boolean {
  return (n === 1 && g.englishWord(tokens[i].text.toLowerCase())) || tokens.slice(i, i + n).some((w) => isDemonym(g, w));
}

/**
 * What a pass of `findMentions` found at each token it started a name from (a mention, or null for
 * none); tokens it never started from are left undefined.
 */
type Visits = (Mention | null | undefined)[];

/**
 * Find candidate mentions: longest gazetteer names at capitalised tokens. `record` keeps what this
 * pass found at each token it started from. A second pass without skeletons (`reuse`, the first
 * pass's record) differs from the first only by spelling variants, which are tried for one token
 * where the first pass found nothing: there it tries one token alone; where the first pass found a
 * name, that name stands; a token the first never started from is read in full.
 */
function findMentions(text: string, tokens: Token[], g: PlaceGazetteer, skeletons: boolean, variantCountries: ReadonlySet<string> = NO_COUNTRIES, record: Visits | null = null, reuse: Visits | null = null): Mention[] {
  const mentions: Mention[] = [];
  const counties = countyLists(text, tokens, g);
  const maxTokens = Math.min(MAX_TOKENS, g.maxNameTokens);
  // words the text writes after a capitalised word ("Dmitry Medvedev"): a person's name, so no
  // misspelt town elsewhere in it either
  const secondWords = new Set<string>();
  if (variantCountries.size > 0) for (let k = 0; k + 1 < tokens.length; k++) if (nameGoesOn(text, tokens, k) && tokens[k].cap) secondWords.add(foldName(tokens[k + 1].text));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const article = !t.cap && text[t.end] === '-' && ARTICLES.has(t.text) && tokens[i + 1]?.cap;
    if (!t.cap && !article) continue;
    // a legislator's party letter is no part of the state after it ("D-N.Y.")
    if (partyLetter(t.text) && text[t.end] === '-' && tokens[i + 1]?.cap) continue;
    const county = counties.get(i);
    if (county) {
      mentions.push(county);
      i = county.last;
      continue;
    }
    const before = reuse ? reuse[i] : undefined;
    if (before) {
      mentions.push(before);
      i = before.last;
      continue;
    }
    let found: Mention | null = null;
    // how many tokens from i may form one name: the joins are checked once, not per length
    let reach = 1;
    const most = before === null ? 1 : Math.min(maxTokens, tokens.length - i);
    for (let k = i; reach < most; k++, reach++) {
      // a possessive may stand inside a name ("Donetsk People's Republic"); "Syria's Hama"
      // is no name in the gazetteer, so it falls apart below
      const gapStart = tokens[k].possessive ? tokens[k].end + 2 : tokens[k].end;
      if (!nameGap(text, gapStart, tokens[k + 1].start, true)) break;
      if (k > i && !tokens[k].cap && !CONNECTORS.has(tokens[k].text)) break;
    }
    // when the first join folds to a space, a longer span's folded name starts with this token's
    // own: no gazetteer name of more words than that word opens can match (most open none)
    const firstJoin = reach > 1 && !t.possessive && nameGap(text, t.end, tokens[i + 1].start, false);
    const longest = firstJoin ? g.nameTokensFrom(foldName(t.text)) : Infinity;
    for (let n = reach; n >= 1 && !found; n--) {
      const last = tokens[i + n - 1];
      if (!last.cap) continue;
      if (n > 1 && longest === 0 && !skeletons) continue;
      let end = last.end;
      // "U.S." keeps its final period when the name is an abbreviation with inner periods
      const raw = text.slice(t.start, end);
      if (raw.includes('.') && text[end] === '.' && last.text.length <= 2) end++;
      let key = foldName(text.slice(t.start, end));
      const plain = n === 1 || wordCount(key) <= longest;
      let candidates = plain ? g.lookup(key) : NO_ENTRIES;
      if (!plain) {
        // only its skeleton may match (below)
      } else if (candidates.length === 0 && text[end - 1] === '.' && (candidates = g.lookup(key + '.')).length > 0) {
        // "W.Va.": the period already taken above
        key += '.';
      } else if (text[end - 1] !== '.' && text[end] === '.' && g.lookup(key + '.').length > 0) {
        // "Ga.", "Tenn.": an abbreviation (where it may stand is checked in rejectReason)
        key += '.';
        candidates = g.lookup(key);
        end++;
      }
      let approx: Set<GazetteerEntry> | null = null;
      // …never for an English word ("Soldier" is no "Soledar") or a phrase holding a people's
      // name ("Pro-Russian" is no "Oprysheny"): those are words, not another spelling of a town
      if (skeletons && !key.endsWith('.') && !wordy(g, tokens, i, n)) {
        // "Alexandrovka" for Oleksandrivka: the same consonants in another romanisation
        // …a region only with its type word: regions are known by their spellings, and one word's
        // skeleton meets the region's adjective form ("Volniansk" and "Volynska" share "vlnsk")
        const sk = skeleton(key);
        const extra = sk.length > MIN_SKELETON ? g.lookup(sk).filter((e) => !candidates.includes(e) && (n > 1 || e.precision === 'place')) : [];
        if (extra.length) {
          approx = new Set(extra);
          candidates = [...candidates, ...extra];
        }
      }
      // "Arbinda" for Aribinda, "Nygeri" for Nyeri: a word that is no name, after "in", "near",
      // …, one edit from a place of a country the document names. Never an English word, a first
      // name, an acronym or a word of a person's name: surnames ("Medvedev", "Messi") lie as
      // near some village as misspelt towns do
      if (candidates.length === 0 && n === 1 && variantCountries.size > 0 && key.length >= MIN_VARIANT_LETTERS && (VARIANT_BEFORE.has(tokens[i - 1]?.text.toLowerCase() ?? '') || VARIANT_TYPE_AFTER.has(typeWordAfter(text, tokens, i))) && !nameGoesOn(text, tokens, i) && !secondWords.has(key) && t.text !== t.text.toUpperCase() && !CALENDAR_WORDS.has(key) && !wordy(g, tokens, i, n) && !g.firstName(key) && g.commonWord(key) === 0) {
        const extra = g.variants(key, variantCountries);
        if (extra.length) {
          approx = new Set(extra);
          candidates = extra;
        }
      }
      // "Paris, TX", "Vancouver, WA": a state's postal code after a comma is the state (nowhere
      // else: "IN", "OR", "VA" and "PA" are words and bodies as often)
      if (n === 1 && t.text.length === 2 && POSTAL_CODE.test(t.text) && POSTAL_STATES[t.text] && POSTAL_BEFORE.test(text.slice(Math.max(0, t.start - 3), t.start)) && !POSTAL_AFTER.test(text.slice(t.end, t.end + 2))) {
        const states = g.lookup(foldName(POSTAL_STATES[t.text])).filter((e) => e.country === 'US' && e.precision === 'admin1');
        if (states.length) candidates = states;
      }
      if (candidates.length === 0) continue;
      found = { start: t.start, end, first: i, last: i + n - 1, key, candidates, approx, hint: null, qualifier: null, qualifies: null, chosen: null, primary: false };
    }
    if (record) record[i] = found;
    if (!found) continue;
    // a type word right after the name: "Laurel County" joins the span, "Hama province" hints
    const next = tokens[found.last + 1];
    if (next && gapIs(text, tokens[found.last].end, next.start, ' ') && !tokens[found.last].possessive) {
      const w = next.text.toLowerCase();
      const hint = next.cap && LOWER_TYPE_WORDS.has(w) ? undefined : TYPE_HINTS.get(w);
      if (hint) {
        found.hint = hint;
        if (next.cap && SPAN_TYPE_WORDS.has(w)) {
          const longer = g.lookup(foldName(text.slice(found.start, next.end)));
          if (longer.length > 0) found.candidates = longer;
          found.end = next.end;
          found.last++;
        }
      }
    }
    // "the region of Sumy", "the province of Hama"
    if (!found.hint && i >= 2 && tokens[i - 1].text === 'of') {
      const hint = TYPE_HINTS.get(tokens[i - 2].text.toLowerCase());
      if (hint) found.hint = hint;
    }
    mentions.push(found);
    i = found.last;
  }
  return mentions;
}

/** The US states' postal codes, and the states' names. */
const POSTAL_STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
  NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
  PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};
const POSTAL_CODE = /^[A-Z]{2}$/;
/** A word and a comma before the code: "Paris, TX". */
const POSTAL_BEFORE = /\p{L}, ?$/u;
/** A letter, digit or hyphen right after the code, or a period before a letter: part of something else ("CA-12", "N.Y."). */
const POSTAL_AFTER = /^(?:[\p{L}\p{N}-]|\.\p{L})/u;

/**
 * Whether the name is a country's or a region's own, so that no person can take it over for the
 * whole document ("Georgia Smith" leaves Georgia a place). A region named for its big city
 * ("Paris", "Aleppo") does not count: "Melton Lewis Paris, 51," is a person, and so is every
 * later "Paris" in that story.
 */
function namesRegion(m: Mention): boolean {
  // a region no GeoNames code was found for ("~75C", the Paris département) holds no place by
  // code: a town of its name in its country is the town it is named for
  return m.candidates.some((e) => e.precision === 'country' || ((e.precision === 'admin1' || e.precision === 'admin2') && !m.candidates.some((c) => c.precision === 'place' && c.country === e.country && (c.admin1Code === e.admin1Code || e.admin1Code.startsWith('~')) && c.population * 10 >= e.population && c.folded === m.key)));
}

/**
 * A capitalised English word of a headline written in title case ("Near", "Found", "Terror"),
 * which is no part of a proper name: not a first name, nor a word that heads or ends one
 * ("University", "Lake", "Street", "Mount").
 */
function headlineWord(t: Token, g: PlaceGazetteer): boolean {
  if (!t.titled) return false;
  const w = t.text.toLowerCase();
  return g.englishWord(w) && !g.firstName(foldName(t.text)) && !TITLES.has(w) && !NAME_HEADS.has(w) && !SETTLEMENT_WORDS.has(w) && !LANDFORMS.has(w) && !STREET_HEADS.has(w) && !INSTITUTION_WORDS.has(w);
}

/** Verbs of headlines, which follow a person's name more often than a place's ("Smith Dies", "Jones Charged"). */
const HEADLINE_VERB = /^(?:\p{L}+ed|dies|die|dead|says|say|shot|hit|wins?|won|kills?|hurt|slain|held|sworn|joins?|visits?|speaks?|talks?|meets?|resigns?|quits?|faces?|pleads?|gets?|sues?|sentenced|freed|named)$/u;

/** Longest name of a state written next to a town, in tokens. */
const REGION_TOKENS = 3;

/**
 * Whether the tokens from `at` on (step 1: after; -1: before) name a first-order region that holds
 * one of the places read (a state after its town), or a place that the region read lies in (the
 * town before its state).
 */
function regionOf(candidates: readonly GazetteerEntry[], tokens: Token[], at: number, step: 1 | -1, g: PlaceGazetteer): boolean {
  for (let n = 1; n <= REGION_TOKENS; n++) {
    const a = step === 1 ? at : at - n + 1;
    const b = step === 1 ? at + n - 1 : at;
    if (a < 0 || b >= tokens.length || !tokens[a].cap || !tokens[b].cap) return false;
    const key = foldName(tokens.slice(a, b + 1).map((t) => t.text).join(' '));
    // "George Washington" is a man, not the town of George in Washington state
    if (step === -1 && g.firstName(key)) return false;
    const near = g.lookup(key);
    const [regions, places] = step === 1 ? [near, candidates] : [candidates, near];
    if (regions.some((r) => r.precision === 'admin1' && places.some((p) => p.precision === 'place' && p.country === r.country && p.admin1Code === r.admin1Code))) return true;
  }
  return false;
}

/** A colon after a name: a headline's label ("Photos Irapuato: …"). */
const LABEL_AFTER = /^\s*:/;

/**
 * Whether a name after a line's opening word stands as a headline's label: a colon after it, or
 * its state after it ("Video Celaya Guanajuato: …"); a bare name after the word may be a person's
 * ("Pensioner Bayram").
 */
function labelled(m: Mention, text: string, tokens: Token[], g: PlaceGazetteer): boolean {
  if (g.englishWord(m.key) || g.firstName(m.key)) return false;
  return LABEL_AFTER.test(text.slice(m.end, m.end + 3)) || regionOf(m.candidates, tokens, m.last + 1, 1, g);
}

const NONE: ReadonlySet<string> = new Set();
/** Initials with periods ("L.A."), and the population from which a city is known by them. */
const DOTTED = /^(?:\p{Lu}\.){2,3}$/u;
const DOTTED_CITY = 1000000;

/**
 * Why a candidate is not a place mention, or null when it may be one, in three steps: its own form
 * (`formReason`), then whether the document made its name a person's, then its context
 * (`contextReason`). Adds to `persons` the names it finds used as people's ("Barack Obama"), except
 * those the document `confirmed` as places. The first and last steps read neither `persons` nor
 * `confirmed`, so `findPlaces` computes them once per mention for both of its passes.
 */
interface Readings {
  form: (string | null)[];
  context: (ContextReason | undefined)[];
}

function rejectReason(i: number, found: readonly Mention[], readings: Readings, text: string, tokens: Token[], g: PlaceGazetteer, persons: Set<string>, confirmed: ReadonlySet<string> = NONE): string | null {
  const m = found[i];
  const form = readings.form[i];
  if (form !== null) {
    if (form === 'person-age') persons.add(m.key);
    return form;
  }
  if (persons.has(m.key)) return 'person-name';
  const c = (readings.context[i] ??= contextReason(m, text, tokens, g));
  if (c.person === 'yes' || (c.person === 'unconfirmed' && !confirmed.has(m.key))) persons.add(m.key);
  return c.reason;
}

/** A reason of the mention's context, and whether it makes the name a person's in the whole document ('unconfirmed': unless the document confirmed it a place). */
interface ContextReason {
  reason: string | null;
  person: 'no' | 'yes' | 'unconfirmed';
}

/** The reasons a mention's own form gives ('person-age' makes its name a person's), before the document's persons are read. */
/** Whether every reading of the name is a US place no list gives people (a post office, a hamlet). */
function hamletOnly(m: Mention): boolean {
  return m.candidates.every((e) => e.precision === 'place' && e.country === 'US' && e.population === 0);
}

/**
 * Whether a name in capitals opens a dateline: first in the text or its sentence, and followed by
 * its state or country after a comma, an agency in parentheses or a dash ("PARIS, Mo. —",
 * "ROME (AP) —", "TULSA — "): a town, not an acronym.
 */
function dateline(m: Mention, text: string): boolean {
  return DATELINE_BEFORE.test(text.slice(Math.max(0, m.start - 3), m.start)) && DATELINE_AFTER.test(text.slice(m.end, m.end + 12));
}
const DATELINE_BEFORE = /(?:^|[.!?\n]\s*|^\s+)$/;
const DATELINE_AFTER = /^(?:, ?\p{Lu}|\s*\((?:AP|Reuters|AFP|UPI|CNN)\)|\s+(?:—|–|--?)\s)/u;

function formReason(m: Mention, text: string, tokens: Token[], g: PlaceGazetteer): string | null {
  const first = tokens[m.first];
  const last = tokens[m.last];
  const surface = text.slice(m.start, m.end);
  const single = m.first === m.last;
  if (single && isDemonym(g, first) && !m.candidates.some((e) => e.precision === 'country' && e.folded === m.key)) return 'demonym';
  // very short names are acronyms unless written as one ("US", "UK", "DPR")
  // …but a compass word with a unit word is a region's name ("North governorate", "Est region")
  if (single && DIRECTIONS.has(m.key) && !(tokens[m.last + 1] && TYPE_HINTS.get(tokens[m.last + 1].text.toLowerCase()) && text.slice(last.end, tokens[m.last + 1].start) === ' ')) return 'direction';
  if (m.key.endsWith('.')) {
    // "Ga.", "Ky." only as the state after a town ("Gainesville, Ga."), a legislator's party
    // ("D-Pa."), or where a lower-case word shows the period ends no sentence ("Ill. man");
    // "W.Va." with its inner period is no word anywhere
    const before = text.slice(Math.max(0, m.start - 3), m.start);
    if (!/,\s*$|\b[DRI]-$/.test(before) && !/\p{L}\.\s?\p{L}/u.test(surface) && !/^ \p{Ll}/u.test(text.slice(m.end, m.end + 2))) return 'abbreviation';
  } else if (m.key.replace(/ /g, '').length <= 3 && !shortTown(m, text, tokens, g) && !(m.hint && m.hint !== 'place' && m.candidates.some(broadReading))) {
    // (a short region's name with its unit word stands: "Lac province", "Bay region")
    if (surface !== surface.toUpperCase()) return 'short';
    // …but a dotted initialism of a big city stands ("L.A.")
    const dotted = DOTTED.test(surface) && m.candidates.some((e) => e.population >= DOTTED_CITY);
    if (!dotted && !m.candidates.some((e) => e.precision !== 'place' || e.code === 'AIRB')) return 'short';
  } else if (single && surface === surface.toUpperCase() && surface.length <= 5 && !m.candidates.some((e) => e.precision === 'country') && !dateline(m, text)) {
    return 'acronym';
  }
  if (single && CALENDAR.has(m.key)) return 'calendar';
  // "the Gulf of Mexico", "the Bay of Bengal": a sea named after a land is not that land (a sea
  // the gazetteer holds, "Gulf of Aden", is read whole before this)
  if (WATER_OF.test(text.slice(Math.max(0, m.start - 12), m.start))) return 'water-of';
  // "Barnes, 39, of Pomeroy": a name with an age after it is a person, here and later
  if (/^,\s*\d{1,3},/.test(text.slice(m.end, m.end + 8)) && !namesRegion(m)) return 'person-age';
  return null;
}

const WATER_OF = /\b(?:Gulf|Bay|Sea|Straits?) of (?:the )?$/;

const NOT_REJECTED: ContextReason = { reason: null, person: 'no' };
const because = (reason: string, person: ContextReason['person'] = 'no'): ContextReason => ({ reason, person });

/** Two capitalised words joined by an ampersand ("Stevens & Wilkinson"). */
function ampersand(text: string, a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.cap && b.cap && /^ ?& ?$/.test(text.slice(a.end, b.start));
}

/** The reasons a mention's context gives: the words around it. */
function contextReason(m: Mention, text: string, tokens: Token[], g: PlaceGazetteer): ContextReason {
  const first = tokens[m.first];
  const last = tokens[m.last];
  const surface = text.slice(m.start, m.end);
  const single = m.first === m.last;
  // part of a longer proper name: a capitalised word right after ("Georgia Tech", "Jordan Smith")
  const next = tokens[m.last + 1];
  // a hyphen before another place or an initialism joins two names, not one longer name
  // ("Athens-Clarke", "Egyptian-US relations", "Watertown-ML")
  const joined = next && text.slice(last.end, next.start) === '-' && ((next.text === next.text.toUpperCase() && next.text.length <= 3) || g.lookup(foldName(next.text)).length > 0);
  // a day or month after a name starts no longer name ("in Toronto Saturday night")
  const dated = next !== undefined && CALENDAR.has(next.text.toLowerCase());
  // "Celaya Guanajuato", "Tampico Tamaulipas": a town with its state after it, as headlines write them
  const framedBy = next !== undefined && / $/.test(text.slice(last.end, next.start)) && !(single && g.firstName(m.key)) && regionOf(m.candidates, tokens, m.last + 1, 1, g);
  if (next && !last.possessive && next.cap && !joined && !dated && !framedBy && (gapIs(text, last.end, next.start, ' ') || gapIs(text, last.end, next.start, '-') || gapIs(text, last.end, next.start, ' -')) && !(m.end >= next.end)) {
    const w = next.text.toLowerCase();
    // "Virginia Alexander", "Chad Walker": a first name opens a person's name
    // …but a state's or country's name before a body of several words is the place ("Georgia
    // Bureau of Investigation", "Virginia Commonwealth University")
    const after = tokens[m.last + 2];
    const body = namesRegion(m) && g.englishWord(w) && after !== undefined && gapIs(text, next.end, after.start, ' ') && (after.text === 'of' || (after.cap && !CALENDAR.has(after.text.toLowerCase())));
    if (single && g.firstName(m.key) && !INSTITUTION_WORDS.has(w) && !body) {
      // "Georgia Stevens" makes a later "Georgia" the girl too, unless the document says "in Georgia"
      // (a surname may be a hamlet's name somewhere, "Pettibone": only a place with people counts)
      return because('first-name', !g.englishWord(w) && !g.firstName(foldName(next.text)) && !g.lookup(foldName(next.text)).some((e) => e.population > 0) ? 'unconfirmed' : 'no');
    }
    // …unless a body follows the street word ("Florida Highway Patrol")
    if (STREET_HEADS.has(w) && !(after?.cap && text.slice(next.end, after.start) === ' ' && INSTITUTION_WORDS.has(after.text.toLowerCase()))) return because('street');
    // a state, country or county names the body it has ("Texas Forest Service", "Georgia
    // Bureau of Investigation", "Butler County Coroner", "Kentucky State"): the place counts,
    // unless a name follows ("Paris Hilton")
    const broad = (m.last > m.first && TYPE_HINTS.get(last.text.toLowerCase()) !== undefined) || m.candidates.some((e) => e.precision !== 'place');
    // …but a settlement word makes it another place the gazetteer lacks ("Tennessee Colony")
    if (broad && SETTLEMENT_WORDS.has(w)) return because('name-after');
    // a town names what is in it too ("Nashville Film Festival", "Springfield Science
    // Museum"), unless a landform makes it another place ("Meadow Grove", "Puget Sound")
    const town = !broad && (NAME_HEADS.has(w) || SETTLEMENT_WORDS.has(w) || LANDFORMS.has(w) || !m.candidates.some((e) => e.population >= TOWN_NAMES_BODIES));
    // a headline's noun after a place ("Alton Boy", "Nuevo Laredo Terror") makes no longer name; a
    // verb after a surname ("Gigante Dies") still says a person
    const headline = headlineWord(next, g) && !HEADLINE_VERB.test(w);
    if (!headline && (town || !(g.englishWord(w) || INSTITUTION_WORDS.has(w) || next.text === next.text.toUpperCase()))) {
      if (NAME_HEADS.has(w)) return because('name-after');
      // "US President", "Gainesville Police": offices and institutions say where they are
      if (!(INSTITUTION_WORDS.has(w) || isDemonym(g, next))) return because('name-after');
    }
  }
  // …or right before ("John Paris", "Lake Jordan"), unless that word opens the sentence or is a
  // compass word ("Eastern Ukraine")
  const prev = tokens[m.first - 1];
  if (prev && prev.cap && !prev.possessive && gapIs(text, prev.end, first.start, ' ')) {
    const w = prev.text.toLowerCase();
    // the state after its town ("Celaya Guanajuato"), a place after a headline's word ("Found Near Tijuana")
    const framing = regionOf(m.candidates, tokens, m.first - 1, -1, g);
    if (TITLES.has(w)) {
      // "President Lincoln" makes every later "Lincoln" the person too
      return because('person', single && !namesRegion(m) && w !== 'st' && w !== 'saint' ? 'yes' : 'no');
    }
    // an organisation's initials before a town name its branch there ("CBC Toronto", "NBC
    // Chicago"), unless they name a ship ("USS Arizona")
    const branch = prev.text.length >= 2 && prev.text.length <= 5 && prev.text === prev.text.toUpperCase() && !/^\p{N}+$/u.test(prev.text) && !SHIP_PREFIXES.has(prev.text) && first.text !== first.text.toUpperCase();
    // a country's or region's name after an English word is still that place ("Education
    // Minnesota", "Sub-Saharan Africa"); a town's may be a surname ("John Paris")
    const qualifiesRegion = namesRegion(m) && g.englishWord(w) && !g.firstName(foldName(prev.text)) && !PARTY_WORDS.has(w);
    if (!DIRECTIONS.has(w) && !branch && !qualifiesRegion && !framing && !headlineWord(prev, g) && !(prev.initial && (PREPOSITIONS.has(w) || OPENERS.has(w) || g.commonWord(w) > 0 || (g.englishWord(w) && !g.firstName(foldName(prev.text)) && labelled(m, text, tokens, g))))) {
      // after a first name it is a surname for the whole document ("Barack Obama" … "Obama");
      // after another word only here ("Metropolitan Atlanta", "Neches River")
      return because('name-before', single && g.firstName(foldName(prev.text)) && !namesRegion(m) ? 'yes' : 'no');
    }
  }
  if (prev && TITLES.has(prev.text.toLowerCase()) && gapIs(text, prev.end, first.start, '. ')) return because('person');
  // "David F. Farnham": after a first name and a middle initial it is a surname for the whole document
  const beforeInitial = tokens[m.first - 2];
  if (single && prev && prev.text.length === 1 && prev.cap && gapIs(text, prev.end, first.start, '. ') && beforeInitial?.cap && gapIs(text, beforeInitial.end, prev.start, ' ') && g.firstName(foldName(beforeInitial.text)) && !namesRegion(m)) return because('name-before', 'yes');
  // names joined by an ampersand are a firm's ("Stevens & Wilkinson"), unless they are regions
  // ("Trinidad & Tobago")
  if ((ampersand(text, last, next) || ampersand(text, prev, first)) && !namesRegion(m)) return because('firm');
  // a name after a hyphen and a word that is no place is the end of another name ("Wal-Mart");
  // two places joined by a hyphen stay ("Athens-Clarke"), and so does "Egyptian-US"
  if (prev && prev.cap && text.slice(prev.end, first.start) === '-' && prev.text.length > 1 && prev.text !== prev.text.toUpperCase() && g.lookup(foldName(prev.text)).length === 0 && !isDemonym(g, prev) && !namesRegion(m)) return because('hyphen-name');
  // "Operation “Olive Branch”", "the “Euphrates Shield” operation": a military operation's name, not where
  // (each pattern only where the character it must end or open with is there: the quote, the
  // blank after a ship's prefix ending in S or V, the hyphen)
  if ((QUOTE_BEFORE.has(text.charCodeAt(m.start - 1)) && OPERATION_BEFORE.test(text.slice(Math.max(0, m.start - 14), m.start))) || (QUOTE_AFTER.has(text.charCodeAt(m.end)) && OPERATION_AFTER.test(text.slice(m.end, m.end + 14)))) return because('operation');
  // "INS Mysore", "USS Cole", "HMS Sheffield": a ship named for a place is no place
  const prefixEnd = text.charCodeAt(m.start - 2);
  if ((prefixEnd === 83 || prefixEnd === 86) && SHIP_BEFORE.test(text.slice(Math.max(0, m.start - 7), m.start))) return because('ship');
  // "Dasht-e-Barchi", "Tell-el-Kebir", "Deir-ez-Zor": a connector between hyphens carries the name
  // on, so its first word is no place of its own (a name the gazetteer lacks, as a whole)
  if ((text.charCodeAt(m.end) === 45 && CONNECTOR_AFTER.test(text.slice(m.end, m.end + 6))) || (text.charCodeAt(m.start - 1) === 45 && CONNECTOR_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start)))) return because('hyphen-name');
  const broad = m.candidates.some((e) => e.precision === 'country' || e.precision === 'admin1');
  // "Austin said" is a person, "Kiev says" a government (kept: see METONYM)
  if (next && !m.candidates.some((e) => e.precision !== 'place' || e.code === 'PPLC') && SPEECH.has(next.text) && gapIs(text, last.end, next.start, ' ')) return because('speaker');
  // common words: "Reading", "Mobile", "March" need a locative word or a qualifier
  if (single) {
    const level = g.commonWord(m.key);
    // "US" in capitals is not the word "us", unless the whole line shouts
    const initialism = surface.length > 1 && surface === surface.toUpperCase() && !(next && next.text.length > 1 && next.text === next.text.toUpperCase()) && !(prev && prev.text.length > 1 && prev.text === prev.text.toUpperCase());
    if (level > 0 && !(level === 3 && broad) && !(initialism && broad)) {
      if (first.initial) return because('common-initial');
      const prep = prev ? prev.text.toLowerCase() : '';
      const qualified = commaName(text, last.end);
      // "of" after a capitalised word joins a name ("Chamber of Commerce", "Department of Energy")
      const ofName = prep === 'of' && tokens[m.first - 2]?.cap === true && !tokens[m.first - 2].initial;
      // "North governorate", "Centre region": a unit word makes the word a region's name
      const typed = next !== undefined && TYPE_HINTS.get(next.text.toLowerCase()) !== undefined && text.slice(last.end, next.start) === ' ';
      if ((level <= 2 && !LOCATIVE.has(prep) && !qualified && !typed) || ofName) return because('common-word');
    }
  }
  return NOT_REJECTED;
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return kmBetween(a.lat, a.lon, b.lat, b.lon);
}

function kmBetween(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const s = Math.sin(((bLat - aLat) * r) / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(((bLon - aLon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(s));
}

/** Does `outer` (a country or region entry) contain `inner`? */
function contains(outer: GazetteerEntry, inner: GazetteerEntry): boolean {
  if (outer === inner || outer.country !== inner.country) return false;
  if (outer.precision === 'country') return inner.precision !== 'country';
  if (outer.precision === 'admin1') {
    if (inner.precision === 'country' || inner.precision === 'admin1') return false;
    if (outer.code === 'ADM1' && !outer.admin1Code.startsWith('~')) return outer.admin1Code === inner.admin1Code;
    // a region without a GeoNames code (supplement regions): near enough
    return km(outer, inner) < 150;
  }
  if (outer.precision === 'admin2') return inner.precision === 'place' && outer.admin1Code === inner.admin1Code && outer.admin2Code === inner.admin2Code;
  return false;
}

function prior(e: GazetteerEntry): number {
  // GeoNames gives no people for many district seats: a seat is counted as a town of its rank's
  // usual size then, not as a hamlet that loses to a namesake elsewhere
  const people = e.population || (SEAT_PEOPLE[e.code] ?? 0);
  // a section of a city as big as a city is known as one ("Hollywood", "Brooklyn")
  if (e.code === 'PPLX' && people >= BIG_SECTION) return Math.log10(people + 1);
  return Math.log10(people + 1) + (FEATURE_BONUS[e.code] ?? 0);
}

/** People from which a section of a city (PPLX) loses nothing to a town for being a section. */
const BIG_SECTION = 100_000;

/** People a seat without a population is counted as (log10: 4.7, 4, 3.5). */
const SEAT_PEOPLE: Record<string, number> = { PPLA: 50_000, PPLA2: 10_000, PPLA3: 3_000 };

/** How much each kind of support adds to a reading's score, and where it stops counting. */
const SUPPORT = {
  // a country's support stops early: a story full of US towns still mentions Paris, France
  // (cap swept on LGL and TR-News, readings within 161 km: 5 -> 3520/1087, 4 -> 3529/1090,
  // 3 -> 3533/1090, 2.5 -> 3540/1093, 2 -> 3539/1093, 1 -> 3524/1086)
  country: { weight: 1.5, cap: 2.5 },
  region: { weight: 1.5, cap: 3 },
  // being in a county the document names, or near a town it names, is the strongest sign of a
  // local story's namesake ("Paris" with "Henry County", "Dublin" with "Franklin County")
  county: { weight: 3, cap: 2 },
  near: { weight: 2, cap: 3 },
} as const;
/** Readings less likely than this do not place points: they would only cost time. */
const MIN_POINT_P = 0.05;

function add(map: Map<string, number>, key: string, w: number): void {
  map.set(key, (map.get(key) ?? 0) + w);
}

/**
 * What scoring asks again in every round, kept for one document: a reading's region and county
 * keys (built once, so the evidence maps hash each key string once) and each mention's fixed part
 * of its readings' scores.
 */
interface ScoreMemo {
  keys: Map<GazetteerEntry, { region: string; county: string }>;
  fixed: Map<Mention, number[]>;
  /** Each mention's readings' bonuses for a county of the document holding them (`pairBonuses`), when any is not 0. */
  pair: Map<Mention, number[]>;
}

function newMemo(): ScoreMemo {
  return { keys: new Map(), fixed: new Map(), pair: new Map() };
}

/**
 * What a reading gains when a county of the document holds it ("Richmond" and "Madison County",
 * both in Kentucky), and what the county gains for holding it: counted whatever either name's
 * likeliest reading is, since a town and a county of the story seldom meet by chance. (Towns of
 * the story near each other were tried too: common names such as Houston and Jacksonville, or
 * Stirling and California, meet by chance in many states and countries.)
 */
const HOLDS_BONUS = 2;

/** Whether two names are one ("New London City", "New London"): neither counts for the other. */
function sameName(a: string, b: string): boolean {
  return a === b || a.includes(b) || b.includes(a);
}

function pairBonuses(mentions: readonly Mention[], memo: ScoreMemo): void {
  // the names that read as a county, and as a town, by county key
  const counties = new Map<string, string[]>();
  const towns = new Map<string, string[]>();
  for (const m of mentions) {
    for (const e of m.candidates) {
      if ((e.precision !== 'place' && e.precision !== 'admin2') || !e.admin2Code) continue;
      const map = e.precision === 'admin2' ? counties : towns;
      const k = keysOf(e, memo).county;
      const list = map.get(k);
      if (!list) map.set(k, [m.key]);
      else if (!list.includes(m.key)) list.push(m.key);
    }
  }
  // …and the names that read as a town with people, by region key, for the names that read as a
  // country and as a region ("Georgia")
  const regionTowns = new Map<string, string[]>();
  const countryOrRegion = (m: Mention) => m.candidates.some((e) => e.precision === 'admin1') && m.candidates.some((e) => e.precision === 'country');
  if (mentions.some(countryOrRegion)) {
    for (const o of mentions) {
      for (const e of o.candidates) {
        if (e.precision !== 'place' || e.population === 0) continue;
        const k = keysOf(e, memo).region;
        const list = regionTowns.get(k);
        if (!list) regionTowns.set(k, [o.key]);
        else if (!list.includes(o.key)) list.push(o.key);
      }
    }
  }
  if (counties.size === 0 && regionTowns.size === 0) return;
  for (const m of mentions) {
    let bonuses: number[] | null = null;
    const both = regionTowns.size > 0 && countryOrRegion(m);
    m.candidates.forEach((e, j) => {
      if (e.precision === 'admin1') {
        if (!both) return;
        const others = regionTowns.get(keysOf(e, memo).region);
        if (!others || !others.some((k) => !sameName(k, m.key))) return;
        if (!bonuses) bonuses = new Array<number>(m.candidates.length).fill(0);
        bonuses[j] = REGION_HOLDS_BONUS;
        return;
      }
      if ((e.precision !== 'place' && e.precision !== 'admin2') || !e.admin2Code) return;
      const others = (e.precision === 'place' ? counties : towns).get(keysOf(e, memo).county);
      if (!others || !others.some((k) => !sameName(k, m.key))) return;
      if (!bonuses) bonuses = new Array<number>(m.candidates.length).fill(0);
      bonuses[j] = HOLDS_BONUS;
    });
    if (bonuses) memo.pair.set(m, bonuses);
  }
}

/**
 * What a region reading of a name that is also a country's gains when a town of the story lies in
 * it ("Georgia" and "Macon": the state, not the country), whatever the town's likeliest reading
 * is; the town gains nothing here (the region's support already counts for it). Region names that
 * are also a city's ("Washington") are left to the rest: the bonus moved DC's to the state.
 */
const REGION_HOLDS_BONUS = 1;

function keysOf(e: GazetteerEntry, memo: ScoreMemo): { region: string; county: string } {
  let k = memo.keys.get(e);
  if (!k) {
    const region = `${e.country}.${e.admin1Code}`;
    memo.keys.set(e, (k = { region, county: `${region}.${e.admin2Code}` }));
  }
  return k;
}

/** Score of the `j`th reading of a mention without the document's evidence: prior and what the words around it say (`tableDistributions` adds the evidence). */
function score(e: GazetteerEntry, j: number, m: Mention, memo: ScoreMemo): number {
  let s = fixedScores(m, memo)[j];
  const pair = memo.pair.get(m);
  if (pair) s += pair[j];
  if (m.qualifier?.chosen) s += contains(m.qualifier.chosen, e) ? 12 : -4;
  return s;
}

/** The part of each reading's score that no other mention changes, computed once per mention (its readings are settled by then). */
function fixedScores(m: Mention, memo: ScoreMemo): number[] {
  let scores = memo.fixed.get(m);
  if (!scores) {
    // whether any reading is a region (else no town is named like its region) and the name spelled out, asked of every town reading
    const regions = m.candidates.some((e) => e.precision === 'admin1');
    const spelled = spelledOut(m.key);
    memo.fixed.set(m, (scores = m.candidates.map((e) => fixedScore(e, m, regions, spelled))));
  }
  return scores;
}

/** Prior, type word and alternate-name penalties of a reading. */
function fixedScore(e: GazetteerEntry, m: Mention, regions: boolean, spelled: string): number {
  let s = prior(e);
  if (m.hint && e.precision === m.hint) s += 4;
  else if (m.hint === 'admin1' && e.precision === 'place') s -= 2;
  // "Beni territory" is a district, never a first-order region of that name abroad
  else if (m.hint === 'admin2' && e.precision === 'admin1') s -= 2;
  else if (!m.hint && e.precision === 'admin1' && m.candidates.some((c) => c.precision === 'place' && c.country === e.country && c.admin1Code === e.admin1Code && c.population * 10 >= e.population && (c.folded === m.key || c.folded === e.folded))) {
    // "Aleppo" alone is the city, not the governorate named for it; but a hamlet called Ontario
    // does not make "Ontario" a town, nor "New York City" make "New York" the city, nor a seat
    // holding under a tenth of its region's people make "Quebec" the city (the seat's code used
    // to count too: TR-News, Quebec within 161 km 0/6 then, 6/6 now; LGL unchanged); the seat
    // may be known by this name as an alternate, when the region shares its own ("Lugansk", "Odessa")
    s -= 3;
  }
  // a town known by this name only as an old or foreign name ("Berea" for Aleppo, "New London"
  // for London, Ohio) yields to one whose own name it is
  if (m.approx?.has(e)) s -= APPROX_PENALTY;
  else if (e.precision === 'place' && m.primary && e.folded !== m.key && !(regions && regionAlike(e, m)) && !shortForm(e, m) && spelledOut(e.folded) !== spelled) s -= ALT_NAME_PENALTY;
  return s;
}

/**
 * Whether the name is the town's own name without the river it lies on, and no country or region
 * bears it: the short form everyone uses ("Newcastle" for Newcastle upon Tyne, "Frankfurt" for
 * Frankfurt am Main), no old or foreign name.
 */
function shortForm(e: GazetteerEntry, m: Mention): boolean {
  return e.folded.length > m.key.length && e.folded.startsWith(m.key) && RIVER_TAIL.test(e.folded.slice(m.key.length)) && !m.candidates.some((c) => (c.precision === 'country' || c.precision === 'admin1') && c.folded === m.key);
}

/** A name with its abbreviated first word spelled out ("mt pleasant" → "mount pleasant"): the two are one name, neither an alternate of the other. */
function spelledOut(key: string): string {
  const head = ABBREVIATED_HEAD.exec(key);
  return head ? `${SPELLED_HEAD[head[1]]} ${key.slice(head[0].length)}` : key;
}
const ABBREVIATED_HEAD = /^(mt|ft|pt) (?=\S)/;
const SPELLED_HEAD: Record<string, string> = { mt: 'mount', ft: 'fort', pt: 'point' };

/** The tail of a town's name that says on which river or sea it lies ("upon Tyne", "am Main", "sur Mer"), which the news drops; not "San Pedro Sula" or "Santa Cruz de Tenerife", other towns. */
const RIVER_TAIL = /^ (?:upon|on|am|an der|an|im|sur|en|under|ob|bei) \S/;

/**
 * Whether the town's own region is known by the same name and named like the town: the name is
 * then the town's in common use ("Odessa" and "Lugansk" for the cities of Odesa and Luhansk),
 * no foreign or old name to yield to a namesake abroad.
 */
function regionAlike(e: GazetteerEntry, m: Mention): boolean {
  const own = e.folded;
  return m.candidates.some((r) => r.precision === 'admin1' && r.country === e.country && r.admin1Code === e.admin1Code && r.folded === own);
}

/** Score lost by a reading whose name this is only as an alternate, when another's it is. */
const ALT_NAME_PENALTY = 4;
/**
 * Score lost by a reading matched only by its transliteration skeleton: the country's context
 * (a Ukrainian oblast, "Ukraine") must carry it past a namesake spelled exactly so elsewhere.
 */
const APPROX_PENALTY = 2;

/**
 * What the rest of the document says about where it is: for each country, region and county the
 * probability mass other names put there, and the likely points of other towns and counties.
 * Every name votes with its whole distribution over readings, not just its best one, so two
 * ambiguous names can settle each other ("Huntsville" and "Walker County" both in Texas).
 *
 * The document's readings are laid out once for the scoring rounds, which ask the same of them again and
 * again: each reading's fixed score (prior, type word, alternate name, pair bonus), its country,
 * region and county as small numbers (slots) instead of string keys, its point, and which mentions
 * share a distribution (a name said again with the same readings, type word and no qualifier or
 * skeleton reading scores as its first mention did). A round's evidence is then a few arrays
 * indexed by slot, filled in the order the maps were: the same sums, so the same scores.
 */
interface ScoreTable {
  mentions: readonly Mention[];
  /** Per mention: the mention whose distribution it shares, or itself. */
  rep: Int32Array;
  /** Per mention: its readings' range [off[i], off[i + 1]) in the per-reading arrays. */
  off: Int32Array;
  /** Per mention: its name's number (mentions of one name share one) and its vote's weight. */
  keyId: Int32Array;
  vote: Float64Array;
  keyCount: number;
  /** Per mention: whether its qualifier's reading adds to its scores (`qual` then holds what it adds). */
  qualified: Uint8Array;
  /** Per reading: fixed score and pair bonus, the qualifier's bonus, 0 country / 1 region / 2 county or town. */
  base: Float64Array;
  qual: Float64Array;
  level: Uint8Array;
  /** Per reading: slots of its country, region (-1 for a country) and county (-1 without one). */
  country: Int32Array;
  region: Int32Array;
  county: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Per reading: how far in longitude the near-points test reaches (2° of latitude's worth). */
  dLon: Float64Array;
  countries: number;
  regions: number;
  counties: number;
  /** The demonyms' weights, by country slot, added first (countries no reading has are never read). */
  demonymSlots: number[];
  demonymWeights: number[];
}

/** One round's evidence: the document's mass per slot, each name's own (name-major), the points of towns and counties. */
interface TableEvidence {
  c: Float64Array;
  r: Float64Array;
  k: Float64Array;
  oc: Float64Array;
  or: Float64Array;
  ok: Float64Array;
  pLat: Float64Array;
  pLon: Float64Array;
  pW: Float64Array;
  pKey: Int32Array;
  points: number;
}

function scoreTable(b: Buffers, mentions: readonly Mention[], demonyms: ReadonlyMap<string, number>, memo: ScoreMemo): ScoreTable {
  const n = mentions.length;
  let readings = 0;
  for (const m of mentions) readings += m.candidates.length;
  tableBuffers(b, n, readings);
  const t: ScoreTable = {
    mentions, rep: b.rep, off: b.off, keyId: b.keyId, vote: b.vote, keyCount: 0, qualified: b.qualified,
    base: b.base, qual: b.qual, level: b.level, country: b.country, region: b.region, county: b.county, lat: b.lat, lon: b.lon, dLon: b.dLon,
    countries: 0, regions: 0, counties: 0, demonymSlots: [], demonymWeights: [],
  };
  const keyIds = new Map<string, number>();
  const keyMentions: number[] = [];
  const countrySlots = new Map<string, number>();
  const regionSlots = new Map<string, number>();
  const countySlots = new Map<string, number>();
  const slot = (map: Map<string, number>, k: string) => {
    let v = map.get(k);
    if (v === undefined) map.set(k, (v = map.size));
    return v;
  };
  // which mentions share a distribution, as `distributions` found them round by round
  const seen = new Map<string, number>();
  let at = 0;
  for (let i = 0; i < n; i++) {
    const m = mentions[i];
    let id = keyIds.get(m.key);
    if (id === undefined) {
      keyIds.set(m.key, (id = keyIds.size));
      keyMentions.push(0);
    }
    keyMentions[id]++;
    t.keyId[i] = id;
    t.rep[i] = i;
    const plain = !m.qualifier && !m.approx;
    if (plain) {
      const sig = `${m.key}\u0000${m.hint ?? ''}`;
      const before = seen.get(sig);
      if (before !== undefined && mentions[before].candidates === m.candidates && mentions[before].primary === m.primary) t.rep[i] = before;
      else if (before === undefined) seen.set(sig, i);
    }
    t.off[i] = at;
    const fixed = fixedScores(m, memo);
    const pair = memo.pair.get(m);
    const q = m.qualifier?.chosen ?? null;
    t.qualified[i] = q ? 1 : 0;
    m.candidates.forEach((e, j) => {
      let s = fixed[j];
      if (pair) s += pair[j];
      t.base[at] = s;
      if (q) t.qual[at] = contains(q, e) ? 12 : -4;
      t.country[at] = slot(countrySlots, e.country);
      t.region[at] = -1;
      t.county[at] = -1;
      if (e.precision === 'country') t.level[at] = 0;
      else {
        const keys = keysOf(e, memo);
        t.region[at] = slot(regionSlots, keys.region);
        if (e.precision === 'admin1') t.level[at] = 1;
        else {
          t.level[at] = 2;
          if (e.admin2Code) t.county[at] = slot(countySlots, keys.county);
        }
      }
      t.lat[at] = e.lat;
      t.lon[at] = e.lon;
      t.dLon[at] = 2 / Math.max(0.2, Math.cos((e.lat * Math.PI) / 180));
      at++;
    });
  }
  t.off[n] = at;
  for (let i = 0; i < n; i++) {
    const c = keyMentions[t.keyId[i]];
    t.vote[i] = Math.min(1 + 0.5 * (c - 1), 2) / c;
  }
  t.keyCount = keyIds.size;
  t.countries = countrySlots.size;
  t.regions = regionSlots.size;
  t.counties = countySlots.size;
  for (const [cc, w] of demonyms) {
    const k = countrySlots.get(cc);
    if (k === undefined) continue;
    t.demonymSlots.push(k);
    t.demonymWeights.push(Math.min(w, 1));
  }
  return t;
}

/**
 * The arrays of the table and its evidence, kept from document to document and grown as needed:
 * typed arrays of more than a few elements are allocated outside the heap, dear for each
 * document's few dozen readings. Each gazetteer (so each pipeline) has its own, as it has its own
 * memos; `findPlaces` runs to its end before another call on the same pipeline starts.
 */
const newBuffers = () => ({
  rep: new Int32Array(64), off: new Int32Array(65), keyId: new Int32Array(64), vote: new Float64Array(64), qualified: new Uint8Array(64),
  base: new Float64Array(256), qual: new Float64Array(256), level: new Uint8Array(256), country: new Int32Array(256), region: new Int32Array(256), county: new Int32Array(256),
  lat: new Float64Array(256), lon: new Float64Array(256), dLon: new Float64Array(256),
  c: new Float64Array(64), r: new Float64Array(64), k: new Float64Array(64), oc: new Float64Array(256), or: new Float64Array(256), ok: new Float64Array(256),
  pLat: new Float64Array(256), pLon: new Float64Array(256), pW: new Float64Array(256), pKey: new Int32Array(256),
});
type Buffers = ReturnType<typeof newBuffers>;
const scratch = new WeakMap<PlaceGazetteer, Buffers>();

/** The scoring arrays of this gazetteer's pipeline. */
function buffersOf(g: PlaceGazetteer): Buffers {
  let b = scratch.get(g);
  if (!b) scratch.set(g, (b = newBuffers()));
  return b;
}

/** Capacity for at least `need` elements: `need` rounded up to a power of two from 64. */
function capacity(need: number): number {
  let n = 64;
  while (n < need) n *= 2;
  return n;
}

function tableBuffers(b: Buffers, mentions: number, readings: number): Buffers {
  if (b.rep.length < mentions) {
    const n = capacity(mentions);
    (b.rep = new Int32Array(n)), (b.off = new Int32Array(n + 1)), (b.keyId = new Int32Array(n)), (b.vote = new Float64Array(n)), (b.qualified = new Uint8Array(n));
  }
  if (b.base.length < readings) {
    const n = capacity(readings);
    (b.base = new Float64Array(n)), (b.qual = new Float64Array(n)), (b.level = new Uint8Array(n)), (b.country = new Int32Array(n)), (b.region = new Int32Array(n)), (b.county = new Int32Array(n));
    (b.lat = new Float64Array(n)), (b.lon = new Float64Array(n)), (b.dLon = new Float64Array(n));
    (b.pLat = new Float64Array(n)), (b.pLon = new Float64Array(n)), (b.pW = new Float64Array(n)), (b.pKey = new Int32Array(n));
  }
  return b;
}

function tableEvidence(b: Buffers, t: ScoreTable): TableEvidence {
  if (b.c.length < t.countries) b.c = new Float64Array(capacity(t.countries));
  if (b.r.length < t.regions) b.r = new Float64Array(capacity(t.regions));
  if (b.k.length < t.counties) b.k = new Float64Array(capacity(t.counties));
  if (b.oc.length < t.countries * t.keyCount) b.oc = new Float64Array(capacity(t.countries * t.keyCount));
  if (b.or.length < t.regions * t.keyCount) b.or = new Float64Array(capacity(t.regions * t.keyCount));
  if (b.ok.length < t.counties * t.keyCount) b.ok = new Float64Array(capacity(t.counties * t.keyCount));
  return { c: b.c, r: b.r, k: b.k, oc: b.oc, or: b.or, ok: b.ok, pLat: b.pLat, pLon: b.pLon, pW: b.pW, pKey: b.pKey, points: 0 };
}

/**
 * The evidence of the document's names into `ev`, each voting with its distribution (or, where
 * `picks` gives a reading, with that one alone), in the order of the mentions and their readings
 * (the sums are those of the string-keyed maps this replaced, added in the same order).
 */
function fillEvidence(t: ScoreTable, ev: TableEvidence, ds: readonly { p: number[] }[], picks: readonly number[] | null): void {
  const { countries: nc, regions: nr, counties: nk } = t;
  ev.c.fill(0, 0, nc);
  ev.r.fill(0, 0, nr);
  ev.k.fill(0, 0, nk);
  ev.oc.fill(0, 0, nc * t.keyCount);
  ev.or.fill(0, 0, nr * t.keyCount);
  ev.ok.fill(0, 0, nk * t.keyCount);
  ev.points = 0;
  for (let x = 0; x < t.demonymSlots.length; x++) ev.c[t.demonymSlots[x]] += t.demonymWeights[x];
  for (let i = 0; i < t.mentions.length; i++) {
    const w = t.vote[i];
    const kid = t.keyId[i];
    const pick = picks ? picks[i] : -1;
    const p = ds[i].p;
    for (let at = t.off[i], j = 0; at < t.off[i + 1]; at++, j++) {
      const pw = (pick >= 0 ? (j === pick ? 1 : 0) : p[j]) * w;
      if (pw < 1e-3) continue;
      const c = t.country[at];
      ev.c[c] += pw;
      ev.oc[kid * nc + c] += pw;
      const level = t.level[at];
      if (level === 0) continue;
      const r = t.region[at];
      ev.r[r] += pw;
      ev.or[kid * nr + r] += pw;
      if (level === 1) continue;
      const k = t.county[at];
      if (k >= 0) {
        ev.k[k] += pw;
        ev.ok[kid * nk + k] += pw;
      }
      if (pw >= MIN_POINT_P) {
        const q = ev.points++;
        ev.pLat[q] = t.lat[at];
        ev.pLon[q] = t.lon[at];
        ev.pW[q] = pw;
        ev.pKey[q] = kid;
      }
    }
  }
}

/** `support` of the reading at `at` of a mention of name `kid`, read from the table's evidence. */
function tableSupport(t: ScoreTable, ev: TableEvidence, at: number, kid: number): number {
  let s = SUPPORT.country.weight * Math.min(ev.c[t.country[at]] - ev.oc[kid * t.countries + t.country[at]], SUPPORT.country.cap);
  const level = t.level[at];
  if (level === 0) return s;
  s += SUPPORT.region.weight * Math.min(ev.r[t.region[at]] - ev.or[kid * t.regions + t.region[at]], SUPPORT.region.cap);
  if (level === 1) return s;
  const k = t.county[at];
  if (k >= 0) s += SUPPORT.county.weight * Math.min(ev.k[k] - ev.ok[kid * t.counties + k], SUPPORT.county.cap);
  // near other towns the document names (local news names its neighbourhood)
  let near = 0;
  const lat = t.lat[at];
  const lon = t.lon[at];
  const dLon = t.dLon[at];
  for (let q = 0; q < ev.points; q++) {
    if (ev.pKey[q] === kid || Math.abs(ev.pLat[q] - lat) > 2 || Math.abs(ev.pLon[q] - lon) > dLon) continue;
    const d = kmBetween(ev.pLat[q], ev.pLon[q], lat, lon);
    near += ev.pW[q] * (d < 30 ? 1 : d < 100 ? 0.7 : d < 200 ? 0.3 : 0);
  }
  return s + SUPPORT.near.weight * Math.min(near, SUPPORT.near.cap);
}

/** Every mention's scores and their softmax (`distribution`), against the evidence or (null) without it. */
function tableDistributions(t: ScoreTable, ev: TableEvidence | null): { scores: number[]; p: number[] }[] {
  const out: { scores: number[]; p: number[] }[] = new Array(t.mentions.length);
  for (let i = 0; i < t.mentions.length; i++) {
    if (t.rep[i] !== i) {
      out[i] = out[t.rep[i]];
      continue;
    }
    const kid = t.keyId[i];
    const from = t.off[i];
    const scores: number[] = new Array(t.off[i + 1] - from);
    for (let j = 0; j < scores.length; j++) {
      let s = t.base[from + j];
      if (ev) s += tableSupport(t, ev, from + j, kid);
      if (t.qualified[i]) s += t.qual[from + j];
      scores[j] = s;
    }
    out[i] = softmax(scores);
  }
  return out;
}

/** Scores of every reading without the document's evidence, and their softmax. */
function distribution(m: Mention, memo: ScoreMemo): { scores: number[]; p: number[] } {
  return softmax(m.candidates.map((e, j) => score(e, j, m, memo)));
}

function softmax(scores: number[]): { scores: number[]; p: number[] } {
  const top = Math.max(...scores);
  const exp = scores.map((x) => Math.exp(x - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return { scores, p: exp.map((x) => x / sum) };
}

/** A name's frame after it: an optional type word, then a comma or an opening parenthesis ("Hays district, …", "Tillia (…"). */
const FRAME_GAP = new RegExp(`^\\s*(?:(${TYPE_WORD_PATTERN})\\s*)?([,(])\\s*$`, 'i');
/** An opening parenthesis after a name, maybe after its type word: "Tillia (", "Beni territory (". */
const PAREN_AFTER = new RegExp(`^\\s*(?:(?:${TYPE_WORD_PATTERN})\\s*)?\\(`, 'i');
/** "and Torodi (": a name joined to a mention by "and", "or" or "to", with an opening parenthesis after it. */
const JOINED_FRAME = /^\s+(?:and|or|to)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?\s*\(/u;
/** A type word right after a mention: "Sagaing region", "Katsina state". */
const TYPE_AFTER = new RegExp(`^\\s+(?:${TYPE_WORD_PATTERN})\\b`, 'i');
/** Longest gap between a name and its frame: a type word, a comma or parenthesis, spaces. */
const MAX_FRAME_GAP = 24;
/** How far in parentheses a frame may reach: "(North Wollo zone, Amhara region)". */
const FRAME_CHARS = 100;
/**
 * How far from a region's point a town may lie and still be taken as in it when their codes
 * disagree (the region matched to another GeoNames admin1 group): the text says it is in it.
 */
const FRAME_KM = 150;

function broadReading(e: GazetteerEntry): boolean {
  return e.precision === 'country' || e.precision === 'admin1' || e.precision === 'admin2';
}

/** A comma, "and" or "or" before a capitalised word: the names go on as a list. */
const LIST_AFTER = /^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)\p{Lu}/u;
const LIST_BEFORE = /(?:\p{L}[,;]|\b(?:and|or))\s*$/u;

/**
 * "Town, Place" that is no list: nothing list-like before the town or after the place, and the
 * place is broad or a capital by its likeliest reading.
 */
function plainFrame(a: Mention, b: Mention, text: string): boolean {
  if (LIST_AFTER.test(text.slice(b.end, b.end + 30)) || LIST_BEFORE.test(text.slice(Math.max(0, a.start - 12), a.start))) return false;
  // …and the place is surely what it seems: a region or a capital by its own name ("Samar" is
  // no Samara)
  const best = bestByPrior(b);
  return (broadReading(best) || best.code === 'PPLC') && best.folded === b.key;
}

function bestByPrior(m: Mention): GazetteerEntry {
  let best = m.candidates[0];
  for (const e of m.candidates) if (prior(e) > prior(best)) best = e;
  return best;
}

/** The closing parenthesis within a frame's reach after `from`, or -1 (a bounded search: no scan of the whole text per name). */
function closeAfter(text: string, from: number): number {
  const k = text.slice(from, from + FRAME_CHARS).indexOf(')');
  return k < 0 ? -1 : from + k;
}

/** The opening parenthesis within a frame's reach before `at`, or -1. */
function openBefore(text: string, at: number): number {
  const from = Math.max(0, at - FRAME_CHARS);
  const k = text.slice(from, at).lastIndexOf('(');
  return k < 0 ? -1 : from + k;
}

const FRAME_SPLIT = /[\s,]+/;
const UPPER_START = /^\p{Lu}/u;

/** Whether the words in parentheses are only names, unit words and the small words inside names. */
function frameWords(inside: string): boolean {
  for (const w of inside.split(FRAME_SPLIT)) {
    if (w === '' || UPPER_START.test(w)) continue;
    const lower = w.toLowerCase();
    if (TYPE_HINTS.get(lower) === undefined && !CONNECTORS.has(lower) && !ARTICLES.has(lower.replace(/-.*$/, ''))) return false;
  }
  return true;
}

/** Whether the region (or country) reading `o` holds the place `e`, by its codes or, for a region, by its point. */
function holds(o: GazetteerEntry, e: GazetteerEntry): boolean {
  return contains(o, e) || (o.precision === 'admin1' && e.precision === 'place' && o.country === e.country && km(o, e) < FRAME_KM);
}

/**
 * The administrative frame coded notes put after a place: "Tillia (Tahoua region)", "Hays district,
 * Al Hudaydah", "Uri (Baramulla district, Jammu and Kashmir)", "Kani township, Sagaing region". The
 * place keeps only its readings inside the frame's regions, else those in the frame's country;
 * when none is even there, it is a namesake of a village the gazetteer lacks, so it is dropped
 * and the region, the nearest named unit, stands. A plain comma frames only with a type word on
 * either side ("Kabul, Pakistan and India" is a list), or where it ends the phrase before a sure
 * region or capital ("Dasht-e-Barchi, Kabul, killing …"). Names in parentheses are units, and
 * lie in the country of the last of them. Returns the mentions kept.
 */
function readFrames(mentions: Mention[], text: string): Mention[] {
  const dropped = new Set<Mention>();
  const parens = text.includes('(');
  // right to left, so that a name dropped from a later frame frames nothing ("Turbat, Kech
  // district (Balochistan)": a "Kech" abroad goes before it can take Turbat along)
  for (let i = mentions.length - 2; i >= 0; i--) {
    const a = mentions[i];
    // a country is framed by nothing; a town must be among the readings
    if (a.qualifies || !a.candidates.some((e) => e.precision === 'place') || a.candidates.some((e) => e.precision === 'country')) continue;
    let n = i + 1;
    // "between Boni and Torodi (Tillaberi)": a frame after a name joined to this one is its frame
    // too, whether or not the joined name is a place the gazetteer knows
    const joined = parens ? JOINED_FRAME.exec(text.slice(a.end, a.end + 40)) : null;
    if (joined) while (n < mentions.length && mentions[n].start < a.end + joined[0].length) n++;
    while (n < mentions.length && dropped.has(mentions[n])) n++;
    if (n === mentions.length) continue;
    // a frame's gap is a type word and a comma or parenthesis: a long one is none
    const gap = mentions[n].start - a.end <= MAX_FRAME_GAP ? FRAME_GAP.exec(text.slice(a.end, mentions[n].start)) : null;
    let members: Mention[];
    if ((parens && PAREN_AFTER.test(text.slice(a.end, a.end + 20))) || joined) {
      const close = closeAfter(text, a.end);
      if (close < 0) continue;
      // names and unit words only: "(near Orlando, Florida in …)" describes, it does not frame
      if (!frameWords(text.slice(text.indexOf('(', a.end) + 1, close))) continue;
      members = [];
      for (let j = n; j < mentions.length && mentions[j].end <= close; j++) if (!dropped.has(mentions[j])) members.push(mentions[j]);
    } else {
      const b = mentions[n];
      if (!gap || gap[2] !== ',') continue;
      if (!gap[1] && plainFrame(a, b, text)) {
        // "Dasht-e-Barchi, Kabul, killing …": a town with no reading in the country of the place
        // after it, which ends the phrase, is a namesake of one the gazetteer lacks there
        const cc = bestByPrior(b).country;
        if (!a.candidates.some((e) => e.country === cc)) dropped.add(a);
        continue;
      }
      if (!gap[1] && !TYPE_AFTER.test(text.slice(b.end, b.end + 20)) && !b.hint) continue;
      members = [b];
    }
    const regions = members.flatMap((m) => m.candidates.filter(broadReading));
    if (regions.length === 0) {
      // "Tole kebele, Gimbi woreda": a unit named for its town frames too, by that town's country
      const countries = new Set(members.flatMap((m) => m.candidates.map((e) => e.country)));
      if (gap?.[2] === ',' && countries.size === 1 && !a.candidates.some((e) => countries.has(e.country))) dropped.add(a);
      continue;
    }
    const held = a.candidates.filter((e) => e.precision === 'place' && regions.some((o) => holds(o, e)));
    if (held.length === 0) {
      // a reading in the frame's country but outside its region may be the region's data at
      // fault (a region matched to the wrong group of places): the country is still said
      const countries = new Set(regions.map((o) => o.country));
      const inCountry = a.candidates.filter((e) => e.precision === 'place' && countries.has(e.country));
      if (inCountry.length) {
        a.candidates = inCountry;
        // the frame still says where the town is: it qualifies it, and is no scene of its own
        for (const m of members) {
          const outer = m.candidates.filter((o) => broadReading(o) && o.precision !== 'country' && inCountry.some((e) => e.country === o.country));
          if (!outer.length || m.qualifies) continue;
          m.candidates = outer;
          m.qualifies = a;
          if (!a.qualifier) a.qualifier = m;
        }
      }
      // …none there: a namesake abroad, when the frame itself is sure (a region name several
      // countries share, "North-West", may be the one misread)
      else if (countries.size === 1) dropped.add(a);
      continue;
    }
    a.candidates = held;
    for (const m of members) {
      const outer = m.candidates.filter((o) => broadReading(o) && held.some((e) => holds(o, e)));
      if (!outer.length || m.qualifies) continue;
      m.candidates = outer;
      m.qualifies = a;
      if (!a.qualifier) a.qualifier = m;
    }
  }
  // names in one frame lie in one country: the last, most general, says which ("(North Western
  // zone, Tigray region)": no Sri Lankan province)
  for (let i = 0; parens && i < mentions.length; i++) {
    const open = openBefore(text, mentions[i].start);
    if (open < 0 || text.slice(open, mentions[i].start).includes(')')) continue;
    const close = closeAfter(text, mentions[i].end);
    if (close < 0 || close - open > FRAME_CHARS || !frameWords(text.slice(open + 1, close))) continue;
    let j = i;
    while (j + 1 < mentions.length && mentions[j + 1].end <= close) j++;
    // a name in a frame is a unit: "(Tillaberi)" is the region, not its seat
    for (let k = i; k <= j; k++) if (!mentions[k].hint && mentions[k].candidates.some((e) => e.precision === 'admin1')) mentions[k].hint = 'admin1';
    if (j === i) continue;
    const countries = new Set(mentions[j].candidates.map((e) => e.country));
    for (let k = i; k < j; k++) if (!mentions[k].candidates.some((e) => countries.has(e.country))) dropped.add(mentions[k]);
    i = j;
  }
  return dropped.size ? mentions.filter((m) => !dropped.has(m)) : mentions;
}

/** A mention's country, region and county readings. */
function broadReadings(m: Mention): GazetteerEntry[] {
  return m.candidates.filter((e) => e.precision === 'country' || e.precision === 'admin1' || e.precision === 'admin2');
}

/** Whether a broad reading of `outer` contains a reading of `inner`. */
function anyContains(outer: Mention, inner: Mention): boolean {
  return broadReadings(outer).some((o) => inner.candidates.some((e) => contains(o, e)));
}

/**
 * The qualifier keeps only its readings that contain the place it narrows down: "Kharkiv" after
 * "Kupiansk … in" is the region.
 */
function narrow(outer: Mention, inner: Mention): void {
  outer.qualifies = inner;
  inner.qualifier = outer;
  outer.candidates = broadReadings(outer).filter((o) => inner.candidates.some((e) => contains(o, e)));
}

/** Link qualifiers: "Springfield, Illinois", "Syria's Hama", "Kupiansk … in Kharkiv". */
function linkQualifiers(mentions: Mention[], tokens: Token[], text: string): void {
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i];
    const b = mentions[i + 1];
    if (!b) break;
    // already framed by readFrames
    if (a.qualifier || b.qualifies || a.qualifies) continue;
    const between = text.slice(a.end, b.start);
    if (/^,\s*$/.test(between) && anyContains(b, a)) {
      narrow(b, a);
    } else if (tokens[a.last].possessive && /^['’]s\s+$/.test(between) && anyContains(a, b)) {
      narrow(a, b);
    } else if (/^[^.;!?\n]{0,60}\b(?:in|of)\s+(?:the\s+)?$/.test(between) && b.hint !== 'place' && anyContains(b, a) && !/\b(?:and|or)\b/.test(between) && broadReadings(a).length === 0) {
      // "Kupiansk near the Russian border in Kharkiv": the region narrows the town down
      narrow(b, a);
    }
  }
}

/** Rounds of re-scoring against the document's evidence: two settle almost every document. */
const ROUNDS = 3;

/**
 * How far below the text's best reading another may score and still be taken for the site's
 * profile: readings this close are a tie the text leaves open; a reading further behind lost to
 * something the text says (a frame, the story's other places, a much bigger namesake). Swept 2-5
 * on the LGL tune part with the profile weights: 4.
 */
const PROFILE_MARGIN = 4;

/**
 * The reading a site profile picks among those the text leaves close to its best (`PROFILE_MARGIN`),
 * by their scores plus what the profile says for each; the best's index when none gains.
 */
function profileChoice(m: Mention, scores: readonly number[], best: number, site: SiteHints, g: PlaceGazetteer): number {
  const { profile, country: siteCc, towns } = site;
  // a mention of the site's own town name is one of its towns, of any size, not a county or a
  // feature of that name ("Norfolk" in norfolkdailynews.com); which town is left to the rest
  const ownName = m.key === site.townName;
  let pick = best;
  let top = -Infinity;
  for (let j = 0; j < m.candidates.length; j++) {
    if (scores[j] < scores[best] - PROFILE_MARGIN) continue;
    const e = m.candidates[j];
    // a hamlet without people takes no city's name on the site's word ("Denver" in an Indiana
    // paper's story of the Broncos is not Denver, Indiana)
    if (j !== best && e.population === 0 && m.candidates[best].population >= CITY_PEOPLE) continue;
    const v = scores[j] + (profile ? profileSupport(profile, g.resolved(e)) : 0) + (e.country === siteCc ? SITE_COUNTRY_WEIGHT : 0) +
      ((ownName ? e.precision === 'place' && e.folded === m.key && (!site.townCountries || site.townCountries.has(e.country)) : towns.some((t) => km(t, e) <= SITE_TOWN_KM)) ? SITE_TOWN_WEIGHT : 0);
    if (v > top) (top = v), (pick = j);
  }
  return pick;
}

/** A host of a generic domain (whose towns are taken in North America when they are there). */
const GENERIC_TLD = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/:?#\s]+\.(?:com|net|org)(?:[:/?#]|$)/i;
const NORTH_AMERICA: ReadonlySet<string> = new Set(['US', 'CA']);
/** An archived copy's URL: its original host is the site's. */
const ARCHIVED_COPY = /^https?:\/\/web\.archive\.org\/web\/[^/]+\//i;

/** A city the site's hints never trade for a hamlet without people. */
const CITY_PEOPLE = 100000;

/** What the document's site says besides its text: its profile, its country-code domain, the towns its host is named after. */
interface SiteHints {
  profile: SiteProfile | null;
  country: string | null;
  towns: readonly GazetteerEntry[];
  /** The folded name those towns bear. */
  townName: string | null;
  /**
   * The one town the site is about, when its host and a section of its URL agree on a spot
   * ("columbuslocalnews.com/…/dublin_news/": Dublin, Ohio, by Columbus): a bare mention of its name
   * is that town however sure the text alone is of a namesake.
   */
  pinned?: GazetteerEntry | null;
  /** The countries the site's towns are taken in, when its domain settles them. */
  townCountries?: ReadonlySet<string> | null;
}

/**
 * The towns a site's host may be named after (`siteTownNames`): every namesake of some size of
 * the longest name that has one ("gainesvilletimes.com": the Gainesvilles of Georgia, Florida,
 * Texas …). Which one is meant is not settled here: a reading near any of them gains, and the
 * story's other places decide between namesakes as before ("Hall" is Hall County, Georgia).
 */
/**
 * Smallest town a site's section is taken to be named after: a group's site files its small
 * towns' editions under their names ("/mt_pleasant_news/": Mount Pleasant, Iowa, 8,600 people).
 * LGL tune (earlier profiles) with 10,000 / 5,000 / 3,000 / 1,000: 1859, 1868, 1868, 1868.
 */
const SECTION_TOWN_MIN_PEOPLE = 5000;

function siteTowns(site: string | null | undefined, g: PlaceGazetteer): { towns: GazetteerEntry[]; townName: string | null; pinned: GazetteerEntry | null; townCountries?: ReadonlySet<string> | null } {
  const names = siteTownNames(site);
  // one-word names first, longest first; then the two-word names they may be ("lasvegassun")
  for (const n of [...names, ...names.flatMap(spacedNames)]) {
    // "thepolicenews", "justice.gov": a common word names no town; "jordannews" names a country
    const c = g.commonWord(n);
    if (c === 1 || c === 2 || g.lookup(n).some((e) => e.precision === 'country' && e.folded === n)) continue;
    // a town's own name only: "Concord" is also an old name of Wheelersburg, Ohio
    let towns = g.lookup(n).filter((e) => e.precision === 'place' && e.folded === n && e.population >= SITE_TOWN_MIN_PEOPLE);
    if (!towns.length) continue;
    // a generic domain's town is North America's when it has one there ("theparisnews.com" is
    // Paris, Texas's paper, not one of Paris, France; "vancouversun.com" stays open)
    if (GENERIC_TLD.test((site ?? '').replace(ARCHIVED_COPY, '')) && towns.some((t) => NORTH_AMERICA.has(t.country)) && towns.some((t) => !NORTH_AMERICA.has(t.country))) {
      towns = towns.filter((t) => NORTH_AMERICA.has(t.country));
      return { towns, townName: n, pinned: null, townCountries: NORTH_AMERICA };
    }
    // a section named for a town near one of the host's ("/dublin_news/" of columbuslocalnews.com)
    // is the town the story is about
    for (const p of sitePathNames(site)) {
      if (p === n) continue;
      const c2 = g.commonWord(p);
      if (c2 === 1 || c2 === 2) continue;
      const near = g.lookup(p).filter((e) => e.precision === 'place' && e.folded === p && towns.some((t) => km(t, e) <= SITE_TOWN_KM));
      if (near.length === 1) return { towns: [...near, ...towns.filter((t) => km(t, near[0]) <= SITE_TOWN_KM)], townName: p, pinned: near[0] };
    }
    return { towns, townName: n, pinned: null };
  }
  // else a section of the site named for a town ("/dublin_news/", "/news/lancaster/")
  for (const n of sitePathNames(site)) {
    const c = g.commonWord(n);
    if (c === 1 || c === 2 || g.lookup(n).some((e) => (e.precision === 'country' || e.precision === 'admin1') && e.folded === n)) continue;
    const towns = g.lookup(n).filter((e) => e.precision === 'place' && e.folded === n && e.population >= SECTION_TOWN_MIN_PEOPLE);
    if (towns.length) return { towns, townName: n, pinned: null };
  }
  return { towns: [], townName: null, pinned: null };
}

/** How near the site's pinned town a reading of its name must lie to be it (one town listed twice). */
const PINNED_KM = 25;

function resolveAll(mentions: Mention[], tokens: Token[], text: string, g: PlaceGazetteer, site: SiteHints, debug?: (line: string) => void): void {
  // demonyms are weak evidence of the country talked about
  const demonyms = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const d = demonymAt(tokens, i, text, g);
    if (!d) continue;
    add(demonyms, d.country, 0.5);
    i = d.last;
  }
  linkQualifiers(mentions, tokens, text);
  // "Dublin City Council" in the site's pinned town is its council: the name with "City" is the
  // town when no reading of it lies there
  const pinned = site.pinned;
  if (pinned && site.townName) {
    for (const m of mentions) {
      if (m.key !== `${site.townName} city` || m.qualifier || m.candidates.some((e) => km(e, pinned) <= PINNED_KM)) continue;
      m.candidates = [...m.candidates, pinned];
      m.key = site.townName;
    }
  }
  for (const m of mentions) m.primary = m.candidates.some((e) => e.folded === m.key);
  const memo = newMemo();
  pairBonuses(mentions, memo);
  for (const m of mentions) if (m.qualifier) m.qualifier.chosen = m.qualifier.candidates[argmax(distribution(m.qualifier, memo).scores)];
  // a name said several times counts more, but not without bound: its mentions share one vote
  // of weight 1 to 2; each name votes with its distribution (or, when `picks` says so, with the
  // one reading the site chose for it), as a table of the document's readings (`scoreTable`)
  const buffers = buffersOf(g);
  const table = scoreTable(buffers, mentions, demonyms, memo);
  const ev = tableEvidence(buffers, table);
  let dists = tableDistributions(table, null);
  for (let round = 0; round < ROUNDS; round++) {
    fillEvidence(table, ev, dists, null);
    dists = tableDistributions(table, ev);
  }
  const hinted = !!(site.profile || site.country || site.towns.length);
  // the site's profile only breaks a tie the text leaves open: a sure or near-sure reading is kept
  // …but a town the site is named after may break a near-sure one (`SITE_TOWN_OPEN`)
  const decide = () => mentions.map((m, i) => {
    const best = argmax(dists[i].scores);
    if (pinned && m.key === site.townName && !m.qualifier) {
      const own = m.candidates.findIndex((e) => e.precision === 'place' && km(e, pinned) <= PINNED_KM);
      if (own >= 0) return { best, pick: own };
    }
    const confidence = sameSpotMass(m.candidates, dists[i].p, best);
    const pick = hinted && confidence < OPEN ? profileChoice(m, dists[i].scores, best, site, g)
      : site.towns.length && confidence < SITE_TOWN_OPEN ? profileChoice(m, dists[i].scores, best, { ...site, profile: null, country: null }, g) : best;
    return { best, pick };
  });
  let picks = hinted ? decide() : null;
  if (picks && picks.some((d) => d.pick !== d.best)) {
    // what the site settled is evidence for the rest of the story: one more round with those
    // names read as the site read them ("Lancaster" in a Lancashire paper makes "York" England's)
    fillEvidence(table, ev, dists, picks.map((d) => (d.pick !== d.best ? d.pick : -1)));
    dists = tableDistributions(table, ev);
    const first = picks;
    // a name the site settled stays settled: the others now lean its way
    picks = decide().map((d, i) => (first[i].pick !== first[i].best ? first[i] : d));
  }
  mentions.forEach((m, i) => {
    const { best, pick } = picks ? picks[i] : { best: argmax(dists[i].scores), pick: -1 };
    const chosen = pick >= 0 ? pick : best;
    m.chosen = m.candidates[chosen];
    m.confidence = dists[i].p[chosen];
  });
  if (debug) {
    mentions.forEach((m, i) => {
      const top = m.candidates.map((e, j) => ({ e, s: dists[i].scores[j] })).sort((a, b) => b.s - a.s).slice(0, 4);
      debug(`${text.slice(m.start, m.end)}@${m.start}: ${top.map(({ e, s }) => `${e.name}/${e.country}.${e.admin1Code}/${e.code} ${s.toFixed(1)}`).join(', ')}`);
    });
  }
  // one sense per name per document: unqualified mentions follow the best-supported reading
  const lead = new Map<string, Mention>();
  for (const m of mentions) {
    const seen = lead.get(m.key);
    if (!seen || (m.qualifier && !seen.qualifier)) lead.set(m.key, m);
  }
  for (const m of mentions) {
    const l = lead.get(m.key)!;
    if (l !== m && !m.qualifier && !m.hint && l.chosen && m.candidates.includes(l.chosen)) {
      m.chosen = l.chosen;
      m.confidence = l.confidence;
    }
  }
}

/**
 * A county the story names in full is what its bare name means elsewhere in the story ("Platte
 * County … Platte's sheriff", "DeKalb County … in DeKalb"), unless the bare name was read as a
 * town inside that county: a local paper shortens its counties, and the bare name's town readings
 * elsewhere (Platte, South Dakota) are namesakes.
 */
function countyShortForms(mentions: Mention[]): void {
  const counties = new Map<string, GazetteerEntry>();
  for (const m of mentions) {
    const c = m.chosen;
    if (!c || c.precision !== 'admin2') continue;
    const base = COUNTY_SUFFIX.exec(m.key)?.[1];
    if (base && !counties.has(base)) counties.set(base, c);
  }
  if (counties.size === 0) return;
  for (const m of mentions) {
    const county = counties.get(m.key);
    const c = m.chosen;
    if (!county || !c || c.precision !== 'place' || m.hint) continue;
    if (c.country === county.country && c.admin1Code === county.admin1Code && c.admin2Code === county.admin2Code) continue;
    m.chosen = county;
  }
}

const COUNTY_SUFFIX = /^(.+) (?:county|parish)$/;

/**
 * How sure the text is of reading `best`: its probability plus that of the entries that are the
 * same place listed twice (one name, one kind, one spot: Wales's two region entries), one answer.
 */
function sameSpotMass(candidates: readonly GazetteerEntry[], p: readonly number[], best: number): number {
  const b = candidates[best];
  let s = 0;
  for (let j = 0; j < candidates.length; j++) {
    const e = candidates[j];
    if (j === best || (e.precision === b.precision && e.folded === b.folded && km(e, b) <= SAME_SPOT_KM)) s += p[j];
  }
  return s;
}

/** Readings this close to each other are one place for `sameSpotMass`. */
const SAME_SPOT_KM = 25;

function argmax(xs: number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}

/** Whether the text names a country (or one of its regions, or its people) whose places have several romanisations. */
function aboutSkeletonCountry(mentions: Mention[], tokens: Token[]): boolean {
  for (const m of mentions) {
    if (m.candidates.some((e) => (e.precision === 'country' || e.precision === 'admin1') && SKELETON_COUNTRIES.has(e.country))) return true;
  }
  for (const t of tokens) {
    const cc = t.demonym;
    if (cc && SKELETON_COUNTRIES.has(cc)) return true;
  }
  return false;
}

const NO_COUNTRIES: ReadonlySet<string> = new Set();
/** Whether text.slice(from, to) is `s`, without the slice and a pattern (the gaps beside a name are read for every mention). */
function gapIs(text: string, from: number, to: number, s: string): boolean {
  return to - from === s.length && text.startsWith(s, from);
}

/** Whether a capitalised word follows the token across spaces only: one name goes on ("Dmitry Medvedev"). */
function nameGoesOn(text: string, tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !!next && next.cap && /^ +$/.test(text.slice(tokens[i].end, next.start));
}

/** "Operation “Olive Branch”", "“Olive Branch” Operation": a name in quotes beside the word operation. */
const OPERATION_BEFORE = /\boperation\s*["“'‘]$/i;
const OPERATION_AFTER = /^["”'’]\s*operation\b/i;
/** The quotes OPERATION_BEFORE ends with and OPERATION_AFTER opens with, by code. */
const QUOTE_BEFORE: ReadonlySet<number> = new Set([34, 0x201c, 39, 0x2018]);
const QUOTE_AFTER: ReadonlySet<number> = new Set([34, 0x201d, 39, 0x2019]);
/** Navies' ship prefixes (written in capitals): the name after one is a ship's. */
const SHIP_BEFORE = /(?:^|[^\p{L}])(?:USS|USNS|HMS|HMAS|HMCS|HMNZS|INS|PNS|MV)\s$/u;
/** A lower-case connector between hyphens inside one name: "-e-" (Persian), "-el-", "-ez-", "-de-", "-sur-". */
const CONNECTOR_AFTER = /^-[a-z]{1,3}-\p{Lu}/u;
const CONNECTOR_BEFORE = /\p{L}-[a-z]{1,3}-$/u;

/** Type words after a word that make it a settlement's name, which may be spelt another way ("Maadan town"). */
const VARIANT_TYPE_AFTER = new Set(['town', 'village', 'city', 'township']);
/** The lower-case word after token i across one space, or ''. */
function typeWordAfter(text: string, tokens: Token[], i: number): string {
  const next = tokens[i + 1];
  return next && text.slice(tokens[i].end, next.start) === ' ' ? next.text.toLowerCase() : '';
}

/** Words before a place that may be another spelling of a known one. */
const VARIANT_BEFORE = new Set(['in', 'near', 'at', 'outside', 'into', 'around', 'across', 'via', 'toward', 'towards', 'through']);
/** Capitalised words no place name is misspelt as ("on Monday" is one edit from Monda). */
const CALENDAR_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Countries whose places English news spells as at home: a word one edit from a name there is no other spelling of it. */
const NATIVE_SPELLING = new Set(['US', 'GB', 'CA', 'AU', 'NZ', 'IE']);

/** Countries the text names (or whose people it names), where a misspelt place may be looked for. */
function namedCountries(mentions: Mention[], tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) for (const e of m.candidates) if (e.precision === 'country' && e.country && !NATIVE_SPELLING.has(e.country)) out.add(e.country);
  for (const t of tokens) if (t.demonym && !NATIVE_SPELLING.has(t.demonym)) out.add(t.demonym);
  return out;
}

/** A comma and a capitalised word after `end` ("Orient, Ohio"), the pattern tried only after a comma. */
function commaName(text: string, end: number): boolean {
  return text.charCodeAt(end) === 44 && COMMA_NAME.test(text.slice(end, end + 3));
}
const COMMA_NAME = /^,\s*\p{Lu}/u;

export interface FindPlacesOptions {
  /**
   * Also emit adjectives and names of peoples ("Russian", "Israelis") as mentions of their
   * country, as geoparsing corpora (LGL, TR-News) count them. Off in the pipeline: an adjective
   * says whose, not where ("near the Russian border"), and the event builder would read it as
   * a scene.
   */
  adjectives?: boolean;
  /** Called with each rejected candidate and the reason. */
  debug?: (line: string) => void;
  /** Where the document's site reports (`StageContext.siteProfile`): breaks ties the text leaves open. */
  profile?: SiteProfile | null;
  /** The document's URL or site host: a country-code domain breaks such ties too (`siteCountry`). */
  site?: string | null;
}

export function findPlaces(text: string, sentences: readonly SentenceAnnotation[], g: PlaceGazetteer, options: FindPlacesOptions = {}): PlaceAnnotation[] {
  const { debug } = options;
  const tokens = tokenize(text, sentences);
  markDemonyms(tokens, g);
  const visits: Visits = new Array(tokens.length);
  let found = findMentions(text, tokens, g, false, NO_COUNTRIES, visits);
  // a document about Ukraine may spell its villages in the Russian romanisation, and one about
  // any country outside the English-speaking ones its places in another transliteration
  const skeletons = aboutSkeletonCountry(found, tokens);
  const countries = namedCountries(found, tokens);
  if (skeletons || countries.size > 0) found = findMentions(text, tokens, g, skeletons, countries, null, skeletons ? null : visits);
  // "Barack Obama" makes a later "Obama" a person: collect second names first
  const persons = new Set<string>();
  const readings: Readings = { form: found.map((m) => formReason(m, text, tokens, g)), context: [] };
  const firstPass = found.map((_, i) => rejectReason(i, found, readings, text, tokens, g, persons));
  // …unless the document also uses the name plainly as a place ("to Edmonton", "Gainesville, Ga."),
  // which also clears it where it opens a longer name ("Gainesville Environmental Services")
  const confirmed = new Set<string>();
  found.forEach((m, i) => {
    if (firstPass[i] !== null && firstPass[i] !== 'person-name') return;
    const prep = tokens[m.first - 1]?.text.toLowerCase() ?? '';
    // "to Georgia's credit" says nothing of a place
    if ((LOCATIVE.has(prep) && !tokens[m.last].possessive) || commaName(text, m.end)) confirmed.add(m.key);
  });
  for (const k of confirmed) persons.delete(k);
  const saidAsPlace = new Set<string>();
  for (const m of found) {
    const prep = tokens[m.first - 1]?.text.toLowerCase() ?? '';
    const after = tokens[m.last + 1]?.text.toLowerCase() ?? '';
    // "in Orient", "between Tennessee Colony and Yard", "Orient, Ohio", "a Tennessee Colony man"
    if (((LOCATIVE.has(prep) || prep === 'between') && !tokens[m.last].possessive) || commaName(text, m.end) || dateline(m, text) || (RESIDENT_NOUNS.has(after) && text.slice(m.end, m.end + 1) === ' ')) saidAsPlace.add(m.key);
  }
  const mentions = found.filter((m, i) => {
    const reason = rejectReason(i, found, readings, text, tokens, g, persons, confirmed);
    if (reason === 'name-after' && confirmed.has(m.key) && !NAME_HEADS.has(tokens[m.last + 1].text.toLowerCase())) return true;
    if (reason === 'first-name' && confirmed.has(m.key) && !persons.has(m.key)) return true;
    if (reason && debug) debug(`${text.slice(m.start, m.end)}: ${reason}`);
    if (reason === null && hamletOnly(m) && !saidAsPlace.has(m.key)) {
      // "Van Voorhis", "Benedict": a name that only a US hamlet without known people bears is a
      // surname far more often, unless the text says it as a place somewhere ("in Orient")
      if (debug) debug(`${text.slice(m.start, m.end)}: hamlet-unsaid`);
      return false;
    }
    return reason === null;
  });
  // a feature yields to any place name in it: "Ohio Turnpike" and "Oxford Road" name the places
  // they lead to, "Lake Charles" and "Fort Worth" are towns
  const kept = mentions;
  const standalone = standaloneFeatures([...findFeatures(text, tokens, g), ...findResidences(text, tokens, g)], kept);
  const framed = readFrames(kept, text);
  resolveAll(framed, tokens, text, g, { profile: options.profile ?? null, country: siteCountry(options.site), ...siteTowns(options.site, g) }, debug);
  countyShortForms(framed);
  const anchor = standalone.length ? documentAnchor(framed) : null;
  const located: { start: number; end: number; first: number; chosen: GazetteerEntry | null; qualifies: Mention | null; confidence?: number }[] = [...framed];
  for (const f of standalone) located.push({ ...f, chosen: locateFeature(f, text, framed, anchor, g), qualifies: null });
  located.sort((a, b) => a.start - b.start);
  const out: PlaceAnnotation[] = [];
  for (const m of located) {
    if (!m.chosen) continue;
    const value: ResolvedPlace = g.resolved(m.chosen);
    out.push({
      kind: 'place',
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      value,
      preposition: METONYM.test(text.slice(m.end, m.end + 30)) ? null : prepositionBefore(tokens, m.first, text),
      qualifies: m.qualifies ? m.qualifies.start : null,
      ...(m.confidence !== undefined ? { confidence: Math.round(m.confidence * 1000) / 1000 } : {}),
    });
  }
  if (options.adjectives) {
    const covered = (start: number, end: number) => out.some((p) => p.start < end && start < p.end);
    for (let i = 0; i < tokens.length; i++) {
      const d = demonymAt(tokens, i, text, g);
      if (!d) continue;
      const country = g.country(d.country);
      const start = tokens[i].start;
      const end = tokens[d.last].end;
      i = d.last;
      if (!country || covered(start, end)) continue;
      out.push({ kind: 'place', start, end, text: text.slice(start, end), value: country, preposition: null, qualifies: null });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

export const places: Stage = {
  name: 'places',
  needs: ['sentence'],
  gives: ['place'],
  run({ document, annotations }, ctx: StageContext) {
    const messages: Message[] = [];
    if (!isPlaceGazetteer(ctx.gazetteer)) {
      messages.push({ input: document.id, reason: 'the gazetteer cannot look up names; no places found', rule: 'places:no-gazetteer', severity: 'warning' });
      return { annotations: [], messages };
    }
    const sentences = annotations.filter((a): a is SentenceAnnotation => a.kind === 'sentence');
    const lex = lexiconFor(document.lang);
    if (!lex) return { annotations: [], messages };
    if (lex.native) {
      // Russian, Ukrainian, Arabic: names in their script and inflected forms (src/lang/places.ts)
      const countries = new Set<string>();
      const g = ctx.gazetteer;
      const doc = documentPlaces(sharedPlaces(ctx.memos), lex, g, ctx.memos);
      const found = sentences.flatMap((s) => lexiconPlaces(document.text.slice(s.start, s.end), s.start, lex, g, countries, doc));
      return { annotations: settlePlaces(found, doc, g), messages };
    }
    return { annotations: findPlaces(document.text, sentences, ctx.gazetteer, { profile: ctx.siteProfile ?? null, site: document.url ?? document.site }), messages };
  },
};
