/**
 * Event triggers: the words that say what happened, read with the lexicon in `event-lexicon.ts`.
 * A span is claimed by the first (most specific) rule that matches it. Which trigger names the
 * main incident is the report builder's decision.
 */
import type { Stage, TriggerAnnotation } from '../model/index.js';
import { TRIGGER_RULES, type TriggerRule } from './event-lexicon.js';

export function findTriggers(text: string, rules: readonly TriggerRule[] = TRIGGER_RULES): TriggerAnnotation[] {
  const out: TriggerAnnotation[] = [];
  const taken: [number, number][] = [];
  for (const r of rules) {
    r.pattern.lastIndex = 0;
    for (let m = r.pattern.exec(text); m; m = r.pattern.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && a < e)) continue;
      taken.push([s, e]);
      out.push({ kind: 'trigger', start: s, end: e, text: m[0], category: r.category, type: r.type, tags: r.tags, weight: r.weight });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export const triggers: Stage = {
  name: 'triggers',
  needs: [],
  gives: ['trigger'],
  run: ({ document }) => ({ annotations: findTriggers(document.text) }),
};
