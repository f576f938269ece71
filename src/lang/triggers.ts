/** Event triggers for languages with a lexicon: one scan of the joined rows (see rows.ts). */
import type { TriggerAnnotation } from '../model/index.js';
import type { Lexicon } from './index.js';

export function lexiconTriggers(text: string, lex: Lexicon): TriggerAnnotation[] {
  const out: TriggerAnnotation[] = [];
  const re = lex.triggerScan;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    const groups = m.groups ?? {};
    let i = 0;
    while (i < lex.triggers.length && groups[`r${i}`] === undefined) i++;
    const r = lex.triggers[i];
    if (!r) continue;
    out.push({ kind: 'trigger', start: m.index, end: m.index + m[0].length, text: m[0], category: r.category, type: r.type, tags: r.tags, weight: r.weight });
  }
  return out;
}
