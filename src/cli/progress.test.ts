import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countInputs, Progress, progressLine } from './progress.js';

function stream(isTTY: boolean, columns = 80) {
  const written: string[] = [];
  return { written, s: { isTTY, columns, write: (x: string) => written.push(x) } as unknown as NodeJS.WriteStream };
}

describe('progress', () => {
  it('shows count, total, rate and time left', () => {
    expect(progressLine(250, 1000, 10)).toBe('250/1000 documents (25%), 25.0/s, 0:30 left');
    expect(progressLine(250, null, 10)).toBe('250 documents, 25.0/s');
    // past an estimate (a feed among the files): no made-up total
    expect(progressLine(12, 10, 1)).toBe('12 documents, 12.0/s');
  });

  it('off a terminal: one plain line per N documents, nothing redrawn', () => {
    const { written, s } = stream(false);
    let t = 0;
    const p = new Progress(s, { total: 500, every: 100, now: () => (t += 10) });
    for (let i = 1; i <= 350; i++) p.tick(i);
    expect(written).toHaveLength(3);
    expect(written.every((l) => l.startsWith('sitrep: ') && l.endsWith('\n') && !l.includes('\r'))).toBe(true);
    expect(written[0]).toMatch(/^sitrep: 100\/500 documents \(20%\), [\d.]+\/s, \d+:\d\d left\n$/);
  });

  it('on a terminal: never longer than the terminal is wide, so it never wraps, and it never looks finished early', () => {
    const { written, s } = stream(true, 30);
    let t = 0;
    const p = new Progress(s, { total: 100_000, now: () => (t += 200) });
    for (let i = 1; i <= 1000; i++) p.tick(i);
    expect(written.length).toBeGreaterThan(10);
    for (const w of written) {
      const line = w.replace(/^\r/, '').replace(/\x1b\[K$/, '');
      expect(line.length).toBeLessThan(30);
    }
    expect(written[written.length - 1]).toMatch(/^\r1000\/100000/);
  });

  it('knows the total of a folder of plain files, and not of JSON lines or URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-progress-'));
    try {
      mkdirSync(join(dir, 'a/b'), { recursive: true });
      for (const f of ['1.txt', 'a/2.html', 'a/b/3.txt', '.hidden.txt']) writeFileSync(join(dir, f), 'x');
      expect(await countInputs([dir])).toBe(3);
      expect(await countInputs([dir, join(dir, '1.txt')])).toBe(4);
      writeFileSync(join(dir, 'a/more.jsonl'), '{}');
      expect(await countInputs([dir])).toBeNull();
      expect(await countInputs(['https://example.org/feed'])).toBeNull();
      expect(await countInputs(['-'])).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
