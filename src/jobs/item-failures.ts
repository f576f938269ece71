/**
 * Feed items whose page could not be read (a 404, a timeout): remembered in the store, tried again
 * after 1 h, 4 h and 16 h, then given up. The first failure is reported (and fails the run: it is
 * news); a retry that fails again is counted quietly; giving up is said once. So a dead link in a
 * feed no longer makes every later `sitrep ingest` of that feed exit 1.
 */
import type { FailedItem } from '../store/sqlite.js';
import type { EventStore } from '../store/open.js';

/** Tries in all: the first and three retries. */
export const MAX_ITEM_TRIES = 4;
const FIRST_RETRY_MS = 60 * 60 * 1000;

export type FailureVerdict = 'new' | 'again' | 'gave-up';

/** Whether to skip an item now: it failed before and waits for its retry, or was given up. */
export async function holdBack(store: EventStore, item: string, now: number): Promise<boolean> {
  const f = await store.failedItem(item);
  return !!f && (f.next_try === null || Date.parse(f.next_try) > now);
}

/** Records one more failure of an item; says whether it is new, a retry failing again, or the last try. */
export async function recordFailure(store: EventStore, item: string, reason: string, now: number): Promise<FailureVerdict> {
  const prev = await store.failedItem(item);
  const failures = (prev?.failures ?? 0) + 1;
  const gaveUp = failures >= MAX_ITEM_TRIES;
  const f: FailedItem = {
    item,
    failures,
    reason,
    last_failed: new Date(now).toISOString(),
    next_try: gaveUp ? null : new Date(now + FIRST_RETRY_MS * 4 ** (failures - 1)).toISOString(),
  };
  await store.saveFailedItem(f);
  return !prev ? 'new' : gaveUp ? 'gave-up' : 'again';
}

/** An item read at last: forget its failures. */
export async function recordSuccess(store: EventStore, item: string): Promise<void> {
  if (await store.failedItem(item)) await store.clearFailedItem(item);
}
