/**
 * Event triggers: the words that say what happened, read with the lexicon in `event-lexicon.ts`.
 * A span is claimed by the first (most specific) rule that matches it. Which trigger names the
 * main incident is the report builder's decision.
 */
import type { Stage, TriggerAnnotation } from '../model/index.js';
import { TRIGGER_RULES, type TriggerRule } from './event-lexicon.js';
import { lexiconFor } from '../lang/index.js';
import { lexiconTriggers } from '../lang/triggers.js';
import { matchesAt, matchStarts } from './scan.js';
import { openingIndex, ruleOf, ruleStarts, startOf, startsByRule, textBoundaries, type Boundaries, type OpeningIndex } from './prefix-filter.js';

/**
 * The rules scanned together: one zero-width pass finds every position where some rule matches
 * (a lookahead over all of them), and each rule is then tried only there, sticky, in rule order.
 * A document has a handful of such positions, so this costs one scan instead of one per rule, with
 * the same matches. Null when the rules cannot be joined (a back-reference would be renumbered,
 * or flags differ from "gi").
 */
interface RuleIndex {
  anywhere: RegExp;
  sticky: RegExp[];
  /**
   * When every rule opens on `\b` and each rule's openings could be read: which rules may open with
   * each three letters. The scan then visits each word boundary with a table lookup and tries only
   * those rules there, instead of the engine trying every rule at every boundary (prefix-filter.ts).
   */
  openings: OpeningIndex | null;
}

export function indexRules(rules: readonly TriggerRule[]): RuleIndex | null {
  if (!rules.length || rules.some((r) => r.pattern.flags !== 'gi' || /\\[1-9k]/.test(r.pattern.source))) return null;
  const sources = rules.map((r) => `(?:${r.pattern.source})`).join('|');
  // every rule opens on a word boundary: said once outside, it lets the engine skip most positions
  const lead = rules.every((r) => r.pattern.source.startsWith('\\b')) ? '\\b' : '';
  const sticky = rules.map((r) => new RegExp(r.pattern.source, 'iy'));
  return { anywhere: new RegExp(`${lead}(?=${sources})`, 'gi'), sticky, openings: lead ? openingIndex(sticky) : null };
}

const DEFAULT_INDEX = indexRules(TRIGGER_RULES);

/** Matches of each rule in order, as a global scan would give them: `[rule, start, text]`. */
function* ruleMatches(text: string, rules: readonly TriggerRule[], index: RuleIndex | null, bounds: Boundaries | null): Generator<[TriggerRule, number, string]> {
  if (!index) {
    for (const r of rules) {
      r.pattern.lastIndex = 0;
      for (let m = r.pattern.exec(text); m; m = r.pattern.exec(text)) yield [r, m.index, m[0]];
    }
    return;
  }
  if (index.openings && bounds) {
    const lists = startsByRule(bounds, index.openings, rules.length);
    for (let r = 0; r < rules.length; r++) {
      const starts = lists[r];
      if (starts) for (const m of matchesAt(index.sticky[r], text, starts)) yield [rules[r], m.index, m[0]];
    }
    return;
  }
  if (index.openings) {
    const pairs = ruleStarts(text, index.openings);
    const starts: number[] = [];
    for (let j = 0; j < pairs.length; ) {
      const r = ruleOf(pairs[j]);
      starts.length = 0;
      for (; j < pairs.length && ruleOf(pairs[j]) === r; j++) starts.push(startOf(pairs[j]));
      for (const m of matchesAt(index.sticky[r], text, starts)) yield [rules[r], m.index, m[0]];
    }
    return;
  }
  // the joined lookahead finds where some rule matches; each rule is tried only there
  const at = matchStarts(index.anywhere, text);
  if (!at.length) return;
  for (let i = 0; i < rules.length; i++) {
    for (const m of matchesAt(index.sticky[i], text, at)) yield [rules[i], m.index, m[0]];
  }
}

/** Other rule lists (tests, experiments) are scanned rule by rule: their index is not built per call. */
/** `bounds`: the text's word boundaries, read already (prefix-filter.ts `textBoundaries`). */
export function findTriggers(text: string, rules: readonly TriggerRule[] = TRIGGER_RULES, bounds: Boundaries | null = null): TriggerAnnotation[] {
  const out: TriggerAnnotation[] = [];
  // a coverage map, not a list scanned per match: a text of thousands of triggers must not cost their square
  const taken = new Uint8Array(text.length + 1);
  for (const [r, s, matched] of ruleMatches(text, rules, rules === TRIGGER_RULES ? DEFAULT_INDEX : null, bounds)) {
    const e = s + matched.length;
    if (taken.subarray(s, e).includes(1)) continue;
    taken.fill(1, s, e);
    out.push({ kind: 'trigger', start: s, end: e, text: matched, category: r.category, type: r.type, tags: r.tags, weight: r.weight });
  }
  return out.sort((a, b) => a.start - b.start);
}

export const triggers: Stage = {
  name: 'triggers',
  needs: [],
  gives: ['trigger'],
  run: ({ document }, ctx) => {
    const lex = lexiconFor(document.lang);
    if (!lex) return { annotations: [] };
    // the boundaries are kept for the actors stage, which scans the same text
    return { annotations: lex.native ? lexiconTriggers(document.text, lex) : findTriggers(document.text, TRIGGER_RULES, DEFAULT_INDEX?.openings ? textBoundaries(document.text, ctx.memos) : null) };
  },
};
