/**
 * The one shared data model of sitrep. Types only, no I/O.
 *
 * Offsets count UTF-16 code units in `Document.text` (what JS and browsers slice by); `end` is
 * exclusive. Every later stage points into the text that ingest settled once, so a claim's
 * `quote` always equals `text.slice(start, end)`.
 */

export interface Span {
  start: number;
  end: number;
}

/** A problem found on one input, in the spirit of vfile-message: data, not a crash. */
export interface Message {
  /** The input it concerns: a path, URL, "path:line" or a document id. */
  input: string;
  reason: string;
  /** `stage:rule`, stable across releases (e.g. `ingest:binary`). */
  rule: string;
  severity: 'info' | 'warning' | 'fatal';
}

/** Clean input as ingest hands it on: the article body and its metadata, nothing extracted yet. */
export interface Document {
  /** `doc_` + hash of the normalised text: the same text is the same document wherever it came from. */
  id: string;
  /** Path, URL or `-` it came from (with `#line` for JSONL lines). */
  source: string;
  url: string | null;
  title: string | null;
  /** ISO date `YYYY-MM-DD`, or null when the input carries none (never guessed). */
  published: string | null;
  author: string | null;
  site: string | null;
  lang: string | null;
  /** The clean article body, title not included. */
  text: string;
}

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface DateInterval {
  /** Inclusive ISO dates. */
  start: string;
  end: string;
  precision: DatePrecision;
  /**
   * True when no sentence states the date and the publication date stands in for it (the day of
   * publication and the day before, as event coders read an undated news report). Shown, never
   * used to tell incidents apart, and never a claim.
   */
  implied?: boolean;
}

export type PlacePrecision = 'place' | 'admin2' | 'admin1' | 'country';

/** A gazetteer entry a place name was resolved to. */
export interface ResolvedPlace {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  admin1: string | null;
  admin2: string | null;
  lat: number;
  lon: number;
  geonameid: number | null;
  precision: PlacePrecision;
  population: number;
}

export interface SentenceAnnotation extends Span {
  kind: 'sentence';
}

export interface DateAnnotation extends Span {
  kind: 'date';
  text: string;
  value: DateInterval;
  /** False when part of it (the year, the week) was implied by the publication date. */
  stated: boolean;
  /**
   * Set when the date is that of a later step, not of the incident: the reporting ("police said
   * Tuesday", "Updated: May 31"), an arrest, a court date, a funeral, a toll's update ("the toll
   * rose on Sunday"). The report builder dates the incident by the other dates when there are any.
   */
  later?: true;
  /** Set when the date stamps the page ("November 28, 2016 02:23 PM" on a line of its own): the day of publication, not a claim of the incident's. */
  stamp?: true;
}

export interface PlaceAnnotation extends Span {
  kind: 'place';
  text: string;
  value: ResolvedPlace;
  /** The word before it that says how it relates to the event: "in", "near", "from", … (lower case), or null. */
  preposition: string | null;
  /**
   * Start offset of the place this one narrows down, when it only qualifies it ("Kupiansk … in
   * Kharkiv", "Springfield, Illinois"): such a mention helps resolve the other and is no location
   * of its own. Null otherwise.
   */
  qualifies: number | null;
  /**
   * How sure the reading is from the text alone (the share of the name's readings' probability
   * the chosen one holds, before any site profile is weighed): 1 for a name with one reading or a
   * frame that settles it. Unset for streets and features placed at a town, and in the
   * lexicon-based languages. A site profile learns only from sure readings.
   */
  confidence?: number;
}

/**
 * Where a site reports, learned without labels from its documents already read: how many of them
 * named a place in each country, region, county and town with a sure reading (see
 * `extract/site-profile.ts`). An input to extraction (`StageContext.siteProfile`) that breaks ties
 * between the readings of a name the text leaves open; the store keeps one per site and counts
 * each document once.
 */
export interface SiteProfile {
  /** The site: the host of the document's URL ("dallasnews.com"), else its site name. */
  site: string;
  /** Documents counted. */
  documents: number;
  /**
   * Per key, the documents that named a place under it with a sure reading: `c:US` (country),
   * `r:US/Texas` (first-order region), `d:US/Texas/Tarrant County` (second-order), `p:4710178`
   * (the place itself, by GeoNames id).
   */
  places: Readonly<Record<string, number>>;
}

export type CasualtyField = 'fatalities' | 'injured' | 'captured';

/** ACLED-style count: a vague word keeps low/high apart from the coded best. */
export interface Count {
  low: number;
  best: number;
  high: number;
  /** 0 by ACLED's convention, not a number the text gives: the report tells of no death (see reports.ts `assumedNone`). */
  assumed?: true;
}

export interface CasualtyAnnotation extends Span {
  kind: 'casualty';
  field: CasualtyField;
  value: Count;
  /** Who was hit, when the text says: "civilians", "military", … */
  victims: string | null;
  /** Hedged ("may have been killed"): a claim, but a weak one. */
  hedged: boolean;
  /**
   * Only on `injured`: the people hit ("four shot", "a man was shot"), the dead among them
   * included. The report counts as injured those hit less the dead (see reports.ts).
   */
  struck?: true;
  /** A later figure for the same toll ("rose to 12", "has risen to", "now stands at"): it replaces the earlier ones. */
  update?: true;
}

export interface EquipmentAnnotation extends Span {
  kind: 'equipment';
  text: string;
  /** Canonical designation, e.g. "Mi-8AMTSh". */
  value: string;
  /** Family for comparing, e.g. "Mi-8". */
  family: string;
  category: string;
}

