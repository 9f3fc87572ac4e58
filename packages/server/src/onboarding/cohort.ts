import type { OnboardingEvent, Step } from './onboarding-events.ts';
import { progressOf } from './steps.ts';

/** An in-product alert is raised when more than this share of a cohort's tenants has failed. */
export const COHORT_FAILURE_ALERT = 0.1;

export type TenantState = 'in progress' | 'onboarded' | 'verified' | 'failed';

export interface CohortTenant {
  tenant_id: string;
  state: TenantState;
  done: Step[];
  /** The step that failed last and is not done since. */
  failed_step: Step | null;
  error: string | null;
  time_to_first_verify_ms: number | null;
}

export interface CohortReport {
  cohort: string;
  tenants: CohortTenant[];
  totals: { tenants: number; onboarded: number; verified: number; failed: number; in_progress: number };
  time_to_first_verify_ms: { p50: number | null; max: number | null };
  alert: { raised: boolean; failed_share: number; threshold: number; message: string | null };
}

const ONBOARDED: Step[] = ['tenant', 'admin', 'template', 'webhook'];

function tenantOf(tenantId: string, events: OnboardingEvent[]): CohortTenant {
  const { done, next } = progressOf(events);
  const last = next === null ? undefined : events.findLast((e) => e.step === next);
  const failed = last?.outcome === 'failed';
  const verify = events.find((e) => e.step === 'evidence' && e.outcome === 'done')?.detail.time_to_first_verify_ms;
  const state: TenantState = failed ? 'failed' : next === null ? 'verified' : ONBOARDED.every((s) => done.includes(s)) ? 'onboarded' : 'in progress';
  return {
    tenant_id: tenantId,
    state,
    done,
    failed_step: failed ? next : null,
    error: failed ? String(last.detail.error ?? 'failed') : null,
    time_to_first_verify_ms: typeof verify === 'number' ? verify : null,
  };
}

/** The cohort dashboard, from its onboarding events alone. A verified tenant counts as onboarded too. */
export function cohortReport(cohort: string, events: OnboardingEvent[]): CohortReport {
  const byTenant = new Map<string, OnboardingEvent[]>();
  for (const e of events) byTenant.set(e.tenant_id, [...(byTenant.get(e.tenant_id) ?? []), e]);
  const tenants = [...byTenant].map(([id, es]) => tenantOf(id, es)).sort((a, b) => (a.tenant_id < b.tenant_id ? -1 : 1));
  const count = (...states: TenantState[]) => tenants.filter((t) => states.includes(t.state)).length;
  const times = tenants.map((t) => t.time_to_first_verify_ms).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const failed = count('failed');
  const share = tenants.length === 0 ? 0 : failed / tenants.length;
  const raised = share > COHORT_FAILURE_ALERT;
  return {
    cohort,
    tenants,
    totals: { tenants: tenants.length, onboarded: count('onboarded', 'verified'), verified: count('verified'), failed, in_progress: count('in progress') },
    time_to_first_verify_ms: { p50: times.length === 0 ? null : times[Math.floor((times.length - 1) / 2)]!, max: times.at(-1) ?? null },
    alert: {
      raised,
      failed_share: share,
      threshold: COHORT_FAILURE_ALERT,
      message: raised ? `${failed} of ${tenants.length} tenants of cohort ${cohort} failed (${(share * 100).toFixed(0)}% > ${COHORT_FAILURE_ALERT * 100}%)` : null,
    },
  };
}
