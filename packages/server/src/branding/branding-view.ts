import type { TenantConfig } from '../tenancy/tenant-config.ts';
import { getCurrentTenant } from '../tenancy/tenants.ts';
import { DEFAULT_COLORS, type BrandingView } from './branding-model.ts';
import { getBranding, uploadedLogoPath, type StoredBranding } from './branding-store.ts';

/** The public branding of the tenant in context; a tenant that never set any gets its name and the default theme. */
export async function currentBrandingView(): Promise<{ view: BrandingView; stored: StoredBranding | undefined; config: TenantConfig } | undefined> {
  const tenant = await getCurrentTenant();
  if (tenant === undefined) return undefined;
  const stored = await getBranding();
  const fallback = tenant.config.branding;
  const view: BrandingView =
    stored === undefined
      ? {
          tenant_id: tenant.tenant_id,
          product_name: fallback.product_name ?? tenant.config.display_name,
          colors: DEFAULT_COLORS,
          logo_url: fallback.logo_url ?? null,
          updated_at: null,
        }
      : {
          tenant_id: tenant.tenant_id,
          product_name: stored.product_name,
          colors: stored.colors,
          logo_url: stored.logo !== null ? uploadedLogoPath(tenant.tenant_id, stored.logo) : stored.logo_url,
          updated_at: stored.updated_at,
        };
  return { view, stored, config: tenant.config };
}
