import { policyRuntime } from '../../policy/policy-runtime.ts';

// The workflow rules of a tenant's active bundle (approval policies and the like), asked directly
// by a workflow's actions after the pipeline's decision allowed them.

export interface PolicyPerson {
  id: string;
  roles: string[];
}

export type Approvals = Array<{ approver: PolicyPerson }>;

/** The value of `rule` (a dotted path below data) for `input` under the tenant's active bundle. */
export function evaluateRule(tenantId: string, rule: string, input: unknown): unknown {
  const { engine } = policyRuntime();
  return engine.policy(tenantId, engine.bundleFor(tenantId)).evaluate(rule, input);
}

/**
 * The value of `rule` for `input` under the server's base bundle: what the platform requires,
 * which no tenant's own bundle can change.
 */
export function evaluateBaseRule(rule: string, input: unknown): unknown {
  const { engine } = policyRuntime();
  return engine.policy('', engine.base).evaluate(rule, input);
}

/** The strings of a rule's set or array value (Rego sets come back as Sets). */
export const strings = (v: unknown): string[] => (v instanceof Set ? [...v] : Array.isArray(v) ? v : []).filter((s): s is string => typeof s === 'string');
