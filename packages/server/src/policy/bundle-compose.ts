import { TENANT_MODULE_DIR, bundleFromFiles, type Bundle, type BundleFile } from './bundle.ts';

/** What a proposal changes relative to its parent version. */
export interface Draft {
  /** A whole new data document. */
  data?: Record<string, unknown> | undefined;
  /** Or a JSON merge patch (RFC 7386) over the parent's data: `null` removes a key. */
  data_patch?: Record<string, unknown> | undefined;
  /** Tenant modules by path (`tenant/....rego`); `null` removes one. */
  modules?: Record<string, string | null> | undefined;
}

const MODULE_PATH = /^tenant\/[a-z0-9_]+(\/[a-z0-9_]+)*\.rego$/;

export const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * The bundle a draft describes: this server's base modules, the parent's tenant modules with the
 * draft's changes, and the parent's data replaced or patched. Problems name what was refused.
 */
export function composeBundle(base: Bundle, parent: Bundle, draft: Draft): { bundle: Bundle; problems: string[] } {
  const problems: string[] = [];
  const tenantModules = new Map(parent.files.filter((f) => f.path.startsWith(TENANT_MODULE_DIR)).map((f) => [f.path, f.content]));
  for (const [path, source] of Object.entries(draft.modules ?? {})) {
    if (!MODULE_PATH.test(path)) {
      problems.push(`module ${path}: a tenant module's path must look like tenant/name.rego (lower case, digits, _)`);
      continue;
    }
    if (source === null) tenantModules.delete(path);
    else tenantModules.set(path, source);
  }
  if (draft.data !== undefined && draft.data_patch !== undefined) problems.push('give data or data_patch, not both');
  const data = draft.data ?? (draft.data_patch === undefined ? parent.data : mergePatch(parent.data, draft.data_patch));
  const files: BundleFile[] = [
    ...base.files.filter((f) => f.path.endsWith('.rego')),
    ...[...tenantModules].map(([path, content]) => ({ path, content })),
    { path: 'data.json', content: `${JSON.stringify(data, null, 2)}\n` },
  ];
  return { bundle: bundleFromFiles(files), problems };
}
