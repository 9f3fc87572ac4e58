import { currentContext, currentTx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { RegionRouter } from '../db/region-router.ts';
import { afterCommit, asTenant, withPlatformTransaction } from '../db/tenant-tx.ts';
import { enqueue, type JobRunner } from '../jobs/index.ts';
import type { TenantRow } from './tenants.ts';

/**
 * With a database per region, a tenant's row is in two: the registry in the home database, and its
 * region's database, which its own rows refer to and its transactions read. Each side owns some
 * columns: operators write the status in the registry, tenants write their settings in their
 * region. A write is copied to the other database once its transaction has committed, so no
 * writer holds a lock in one database while waiting on the other (two writers in opposite
 * directions would otherwise deadlock, out of reach of either database's detector). The copy is a
 * durable job queued with the write, in the writer's transaction: tried at once after the commit,
 * and by the job, with backoff, until the other database takes it (ADR 0033).
 */
export type Owned = 'status' | 'settings';

export const TENANT_COLUMNS = 'tenant_id, status, config, created_at, updated_at';
export const ROW_COPY_JOB = 'tenancy.row_copy';

interface RowCopyPayload {
  owned: Owned;
  /** The database written: the registry's (home) or the tenant's region's. */
  from: 'home' | 'region';
}

const OWNED_COLUMNS: Record<Owned, string> = {
  status: 'status = EXCLUDED.status',
  settings: 'display_name = EXCLUDED.display_name, data_region = EXCLUDED.data_region, config = EXCLUDED.config',
};

// A copy that finds the value already there writes nothing: a repeated copy is a no-op, not a change.
const DIFFERS: Record<Owned, string> = {
  status: 'tenants.status IS DISTINCT FROM EXCLUDED.status',
  settings: '(tenants.display_name, tenants.data_region, tenants.config) IS DISTINCT FROM (EXCLUDED.display_name, EXCLUDED.data_region, EXCLUDED.config)',
};

/** The databases other than the current one that keep a copy of the tenant's row (none without regions). */
export function otherHolders(row: TenantRow): { router: RegionRouter; source: Database; targets: Database[] } | undefined {
  const databases = currentContext()?.databases;
  const router = databases?.given;
  if (!(router instanceof RegionRouter)) return undefined;
  const holders = new Set([router.home, router.place(row.tenant_id, row.config.data_region)]);
  holders.delete(databases!.current);
  return { router, source: databases!.current, targets: [...holders] };
}

export const upsertTenantRow = (owned: Owned | 'all') =>
  `INSERT INTO tenants (tenant_id, display_name, data_region, config, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
   ON CONFLICT (tenant_id) DO UPDATE SET ${owned === 'all' ? `${OWNED_COLUMNS.status}, ${OWNED_COLUMNS.settings}` : OWNED_COLUMNS[owned]},
     updated_at = greatest(tenants.updated_at, EXCLUDED.updated_at)${owned === 'all' ? '' : ` WHERE ${DIFFERS[owned]}`}`;

export const tenantRowParams = (row: TenantRow) => [row.tenant_id, row.config.display_name, row.config.data_region, JSON.stringify(row.config), row.status, row.created_at, row.updated_at];

// The settings columns (display name, region) are read out of `config`, which holds them all.
const sameOwned = (a: TenantRow, b: TenantRow, owned: Owned): boolean => (owned === 'status' ? a.status === b.status : JSON.stringify(a.config) === JSON.stringify(b.config));

/**
 * Copies the columns `owned` of a tenant's row from `source` to `target` as they stand now, one
 * database at a time. It reads the source again after writing, and copies again if the value
 * moved meanwhile: copies that overlap leave the latest committed value, whatever their order.
 */
async function copyRow(source: Database, target: Database, tenantId: string, owned: Owned): Promise<void> {
  const read = async () => (await withPlatformTransaction(source, () => currentTx().query<TenantRow>(`SELECT ${TENANT_COLUMNS} FROM tenants WHERE tenant_id = $1`, [tenantId])))[0];
  let row = await read();
  while (row !== undefined) {
    const copied: TenantRow = row;
    await withPlatformTransaction(target, () => currentTx().query(upsertTenantRow(owned), tenantRowParams(copied)));
    row = await read();
    if (row !== undefined && sameOwned(row, copied, owned)) return;
  }
}

/**
 * In the writer's transaction: queues the copy of the columns `owned` of a row just written to the
 * other database, and tries it once the transaction has committed. A failed try is left to the
 * job, so the write stands and the request answers; the other side follows when it can.
 */
export async function copyWhenCommitted(row: TenantRow, owned: Owned, at: Date): Promise<void> {
  const holders = otherHolders(row);
  if (holders === undefined || holders.targets.length === 0) return;
  const payload: RowCopyPayload = { owned, from: holders.source === holders.router.home ? 'home' : 'region' };
  // The job lives beside the write, in the database written, whichever the tenant's own rows are in.
  await asTenant(row.tenant_id, () => enqueue(ROW_COPY_JOB, payload, { now: at, maxAttempts: 25 }), { here: true });
  const { source, targets } = holders;
  afterCommit(async () => {
    for (const target of targets) await copyRow(source, target, row.tenant_id, owned).catch(() => undefined);
  });
}

/** Registers the copy job; it runs only with region databases (`db` a router), where it was queued. */
export function installTenantRowCopies(runner: JobRunner, db: Database): void {
  runner.register<RowCopyPayload>(ROW_COPY_JOB, {
    backoffMs: 10_000,
    run: async ({ owned, from }, ctx) => {
      if (!(db instanceof RegionRouter)) return;
      const tenantId = ctx.job.tenant_id;
      const region = await db.forTenant(tenantId);
      const [source, target] = from === 'home' ? [db.home, region] : [region, db.home];
      if (source !== target) await copyRow(source, target, tenantId, owned);
    },
  });
}
