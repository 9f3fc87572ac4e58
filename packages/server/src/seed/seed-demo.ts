import type { Database } from '../db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import type { SubjectAttributes } from '../identity/principal.ts';
import { insertSubject } from '../identity/subjects.ts';
import { assignPlan } from '../finops/plan-assignments.ts';
import { defaultTenantConfig } from '../tenancy/tenant-config.ts';
import { insertTenant } from '../tenancy/tenants.ts';
import { defaultPolicyDir } from '../config.ts';
import { loadBundleDir, type Bundle } from '../policy/bundle.ts';
import { composeBundle } from '../policy/bundle-compose.ts';
import { dataProblems } from '../policy/bundle-schema.ts';
import { insertActivation, insertVersion } from '../policy/bundle-store.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import { DEMO_ROUTING_RULES, insertRoutingRules } from '../workflows/revops/routing.ts';

const SEED_ACTOR = 'system:seed';

export const DEMO_TENANTS = [
  { tenant_id: 'internal', display_name: 'CompanyOS Internal', data_region: 'eu' },
  { tenant_id: 'pilot-a', display_name: 'Pilot A', data_region: 'eu' },
  { tenant_id: 'pilot-b', display_name: 'Pilot B', data_region: 'us' },
  { tenant_id: 'summit-internal', display_name: 'Summit Internal', data_region: 'us' },
  { tenant_id: 'demo-external', display_name: 'Demo External', data_region: 'uk' },
] as const;

/**
 * The data patch of a demo tenant's first policy bundle version, activated when the tenant is
 * created. The pilots keep the base bundle: they are where bundle versions are tried out.
 */
export const DEMO_BUNDLE_PATCHES: Record<string, Record<string, unknown>> = {
  'demo-external': { tags: ['pii', 'export'] },
  'summit-internal': { tags: ['finance'] },
};

export const PLATFORM_OPERATOR = { tenant: 'internal', subject: 'user-platform-operator' } as const;

export const DEMO_USERS: { subject_id: string; display_name: string; roles: string[]; attributes: SubjectAttributes }[] = [
  { subject_id: 'user-engineer', display_name: 'Eli Engineer', roles: ['engineer'], attributes: { department: 'engineering', employment_type: 'employee' } },
  { subject_id: 'user-team-lead', display_name: 'Tara Team Lead', roles: ['team_lead', 'engineer'], attributes: { department: 'engineering', employment_type: 'employee' } },
  { subject_id: 'user-security', display_name: 'Sam Security', roles: ['security', 'security_officer'], attributes: { department: 'security', employment_type: 'employee' } },
  { subject_id: 'user-ae', display_name: 'Ava Account Executive', roles: ['account_executive'], attributes: { department: 'sales', employment_type: 'employee' } },
  { subject_id: 'user-sales-manager', display_name: 'Max Sales Manager', roles: ['sales_manager'], attributes: { department: 'sales', employment_type: 'employee' } },
  { subject_id: 'user-finance', display_name: 'Fay Finance', roles: ['finance'], attributes: { department: 'finance', employment_type: 'employee' } },
  { subject_id: 'user-admin', display_name: 'Ada Admin', roles: ['CompanyAdmin'], attributes: { department: 'it', employment_type: 'employee' } },
];

const regionCountry: Record<string, { country: string; region: string }> = {
  eu: { country: 'DE', region: 'eu' },
  us: { country: 'US', region: 'us' },
  uk: { country: 'GB', region: 'uk' },
};

export interface SeedSummary {
  tenantsCreated: string[];
  subjectsCreated: number;
}

/** Proposes and activates the tenant's first bundle version: the base bundle with `patch` over its data. */
async function seedBundle(base: Bundle, patch: Record<string, unknown>, at: Date): Promise<void> {
  const { bundle, problems } = composeBundle(base, base, { data_patch: patch });
  const invalid = [...problems, ...dataProblems(bundle.data)];
  if (invalid.length > 0) throw new Error(`demo bundle: ${invalid.join('; ')}`);
  const version = await insertVersion({ bundle, parent_hash: base.hash, author: SEED_ACTOR, message: 'Demo seed' }, at);
  if (version !== undefined) await insertActivation({ version: version.version, hash: version.hash, kind: 'activate', actor: SEED_ACTOR }, at);
}

/** The demo plan: internal tenants pay no base fee, the demo customer does. */
const DEMO_PLANS: Record<string, 'internal' | 'external'> = { 'summit-internal': 'internal', 'demo-external': 'external' };

/** Creates the demo tenants, their users, lead routing rules and bundle versions; running it again creates nothing. */
export async function seedDemo(db: Database, options: { clock?: Clock; policyDir?: string } = {}): Promise<SeedSummary> {
  const at = (options.clock ?? systemClock).now();
  const base = loadBundleDir(options.policyDir ?? defaultPolicyDir);
  const summary: SeedSummary = { tenantsCreated: [], subjectsCreated: 0 };
  for (const t of DEMO_TENANTS) {
    const created = await withPlatformTransaction(db, () =>
      insertTenant(defaultTenantConfig({ ...t, owner_contact: `admin@${t.tenant_id}.example.com`, env: 'dev' }), at),
    );
    if (created !== undefined) summary.tenantsCreated.push(t.tenant_id);
    const users = [...DEMO_USERS];
    if (t.tenant_id === PLATFORM_OPERATOR.tenant) {
      users.push({
        subject_id: PLATFORM_OPERATOR.subject,
        display_name: 'Pat Platform Operator',
        roles: ['platform_operator'],
        attributes: { department: 'platform', employment_type: 'employee' },
      });
    }
    await withTenantTransaction(db, t.tenant_id, async () => {
      for (const u of users) {
        const s = await insertSubject({ ...u, attributes: { ...regionCountry[t.data_region], ...u.attributes } }, at);
        if (s !== undefined) summary.subjectsCreated++;
      }
      await insertRoutingRules(DEMO_ROUTING_RULES);
      const patch = DEMO_BUNDLE_PATCHES[t.tenant_id];
      if (created !== undefined && patch !== undefined) await seedBundle(base, patch, at);
      const plan = DEMO_PLANS[t.tenant_id];
      if (created !== undefined && plan !== undefined) {
        await assignPlan({ effective_from: '2026-01-01', plan_id: 'companyos-internal-demo', plan_version: 1, internal: plan === 'internal', assigned_by: SEED_ACTOR }, at);
      }
    });
  }
  return summary;
}
