// Property tests over the entry points a user's files reach: random and mutated text, HTML and
// JSONL. Nothing throws, nothing hangs past a bound, and every claim still quotes its document.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { documentFromBytes, readJsonl, type InputResult } from '../../src/ingest/read.js';
import { createPipeline, extract, loadResources } from '../../src/pipeline.js';

const root = resolve(import.meta.dirname, '../..');
const pipeline = createPipeline(loadResources());
const seedTexts = readdirSync(join(root, 'examples')).map((f) => readFileSync(join(root, 'examples', f), 'utf8'));
/** Per-document time bound: generous for a slow CI core, far below a hang. */
const BOUND_MS = 3000;

function checkResult(r: InputResult) {
  if (r.kind === 'error') {
    expect(r.reason.length).toBeGreaterThan(0);
    expect(r.reason).not.toMatch(/\n/);
    return;
  }
  const t0 = Date.now();
  const { reports } = extract(r.document, pipeline);
  expect(Date.now() - t0).toBeLessThan(BOUND_MS);
  for (const rep of reports) {
    for (const c of rep.claims) {
      expect(c.start).toBeGreaterThanOrEqual(0);
      expect(c.end).toBeLessThanOrEqual(r.document.text.length);
      expect(r.document.text.slice(c.start, c.end)).toBe(c.quote);
    }
  }
}

/** A seed report cut, spliced and sprinkled with odd characters. */
const mutated = fc
  .tuple(fc.constantFrom(...seedTexts), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 40 }), fc.nat())
  .map(([t, a, b, junk, c]) => {
    const i = a % t.length;
    const j = i + (b % 400);
    const k = c % t.length;
    return t.slice(0, i) + junk + t.slice(j, k > j ? k : t.length);
  });

const htmlish = fc
  .array(fc.oneof(fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<script>alert(1)</script>', '<a href="x">', '</a>', '<table><tr><td>', '<!--', '-->', '<br>', '&amp;', '&#x0;', '<img onerror="x()">'), fc.string({ maxLength: 30 }), mutated.map((s) => s.slice(0, 200))), { maxLength: 60 })
  .map((parts) => `<html><head><title>t</title></head><body>${parts.join('')}</body></html>`);

describe('fuzz: ingest and extraction never crash and keep offsets true', () => {
  it('plain text, random and mutated', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: 'binary', maxLength: 2000 })), (text) => {
        checkResult(documentFromBytes(Buffer.from(text, 'utf8'), 'text', 'fuzz.txt'));
      }),
      { numRuns: 150 },
    );
  });
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        checkResult(documentFromBytes(bytes, 'text', 'fuzz.bin'));
      }),
      { numRuns: 150 },
    );
  });
  it('HTML with broken and hostile markup', () => {
    fc.assert(
      fc.property(htmlish, (html) => {
        const r = documentFromBytes(Buffer.from(html), 'html', 'fuzz.html');
        checkResult(r);
        // where the markup around it is well formed, a script's code never becomes text (junk like
        // "<A<script>" is, to an HTML parser, a tag named "a<script", and what follows is text)
        const wellFormed = !/<[^>]*</.test(html.replace(/<!--[\s\S]*?-->/g, '')) && !html.includes('<!--');
        if (r.kind === 'document' && wellFormed) expect(r.document.text).not.toMatch(/alert\(1\)/);
      }),
      { numRuns: 100 },
    );
  });
  it('JSONL with broken lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.json(), mutated.map((t) => JSON.stringify({ text: t, published: '2023-11-06' })), fc.string({ maxLength: 50 })), { maxLength: 8 }),
        async (lines) => {
          let n = 0;
          for await (const r of readJsonl(Readable.from([Buffer.from(lines.join('\n'))]), 'fuzz.jsonl', false)) {
            n++;
            checkResult(r);
          }
          expect(n).toBeLessThanOrEqual(lines.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
