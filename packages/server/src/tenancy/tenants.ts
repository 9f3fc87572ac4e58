import { currentTenantId, currentTx } from '../context.ts';
import { withPlatformTransaction } from '../db/tenant-tx.ts';
import type { TenantConfig } from './tenant-config.ts';
import { copyWhenCommitted, otherHolders, TENANT_COLUMNS, tenantRowParams, upsertTenantRow } from './tenant-row-copy.ts';

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

/**
 * A new tenant's row is copied before the writer commits: work that follows in the same request
 * (its first admin, its keys) opens transactions in its region, whose rows refer to it. No other
 * writer can hold the row yet, so nothing can wait the other way.
 */
async function insertedEverywhere(rows: TenantRow[]): Promise<TenantRow | undefined> {
  const row = rows[0];
  const holders = row === undefined ? undefined : otherHolders(row);
  if (row !== undefined && holders !== undefined) {
    for (const target of holders.targets) await withPlatformTransaction(target, () => currentTx().query(upsertTenantRow('all'), tenantRowParams(row)));
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
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (tenant_id) DO NOTHING RETURNING ${TENANT_COLUMNS}`,
    [config.tenant_id, config.display_name, config.data_region, JSON.stringify(config), at.toISOString()],
  );
  const row = await insertedEverywhere(rows);
  return row === undefined ? undefined : toTenant(row);
}

export async function listTenants(): Promise<Tenant[]> {
  return (await currentTx().query<TenantRow>(`SELECT ${TENANT_COLUMNS} FROM tenants ORDER BY tenant_id`)).map(toTenant);
}

/** At most `limit` tenants in id order, those after `after` (all from the first when null). */
export async function listTenantsPage(after: string | null, limit: number): Promise<Tenant[]> {
  const rows = await currentTx().query<TenantRow>(`SELECT ${TENANT_COLUMNS} FROM tenants WHERE ($1::text IS NULL OR tenant_id > $1) ORDER BY tenant_id LIMIT $2`, [after, limit]);
  return rows.map(toTenant);
}

export async function findTenant(tenantId: string): Promise<Tenant | undefined> {
  const rows = await currentTx().query<TenantRow>(`SELECT ${TENANT_COLUMNS} FROM tenants WHERE tenant_id = $1`, [tenantId]);
  return rows[0] === undefined ? undefined : toTenant(rows[0]);
}

export async function setTenantStatus(tenantId: string, status: TenantStatus, at: Date): Promise<Tenant | undefined> {
  const rows = await currentTx().query<TenantRow>(
    `UPDATE tenants SET status = $2, updated_at = $3 WHERE tenant_id = $1 RETURNING ${TENANT_COLUMNS}`,
    [tenantId, status, at.toISOString()],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  await copyWhenCommitted(row, 'status', at);
  return toTenant(row);
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
  const rows = await currentTx().query<TenantRow & { config_version: string }>(`SELECT ${TENANT_COLUMNS}, config_version::text AS config_version FROM tenants WHERE tenant_id = $1`, [
    currentTenantId(),
  ]);
  return rows[0] === undefined ? undefined : { tenant: toTenant(rows[0]), configVersion: rows[0].config_version };
}

export async function updateCurrentTenantConfig(config: TenantConfig, at: Date): Promise<Tenant> {
  const rows = await currentTx().query<TenantRow>(
    `UPDATE tenants SET display_name = $2, data_region = $3, config = $4, updated_at = $5
     WHERE tenant_id = $1 RETURNING ${TENANT_COLUMNS}`,
    [currentTenantId(), config.display_name, config.data_region, JSON.stringify(config), at.toISOString()],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('current tenant not found');
  await copyWhenCommitted(row, 'settings', at);
  return toTenant(row);
}
