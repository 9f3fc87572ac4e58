import { currentContext, currentTenantId, currentTx } from '../context.ts';
import { RegionRouter } from '../db/region-router.ts';
import type { Database } from '../db/database.ts';
import { afterCommit, withPlatformTransaction } from '../db/tenant-tx.ts';
import type { TenantConfig } from './tenant-config.ts';

/** `purged`: a whole-tenant purge ran (ADR 0029); final, and the id is never given again. */
export type TenantStatus = 'active' | 'disabled' | 'purged';

export interface Tenant {
  tenant_id: string;
  status: TenantStatus;
  config: TenantConfig;
  created_at: string;
  updated_at: string;
}

export interface TenantRow {
  [key: string]: unknown;
  tenant_id: string;
  status: TenantStatus;
  config: TenantConfig;
  created_at: Date;
  updated_at: Date;
}

const columns = 'tenant_id, status, config, created_at, updated_at';

/**
 * With a database per region, a tenant's row is in two: the registry in the home database, and its
 * region's database, which its own rows refer to and its transactions read. Each side owns some
 * columns: operators write the status in the registry, tenants write their settings in their
 * region. A write is copied to the other database once its transaction has committed, so no
 * writer holds a lock in one database while waiting on the other (two writers in opposite
 * directions would otherwise deadlock, out of reach of either database's detector).
 */
type Owned = 'status' | 'settings';

const OWNED_COLUMNS: Record<Owned, string> = {
  status: 'status = EXCLUDED.status',
  settings: 'display_name = EXCLUDED.display_name, data_region = EXCLUDED.data_region, config = EXCLUDED.config',
};

/** The databases other than the current one that keep a copy of the tenant's row (none without regions). */
function otherHolders(row: TenantRow): { source: Database; targets: Database[] } | undefined {
  const databases = currentContext()?.databases;
  const router = databases?.given;
  if (!(router instanceof RegionRouter)) return undefined;
  const holders = new Set([router.home, router.place(row.tenant_id, row.config.data_region)]);
  holders.delete(databases!.current);
  return { source: databases!.current, targets: [...holders] };
}

const upsert = (owned: Owned | 'all') =>
  `INSERT INTO tenants (tenant_id, display_name, data_region, config, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
   ON CONFLICT (tenant_id) DO UPDATE SET ${owned === 'all' ? `${OWNED_COLUMNS.status}, ${OWNED_COLUMNS.settings}` : OWNED_COLUMNS[owned]},
     updated_at = greatest(tenants.updated_at, EXCLUDED.updated_at)`;

const rowParams = (row: TenantRow) => [row.tenant_id, row.config.display_name, row.config.data_region, JSON.stringify(row.config), row.status, row.created_at, row.updated_at];

// The settings columns (display name, region) are read out of `config`, which holds them all.
const sameOwned = (a: TenantRow, b: TenantRow, owned: Owned): boolean => (owned === 'status' ? a.status === b.status : JSON.stringify(a.config) === JSON.stringify(b.config));

/**
 * Copies the columns `owned` of a tenant's row from `source` to `target` as they stand now, one
 * database at a time. It reads the source again after writing, and copies again if the value
 * moved meanwhile: copies that overlap leave the latest committed value, whatever their order.
 */
async function copyRow(source: Database, target: Database, tenantId: string, owned: Owned): Promise<void> {
  const read = async () => (await withPlatformTransaction(source, () => currentTx().query<TenantRow>(`SELECT ${columns} FROM tenants WHERE tenant_id = $1`, [tenantId])))[0];
  let row = await read();
  while (row !== undefined) {
    const copied: TenantRow = row;
    await withPlatformTransaction(target, () => currentTx().query(upsert(owned), rowParams(copied)));
    row = await read();
    if (row !== undefined && sameOwned(row, copied, owned)) return;
  }
}

const COPY_ATTEMPTS = 4;

/** Retries a copy a few times (a database can be briefly unreachable); copying again is harmless. */
async function copyWithRetries(copy: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await copy();
    } catch (error) {
      if (attempt >= COPY_ATTEMPTS) throw error;
      await new Promise((done) => setTimeout(done, 25 * 4 ** attempt));
    }
  }
}

