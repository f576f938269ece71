/** The contract between the pipeline runner and its extraction stages. Types only. */
import type { Annotation, Document, Kind, Message, ResolvedPlace, SiteProfile } from './types.js';

/**
 * The offline gazetteer as the stages see it: read-only, built once by the caller and passed down.
 * (Its implementation lives in `extract/gazetteer.ts`; stages only rely on this interface.)
 */
export interface Gazetteer {
  /** Country code for a demonym or adjective ("Russian" → "RU", "Syrian" → "SY"), else null. */
  demonymCountry(word: string): string | null;
  /** The country as a place (name, centroid), by ISO 3166-1 alpha-2 code. */
  country(code: string): ResolvedPlace | null;
  /** Whether a folded word is an English first name ("jamal"): lets linking tell people by name. */
  firstName?(folded: string): boolean;
}

/** What every stage may read besides the document: read-only, built once per run. */
export interface StageContext {
  gazetteer: Gazetteer;
  /**
   * Where the document's site reports, from its documents read before (none for a site seen
   * first, and in a run without a store): breaks ties between readings of a name the text
   * leaves open, and never outweighs what the text says.
   */
  siteProfile?: SiteProfile | null;
  /**
   * Readings that are pure functions of a word and the tables (a word's proclitic forms, the
   * gazetteer entries a name meets), kept across the documents of a run by the stage that fills
   * them, keyed by its name, bounded there: wire reports repeat their words. They change no output,
   * only what is computed again. Absent: each document computes its own.
   */
  memos?: StageMemos;
}

/** Per-stage memos of pure readings (see `StageContext.memos`), each stage's entry its own. */
export type StageMemos = Map<string, object>;

export interface StageInput {
  document: Document;
  /** Everything earlier stages found, in stage order. */
  annotations: readonly Annotation[];
}

export interface StageOutput {
  annotations: Annotation[];
  messages?: Message[];
}

/**
 * One extraction stage: a pure function of the document, earlier annotations and the context.
 * It neither mutates its input nor reads the clock, disk or network.
 */
export interface Stage {
  name: string;
  needs: readonly Kind[];
  gives: readonly Kind[];
  run(input: StageInput, ctx: StageContext): StageOutput;
}
