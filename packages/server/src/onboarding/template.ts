import { readFileSync } from 'node:fs';
import { contrastProblems, type BrandColors } from '../branding/branding-model.ts';
import { putBranding } from '../branding/branding-store.ts';
import { invalidateBranding } from '../branding/branding-cache.ts';
import type { FlagSetting } from '../flags/flag-model.ts';
import { flagService } from '../flags/flag-service.ts';
import { writeFlagSetting } from '../flags/flag-store.ts';

/** What every partner tenant starts with: branding ({name} is the tenant's name) and flag settings. */
export interface PartnerTemplate {
  branding: { product_name: string; colors: BrandColors };
  flags: Record<string, FlagSetting>;
}

const TEMPLATE_FILE = new URL('./partner-template.json', import.meta.url);
let template: PartnerTemplate | undefined;

/** The partner template, checked once: readable colours and known flags. */
export function partnerTemplate(): PartnerTemplate {
  if (template !== undefined) return template;
  const t = JSON.parse(readFileSync(TEMPLATE_FILE, 'utf8')) as PartnerTemplate;
  const problems = contrastProblems(t.branding.colors).map((p) => `${p.field}: ${p.message}`);
  for (const flag of Object.keys(t.flags)) if (!flagService().definitions.has(flag)) problems.push(`no flag ${flag}`);
  if (problems.length > 0) throw new Error(`the partner template is invalid: ${problems.join('; ')}`);
  template = t;
  return t;
}

/** Applies the template to the current tenant; returns what was set. */
export async function applyTemplate(o: { tenantId: string; name: string; actor: string; requestId: string; at: Date }): Promise<{ product_name: string; flags: string[] }> {
  const t = partnerTemplate();
  const productName = t.branding.product_name.replaceAll('{name}', o.name).slice(0, 80);
  await putBranding({ product_name: productName, colors: t.branding.colors, logo_url: null, logo_type: null, logo: null }, o.at);
  invalidateBranding(o.tenantId);
  for (const [flag, setting] of Object.entries(t.flags)) await writeFlagSetting(flag, setting, { actor: o.actor, kind: 'set', requestId: o.requestId, at: o.at });
  flagService().invalidate(o.tenantId);
  return { product_name: productName, flags: Object.keys(t.flags) };
}
