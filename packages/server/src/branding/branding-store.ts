import { currentTenantId, currentTx } from '../context.ts';
import { sha256Hex } from '../util/canonical-json.ts';
import type { BrandColors } from './branding-model.ts';

// The current tenant's branding row.

export interface StoredBranding {
  product_name: string;
  colors: BrandColors;
  logo_url: string | null;
  logo_type: string | null;
  logo: Uint8Array | null;
  updated_at: string;
}

interface Row {
  product_name: string;
  colors: BrandColors;
  logo_url: string | null;
  logo_type: string | null;
  logo: Uint8Array | null;
  updated_at: Date;
}

export async function getBranding(): Promise<StoredBranding | undefined> {
  const rows = await currentTx().query<Row>('SELECT product_name, colors, logo_url, logo_type, logo, updated_at FROM tenant_branding WHERE tenant_id = $1', [currentTenantId()]);
  const r = rows[0];
  return r === undefined ? undefined : { ...r, updated_at: new Date(r.updated_at).toISOString() };
}

export async function putBranding(b: Omit<StoredBranding, 'updated_at'>, at: Date): Promise<StoredBranding> {
  await currentTx().query(
    `INSERT INTO tenant_branding (tenant_id, product_name, colors, logo_url, logo_type, logo, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id) DO UPDATE SET product_name = EXCLUDED.product_name, colors = EXCLUDED.colors, logo_url = EXCLUDED.logo_url,
       logo_type = EXCLUDED.logo_type, logo = EXCLUDED.logo, updated_at = EXCLUDED.updated_at`,
    [currentTenantId(), b.product_name, JSON.stringify(b.colors), b.logo_url, b.logo_type, b.logo === null ? null : Buffer.from(b.logo), at.toISOString()],
  );
  return { ...b, updated_at: at.toISOString() };
}

/** Where the uploaded logo is served; the digest in the query makes each version its own cacheable URL. */
export function uploadedLogoPath(tenantId: string, logo: Uint8Array): string {
  return `/api/v1/tenants/${tenantId}/branding/logo?v=${sha256Hex(logo).slice(0, 16)}`;
}
