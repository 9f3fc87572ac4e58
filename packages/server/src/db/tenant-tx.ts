import { currentContext, runWithContext, type RequestContext } from '../context.ts';
import { uuidv7 } from '../util/ids.ts';
import type { Database } from './database.ts';

export type Scope = 'tenant' | 'platform';

const roles: Record<Scope, string> = { tenant: 'companyos_app', platform: 'companyos_platform' };

/**
 * Opens a transaction as the app (or platform) role with the tenant set for row-level security,
 * and runs `fn` with that transaction and tenant in the context. Platform scope still sets the
 * tenant: it is the actor's tenant, where the audit trail of platform work is written.
 */
export function withTenantTransaction<T>(
  db: Database,
  tenantId: string,
  fn: () => Promise<T>,
  options: { scope?: Scope; context?: Partial<RequestContext> } = {},
): Promise<T> {
  const parent = currentContext();
  return db.transaction(async (tx) => {
    // set_config('role', ..., true) is SET LOCAL ROLE; both settings in one round trip.
    await tx.query(`SELECT set_config('role', $1, true), set_config('app.tenant_id', $2, true)`, [roles[options.scope ?? 'tenant'], tenantId]);
    const ctx: RequestContext = {
      requestId: parent?.requestId ?? uuidv7(),
      subject: parent?.subject,
      ...options.context,
      tenantId,
      tx,
    };
    return runWithContext(ctx, fn);
  });
}

/** Platform-scope transaction with no tenant at all (tenant registry, API key resolution). */
export function withPlatformTransaction<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  const parent = currentContext();
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('role', 'companyos_platform', true), set_config('app.tenant_id', '', true)`);
    return runWithContext({ requestId: parent?.requestId ?? uuidv7(), subject: parent?.subject, tenantId: '', tx }, fn);
  });
}

/**
 * Runs `fn` inside the current transaction with row-level security switched to another tenant,
 * then switches back. Only platform work that must seed a tenant it just created uses this
 * (the first admin of a new tenant); the role and the transaction stay the same.
 */
export async function asTenant<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
  const ctx = currentContext();
  const tx = ctx?.tx;
  if (ctx === undefined || tx === undefined) throw new Error('asTenant needs an open tenant transaction');
  await tx.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  try {
    return await runWithContext({ ...ctx, tenantId }, fn);
  } finally {
    await tx.query(`SELECT set_config('app.tenant_id', $1, true)`, [ctx.tenantId]);
  }
}
