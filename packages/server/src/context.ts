import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Tx } from './db/database.ts';
import type { Principal } from './identity/principal.ts';

// What travels with a unit of work through services, storage and logs.
export interface RequestContext {
  tenantId: string;
  requestId: string;
  /** The trace of the unit of work, when it is traced (named on its log lines). */
  traceId?: string | undefined;
  subject?: Principal | undefined;
  tx?: Tx | undefined;
  /** The database the work was given (a region router, or the one database) and the one `tx` runs on. */
  databases?: { given: Database; current: Database } | undefined;
  /** The tenant's configuration version as the transaction's opening read saw it (a request's transaction). */
  configVersion?: string | undefined;
  /** Work to run once `tx` has committed (and not at all if it rolls back). */
  afterCommit?: Array<() => Promise<void>> | undefined;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The tenant of the current unit of work; throws when there is none. */
export function currentTenantId(): string {
  const ctx = storage.getStore();
  if (ctx === undefined || ctx.tenantId === '') throw new Error('no tenant in context');
  return ctx.tenantId;
}

/** The open transaction of the current unit of work; storage functions run their SQL on it. */
export function currentTx(): Tx {
  const tx = storage.getStore()?.tx;
  if (tx === undefined) throw new Error('no transaction in context');
  return tx;
}
