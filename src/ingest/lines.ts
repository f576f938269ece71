/**
 * Lines of a byte stream, split on bytes with the length bound enforced while reading: a line
 * that passes `maxBytes` is dropped as it streams (never held whole), reported once, and reading
 * goes on at the next newline. A 3 GB line without a newline costs `maxBytes` of memory, not 3 GB.
 */
import type { Readable } from 'node:stream';

export type Line = { kind: 'line'; n: number; bytes: Buffer } | { kind: 'too-long'; n: number; bytes: number };

export async function* byteLines(stream: AsyncIterable<Buffer | string> | Readable, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let held = 0;
  let dropped = -1; // bytes of the line being dropped, or -1 when keeping
  let n = 0;
  const end = function* (): Generator<Line> {
    n++;
    if (dropped >= 0) yield { kind: 'too-long', n, bytes: dropped };
    else yield { kind: 'line', n, bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts, held) };
    parts = [];
    held = 0;
    dropped = -1;
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    while (from <= buf.length) {
      const nl = buf.indexOf(0x0a, from);
      const to = nl < 0 ? buf.length : nl;
      if (dropped >= 0) dropped += to - from;
      else if (held + (to - from) > maxBytes) {
        dropped = held + (to - from);
        parts = [];
        held = 0;
      } else if (to > from) {
        parts.push(buf.subarray(from, to));
        held += to - from;
      }
      if (nl < 0) break;
      yield* end();
      from = nl + 1;
    }
  }
  if (held > 0 || dropped >= 0) yield* end();
}
