// The two drivers of the linker's store steps: a synchronous store never waits, an asynchronous one
// is awaited, and a failed query reaches the linker where it can be handled.
import { describe, expect, it } from 'vitest';
import { ask, now, runAsync, runSync, type Step } from './incremental.js';

function* twice(first: Step<number>, second: () => Step<number>): Step<number> {
  return (yield* first) + (yield* second());
}

describe('linker steps', () => {
  it('runs a synchronous store in place and refuses one that waits', () => {
    expect(runSync(twice(now(2), () => now(3)))).toBe(5);
    expect(() => runSync(twice(now(2), () => ask(Promise.resolve(3))))).toThrow(/asked to wait/);
  });

  it('awaits an asynchronous store, step by step, in order', async () => {
    const order: number[] = [];
    const slow = (v: number, ms: number) => ask(new Promise<number>((r) => setTimeout(() => (order.push(v), r(v)), ms)));
    expect(await runAsync(twice(slow(2, 20), () => slow(3, 1)))).toBe(5);
    expect(order).toEqual([2, 3]);
  });

  it('throws a failed query into the step, where it can be caught', async () => {
    function* guarded(): Step<string> {
      try {
        yield* ask(Promise.reject(new Error('connection lost')));
        return 'no';
      } catch (e) {
        return `caught ${(e as Error).message}`;
      }
    }
    expect(await runAsync(guarded())).toBe('caught connection lost');
    await expect(runAsync(twice(now(1), () => ask(Promise.reject(new Error('gone')))))).rejects.toThrow('gone');
  });
});
