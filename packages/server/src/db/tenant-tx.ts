import { currentContext, runWithContext, type RequestContext } from '../context.ts';
import { uuidv7 } from '../util/ids.ts';
import type { Database, Row } from './database.ts';
import { RegionRouter } from './region-router.ts';
import { LOCK_SPACE } from './tenant-locks.ts';

export type Scope = 'tenant' | 'platform';

const roles: Record<Scope, string> = { tenant: 'companyos_app', platform: 'companyos_platform' };

/**
 * Opens a transaction as the app (or platform) role with the tenant set for row-level security,
 * and runs `fn` with that transaction and tenant in the context. Platform scope still sets the
 * tenant: it is the actor's tenant, where the audit trail of platform work is written. With a
 * database per region, the transaction runs in the tenant's region database. The tenant's usage
 * lock is held shared from the start (tenant-locks.ts): a month's finalisation waits for it.
 * `opening` is a read made as the transaction begins (see TransactionOptions), which may name
 * further transaction `settings`; `fn` gets its rows.
 */
export async function withTenantTransaction<T>(
  db: Database,
  tenantId: string,
  fn: (opened: Row[]) => Promise<T>,
  options: {
    scope?: Scope;
    context?: Partial<RequestContext>;
    opening?: string;
    settings?: ReadonlyArray<readonly [string, string]>;
    /** The database to open it in when not the tenant's own: a job kept where it was queued. */
    database?: Database;
  } = {},
): Promise<T> {
  const parent = currentContext();
  const settings = [['role', roles[options.scope ?? 'tenant']], ['app.tenant_id', tenantId], ...(options.settings ?? [])] as const;
  const current = options.database ?? (db instanceof RegionRouter ? await db.forTenant(tenantId) : db);
  const committed: Array<() => Promise<void>> = [];
  const result = await current.transaction(
    async (tx, opened) => {
      const ctx: RequestContext = {
        requestId: parent?.requestId ?? uuidv7(),
        subject: parent?.subject,
        ...options.context,
        tenantId,
        tx,
        databases: { given: db, current },
        afterCommit: committed,
      };
      return runWithContext(ctx, () => fn(opened));
    },
    { settings, sharedLocks: [[LOCK_SPACE.usage, tenantId]], ...(options.opening !== undefined ? { opening: options.opening } : {}) },
  );
  await settle(committed);
  return result;
}

/**
 * Runs `fn` once the current transaction has committed, before the function that opened it
 * returns: work that must not hold the transaction's locks while it waits on another database.
 */
export function afterCommit(fn: () => Promise<void>): void {
  const hooks = currentContext()?.afterCommit;
  if (hooks === undefined) throw new Error('afterCommit needs a transaction opened by withTenantTransaction or withPlatformTransaction');
  hooks.push(fn);
}

/**
 * Runs the hooks of a transaction that committed, or, when it was opened inside another one (in
 * another database), hands them to that one: they run once the outermost has committed.
 */
async function settle(hooks: Array<() => Promise<void>>): Promise<void> {
  if (hooks.length === 0) return;
  const outer = currentContext()?.afterCommit;
  if (outer !== undefined) outer.push(...hooks);
  else await runAfterCommit(hooks);
}

/** Runs each hook in order; every hook runs even when one fails, and the first failure is thrown. */
async function runAfterCommit(hooks: Array<() => Promise<void>>): Promise<void> {
  let failure: { error: unknown } | undefined;
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure !== undefined) throw failure.error;
}

const platformSettings = [
  ['role', roles.platform],
  ['app.tenant_id', ''],
] as const;

/** Platform-scope transaction with no tenant at all (tenant registry, API key resolution). */
export async function withPlatformTransaction<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  const parent = currentContext();
  const databases = { given: db, current: db instanceof RegionRouter ? db.home : db };
  const committed: Array<() => Promise<void>> = [];
  const result = await db.transaction(
    (tx) => runWithContext({ requestId: parent?.requestId ?? uuidv7(), subject: parent?.subject, tenantId: '', tx, databases, afterCommit: committed }, fn),
    { settings: platformSettings },
  );
  await settle(committed);
  return result;
}