export interface ActorAnnotation extends Span {
  kind: 'actor';
  text: string;
  value: string;
  /** "person", "organisation", "armed_forces", "group", "government". */
  type: string;
  /** A person's role where the text gives it ("head of Ukrainian Defense Intelligence"). */
  role: string | null;
}

/** Who a sentence attributes what it says to ("according to …", "X said"). Spans the sentence. */
export interface AttributionAnnotation extends Span {
  kind: 'attribution';
  /** The source as written ("Russian Telegram channels"). */
  value: string;
}

/** A word that says what happened ("shot down", "defected"), with its ACLED reading. */
export interface TriggerAnnotation extends Span {
  kind: 'trigger';
  text: string;
  category: string;
  type: string;
  tags: string[];
  /** How sure the word alone makes the reading (0..1): "killed" is weaker evidence of a type than "airstrike". */
  weight: number;
}

/**
 * Where the document's main incident happened, as the scene stage chose it among the places
 * found in the text and the title. Spans the winning place's first mention in the text; a place
 * named only in the title (which is not part of the text) spans nothing (start = end = 0) and
 * sets `inTitle`.
 */
export interface SceneAnnotation extends Span {
  kind: 'scene';
  text: string;
  value: ResolvedPlace;
  /** Named in the title or headline. */
  inTitle: boolean;
  /** The model's probability that this place is the scene (0..1), over the places it weighed. */
  score: number;
  /** Why it won: the cues that weighed most for it ("headline", "locative", "state of the story", …). */
  reasons: string[];
}

export type Annotation =
  | SentenceAnnotation
  | SceneAnnotation
  | DateAnnotation
  | PlaceAnnotation
  | CasualtyAnnotation
  | EquipmentAnnotation
  | ActorAnnotation
  | AttributionAnnotation
  | TriggerAnnotation;

export type Kind = Annotation['kind'];

/** A document after extraction: the same document plus what the stages found, by kind. */
export interface AnnotatedDocument {
  document: Document;
  annotations: readonly Annotation[];
  messages: readonly Message[];
}

export type FieldName =
  | 'type'
  | 'date'
  | 'location'
  | 'actors'
  | 'fatalities'
  | 'injured'
  | 'captured'
  | 'equipment';

/** One value for one field, from one document, with the sentence it stands in. */
export interface Claim extends Span {
  field: FieldName;
  value: unknown;
  document: string;
  /** Equals the document's `text.slice(start, end)`: the sentence. */
  quote: string;
  attributed_to: string | null;
  /** Hedged or otherwise weak ("may have been killed"). */
  hedged?: boolean;
}

export interface Actor {
  name: string;
  role: string;
  type?: string;
  description?: string | null;
}

export interface Location {
  name: string;
  admin1: string | null;
  admin2?: string | null;
  country: string;
  lat: number;
  lon: number;
  precision: PlacePrecision;
  geonameid: number | null;
  /** Why this place was taken for the scene (see SceneAnnotation.reasons); absent in older stores. */
  reasons?: string[];
}

/** One incident as one document describes it. */
export interface Report {
  /** `${document}#${index}`; index 0 is the document's main incident. */
  id: string;
  document: string;
  index: number;
  title: string;
  category: string;
  type: string;
  tags: string[];
  date: DateInterval | null;
  location: Location | null;
  actors: Actor[];
  fatalities: Count | null;
  injured: Count | null;
  captured: Count | null;
  equipment: string[];
  claims: Claim[];
  /** What linking compares: weighted content terms and names, built by the extract stage. */
  features: ReportFeatures;
  /** Probability (0..1) that the document reports an incident of the ontology at all (the type model's 1 - P(none)). Absent in older stores. */
  confidence?: number;
  /** Probability of `category` among the incident categories (main report only). */
  type_probability?: number;
  /** The next category when it is close (at least half the winner's probability), with the sub-type it would take. */
  runner_up?: TypeGuess | null;
}

export interface TypeGuess {
  category: string;
  type: string;
  probability: number;
}

export interface ReportFeatures {
  /** Lower-cased content terms with counts (stop words removed). */
  terms: Record<string, number>;
  /** Proper names (lower-cased, normalised): people, organisations, places. */
  names: string[];
  /** Equipment families. */
  equipment: string[];
  /** Publication date, when known: reports without an incident date are bounded by it. */
  published: string | null;
  /** Names of `names` that open with a known first name ("jamal williams"): people clearly identified. Absent in older stores. */
  persons?: string[];
}

export type FieldStatus = 'agreed' | 'disputed' | 'single';

export interface FieldEvidence {
  status: FieldStatus;
  claims: Claim[];
  /**
   * A later source gave a newer figure for the same incident (a toll that rose): the newest is
   * the event's value, the earlier claims stay here as its history. Not a dispute.
   */
  updated?: true;
}

export interface ReportRef {
  document: string;
  /** Path, URL or `-` the document was read from (provenance, not a name to show). */
  source: string;
  /** The outlet, from the page's site name or its URL's host (ingest/outlet.ts); null when unknown. Absent in older stores. */
  outlet?: string | null;
  published: string | null;
  title: string | null;
}

/** One real-world incident: the reports of it, merged, with per-field agreement. */
export interface Event {
  id: string;
  title: string;
  category: string;
  type: string;
  tags: string[];
  date: DateInterval | null;
  location: Location | null;
  actors: Actor[];
  fatalities: Count | null;
  injured: Count | null;
  captured: Count | null;
  equipment: string[];
  reports: ReportRef[];
  fields: Partial<Record<FieldName, FieldEvidence>>;
  disputed: FieldName[];
  /** From the lead report: that it is an incident, and its category's probability (see Report). */
  confidence?: number;
  type_probability?: number;
  runner_up?: TypeGuess | null;
}
