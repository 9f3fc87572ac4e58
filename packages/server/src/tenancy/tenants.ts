import { currentContext, currentTenantId, currentTx } from '../context.ts';
import { RegionRouter } from '../db/region-router.ts';
import { withPlatformTransaction } from '../db/tenant-tx.ts';
import type { TenantConfig } from './tenant-config.ts';

export type TenantStatus = 'active' | 'disabled';

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
 * region's database, which its own rows refer to and its transactions read. A write to one is
 * copied to the other in a transaction of its own, before the writer commits (copying again is harmless).
 */
async function copyToOtherDatabase(row: TenantRow): Promise<void> {
  const databases = currentContext()?.databases;
  const router = databases?.given;
  if (!(router instanceof RegionRouter)) return;
  const holders = new Set([router.home, router.place(row.tenant_id, row.config.data_region)]);
  holders.delete(databases!.current);
  for (const db of holders) {
    await withPlatformTransaction(db, () =>
      currentTx().query(
        `INSERT INTO tenants (tenant_id, display_name, data_region, config, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (tenant_id) DO UPDATE SET display_name = EXCLUDED.display_name, data_region = EXCLUDED.data_region, config = EXCLUDED.config,
           status = EXCLUDED.status, updated_at = EXCLUDED.updated_at`,
        [row.tenant_id, row.config.display_name, row.config.data_region, JSON.stringify(row.config), row.status, row.created_at, row.updated_at],
      ),
    );
  }
}

/** The written row, once copied wherever else it is kept. */
async function written(rows: TenantRow[]): Promise<TenantRow | undefined> {
  if (rows[0] !== undefined) await copyToOtherDatabase(rows[0]);
  return rows[0];
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
  const row = await written(rows);
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
  const row = await written(rows);
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
  const row = await written(rows);
  if (row === undefined) throw new Error('current tenant not found');
  return toTenant(row);
}
