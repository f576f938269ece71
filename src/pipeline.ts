/**
 * The stages, in order. A Document goes in; an AnnotatedDocument and its Reports come out.
 * Linking and storage come after, in `link/` and `store/`.
 */
import type { AnnotatedDocument, Annotation, Document, Kind, Message, Report, SiteProfile, Stage, StageContext, TriggerAnnotation } from './model/index.js';
import { actorsStage, loadActorTable, type ActorTable } from './extract/actors.js';
import { attribution } from './extract/attribution.js';
import { unrealArrest } from './extract/arrests.js';
import { casualties } from './extract/casualties.js';
import { dates } from './extract/dates.js';
import { equipmentStage, loadEquipmentList, type EquipmentEntry } from './extract/equipment.js';
import { loadGazetteer } from './extract/gazetteer.js';
import { places } from './extract/places.js';
import { longAgo, quietNews } from './extract/quiet-news.js';
import { scene } from './extract/scene.js';
import { documentVotes } from './extract/site-profile.js';
import { importedGazetteerPath, openImportedGazetteer } from './store/gazetteer-import.js';
import { buildReports, withPersons } from './extract/reports.js';
import { sentences } from './extract/sentences.js';
import { findTriggers, triggers } from './extract/triggers.js';
import { chooseInjured, loadInjuredModel, type InjuredModel, type InjuredRanker } from './extract/injured-ranker.js';
import { headlineEnd, loadTypeModel, reportsNone, typeReports, typeVerdict, type TypeModel, type TypeVerdict } from './extract/type-model.js';
import { lexiconFor } from './lang/index.js';
import { identifyLanguage, type LanguageModel } from './lang/identify.js';
import { latinNames, sharedFeatures } from './lang/bridge.js';
import { lexiconTriggers } from './lang/triggers.js';

/** Read-only data every run needs, loaded once by the caller (CLI, API, scripts). */
export interface Resources {
  context: StageContext;
  equipment: readonly EquipmentEntry[];
  /** Sides as news names them (`data/lang/en/actors.tsv`). */
  actors: ActorTable;
  /** Incident-or-not and category (`data/model/types.json`): a missing or broken file fails here, at start-up, in one line. */
  typeModel: TypeModel;
  /** fastText lid.176 (`loadLanguageModel()`, async); without it the script of the text decides the language. */
  languageModel: LanguageModel | null;
  /** The injured count weighed again among the figures stated (`data/model/injured.json`); without it the rules' figure stands. */
  injuredModel?: InjuredModel | null;
}

/**
 * The bundled gazetteer, with the places imported by `sitrep gazetteer import` when the imported
 * file exists (`gazetteer` names it; default $SITREP_GAZETTEER or the user's data folder), and the
 * language model when the caller loaded it (`loadLanguageModel()`, async).
 */
/** `injured: false`: without the injured ranker's weights (its trainer, which writes them, runs without). */
export function loadResources(opts: { gazetteer?: string; languageModel?: LanguageModel | null; injured?: boolean } = {}): Resources {
  const imported = openImportedGazetteer(importedGazetteerPath(opts.gazetteer));
  return { context: { gazetteer: loadGazetteer(undefined, imported), memos: new Map() }, equipment: loadEquipmentList(), actors: loadActorTable(), typeModel: loadTypeModel(), languageModel: opts.languageModel ?? null, injuredModel: opts.injured === false ? null : loadInjuredModel() };
}

export interface Pipeline {
  stages: readonly Stage[];
  context: StageContext;
  typeModel: TypeModel;
  languageModel: LanguageModel | null;
  /** Picks the main report's injured figure among those stated (injured-ranker.ts); null: the rules' figure. */
  injuredRanker: InjuredRanker | null;
}

export function createPipeline(res: Resources): Pipeline {
  const stages: readonly Stage[] = [
    sentences, // first: every later stage works sentence by sentence
    dates,
    places,
    casualties,
    equipmentStage(res.equipment),
    triggers,
    scene, // after places and triggers: where the main incident happened, for the report builder
    actorsStage(res.actors),
    attribution, // after sentences only, but last: it reads sentence order, not other spans
  ];
  checkOrder(stages);
  const injured = res.injuredModel;
  return { stages, context: res.context, typeModel: res.typeModel, languageModel: res.languageModel ?? null, injuredRanker: injured ? (c) => chooseInjured(injured, c) : null };
}

/** Refuses a stage list where a stage needs a kind no earlier stage gives: a programmer mistake. */
function checkOrder(stages: readonly Stage[]): void {
  const given = new Set<Kind>();
  for (const s of stages) {
    for (const k of s.needs) if (!given.has(k)) throw new Error(`stage ${s.name} needs ${k}, which no earlier stage gives`);
    for (const k of s.gives) given.add(k);
  }
}

