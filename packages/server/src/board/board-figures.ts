import { latencyQuantile, SAMPLE_BOUNDS_MS, type ServiceDay } from '../observability/service-samples.ts';
import type { InvoiceTotal } from '../finops/invoices.ts';
import type { TenantInput } from './board-inputs.ts';

/** The service level the SLA promises each tenant, per UTC day with traffic. */
export const SLA = { availability: 0.999, p95Ms: 500 } as const;

export type OnboardingStage = 'created' | 'admin in place' | 'onboarding' | 'onboarding failed' | 'evidence signed';

export interface TenantFigures {
  tenant_id: string;
  display_name: string;
  status: string;
  platform: boolean;
  onboarding: OnboardingStage;
  bundle: { version: number | null; hash: string };
  checkpoint: TenantInput['checkpoint'];
  receipts: number;
  coverage: number | null;
  requests: number;
  availability: number | null;
  p95Ms: number | null;
  slaDays: { met: number; total: number };
  revenue: Record<string, number>;
}

export interface BoardFigures {
  /** North-star: receipted governed work in the period, across tenants. */
  northStar: { receipts: number; allowedActions: number; inLedger: number };
  /** Allowed actions whose receipt is in the ledger, over all allowed actions (null: none). */
  coverage: number | null;
  requests: number;
  errors: number;
  /** Request-based uptime: the share of governed requests answered without a server error. */
  uptime: number | null;
  p95Ms: number | null;
  partners: { total: number; active: number; byStage: Record<OnboardingStage, number>; createdInPeriod: number };
  /** Finalised invoice totals (minor units) by currency, and drafts still open. */
  revenue: { finalized: Record<string, number>; draft: Record<string, number> };
  sla: { met: number; total: number; compliance: number | null };
  tenants: TenantFigures[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function sumDays(days: ServiceDay[]): { requests: number; errors: number; counts: number[] } {
  const counts = new Array<number>(SAMPLE_BOUNDS_MS.length + 1).fill(0);
  let requests = 0;
  let errors = 0;
  for (const d of days) {
    requests += d.requests;
    errors += d.errors;
    d.counts.forEach((n, i) => (counts[i]! += n));
  }
  return { requests, errors, counts };
}

const slaMet = (d: ServiceDay): boolean => 1 - d.errors / d.requests >= SLA.availability && (latencyQuantile(d.counts, 0.95) ?? 0) <= SLA.p95Ms;

/** One tenant's service figures over its days with traffic: requests, request-based availability, p95 and the SLA days met. */
export function serviceFigures(days: ServiceDay[]): Pick<TenantFigures, 'requests' | 'availability' | 'p95Ms' | 'slaDays'> {
  const s = sumDays(days);
  return {
    requests: s.requests,
    availability: s.requests === 0 ? null : 1 - s.errors / s.requests,
    p95Ms: latencyQuantile(s.counts, 0.95),
    slaDays: { met: days.filter(slaMet).length, total: days.length },
  };
}

/** Invoice totals (minor units) by currency: the finalised ones, and the drafts apart. */
export function revenueOf(invoices: InvoiceTotal[]): { finalized: Record<string, number>; draft: Record<string, number> } {
  const revenue = { finalized: {} as Record<string, number>, draft: {} as Record<string, number> };
  for (const i of invoices) add(i.status === 'finalized' ? revenue.finalized : revenue.draft, i.currency, i.total);
  return revenue;
}

/** A cohort-onboarded tenant's stage is its onboarding state until verified; others' follow from what exists. */
function stageOf(t: TenantInput): OnboardingStage {
  if (t.onboarding === 'failed') return 'onboarding failed';
  if (t.onboarding === 'in progress' || t.onboarding === 'onboarded') return 'onboarding';
  if (t.checkpoint?.signatureOk === true) return 'evidence signed';
  return t.has_admin ? 'admin in place' : 'created';
}

function add(into: Record<string, number>, currency: string, amount: number): void {
  into[currency] = (into[currency] ?? 0) + amount;
}

/** Every figure of the pack, computed from the inputs alone. */
export function computeFigures(inputs: TenantInput[], window: { from: Date; to: Date }): BoardFigures {
  const tenants = inputs.map((t): TenantFigures => {
    return {
      tenant_id: t.tenant_id,
      display_name: t.display_name,
      status: t.status,
      platform: t.platform,
      onboarding: stageOf(t),
      bundle: t.bundle,
      checkpoint: t.checkpoint,
      receipts: t.coverage.receipts,
      coverage: ratio(t.coverage.inLedger, t.coverage.allowed),
      ...serviceFigures(t.service),
      revenue: revenueOf(t.invoices).finalized,
    };
  });
  const all = sumDays(inputs.flatMap((t) => t.service));
  const partners = inputs.filter((t) => !t.platform);
  const partnerFigures = tenants.filter((t) => !t.platform);
  const byStage: Record<OnboardingStage, number> = { created: 0, 'admin in place': 0, onboarding: 0, 'onboarding failed': 0, 'evidence signed': 0 };
  for (const p of partnerFigures) byStage[p.onboarding]++;
  const revenue = revenueOf(inputs.flatMap((t) => t.invoices));
  const allowed = inputs.reduce((n, t) => n + t.coverage.allowed, 0);
  const inLedger = inputs.reduce((n, t) => n + t.coverage.inLedger, 0);
  const met = tenants.reduce((n, t) => n + t.slaDays.met, 0);
  const total = tenants.reduce((n, t) => n + t.slaDays.total, 0);
  return {
    northStar: { receipts: inputs.reduce((n, t) => n + t.coverage.receipts, 0), allowedActions: allowed, inLedger },
    coverage: ratio(inLedger, allowed),
    requests: all.requests,
    errors: all.errors,
    uptime: all.requests === 0 ? null : 1 - all.errors / all.requests,
    p95Ms: latencyQuantile(all.counts, 0.95),
    partners: {
      total: partners.length,
      active: partners.filter((p) => p.status === 'active').length,
      byStage,
      createdInPeriod: partners.filter((p) => Date.parse(p.created_at) >= window.from.getTime() && Date.parse(p.created_at) < window.to.getTime()).length,
    },
    revenue,
    sla: { met, total, compliance: ratio(met, total) },
    tenants,
  };
}
