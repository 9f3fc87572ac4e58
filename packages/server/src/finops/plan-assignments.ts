import { currentTenantId, currentTx } from '../context.ts';
import { byTenant } from './by-tenant.ts';

export interface PlanAssignment {
  /** First UTC day the plan is in force (YYYY-MM-DD). */
  effective_from: string;
  plan_id: string;
  plan_version: number;
  internal: boolean;
  assigned_by: string;
  assigned_at: string;
}

/** A tenant with no assignment is on this plan, as an internal tenant. */
export const DEFAULT_ASSIGNMENT: Omit<PlanAssignment, 'assigned_at'> = {
  effective_from: '1970-01-01',
  plan_id: 'internal',
  plan_version: 1,
  internal: true,
  assigned_by: 'default',
};

/** Puts the current tenant on a plan from a day on; a second assignment for the same day replaces the first. */
export async function assignPlan(a: Omit<PlanAssignment, 'assigned_at'>, at: Date): Promise<PlanAssignment> {
  await currentTx().query(
    `INSERT INTO plan_assignments (tenant_id, effective_from, plan_id, plan_version, internal, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, effective_from) DO UPDATE SET plan_id = EXCLUDED.plan_id, plan_version = EXCLUDED.plan_version, internal = EXCLUDED.internal,
       assigned_by = EXCLUDED.assigned_by, assigned_at = EXCLUDED.assigned_at`,
    [currentTenantId(), a.effective_from, a.plan_id, a.plan_version, a.internal, a.assigned_by, at.toISOString()],
  );
  return { ...a, assigned_at: at.toISOString() };
}

/** The current tenant's assignments, oldest first. */
export async function listAssignments(): Promise<PlanAssignment[]> {
  return (await assignmentsOf([currentTenantId()])).get(currentTenantId()) ?? [];
}

/** The assignments of several tenants (as many as row-level security lets the transaction read), each tenant's oldest first. */
export async function assignmentsOf(tenantIds: string[]): Promise<Map<string, PlanAssignment[]>> {
  const rows = await currentTx().query<Omit<PlanAssignment, 'assigned_at'> & { tenant_id: string; assigned_at: Date | string }>(
    `SELECT tenant_id, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, plan_id, plan_version, internal, assigned_by, assigned_at
     FROM plan_assignments WHERE tenant_id = ANY ($1::text[]) ORDER BY tenant_id, effective_from`,
    [tenantIds],
  );
  return byTenant(rows, (r) => ({ ...r, plan_version: Number(r.plan_version), assigned_at: new Date(r.assigned_at).toISOString() }));
}

/**
 * The plans in force over [from, to): the one in force on `from`, then each change inside the
 * range, as consecutive spans. (Proration: see rating.ts and docs/finops.md.)
 */
export function spans(assignments: PlanAssignment[], from: string, to: string): Array<{ assignment: Omit<PlanAssignment, 'assigned_at'>; from: string; to: string }> {
  let current: Omit<PlanAssignment, 'assigned_at'> = DEFAULT_ASSIGNMENT;
  const changes: PlanAssignment[] = [];
  for (const a of assignments) {
    if (a.effective_from <= from) current = a;
    else if (a.effective_from < to) changes.push(a);
  }
  const out: Array<{ assignment: Omit<PlanAssignment, 'assigned_at'>; from: string; to: string }> = [];
  let start = from;
  for (const c of changes) {
    out.push({ assignment: current, from: start, to: c.effective_from });
    current = c;
    start = c.effective_from;
  }
  out.push({ assignment: current, from: start, to });
  return out;
}
