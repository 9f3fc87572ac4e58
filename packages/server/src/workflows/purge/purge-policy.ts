import { approvalsOf } from '../shared/history.ts';
import type { PurgeHistoryEntry, PurgeRequest } from './purge-store.ts';
import { evaluateBaseRule, evaluateRule, strings, type Approvals, type PolicyPerson } from '../shared/workflow-policy.ts';

// The tenant policy's `companyos.purge` rules (policies/base/purge/purge.rego).

export interface PurgeInput {
  requester: PolicyPerson;
  scope: string;
  approvals: Approvals;
}

/** A purge the retention job opens: its data class, the tenant's period for it, and the record's age. */
export interface RetentionInput extends PurgeInput {
  retention: { data_class: string; period_days: number; age_days: number };
}

export interface PurgeDecision {
  allow: boolean;
  reasons: string[];
  approver_roles: string[];
}

const evaluate = (tenantId: string, rule: string, input: PurgeInput | RetentionInput): unknown => evaluateRule(tenantId, `companyos.purge.${rule}`, input);

/** May this purge be requested at all, and whose approvals will it need. */
export function purgeDecision(tenantId: string, input: PurgeInput): PurgeDecision {
  const d = evaluate(tenantId, 'request_decision', input) as Record<string, unknown> | undefined;
  if (d === undefined || d === null) return { allow: false, reasons: ['the tenant policy has no companyos.purge.request_decision rule'], approver_roles: [] };
  return { allow: d.allow === true, reasons: strings(d.reasons).sort(), approver_roles: strings(d.approver_roles) };
}

export const purgeApprovalSatisfied = (tenantId: string, input: PurgeInput): boolean => evaluate(tenantId, 'approval_satisfied', input) === true;

export const missingPurgeApprovals = (tenantId: string, input: PurgeInput): string[] => strings(evaluate(tenantId, 'missing_approvals', input)).sort();

/** Whether the policy's retention rule approves a purge the retention job opens, in place of people. */
export const retentionApproved = (tenantId: string, input: RetentionInput): boolean => evaluate(tenantId, 'retention_approved', input) === true;

/** An approval by a platform operator: who, with which roles, from which tenant. */
export type PlatformApprovals = Array<{ approver: PolicyPerson & { tenant_id: string } }>;

/** The roles of platform operators a purge of `scope` also needs, by the server's base policy. */
export const platformApproverRoles = (scope: string): string[] => strings(evaluateBaseRule('companyos.purge.platform_approver_roles', { scope })).sort();

/** The platform roles no operator's approval covers yet. */
export const missingPlatformApprovals = (scope: string, platformApprovals: PlatformApprovals): string[] =>
  strings(evaluateBaseRule('companyos.purge.platform_missing_approvals', { scope, platform_approvals: platformApprovals })).sort();

/** Whether a history entry is a platform operator's approval (only the operators' route writes one). */
const byOperator = (h: PurgeHistoryEntry): boolean => h.transition === 'approve' && h.details.platform === true;

/** The tenant policy's input for a request: the requester and the approvals of the tenant's own people. */
export function purgePolicyInput(r: PurgeRequest, history: PurgeHistoryEntry[]): PurgeInput {
  const requesterRoles = (history.find((h) => h.transition === 'request')?.details.roles as string[] | undefined) ?? [];
  return { requester: { id: r.requester, roles: requesterRoles }, scope: r.scope, approvals: approvalsOf(history.filter((h) => !byOperator(h))) };
}

/** The platform operators' approvals a request's history holds. */
export const platformApprovalsOf = (history: PurgeHistoryEntry[]): PlatformApprovals =>
  history.filter(byOperator).map((h) => ({ approver: { id: h.actor, roles: (h.details.roles as string[] | undefined) ?? [], tenant_id: String(h.details.operator_tenant) } }));

/** Whether the approvals suffice: the tenant's policy for its people, and the platform's for its operators. */
export const purgeFullyApproved = (tenantId: string, input: PurgeInput, platform: PlatformApprovals): boolean =>
  purgeApprovalSatisfied(tenantId, input) && missingPlatformApprovals(input.scope, platform).length === 0;
