import { asTenant } from '../db/tenant-tx.ts';
import { evaluateFlag } from '../flags/evaluate.ts';
import type { FlagSetting } from '../flags/flag-model.ts';
import { featureVeto, flagService } from '../flags/flag-service.ts';
import { flagSettings } from '../flags/flag-store.ts';
import { activeVersion, activeVersions, getVersionByHash } from '../policy/bundle-store.ts';
import { policyRuntime } from '../policy/policy-runtime.ts';
import type { Tenant } from './tenants.ts';
import { shownConfig } from './allowed-regions.ts';

export interface ActiveBundle {
  /** null: the tenant runs the server's base bundle. */
  version: number | null;
  hash: string;
  tags: string[];
}

/** A tenant as the platform operator's list shows it. */
export interface TenantListing extends Tenant {
  policy_bundle: ActiveBundle;
  enabled_flags: string[];
}

function tagsOf(data: unknown): string[] {
  const tags = (data as { tags?: unknown } | null)?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/** The tenant in context's active bundle: the one the policy engine holds, or its stored version while this process has not loaded it yet. */
async function activeBundle(tenantId: string, active: { version: number; hash: string } | undefined): Promise<{ summary: ActiveBundle; data: unknown }> {
  const { engine } = policyRuntime();
  if (active === undefined) return { summary: { version: null, hash: engine.base.hash, tags: tagsOf(engine.base.data) }, data: engine.base.data };
  const loaded = engine.bundleFor(tenantId);
  const data = loaded.hash === active.hash ? loaded.data : (await getVersionByHash(active.hash))?.bundle.data;
  return { summary: { ...active, tags: tagsOf(data) }, data };
}

/**
 * The boolean flags that are on for the tenant itself: evaluated with no subject, so the bundle
 * veto, the tenant's switch and variant (or the seeded override) and tenant-wide targeting decide,
 * and percentage rollouts, which pick subjects, do not.
 */
function enabledFlags(tenantId: string, settings: Map<string, FlagSetting>, bundleData: unknown): string[] {
  const context = { tenant_id: tenantId };
  return [...flagService().definitions.values()]
    .filter((def) => def.type === 'boolean')
    .filter((def) => evaluateFlag(def, { tenantId, targetingKey: undefined, subject: {}, context, setting: settings.get(def.flag_id), veto: featureVeto(bundleData, def.flag_id) }).value === true)
    .map((def) => def.flag_id);
}

/**
 * Platform scope: each tenant with its active policy bundle and enabled flags. Active versions
 * are one platform query and bundles come from the policy engine's memory; flag settings only
 * their tenant may read, so each tenant's are read as that tenant, in this same transaction.
 */
export async function withBundlesAndFlags(tenants: Tenant[]): Promise<TenantListing[]> {
  const active = await activeVersions();
  const listings: TenantListing[] = [];
  for (const tenant of tenants) {
    const id = tenant.tenant_id;
    const listing = await asTenant(
      id,
      async () => {
        // A tenant in another region's database has its activations there, out of the platform scan's sight.
        const own = active.get(id) ?? (await activeVersion());
        const bundle = await activeBundle(id, own === undefined ? undefined : { version: own.version, hash: own.hash });
        return { ...tenant, config: shownConfig(tenant.config), policy_bundle: bundle.summary, enabled_flags: enabledFlags(id, await flagSettings(), bundle.data) };
      },
      { scope: 'tenant' },
    );
    listings.push(listing);
  }
  return listings;
}
