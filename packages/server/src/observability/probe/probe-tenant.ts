import type { Database } from '../../db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../../db/tenant-tx.ts';
import { insertSubject } from '../../identity/subjects.ts';
import { defaultTenantConfig } from '../../tenancy/tenant-config.ts';
import { findTenant, insertTenant } from '../../tenancy/tenants.ts';

/** The tenant and subject the scheduled probe acts as; no customer data lives there. */
export const PROBE_TENANT = 'companyos-probe';
export const PROBE_SUBJECT = 'probe-runner';
/** Marks the tenant as the probe's own: a tenant of that id made by anyone else is never probed. */
const PROBE_OWNER = 'probe@companyos.invalid';

export class ProbeTenantTaken extends Error {}

/**
 * Creates the probe tenant and its admin if they do not exist yet, and refuses (ProbeTenantTaken)
 * when a tenant of that id exists that the probe did not create.
 */
export async function ensureProbeTenant(db: Database, at: Date): Promise<void> {
  const config = {
    ...defaultTenantConfig({ tenant_id: PROBE_TENANT, display_name: 'CompanyOS synthetic probe', data_region: 'eu', owner_contact: PROBE_OWNER, env: 'prod' }),
    // One export per run: room for a run a minute, all day.
    limits: { max_runs_per_hour: 1_000, max_exports_per_day: 2_000 },
  };
  const tenant = await withPlatformTransaction(db, async () => (await insertTenant(config, at)) ?? (await findTenant(PROBE_TENANT)));
  if (tenant?.config.owner_contact !== PROBE_OWNER) throw new ProbeTenantTaken(`tenant ${PROBE_TENANT} exists and is not the probe's own; the probe will not run in it`);
  await withTenantTransaction(db, PROBE_TENANT, () =>
    insertSubject({ subject_id: PROBE_SUBJECT, display_name: 'Synthetic probe', roles: ['CompanyAdmin'], attributes: { region: 'eu', department: 'it', employment_type: 'service' } }, at),
  );
}