/**
 * Platform-scope transaction over the billing rows (meter readings, plan assignments, invoices
 * and their lines) of several named tenants at once, for work done for many tenants in one go
 * such as rating a month (migration 0028). Row-level security lets it reach exactly those
 * tenants' billing rows; every other table sees only the first tenant's, as in its own
 * transaction (asTenant switches to another of them). Tenant ids cannot hold the list's comma.
 * With a database per region it runs in the tenants' region database; tenants of several
 * databases are refused (tenantsByDatabase groups them first). It holds no usage lock.
 */
export async function withTenantBatch<T>(db: Database, tenantIds: string[], fn: () => Promise<T>): Promise<T> {
  if (tenantIds.length === 0) throw new Error('a tenant batch names at least one tenant');
  const parent = currentContext();
  const settings = [
    ['role', roles.platform],
    ['app.tenant_id', tenantIds[0]!],
    ['app.tenant_batch', tenantIds.join(',')],
  ] as const;
  const groups = await tenantsByDatabase(db, tenantIds);
  if (groups.length > 1) throw new Error('a tenant batch holds the tenants of one database: group them by region first');
  const current = groups[0]!.db;
  const databases = { given: db, current };
  return current.transaction((tx) => runWithContext({ requestId: parent?.requestId ?? uuidv7(), subject: parent?.subject, tenantId: tenantIds[0]!, tx, databases }, fn), { settings });
}

/** Tenants grouped by the database holding their rows (their region's), each group in the order given. */
export async function tenantsByDatabase(db: Database, tenantIds: string[]): Promise<Array<{ db: Database; tenantIds: string[] }>> {
  if (!(db instanceof RegionRouter)) return tenantIds.length === 0 ? [] : [{ db, tenantIds: [...tenantIds] }];
  const groups = new Map<Database, string[]>();
  for (const tenantId of tenantIds) {
    const home = await db.forTenant(tenantId);
    const group = groups.get(home);
    if (group === undefined) groups.set(home, [tenantId]);
    else group.push(tenantId);
  }
  return [...groups].map(([each, ids]) => ({ db: each, tenantIds: ids }));
}

/**
 * A platform scan across tenants, run in the current transaction and, with a database per region,
 * in a platform transaction of its own in every other database; returns what each found.
 */
export async function scanEveryDatabase<T>(scan: () => Promise<T>): Promise<T[]> {
  const databases = currentContext()?.databases;
  const found = [await scan()];
  if (databases?.given instanceof RegionRouter) {
    for (const db of databases.given.all) if (db !== databases.current) found.push(await withPlatformTransaction(db, scan));
  }
  return found;
}

/**
 * Runs `fn` inside the current transaction with row-level security switched to another tenant,
 * then switches back. Only platform work that must reach one tenant's own rows uses this: the
 * first admin of a tenant it just created, what the operator's tenant list shows of each tenant.
 * The transaction stays the same; so does the role, unless `scope` names another one (`tenant`
 * for the tables only a tenant itself may read, such as its flag settings). A tenant whose rows
 * live in another region's database is reached in a transaction of its own there, unless `here`
 * asks for this transaction's database anyway (a row this database keeps for the tenant, such as
 * the job that copies its registry entry to its region).
 */
export async function asTenant<T>(tenantId: string, fn: () => Promise<T>, options: { scope?: Scope; here?: boolean } = {}): Promise<T> {
  const ctx = currentContext();
  const tx = ctx?.tx;
  if (ctx === undefined || tx === undefined) throw new Error('asTenant needs an open tenant transaction');
  const databases = ctx.databases;
  if (options.here !== true && databases?.given instanceof RegionRouter && (await databases.given.forTenant(tenantId)) !== databases.current) {
    return withTenantTransaction(databases.given, tenantId, fn, { scope: options.scope ?? 'platform', context: { requestId: ctx.requestId } });
  }
  const role = options.scope === undefined ? null : roles[options.scope];
  const [prior] = await tx.query<{ role: string }>(
    `SELECT current_user AS role, set_config('app.tenant_id', $1, true), set_config('role', coalesce($2::text, current_user::text), true)`,
    [tenantId, role],
  );
  let failed = false;
  try {
    return await runWithContext({ ...ctx, tenantId }, fn);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a database error the transaction is aborted and the switch back fails too: the first error is the one to see.
    await tx.query(`SELECT set_config('app.tenant_id', $1, true), set_config('role', $2, true)`, [ctx.tenantId, prior!.role]).catch((restoreError: unknown) => {
      if (!failed) throw restoreError;
    });
  }
}
