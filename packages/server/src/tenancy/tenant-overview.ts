import { listAuditEvents, type AuditEvent } from '../audit/audit-events.ts';
import { asTenant } from '../db/tenant-tx.ts';
import { listAssignments, DEFAULT_ASSIGNMENT, type PlanAssignment } from '../finops/plan-assignments.ts';
import { usageSince } from '../finops/usage-events.ts';
import type { TenantJwk } from '../keys/jwks.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { QUOTA_WINDOWS } from '../pipeline/execute.ts';
import { activationHistory, type Activation } from '../policy/bundle-store.ts';
import { withBundlesAndFlags, type TenantListing } from './tenant-listing.ts';
import type { Tenant } from './tenants.ts';

// Everything an operator's tenant page shows, read as that tenant inside the operator's
// transaction (row-level security still confines each read to the one tenant).

export interface QuotaUse {
  quota: 'runs' | 'exports';
  limit: number;
  used: number;
  window_seconds: number;
}

export interface TenantOverview extends TenantListing {
  plan: Omit<PlanAssignment, 'assigned_at'> & { assigned_at: string | null };
  activations: Activation[];
  keys: TenantJwk[];
  quotas: QuotaUse[];
  recent_audit: AuditEvent[];
}

const ACTIVATIONS_SHOWN = 20;
const AUDIT_SHOWN = 20;

/** The plan in force today: the latest assignment effective on or before it. */
function planToday(assignments: PlanAssignment[], now: Date): TenantOverview['plan'] {
  const today = now.toISOString().slice(0, 10);
  const current = assignments.filter((a) => a.effective_from <= today).at(-1);
  return current ?? { ...DEFAULT_ASSIGNMENT, assigned_at: null };
}

export async function tenantOverview(tenant: Tenant, now: Date): Promise<TenantOverview> {
  const [listing] = await withBundlesAndFlags([tenant]);
  return asTenant(
    tenant.tenant_id,
    async () => {
      const quotas: QuotaUse[] = [];
      for (const quota of ['runs', 'exports'] as const) {
        const w = QUOTA_WINDOWS[quota];
        quotas.push({ quota, limit: w.limit(tenant), used: (await usageSince(quota, new Date(now.getTime() - w.ms))).count, window_seconds: w.ms / 1000 });
      }
      return {
        ...listing!,
        plan: planToday(await listAssignments(), now),
        activations: await activationHistory(ACTIVATIONS_SHOWN),
        keys: (await ledgerServices().keys.jwks()).keys,
        quotas,
        recent_audit: await listAuditEvents({ limit: AUDIT_SHOWN }),
      };
    },
    { scope: 'tenant' },
  );
}
