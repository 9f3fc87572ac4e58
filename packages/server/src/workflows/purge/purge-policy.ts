import { evaluateRule, strings, type Approvals, type PolicyPerson } from '../shared/workflow-policy.ts';

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
