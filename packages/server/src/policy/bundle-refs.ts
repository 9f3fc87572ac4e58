import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The bundles of a policies folder: each subfolder with a `data.json` is one, named by the folder. */
export function bundleNames(policiesDir: string): string[] {
  return readdirSync(policiesDir)
    .filter((name) => statSync(join(policiesDir, name)).isDirectory() && existsSync(join(policiesDir, name, 'data.json')))
    .sort();
}

/**
 * What is wrong between tenants and bundles: a tenant that names a bundle that does not exist,
 * and a bundle that no tenant uses.
 */
export function bundleRefProblems(tenants: { tenant_id: string; policy_bundle_ref: string }[], bundles: string[]): string[] {
  const known = new Set(bundles);
  const used = new Set(tenants.map((t) => t.policy_bundle_ref));
  return [
    ...tenants.filter((t) => !known.has(t.policy_bundle_ref)).map((t) => `tenant ${t.tenant_id} references the missing bundle ${t.policy_bundle_ref}`),
    ...bundles.filter((b) => !used.has(b)).map((b) => `bundle ${b} belongs to no tenant`),
  ];
}
