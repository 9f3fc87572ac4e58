import { asTenant } from '../db/tenant-tx.ts';
import { invoiceTotals, type InvoiceTotal } from '../finops/invoices.ts';
import { listSubjects } from '../identity/subjects.ts';
import { evidenceCoverage, type EvidenceCoverage } from '../ledger/coverage.ts';
import { latestCheckpointStatus, type CheckpointStatus } from '../ledger/verify-ledger.ts';
import { serviceDays, type ServiceDay } from '../observability/service-samples.ts';
import { cohortReport, type TenantState } from '../onboarding/cohort.ts';
import { tenantEvents } from '../onboarding/onboarding-events.ts';
import { listTenants } from '../tenancy/tenants.ts';
import { withBundlesAndFlags } from '../tenancy/tenant-listing.ts';
import { canonicalSha256 } from '../util/canonical-json.ts';
import { monthsOf, type Period } from './period.ts';

/** What one tenant contributes to a board pack, read from stored data at generation time. */
export interface TenantInput {
  tenant_id: string;
  display_name: string;
  status: string;
  data_region: string;
  created_at: string;
  /** A platform (operator) tenant rather than a partner. */
  platform: boolean;
  /** Whether a CompanyAdmin subject exists (the first admin is in place). */
  has_admin: boolean;
  /** Where the tenant's cohort onboarding stands (null: not onboarded with a cohort). */
  onboarding: TenantState | null;
  bundle: { version: number | null; hash: string };
  checkpoint: CheckpointStatus | null;
  coverage: EvidenceCoverage;
  invoices: InvoiceTotal[];
  service: ServiceDay[];
}

/** The data sources of a board pack, each hashed on its own so the receipt names what the figures came from. */
export const INPUT_SOURCES = {
  tenants: 'tenants: id, name, status, region, creation time; subjects: whether a CompanyAdmin exists; onboarding_events: the cohort onboarding state',
  policy_bundles: "each tenant's active policy bundle version and hash (policy_bundle_versions, or the base bundle)",
  ledger_checkpoints: "each tenant's newest signed checkpoint (ledger_checkpoints), its signature checked against the tenant keys",
  evidence: 'allowed actions (audit_events) in the period, whether their receipt has a leaf (ledger_leaves), receipts issued (receipts)',
  invoices: 'invoice totals by status and currency for the months the period overlaps (invoices)',
  service_samples: 'governed requests, server errors and latency histograms per tenant and UTC day (service_samples)',
} as const;

export type InputName = keyof typeof INPUT_SOURCES;

/**
 * Reads every tenant's contribution inside the caller's platform transaction: the tenant registry
 * in platform scope, then each tenant's own rows as that tenant (row-level security applies).
 */
export async function readBoardInputs(period: Period, platformTenants: readonly string[]): Promise<TenantInput[]> {
  const tenants = await listTenants();
  const listings = await withBundlesAndFlags(tenants);
  const inputs: TenantInput[] = [];
  for (const t of listings) {
    inputs.push(
      await asTenant(
        t.tenant_id,
        async () => ({
          tenant_id: t.tenant_id,
          display_name: t.config.display_name,
          status: t.status,
          data_region: t.config.data_region,
          created_at: t.created_at,
          platform: platformTenants.includes(t.tenant_id),
          has_admin: (await listSubjects()).some((s) => s.roles.includes('CompanyAdmin')),
          onboarding: await onboardingState(),
          bundle: { version: t.policy_bundle.version, hash: t.policy_bundle.hash },
          checkpoint: (await latestCheckpointStatus()) ?? null,
          coverage: await evidenceCoverage(period.from, period.to),
          invoices: await invoiceTotals(monthsOf(period)),
          service: await serviceDays(period.from, period.to),
        }),
        { scope: 'tenant' },
      ),
    );
  }
  return inputs.sort((a, b) => (a.tenant_id < b.tenant_id ? -1 : 1));
}

async function onboardingState(): Promise<TenantState | null> {
  const events = await tenantEvents();
  return events.length === 0 ? null : cohortReport(events[0]!.cohort, events).tenants[0]!.state;
}

/** Splits the inputs into their sources and hashes each (SHA-256 of its canonical JSON). */
export function inputDigests(period: Period, inputs: TenantInput[]): Record<InputName, string> {
  const pick = <K extends keyof TenantInput>(...keys: K[]) => inputs.map((t) => Object.fromEntries([['tenant_id', t.tenant_id], ...keys.map((k) => [k, t[k]])]));
  const window = { period: period.text, from: period.from.toISOString(), to: period.to.toISOString() };
  return {
    tenants: canonicalSha256({ window, rows: pick('display_name', 'status', 'data_region', 'created_at', 'platform', 'has_admin', 'onboarding') }),
    policy_bundles: canonicalSha256({ window, rows: pick('bundle') }),
    ledger_checkpoints: canonicalSha256({ window, rows: pick('checkpoint') }),
    evidence: canonicalSha256({ window, rows: pick('coverage') }),
    invoices: canonicalSha256({ window, rows: pick('invoices') }),
    service_samples: canonicalSha256({ window, rows: pick('service') }),
  };
}
