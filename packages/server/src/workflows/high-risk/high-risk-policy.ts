import { evaluateRule, strings, type Approvals, type PolicyPerson } from '../shared/workflow-policy.ts';

// The tenant policy's `companyos.high_risk` rules (policies/base/high_risk/operations.rego).

export type { PolicyPerson };

export interface HighRiskInput {
  requester: PolicyPerson;
  operation: string;
  duration_minutes: number;
  approvals: Approvals;
}

export interface RequestDecision {
  allow: boolean;
  reasons: string[];
  approver_roles: string[];
}

const evaluate = (tenantId: string, rule: string, input: HighRiskInput): unknown => evaluateRule(tenantId, `companyos.high_risk.${rule}`, input);

/** The preflight: may this request be made at all, and whose approvals will it need. */
export function requestDecision(tenantId: string, input: HighRiskInput): RequestDecision {
  const d = evaluate(tenantId, 'request_decision', input) as Record<string, unknown> | undefined;
  // A bundle without the rule decides nothing, which refuses.
  if (d === undefined || d === null) return { allow: false, reasons: ['the tenant policy has no companyos.high_risk.request_decision rule'], approver_roles: [] };
  return { allow: d.allow === true, reasons: strings(d.reasons).sort(), approver_roles: strings(d.approver_roles) };
}

export function approvalSatisfied(tenantId: string, input: HighRiskInput): boolean {
  return evaluate(tenantId, 'approval_satisfied', input) === true;
}

/** The roles still to approve. */
export function missingApprovals(tenantId: string, input: HighRiskInput): string[] {
  return strings(evaluate(tenantId, 'missing_approvals', input)).sort();
}
