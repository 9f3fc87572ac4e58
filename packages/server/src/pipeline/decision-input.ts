import type { Scope } from '../db/tenant-tx.ts';
import { ACR_STEP_UP } from '../identity/dev-issuer.ts';
import type { Principal } from '../identity/principal.ts';
import type { DecisionInput } from '../policy/policy-engine.ts';
import type { Tenant } from '../tenancy/tenants.ts';

// The policy input of one action, built in one place so that a preflight (`policy.can`, the
// approvals inbox) asks exactly the question the pipeline asks when the request is made.

const STEP_UP_MAX_AGE_S = 15 * 60;

export interface DecisionSubject {
  principal: Principal;
  tenant: Tenant;
  requestId: string;
  now: Date;
}

export function decisionInput(who: DecisionSubject, action: { name: string; scope: Scope }, resource: unknown): DecisionInput {
  const { principal, tenant, now } = who;
  return {
    subject: { id: principal.subjectId, tenant_id: principal.tenantId, roles: principal.roles, attributes: principal.attributes },
    action: action.name,
    resource: resource ?? null,
    tenant: {
      id: tenant.tenant_id,
      status: tenant.status,
      data_region: tenant.config.data_region,
      env: tenant.config.env,
      redaction_preset: tenant.config.redaction_preset,
      feature_flags: tenant.config.feature_flags,
      data_classes: tenant.config.data_classes,
    },
    context: { request_id: who.requestId, time: now.toISOString(), step_up: isSteppedUp(principal, now), auth_time: principal.authTime ?? null, scope: action.scope },
  };
}

/** Whether the credential shows a second factor (acr or amr) used at most `maxAgeS` ago. */
export function isSteppedUp(principal: Principal, now: Date, maxAgeS = STEP_UP_MAX_AGE_S): boolean {
  if (principal.authTime === undefined) return false;
  const strong = principal.acr === ACR_STEP_UP || (principal.amr ?? []).some((m) => m === 'otp' || m === 'mfa' || m === 'hwk');
  return strong && now.getTime() / 1000 - principal.authTime <= maxAgeS;
}
