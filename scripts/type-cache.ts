/**
 * A cache of what `extract` builds before the type model reads it (`buildParts` in pipeline.ts), for
 * the TRAIN part only: cross-validation (`npm run cv:types -- --cache`) then re-reads each item with
 * the fold's weights in milliseconds instead of running every stage again. Kept outside the repository
 * (default /tmp/sitrep-types-cache.jsonl): it holds text of ../shared/data. Rebuild it (`--rebuild`)
 * after a change to any stage before the type model (reports, triggers, casualties...).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { textDocument } from '../src/ingest/document.js';
import type { Report, TriggerAnnotation } from '../src/model/types.js';
import { buildParts, type BuiltParts, type Pipeline } from '../src/pipeline.js';
import type { Item } from './type-data.js';

export const DEFAULT_CACHE = process.env.SITREP_TYPES_CACHE ?? '/tmp/sitrep-types-cache.jsonl';

/** One item as the type model reads it; `failed`: text ingest refused it (no incident). */
export interface CachedParts extends Omit<BuiltParts, 'annotated'> {
  id: string;
  failed?: boolean;
}

/** Characters of text kept: the type model reads the lead (leadChars) and the triggers' offsets. */
const KEEP_TEXT = 4000;

const slimTrigger = (t: TriggerAnnotation): TriggerAnnotation => ({ kind: 'trigger', start: t.start, end: t.end, text: t.text, category: t.category, type: t.type, tags: t.tags, weight: t.weight });

/** Only what the type evaluation reads of a report (type, tags, toll, the quotes of the type and toll claims). */
function slimReport(r: Report): Report {
  return {
    ...r,
    date: null, location: null, actors: [], injured: null, captured: null, equipment: [],
    features: { terms: {}, names: [], equipment: [] } as unknown as Report['features'],
    claims: r.claims.filter((c) => c.field === 'type' || c.field === 'fatalities'),
  };
}

export const cacheId = (it: Item) => `${it.set}:${it.id}`;

export function buildCache(items: Item[], pipeline: Pipeline, file: string): Map<string, CachedParts> {
  if (items.some((it) => it.test)) throw new Error('the type cache holds the train part only');
  const out = new Map<string, CachedParts>();
  const lines: string[] = [];
  for (const it of items) {
    let c: CachedParts;
    try {
      const doc = textDocument(it.text, { source: cacheId(it), title: it.title, published: it.published });
      const p = buildParts(doc, pipeline);
      c = { id: cacheId(it), title: p.title, text: p.text.slice(0, KEEP_TEXT), titleTriggers: p.titleTriggers.map(slimTrigger), textTriggers: p.textTriggers.map(slimTrigger), built: p.built.map(slimReport), native: p.native };
    } catch {
      c = { id: cacheId(it), title: null, text: '', titleTriggers: [], textTriggers: [], built: [], native: false, failed: true };
    }
    out.set(c.id, c);
    lines.push(JSON.stringify(c));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return out;
}

export function loadCache(file: string): Map<string, CachedParts> | null {
  if (!existsSync(file)) return null;
  const out = new Map<string, CachedParts>();
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (!l) continue;
    const c = JSON.parse(l) as CachedParts;
    out.set(c.id, c);
  }
  return out;
}
