import { evaluateRule, strings, type Approvals, type PolicyPerson } from '../shared/workflow-policy.ts';
import { discountPercent } from './money.ts';

// The tenant policy's discount approval rule (policies/base/revops/discount_approvals.rego).

export interface DiscountInput {
  requester: PolicyPerson;
  deal: { id: string; discount_pct: number };
  approvals: Approvals;
}

export interface DiscountDecision {
  allow: boolean;
  reasons: string[];
  /** Whether the quote may go forward at all (the requester's role, a sane discount), whatever the approvals. */
  request_allowed: boolean;
  required_approvals: string[];
  missing_approvals: string[];
  self_approved: boolean;
}

export const DISCOUNT_RULE = 'companyos.revops.discount_decision';

/** The rule's answer as a decision; a bundle without the rule decides nothing, which refuses. */
export function asDiscountDecision(d: unknown): DiscountDecision {
  if (d === undefined || d === null || typeof d !== 'object') {
    return { allow: false, reasons: [`the tenant policy has no ${DISCOUNT_RULE} rule`], request_allowed: false, required_approvals: [], missing_approvals: [], self_approved: false };
  }
  const r = d as Record<string, unknown>;
  return {
    allow: r.allow === true,
    reasons: strings(r.reasons).sort(),
    request_allowed: r.request_allowed === true,
    required_approvals: strings(r.required_approvals).sort(),
    missing_approvals: strings(r.missing_approvals).sort(),
    self_approved: r.self_approved === true,
  };
}

export function discountInput(quote: { quote_id: string; discount_bp: number }, requester: PolicyPerson, approvals: Approvals): DiscountInput {
  return { requester, deal: { id: quote.quote_id, discount_pct: discountPercent(quote.discount_bp) }, approvals };
}

/** What the tenant's active bundle decides about a quote's discount with these approvals. */
export function discountDecision(tenantId: string, input: DiscountInput): DiscountDecision {
  return asDiscountDecision(evaluateRule(tenantId, DISCOUNT_RULE, input));
}
