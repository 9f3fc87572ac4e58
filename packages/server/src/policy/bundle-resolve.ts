import { Problem } from '../http/problem.ts';
import type { Bundle } from './bundle.ts';
import { activeVersion, getVersion } from './bundle-store.ts';
import { policyRuntime } from './policy-runtime.ts';

// Naming a tenant's bundle in a request: a stored version number, `active` or `base`.

/** A stored version, or the tenant's active or the server's base bundle. */
export async function resolveRef(ref: string): Promise<{ version: number | null; bundle: Bundle } | undefined> {
  const { engine } = policyRuntime();
  if (ref === 'base') return { version: null, bundle: engine.base };
  const number = ref === 'active' ? (await activeVersion())?.version : Number(ref);
  if (number === undefined) return { version: null, bundle: engine.base };
  const stored = await getVersion(number);
  return stored === undefined ? undefined : { version: stored.version, bundle: stored.bundle };
}

export async function refOrNotFound(ref: string): Promise<{ version: number | null; bundle: Bundle }> {
  const resolved = await resolveRef(ref);
  if (resolved === undefined) throw new Problem('not-found', `the tenant has no policy bundle version ${ref}`);
  return resolved;
}
