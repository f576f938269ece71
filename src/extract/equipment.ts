/**
 * Military equipment by model designation (Mi-8AMTSh, F-16, Tu-22M3, T-72B3, …) from the curated
 * list in `data/equipment.tsv`: one family per line, with the pattern of its designations. A variant
 * suffix that follows the designation ("Mi-8 AMTSh", "Tu-22M3") is kept in the value, so the
 * canonical value is family-prefix + variant, and `family` is what two reports compare.
 * Generic words ("helicopter", "tank") are not equipment; the trigger stage reads those.
 */
import { readFileSync } from 'node:fs';
import type { EquipmentAnnotation, Stage } from '../model/index.js';
import { lexiconFor } from '../lang/index.js';
import { matchesAt, matchStarts } from './scan.js';
import { openingIndex, openingKeys, textBoundaries, type Boundaries, type OpeningIndex } from './prefix-filter.js';

export interface EquipmentEntry {
  family: string;
  category: string;
  pattern: RegExp;
}

/** A variant suffix right after the designation: "AMTSh", "M3", "B3", "MTV" (upper case first). */
const VARIANT = /^([ -]?)([A-Z][A-Za-z]{0,5}\d?)(?![\p{L}\d])/u;
const NOT_VARIANT = new Set(['AND', 'OR', 'IN', 'ON', 'AT', 'TO', 'OF', 'THE', 'US', 'UK', 'EU', 'UN', 'USA']);

/**
 * The variant written at `at`, with its separator, or null. Attached ("Tu-22M3") it may be anything
 * upper-case-first; after a space it must look like a designation (two capitals or a digit:
 * "Mi-8 AMTSh"), not a NATO name or the next word ("Mi-8 Hip", "Mi-8 The").
 */
function variantAt(text: string, at: number): string | null {
  const v = VARIANT.exec(text.slice(at, at + 10));
  if (!v || NOT_VARIANT.has(v[2].toUpperCase())) return null;
  if (v[1] && !(/[A-Z].*[A-Z]/.test(v[2]) || /\d/.test(v[2]))) return null;
  return v[0];
}

/** Around each designation: not inside a longer word or code, and no more digits after it. */
const GUARD_BEFORE = '(?<![\\w-])';
const GUARD_AFTER = '(?!\\d)';

/** Parses the TSV lexicon; compiled once by the caller, never per document. */
export function parseEquipmentList(tsv: string): EquipmentEntry[] {
  const out: EquipmentEntry[] = [];
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [family, category, pattern] = line.split('\t');
    out.push({ family, category, pattern: new RegExp(`${GUARD_BEFORE}(?:${pattern})${GUARD_AFTER}`, 'gi') });
  }
  return out;
}

export function loadEquipmentList(path = new URL('../../data/equipment.tsv', import.meta.url)): EquipmentEntry[] {
  return parseEquipmentList(readFileSync(path, 'utf8'));
}

/** The canonical value: the family's own spelling of the stem, then the variant as written. */
function canonical(entry: EquipmentEntry, matched: string, variant: string | null): string {
  const digits = /\d+/.exec(matched)?.[0];
  if (!/^[A-Za-z/]+-?\d/.test(entry.family) || !digits) return variant ? `${entry.family} ${variant}` : entry.family;
  // "Tu-22M" + "M3" is "Tu-22M3": the stem ends at the family's number
  const stem = entry.family.replace(/\d+.*$/, digits);
  return variant ? `${stem}${variant}` : entry.family.replace(/\d+/, digits);
}

/**
 * Where some entry's pattern matches (a zero-width scan over their alternation, guard said once),
 * and each entry's pattern anchored, to be tried only there: one pass over the text instead of one
 * per entry, each trying its guard at every position. Null when `anyEquipment` is (see there).
 */
export interface EquipmentIndex {
  anywhere: RegExp;
  sticky: RegExp[];
}

export function indexEquipment(list: readonly EquipmentEntry[]): EquipmentIndex | null {
  const inner = innerPatterns(list);
  if (!inner) return null;
  return {
    anywhere: new RegExp(`${GUARD_BEFORE}(?=${inner.map((p) => `(?:${p})${GUARD_AFTER}`).join('|')})`, 'gi'),
    sticky: list.map((e) => new RegExp(e.pattern.source, 'iy')),
  };
}

/** Each entry's matches in order, as its own global scan gives them: `[start, matched]`. */
function* entryMatches(text: string, list: readonly EquipmentEntry[], index: EquipmentIndex | null, from: number): Generator<[EquipmentEntry, number, string]> {
  if (!index) {
    for (const entry of list) {
      entry.pattern.lastIndex = 0;
      for (let m = entry.pattern.exec(text); m; m = entry.pattern.exec(text)) yield [entry, m.index, m[0]];
    }
    return;
  }
  const at = matchStarts(index.anywhere, text, from);
  for (let i = 0; i < list.length; i++) {
    for (const m of matchesAt(index.sticky[i], text, at)) yield [list[i], m.index, m[0]];
  }
}

