import { setTimeout as sleep } from 'node:timers/promises';

// PostgreSQL updates a catalog row (a table's or schema's ACL, a database's) in place for GRANT
// and REVOKE, without waiting for a concurrent transaction changing the same row: the later one
// fails with "tuple concurrently updated" (SQLSTATE XX000). Its transaction rolled back whole, so
// running it again is safe, and once the other has committed it goes through.

export interface CatalogRetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; each later try waits this much longer, plus up to as much again at random. */
  backoffMs: number;
}

export const CATALOG_RETRY: CatalogRetryOptions = { attempts: 5, backoffMs: 25 };

export function isConcurrentCatalogUpdate(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === 'XX000' && typeof e.message === 'string' && e.message.includes('tuple concurrently updated');
}

/** Runs `fn` (one whole transaction), again after a short wait when it lost a catalog update race, up to `attempts` tries. */
export async function retryingCatalogRace<T>(fn: () => Promise<T>, options: CatalogRetryOptions = CATALOG_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !isConcurrentCatalogUpdate(error)) throw error;
      await sleep(options.backoffMs * attempt + Math.random() * options.backoffMs * attempt);
    }
  }
}
