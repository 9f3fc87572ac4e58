import type { Database } from '../db/database.ts';
import { acrossDatabases } from '../db/region-router.ts';
import { withPlatformTransaction } from '../db/tenant-tx.ts';
import { listTenants } from '../tenancy/tenants.ts';
import { activeHashes } from './bundle-store.ts';
import type { PolicyEngine } from './policy-engine.ts';

export interface PolicyDrift {
  tenant: string;
  /** What this process decides with. */
  loaded_hash: string;
  /** What the database names as active (the base bundle's hash when the tenant has no version). */
  active_hash: string;
  drifted: boolean;
}

/** Every tenant's loaded bundle hash against the active one. */
export async function policyDrift(db: Database, engine: PolicyEngine): Promise<PolicyDrift[]> {
  const tenants = await withPlatformTransaction(db, () => listTenants());
  const hashes = new Map(await acrossDatabases(db, async (each) => [...(await withPlatformTransaction(each, () => activeHashes()))]));
  return tenants.map((t) => {
    const loaded = engine.bundleFor(t.tenant_id).hash;
    const active = hashes.get(t.tenant_id) ?? engine.base.hash;
    return { tenant: t.tenant_id, loaded_hash: loaded, active_hash: active, drifted: loaded !== active };
  });
}