/** The written row; the columns the writer owns are copied to the other database after commit. */
async function written(rows: TenantRow[], owned: Owned): Promise<TenantRow | undefined> {
  const row = rows[0];
  const holders = row === undefined ? undefined : otherHolders(row);
  if (row !== undefined && holders !== undefined) {
    for (const target of holders.targets) afterCommit(() => copyWithRetries(() => copyRow(holders.source, target, row.tenant_id, owned)));
  }
  return row;
}

/**
 * A new tenant's row is copied before the writer commits: work that follows in the same request
 * (its first admin, its keys) opens transactions in its region, whose rows refer to it. No other
 * writer can hold the row yet, so nothing can wait the other way.
 */
async function insertedEverywhere(rows: TenantRow[]): Promise<TenantRow | undefined> {
  const row = rows[0];
  const holders = row === undefined ? undefined : otherHolders(row);
  if (row !== undefined && holders !== undefined) {
    for (const target of holders.targets) await withPlatformTransaction(target, () => currentTx().query(upsert('all'), rowParams(row)));
  }
  return row;
}

export function toTenant(row: TenantRow): Tenant {
  return {
    tenant_id: row.tenant_id,
    status: row.status,
    config: row.config,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

// Platform scope: these run in a platform transaction, where the registry is visible.

/** Inserts a tenant; returns undefined when the id is taken. */
export async function insertTenant(config: TenantConfig, at: Date): Promise<Tenant | undefined> {
  const rows = await currentTx().query<TenantRow>(
    `INSERT INTO tenants (tenant_id, display_name, data_region, config, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (tenant_id) DO NOTHING RETURNING ${columns}`,
    [config.tenant_id, config.display_name, config.data_region, JSON.stringify(config), at.toISOString()],
  );
  const row = await insertedEverywhere(rows);
  return row === undefined ? undefined : toTenant(row);
}

export async function listTenants(): Promise<Tenant[]> {
  return (await currentTx().query<TenantRow>(`SELECT ${columns} FROM tenants ORDER BY tenant_id`)).map(toTenant);
}

/** At most `limit` tenants in id order, those after `after` (all from the first when null). */
export async function listTenantsPage(after: string | null, limit: number): Promise<Tenant[]> {
  const rows = await currentTx().query<TenantRow>(`SELECT ${columns} FROM tenants WHERE ($1::text IS NULL OR tenant_id > $1) ORDER BY tenant_id LIMIT $2`, [after, limit]);
  return rows.map(toTenant);
}

export async function findTenant(tenantId: string): Promise<Tenant | undefined> {
  const rows = await currentTx().query<TenantRow>(`SELECT ${columns} FROM tenants WHERE tenant_id = $1`, [tenantId]);
  return rows[0] === undefined ? undefined : toTenant(rows[0]);
}

export async function setTenantStatus(tenantId: string, status: TenantStatus, at: Date): Promise<Tenant | undefined> {
  const rows = await currentTx().query<TenantRow>(
    `UPDATE tenants SET status = $2, updated_at = $3 WHERE tenant_id = $1 RETURNING ${columns}`,
    [tenantId, status, at.toISOString()],
  );
  const row = await written(rows, 'status');
  return row === undefined ? undefined : toTenant(row);
}

// Tenant scope: the current tenant's own row, through row-level security.

export async function getCurrentTenant(): Promise<Tenant | undefined> {
  return (await getCurrentTenantVersioned())?.tenant;
}

/**
 * The current tenant with its configuration version, which moves whenever something a server
 * keeps in memory for the tenant changes (see the fleet's config follower). One read.
 */
export async function getCurrentTenantVersioned(): Promise<{ tenant: Tenant; configVersion: string } | undefined> {
  const rows = await currentTx().query<TenantRow & { config_version: string }>(`SELECT ${columns}, config_version::text AS config_version FROM tenants WHERE tenant_id = $1`, [
    currentTenantId(),
  ]);
  return rows[0] === undefined ? undefined : { tenant: toTenant(rows[0]), configVersion: rows[0].config_version };
}

export async function updateCurrentTenantConfig(config: TenantConfig, at: Date): Promise<Tenant> {
  const rows = await currentTx().query<TenantRow>(
    `UPDATE tenants SET display_name = $2, data_region = $3, config = $4, updated_at = $5
     WHERE tenant_id = $1 RETURNING ${columns}`,
    [currentTenantId(), config.display_name, config.data_region, JSON.stringify(config), at.toISOString()],
  );
  const row = await written(rows, 'settings');
  if (row === undefined) throw new Error('current tenant not found');
  return toTenant(row);
}
