// Every extraction stage is linear in its input: on adversarial texts (long runs of capitals,
// hyphens, apostrophes, digits, punctuation…) 200k characters may cost at most 12x what 20k cost.
// A super-linear regex on such a run froze `extract` for 91 s and the server for minutes.
import { describe, expect, it } from 'vitest';
import { textDocument } from '../../src/ingest/document.js';
import type { Annotation } from '../../src/model/index.js';
import { createPipeline, loadResources } from '../../src/pipeline.js';
import { ADVERSARIAL_UNITS, adversarialText } from '../../scripts/adversarial.js';

const pipeline = createPipeline(loadResources());
/**
 * Below FLOOR_MS a timing is noise (timer, a GC pause); the 20k figure is floored to it. SLACK_MS is
 * what a shared, loaded machine adds to one 200k run: harmless at the largest document kept
 * (MAX_TEXT_CHARS), and far below what a quadratic stage costs there (the actor patterns took 91 s).
 */
const FLOOR_MS = 25;
const SLACK_MS = 250;
const RATIO = 12;

/** Milliseconds each stage takes on `text`, in stage order (the least of `tries` runs). */
function stageTimes(text: string, tries: number): number[] {
  const doc = textDocument(text, { source: 'adversarial' });
  const best = pipeline.stages.map(() => Infinity);
  for (let t = 0; t < tries; t++) {
    const annotations: Annotation[] = [];
    pipeline.stages.forEach((stage, i) => {
      const t0 = performance.now();
      const out = stage.run({ document: doc, annotations }, pipeline.context);
      best[i] = Math.min(best[i], performance.now() - t0);
      annotations.push(...out.annotations);
    });
  }
  return best;
}

describe('every stage is linear on adversarial input', () => {
  stageTimes(adversarialText('A', 20_000), 1); // warm-up: lexicons, JIT
  for (const [name, unit] of Object.entries(ADVERSARIAL_UNITS)) {
    it(`${name} (${JSON.stringify(unit)}): 200k characters cost at most ${RATIO}x 20k`, () => {
      const small = stageTimes(adversarialText(unit, 20_000), 2);
      let large = stageTimes(adversarialText(unit, 200_000), 2);
      const slow = () => pipeline.stages.filter((_, i) => large[i] > RATIO * Math.max(small[i], FLOOR_MS) + SLACK_MS);
      if (slow().length) large = stageTimes(adversarialText(unit, 200_000), 1); // a busy machine gets a second try
      const report = pipeline.stages.map((s, i) => `${s.name} ${small[i].toFixed(1)} -> ${large[i].toFixed(1)} ms`);
      expect(slow().map((s) => s.name), report.join('; ')).toEqual([]);
    }, 120_000);
  }
});
