// The API's shapes, as the server declares them (type-only: nothing of the server is bundled).
import type { AuditEvent, BrandingView, Tenant as ServerTenant, TenantConfig } from '@companyos/server';

export type { AuditEvent, TenantConfig };
export type Region = TenantConfig['data_region'];
export const REGIONS: Region[] = ['eu', 'us', 'uk', 'apac'];
export type DataClass = TenantConfig['data_classes'][number];
export const DATA_CLASSES: DataClass[] = ['public', 'internal', 'confidential', 'restricted'];
export type Env = TenantConfig['env'];
export const ENVS: Env[] = ['dev', 'staging', 'prod'];

/** A tenant's public branding (GET /tenants/{id}/branding). */
export type Branding = BrandingView;
export type BrandColors = BrandingView['colors'];

export interface Tenant extends ServerTenant {
  /** Tags of the active policy bundle (pii, finance, export, ...), once bundles report them. */
  bundle_tags?: string[];
}

export interface AuditPage {
  events: AuditEvent[];
  next_cursor: string | null;
}
