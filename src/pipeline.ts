/**
 * The stages, in order. A Document goes in; an AnnotatedDocument and its Reports come out.
 * Linking and storage come after, in `link/` and `store/`.
 */
import type { AnnotatedDocument, Annotation, Document, Kind, Message, Report, Stage, StageContext } from './model/index.js';
import { actors } from './extract/actors.js';
import { attribution } from './extract/attribution.js';
import { casualties } from './extract/casualties.js';
import { dates } from './extract/dates.js';
import { equipmentStage, loadEquipmentList, type EquipmentEntry } from './extract/equipment.js';
import { loadGazetteer } from './extract/gazetteer.js';
import { places } from './extract/places.js';
import { importedGazetteerPath, openImportedGazetteer } from './store/gazetteer-import.js';
import { buildReports, withPersons } from './extract/reports.js';
import { sentences } from './extract/sentences.js';
import { findTriggers, triggers } from './extract/triggers.js';

/** Read-only data every run needs, loaded once by the caller (CLI, API, scripts). */
export interface Resources {
  context: StageContext;
  equipment: readonly EquipmentEntry[];
}

/**
 * The bundled gazetteer, with the places imported by `sitrep gazetteer import` when the imported
 * file exists (`gazetteer` names it; default $SITREP_GAZETTEER or the user's data folder).
 */
export function loadResources(opts: { gazetteer?: string } = {}): Resources {
  const imported = openImportedGazetteer(importedGazetteerPath(opts.gazetteer));
  return { context: { gazetteer: loadGazetteer(undefined, imported) }, equipment: loadEquipmentList() };
}

export interface Pipeline {
  stages: readonly Stage[];
  context: StageContext;
}

export function createPipeline(res: Resources): Pipeline {
  const stages: readonly Stage[] = [
    sentences, // first: every later stage works sentence by sentence
    dates,
    places,
    casualties,
    equipmentStage(res.equipment),
    triggers,
    actors,
    attribution, // after sentences only, but last: it reads sentence order, not other spans
  ];
  checkOrder(stages);
  return { stages, context: res.context };
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
}

/** Runs every stage over one document. A stage that throws costs its own annotations, not the document. */
export function annotate(document: Document, pipeline: Pipeline, opts: RunOptions = {}): AnnotatedDocument {
  const annotations: Annotation[] = [];
  const messages: Message[] = [];
  const given = new Set<Kind>();
  for (const stage of pipeline.stages) {
    // a skipped stage also skips the stages that need what it gives
    if (opts.skip?.has(stage.name) || stage.needs.some((k) => !given.has(k))) continue;
    opts.onStage?.(stage.name);
    for (const k of stage.gives) given.add(k);
    try {
      const out = stage.run({ document, annotations }, pipeline.context);
      for (const a of out.annotations) annotations.push(a);
      if (out.messages) messages.push(...out.messages);
    } catch (err) {
      messages.push({ input: document.source, reason: `stage ${stage.name} failed: ${(err as Error).message}`, rule: `${stage.name}:crash`, severity: 'warning' });
    }
  }
  return { document, annotations, messages };
}

export interface Extraction {
  annotated: AnnotatedDocument;
  reports: Report[];
}

export function extract(document: Document, pipeline: Pipeline, opts: RunOptions = {}): Extraction {
  const annotated = annotate(document, pipeline, opts);
  // the title of a page is not in its text, yet it names the incident best
  const titleInText = document.title ? document.text.startsWith(document.title.slice(0, 40)) : true;
  const titleTriggers = !titleInText && document.title ? findTriggers(document.title) : [];
  const reports = buildReports(annotated, titleTriggers);
  const firstName = pipeline.context.gazetteer.firstName;
  return { annotated, reports: firstName ? reports.map((r) => withPersons(r, firstName)) : reports };
}
