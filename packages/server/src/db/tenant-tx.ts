import { currentContext, runWithContext, type RequestContext } from '../context.ts';
import { uuidv7 } from '../util/ids.ts';
import type { Database, Row } from './database.ts';
import { RegionRouter } from './region-router.ts';

export type Scope = 'tenant' | 'platform';

const roles: Record<Scope, string> = { tenant: 'companyos_app', platform: 'companyos_platform' };

/**
 * Opens a transaction as the app (or platform) role with the tenant set for row-level security,
 * and runs `fn` with that transaction and tenant in the context. Platform scope still sets the
 * tenant: it is the actor's tenant, where the audit trail of platform work is written. With a
 * database per region, the transaction runs in the tenant's region database. `opening` is a read
 * made as the transaction begins (see TransactionOptions), which may name further transaction
 * `settings`; `fn` gets its rows.
 */
export async function withTenantTransaction<T>(
  db: Database,
  tenantId: string,
  fn: (opened: Row[]) => Promise<T>,
  options: { scope?: Scope; context?: Partial<RequestContext>; opening?: string; settings?: ReadonlyArray<readonly [string, string]> } = {},
): Promise<T> {
  const parent = currentContext();
  const settings = [['role', roles[options.scope ?? 'tenant']], ['app.tenant_id', tenantId], ...(options.settings ?? [])] as const;
  const current = db instanceof RegionRouter ? await db.forTenant(tenantId) : db;
  return current.transaction(
    async (tx, opened) => {
      const ctx: RequestContext = {
        requestId: parent?.requestId ?? uuidv7(),
        subject: parent?.subject,
        ...options.context,
        tenantId,
        tx,
        databases: { given: db, current },
      };
      return runWithContext(ctx, () => fn(opened));
    },
    { settings, ...(options.opening !== undefined ? { opening: options.opening } : {}) },
  );
}

const platformSettings = [
  ['role', roles.platform],
  ['app.tenant_id', ''],
] as const;

/** Platform-scope transaction with no tenant at all (tenant registry, API key resolution). */
export function withPlatformTransaction<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  const parent = currentContext();
  const databases = { given: db, current: db instanceof RegionRouter ? db.home : db };
  return db.transaction((tx) => runWithContext({ requestId: parent?.requestId ?? uuidv7(), subject: parent?.subject, tenantId: '', tx, databases }, fn), { settings: platformSettings });
}

/**
 * Platform-scope transaction over the billing rows (meter readings, plan assignments, invoices
 * and their lines) of several named tenants at once, for work done for many tenants in one go
 * such as rating a month (migration 0028). Row-level security lets it reach exactly those
 * tenants' billing rows; every other table sees only the first tenant's, as in its own
 * transaction. Tenant ids cannot hold the list's comma.
 */
export function withTenantBatch<T>(db: Database, tenantIds: string[], fn: () => Promise<T>): Promise<T> {
  if (tenantIds.length === 0) throw new Error('a tenant batch names at least one tenant');
  const parent = currentContext();
  const settings = [
    ['role', roles.platform],
    ['app.tenant_id', tenantIds[0]!],
    ['app.tenant_batch', tenantIds.join(',')],
  ] as const;
  return db.transaction((tx) => runWithContext({ requestId: parent?.requestId ?? uuidv7(), subject: parent?.subject, tenantId: tenantIds[0]!, tx }, fn), { settings });
}

/**
 * Runs `fn` inside the current transaction with row-level security switched to another tenant,
 * then switches back. Only platform work that must reach one tenant's own rows uses this: the
 * first admin of a tenant it just created, what the operator's tenant list shows of each tenant.
 * The transaction stays the same; so does the role, unless `scope` names another one (`tenant`
 * for the tables only a tenant itself may read, such as its flag settings). A tenant whose rows
 * live in another region's database is reached in a transaction of its own there.
 */
export async function asTenant<T>(tenantId: string, fn: () => Promise<T>, options: { scope?: Scope } = {}): Promise<T> {
  const ctx = currentContext();
  const tx = ctx?.tx;
  if (ctx === undefined || tx === undefined) throw new Error('asTenant needs an open tenant transaction');
  const databases = ctx.databases;
  if (databases?.given instanceof RegionRouter && (await databases.given.forTenant(tenantId)) !== databases.current) {
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
