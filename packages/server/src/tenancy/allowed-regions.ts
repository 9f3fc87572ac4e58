import { policyRuntime } from '../policy/policy-runtime.ts';
import type { TenantConfig } from './tenant-config.ts';

/**
 * The regions a tenant's subjects may act from, as its active policy bundle decides them (the
 * authz policy's own `allowed_regions` rule: the bundle data's list, or the home region alone).
 * The settings only show this list; they hold none of their own that could disagree.
 */
export function allowedRegions(tenantId: string, dataRegion: string): string[] {
  const { engine } = policyRuntime();
  const policy = engine.policy(tenantId, engine.bundleFor(tenantId));
  const regions = policy.evaluate('companyos.authz.allowed_regions', { tenant: { id: tenantId, data_region: dataRegion } });
  return Array.isArray(regions) ? regions.map(String) : [];
}

/** The settings as callers see them: with the allowed regions the policy decides. */
export function shownConfig(config: TenantConfig): TenantConfig {
  // The bundle schema admits only known regions, so the policy yields only those.
  return { ...config, allowed_regions: allowedRegions(config.tenant_id, config.data_region) as NonNullable<TenantConfig['allowed_regions']> };
}

/** The settings as stored: without a list of allowed regions (a copy that could disagree with the policy). */
export function storedConfig(config: TenantConfig): TenantConfig {
  const { allowed_regions: _shown, ...stored } = config;
  return stored;
}