/** What a caller may ask of a run: stages to leave out (they ran past the time budget), a hook as each stage starts. */
export interface RunOptions {
  skip?: ReadonlySet<string>;
  onStage?: (name: string) => void;
  /** Where the document's site reports, learned from its earlier documents (the store keeps it): breaks ties the text leaves open. */
  profile?: SiteProfile | null;
}

/**
 * Runs every stage over one document. A stage that throws is a programmer's mistake or input no
 * one foresaw: it becomes a fatal message naming the document and the stage, and the callers
 * (jobs/ingest.ts, `sitrep extract`) fail that document loudly instead of storing it without the
 * field. The later stages still run, so the message list is complete. Stages the caller skips
 * (past the time budget) and the stages that need them are left out.
 */
export function annotate(document: Document, pipeline: Pipeline, opts: RunOptions = {}): AnnotatedDocument {
  const annotations: Annotation[] = [];
  const messages: Message[] = [];
  const given = new Set<Kind>();
  // the site's profile is this document's alone: a context of its own, the shared one untouched
  const context: StageContext = opts.profile ? { ...pipeline.context, siteProfile: opts.profile } : pipeline.context;
  for (const stage of pipeline.stages) {
    // a skipped stage also skips the stages that need what it gives
    if (opts.skip?.has(stage.name) || stage.needs.some((k) => !given.has(k))) continue;
    opts.onStage?.(stage.name);
    for (const k of stage.gives) given.add(k);
    try {
      const out = stage.run({ document, annotations }, context);
      for (const a of out.annotations) annotations.push(a);
      if (out.messages) messages.push(...out.messages);
    } catch (err) {
      messages.push({ input: document.source, reason: `stage ${stage.name} crashed on document ${document.id}: ${(err as Error)?.message ?? String(err)}`, rule: `${stage.name}:crash`, severity: 'fatal' });
    }
  }
  return { document, annotations, messages };
}

export interface Extraction {
  annotated: AnnotatedDocument;
  /** The document's incidents, main first; none when it reports no incident (it is still a document). */
  reports: Report[];
  /** What the type model read: probabilities and the features that decided (for `extract --explain`). */
  typing: TypeVerdict;
  /** Why the reports the model kept were set aside (`extract --explain`): the kind of quiet news (quiet-news.ts), or `long_ago` (a killing decades old; an arrest for it stays); null when the model kept none. */
  quiet?: string | null;
  /** What the document teaches its site's profile (`documentVotes`): the same with or without a profile. */
  votes: string[];
}

/**
 * The document with its language read from its text (`src/lang/identify.ts`). The text decides
 * over a page's own `lang` attribute when the model is sure or the script says another language;
 * a page's tag stands when the text cannot tell.
 */
export function withLanguage(document: Document, pipeline: Pipeline): Document {
  // a page's own tag stands against an unsure model: such a page is read by the model for its confidence
  const reading = identifyLanguage(document.text || document.title || '', pipeline.languageModel ?? null, !document.lang);
  const tagged = document.lang;
  if (!reading.lang) return document;
  if (tagged && lexiconFor(tagged) === lexiconFor(reading.lang) && lexiconFor(tagged) !== null) return document;
  if (tagged && reading.confidence !== null && reading.confidence < 0.5) return document;
  return reading.lang === tagged ? document : { ...document, lang: reading.lang };
}

export function extract(document: Document, pipeline: Pipeline, opts: RunOptions = {}): Extraction {
  const parts = readParts(document, pipeline, opts);
  const typing = typeVerdict(pipeline.typeModel, parts.title, parts.text, parts.textTriggers, parts.titleTriggers);
  // English reports the type model rules out whatever they say are never built (about half of news)
  const built = !parts.native && reportsNone(typing) ? [] : buildReports(parts.annotated, parts.titleTriggers, parts.shared, pipeline.injuredRanker ?? undefined);
  const { reports, quiet } = typedReports(pipeline.typeModel, typing, parts.title, parts.text, parts.titleTriggers, parts.textTriggers, built, parts.native);
  const firstName = pipeline.context.gazetteer.firstName;
  return { annotated: parts.annotated, reports: firstName ? reports.map((r) => withPersons(r, firstName)) : reports, typing, quiet, votes: documentVotes(parts.annotated.annotations) };
}

/** What `extract` builds before the type model reads it (the type evaluation caches it to re-read with other weights). */
export interface BuiltParts {
  annotated: AnnotatedDocument;
  /** The title when it is not the text's first line (its words and triggers count apart). */
  title: string | null;
  text: string;
  titleTriggers: TriggerAnnotation[];
  textTriggers: TriggerAnnotation[];
  built: Report[];
  /** A language whose lexicon sets the type: the type model does not read it. */
  native: boolean;
}

/** What the report builder and the type model read: `BuiltParts` before the reports are built. */
interface ReadParts extends Omit<BuiltParts, 'built'> {
  /** What the reports share across languages (ru, uk, ar). */
  shared: ReturnType<typeof sharedFeatures> | undefined;
}

