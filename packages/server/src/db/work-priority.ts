import { AsyncLocalStorage } from 'node:async_hooks';

// Whether the current unit of work is background work (decision-log writes, ledger integration,
// jobs, usage aggregation) rather than a request. Only a database with one connection acts on it
// (PgliteDatabase lets a waiting request go first); the marker travels through awaits and timers.
const background = new AsyncLocalStorage<true>();

/** Runs `fn`, and everything it starts, as background work. */
export function inBackground<T>(fn: () => Promise<T>): Promise<T> {
  return background.run(true, fn);
}

export function isBackgroundWork(): boolean {
  return background.getStore() === true;
}

/**
 * Most rows background work writes in one transaction on a database of one connection, so a
 * request queued behind it waits for one short slice rather than a whole batch.
 */
export const BACKGROUND_SLICE_ROWS = 100;
