// JSONL and stdin are streamed with bounded memory: a line past 8 MB is dropped while it streams
// (a 3 GB line without a newline ended in "Invalid string length" or a V8 out-of-memory crash);
// `ingest -` yields documents as stdin flows (it read all of stdin into one buffer first).
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { byteLines } from '../../src/ingest/lines.js';
import { MAX_JSONL_LINE, readJsonl, readStream, type InputResult } from '../../src/ingest/read.js';

const rec = (text: string) => JSON.stringify({ text }) + '\n';
const GOOD = 'A bomb killed 3 people in Kabul on Monday.';

async function all(gen: AsyncGenerator<InputResult>): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

/** `mb` megabytes of one line without a newline, made lazily from one reused chunk. */
async function* hugeLine(mb: number, tail: string): AsyncGenerator<Buffer> {
  yield Buffer.from('{"text": "');
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  for (let i = 0; i < mb; i++) yield chunk;
  yield Buffer.from('"}\n' + tail);
}

describe('JSONL lines are bounded while reading', () => {
  it('drops a 200 MB line without holding it, then reads the next line', async () => {
    const before = process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;
    let peak = 0;
    const kinds: string[] = [];
    for await (const l of byteLines(Readable.from(hugeLine(200, rec(GOOD))), MAX_JSONL_LINE)) {
      kinds.push(l.kind);
      peak = Math.max(peak, process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed - before);
    }
    expect(kinds).toEqual(['too-long', 'line']);
    expect(peak).toBeLessThan(100 * 1024 * 1024);
  });

  it('names the long line and keeps the one after it (plain and gzip)', async () => {
    const body = Buffer.concat([Buffer.from(rec('x'.repeat(MAX_JSONL_LINE + 10))), Buffer.from(rec(GOOD))]);
    for (const [bytes, gz] of [[body, false], [gzipSync(body), true]] as const) {
      const out = await all(readJsonl(Readable.from([bytes]), 'big.jsonl', gz));
      expect(out.map((r) => r.kind)).toEqual(['error', 'document']);
      expect(out[0].kind === 'error' && out[0].reason).toMatch(/longer than 8 MB/);
    }
  });

  it('drops a UTF-8 BOM, reads UTF-16 JSONL, and says when UTF-8 was invalid', async () => {
    const bom = await all(readJsonl(Readable.from([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rec(GOOD) + rec('Herat: 4 killed.'))])]), 'bom.jsonl', false));
    expect(bom.map((r) => r.kind)).toEqual(['document', 'document']);
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rec(GOOD) + rec('Herat: 4 killed.'), 'utf16le')]);
    const utf16 = await all(readJsonl(Readable.from([u16]), 'u16.jsonl', false));
    expect(utf16.map((r) => r.kind)).toEqual(['document', 'document']);
    const bad = Buffer.from('{"text": "A bomb in K\xffbul killed 3."}\n', 'latin1');
    const [r] = await all(readJsonl(Readable.from([bad]), 'bad.jsonl', false));
    expect(r.kind === 'document' && r.warnings.join(' ')).toMatch(/invalid UTF-8/);
  });
});

describe('stdin is streamed like a file', () => {
  it('yields the first document before stdin has ended', async () => {
    let pulledLast = false;
    async function* stdin() {
      yield Buffer.from(rec(GOOD));
      for (let i = 0; i < 50; i++) yield Buffer.from(rec(`Report ${i}: shelling in Herat killed ${i + 2} people.`));
      pulledLast = true;
      yield Buffer.from(rec('The last one.'));
    }
    const gen = readStream(Readable.from(stdin()), '-');
    const first = await gen.next();
    expect(first.value?.kind).toBe('document');
    expect(pulledLast).toBe(false);
    let n = 1;
    for await (const r of gen) if (r.kind === 'document') n++;
    expect(n).toBe(52);
  });

  it('reads gzip JSONL and a long line on stdin without failing the rest', async () => {
    const gz = gzipSync(Buffer.from(rec(GOOD) + rec('Herat: 4 killed.')));
    expect((await all(readStream(Readable.from([gz]), '-'))).map((r) => r.kind)).toEqual(['document', 'document']);
    const out = await all(readStream(Readable.from(hugeLine(20, rec(GOOD))), '-'));
    expect(out.map((r) => r.kind)).toEqual(['error', 'document']);
  });
});