function readParts(document: Document, pipeline: Pipeline, opts: RunOptions): ReadParts {
  document = withLanguage(document, pipeline);
  const annotated = annotate(document, pipeline, opts);
  // the title of a page is not in its text, yet it names the incident best
  const titleInText = document.title ? document.text.startsWith(document.title.slice(0, 40)) : true;
  const lex = lexiconFor(document.lang);
  const titleTriggers = !titleInText && document.title && lex ? (lex.native ? lexiconTriggers(document.title, lex) : findTriggers(document.title)) : [];
  const textTriggers = annotated.annotations.filter((a): a is TriggerAnnotation => a.kind === 'trigger');
  // the type model reads English; in Russian, Ukrainian and Arabic the lexicon's triggers set the type,
  // and linking also compares what does not depend on the language (places, type, tolls, names in Latin letters)
  const native = !!lex?.native;
  const shared = native ? sharedFeatures(latinNames(document.text, lex, annotated.annotations.filter((a) => a.kind === 'place'))) : undefined;
  return { annotated, title: titleInText ? null : document.title, text: document.text, titleTriggers, textTriggers, native, shared };
}

export function buildParts(document: Document, pipeline: Pipeline, opts: RunOptions = {}): BuiltParts {
  const { shared, ...parts } = readParts(document, pipeline, opts);
  return { ...parts, built: buildReports(parts.annotated, parts.titleTriggers, shared, pipeline.injuredRanker ?? undefined) };
}

/**
 * The type model's reading of the built reports (the last step of `extract`, kept apart so the
 * type evaluation can re-read cached reports with other weights). `native`: a language whose
 * lexicon sets the type (the reports stay as built).
 */
export function typeBuilt<R extends Report>(model: TypeModel, title: string | null, text: string, titleTriggers: TriggerAnnotation[], textTriggers: TriggerAnnotation[], built: R[], native: boolean, quiet = true): { reports: R[]; typing: TypeVerdict } {
  const typing = typeVerdict(model, title, text, textTriggers, titleTriggers);
  return { reports: typedReports(model, typing, title, text, titleTriggers, textTriggers, built, native, quiet).reports, typing };
}

/** The report tells of at least one death (its fatalities toll, not hedged). */
const deadTold = (r: Report | undefined) => !!r && r.claims.some((c) => c.field === 'fatalities' && !c.hedged && ((c.value as { best?: number } | null)?.best ?? 0) >= 1);

/** `quiet` false: the model's reports alone, without the quiet-news and long-ago rules after it (an evaluation's view of the model, eval:types --no-quiet). */
function typedReports<R extends Report>(model: TypeModel, typing: TypeVerdict, title: string | null, text: string, titleTriggers: TriggerAnnotation[], textTriggers: TriggerAnnotation[], built: R[], native: boolean, quiet = true): { reports: R[]; quiet: string | null } {
  if (native) return { reports: built, quiet: null };
  const end = headlineEnd(text);
  // an arrest only called for, threatened or denied ("should be arrested") is read by the model as the
  // word it is, but names no sub-type: the report builder left it out too (arrests.ts)
  const done = (source: string | null) => (t: TriggerAnnotation) => t.type !== 'arrests' || source === null || !unrealArrest(source, t.start, t.end);
  const titled = titleTriggers.filter(done(title));
  const texted = textTriggers.filter(done(text));
  const typed = typeReports(built, typing, [...titled, ...texted], model.leadChars, [...titled, ...texted.filter((t) => t.end <= end)]);
  // nothing the model kept: nothing to set aside (the quiet scan below reads the whole lead, so it runs only when needed)
  if (!typed.length || !quiet) return { reports: typed, quiet: null };
  // a death with a cause and no doer, a property crime with no one hurt, sport or software news: no ACLED event (quiet-news.ts)
  const kind = quietNews(title, text, model.leadChars, titled, texted, deadTold(built[0]));
  if (kind) return { reports: [], quiet: kind };
  // a killing decades old is no new event; an arrest for it is one (ACLED's arrests): only that stays
  return typed.length && longAgo(title, text) ? { reports: arrestOnly(typed, titled.some(isArrest) || texted.some(isArrest)), quiet: 'long_ago' } : { reports: typed, quiet: null };
}

const isArrest = (t: TriggerAnnotation) => t.type === 'arrests';

/** The main report as the arrest it also tells of (strategic developments/arrests), when there is one; else nothing. */
function arrestOnly<R extends Report>(typed: R[], arrest: boolean): R[] {
  if (!arrest) return [];
  const r = typed[0];
  if (r.category === 'strategic_developments' && r.type === 'arrests') return [r];
  const value = 'strategic_developments/arrests';
  return [{ ...r, category: 'strategic_developments', type: 'arrests', runner_up: null, claims: r.claims.map((c) => (c.field === 'type' ? { ...c, value } : c)) }];
}