/** `index` (from `indexEquipment(list)`) and `from` (no designation starts before it) only make it faster. */
export function findEquipment(text: string, list: readonly EquipmentEntry[], index: EquipmentIndex | null = null, from = 0): EquipmentAnnotation[] {
  const out: EquipmentAnnotation[] = [];
  for (const [entry, start, matched] of entryMatches(text, list, index, from)) {
    let end = start + matched.length;
    const next = text.slice(end, end + 2);
    // "Grad" inside "Grade", "Buk" inside "Bukhara": a lower-case letter goes on, unless a plural "s"
    if (/^[a-z]/.test(next) && !/^s(?![\p{L}\d])/u.test(next)) continue;
    const variant = variantAt(text, end);
    if (variant) end += variant.length;
    out.push({
      kind: 'equipment',
      start,
      end,
      text: text.slice(start, end),
      value: canonical(entry, matched, variant ? variant.replace(/^[ -]/, '') : null),
      family: entry.family,
      category: entry.category,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * One regex that matches wherever some entry's pattern does (their alternation), so a document it
 * does not match has no equipment and skips the scan with every entry: most news names none.
 * Null when a pattern refers to its own groups, which an alternation would renumber, or has other
 * flags than the list's own (case-insensitive).
 */
export function anyEquipment(list: readonly EquipmentEntry[]): RegExp | null {
  if (list.some((e) => /\\[1-9k]/.test(e.pattern.source) || e.pattern.flags.replace(/[gy]/g, '') !== 'i')) return null;
  // the shared guards once around the alternation, not in each branch: a leading lookbehind in
  // every branch would make the engine try each branch at every position
  const inner = innerPatterns(list);
  if (inner) return new RegExp(`${GUARD_BEFORE}(?:${inner.join('|')})${GUARD_AFTER}`, 'i');
  return new RegExp(list.map((e) => `(?:${e.pattern.source})`).join('|'), 'i');
}

/**
 * `anyEquipment`'s first match found at the word starts its entries may open at (prefix-filter.ts):
 * the alternation with its leading lookbehind was tried at every character of a report that, most
 * often, names no equipment. An entry opening with a letter can only start at a word start (the
 * lookbehind refuses a letter after a word character); the entries that may open otherwise (a digit,
 * a sign) are searched apart, whole.
 */
export interface FirstIndex {
  any: RegExp;
  sticky: RegExp;
  opens: OpeningIndex;
  otherwise: RegExp | null;
}

/** Keys whose first symbol is not a letter (prefix-filter's OTHER, the 27th symbol of 27). */
const OTHER_FIRST = 26 * 27 * 27;

export function firstIndex(list: readonly EquipmentEntry[]): FirstIndex | null {
  const any = anyEquipment(list);
  const inner = innerPatterns(list);
  if (!any || !inner) return null;
  const opens = openingIndex(inner.map((p) => new RegExp(`(?:${p})${GUARD_AFTER}`, 'i')));
  if (!opens) return null;
  const otherwise = inner.filter((p) => openingKeys(new RegExp(p, 'i'))!.some((k) => k >= OTHER_FIRST));
  return { any, sticky: new RegExp(any.source, 'iy'), opens, otherwise: otherwise.length ? new RegExp(`${GUARD_BEFORE}(?:${otherwise.join('|')})${GUARD_AFTER}`, 'i') : null };
}

/** Where `index.any.exec(text)` matches first, or -1: the least of the entries opening otherwise and of the word starts where one matches. */
export function firstAt(index: FirstIndex, text: string, bounds: Boundaries): number {
  let best = -1;
  if (index.otherwise) best = index.otherwise.exec(text)?.index ?? -1;
  const { at, key } = bounds;
  const { groupOf } = index.opens;
  for (let i = 0; i < at.length; i++) {
    const p = at[i];
    if (best >= 0 && p >= best) break;
    if (!groupOf[key[i]]) continue;
    index.sticky.lastIndex = p;
    if (index.sticky.test(text)) return p;
  }
  return best;
}

/** The entries' patterns without their shared guards; null when one lacks them, refers to its own groups or has other flags. */
function innerPatterns(list: readonly EquipmentEntry[]): string[] | null {
  if (!list.length || list.some((e) => /\\[1-9k]/.test(e.pattern.source) || e.pattern.flags.replace(/[gy]/g, '') !== 'i')) return null;
  const inner = list.map((e) => (e.pattern.source.startsWith(GUARD_BEFORE) && e.pattern.source.endsWith(GUARD_AFTER) ? e.pattern.source.slice(GUARD_BEFORE.length, -GUARD_AFTER.length) : null));
  return inner.every((p) => p !== null) ? (inner as string[]) : null;
}

export function equipmentStage(list: readonly EquipmentEntry[]): Stage {
  const any = anyEquipment(list);
  const index = indexEquipment(list);
  const starts = firstIndex(list);
  return {
    name: 'equipment',
    needs: [],
    gives: ['equipment'],
    run: ({ document }, ctx) => {
      if (!any) return { annotations: findEquipment(document.text, list) };
      // no designation starts before the first place the alternation matches; in a text the English
      // trigger and actor stages read, at the word starts they read too (kept in the run's memos)
      const shared = starts && lexiconFor(document.lang)?.native === false;
      const first = shared ? firstAt(starts, document.text, textBoundaries(document.text, ctx.memos)) : (any.exec(document.text)?.index ?? -1);
      return { annotations: first >= 0 ? findEquipment(document.text, list, index, first) : [] };
    },
  };
}
