import type { Principal } from '../identity/principal.ts';
import type { DecisionInput } from '../policy/policy-engine.ts';
import type { Scope } from '../db/tenant-tx.ts';
import type { Tenant } from '../tenancy/tenants.ts';
import { isSteppedUp } from './execute.ts';

/** What the authorization policy sees for a caller taking `action` on `resource`: one shape for the pipeline's decision and for preflights. */
export function decisionInput(o: { principal: Principal; tenant: Tenant; action: string; scope: Scope; resource: unknown; requestId: string; now: Date }): DecisionInput {
  const { principal, tenant, now } = o;
  return {
    subject: { id: principal.subjectId, tenant_id: principal.tenantId, roles: principal.roles, attributes: principal.attributes },
    action: o.action,
    resource: o.resource ?? null,
    tenant: {
      id: tenant.tenant_id,
      status: tenant.status,
      data_region: tenant.config.data_region,
      env: tenant.config.env,
      redaction_preset: tenant.config.redaction_preset,
      feature_flags: tenant.config.feature_flags,
      data_classes: tenant.config.data_classes,
    },
    context: { request_id: o.requestId, time: now.toISOString(), step_up: isSteppedUp(principal, now), auth_time: principal.authTime ?? null, scope: o.scope },
  };
}
