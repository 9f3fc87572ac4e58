import { compile, type Policy } from '@companyos/rego';
import type { Bundle } from '../policy/bundle.ts';

export const PRESENTATION_PATH = 'companyos.presentation.visible_fields';

/** The input `policies/base/presentation.rego` documents. */
export interface PresentationInput {
  viewer: { id: string; tenant_id: string; roles: string[] };
  /** A record type of `data.presentation.record_types` (`receipt`, or one the trust portal shows). */
  record_type: string;
  purpose?: string | undefined;
  legal_basis?: string | undefined;
  /** The record's tenant. */
  tenant: string;
}

/**
 * Which receipt claims a viewer may see, from the tenant bundle's `presentation` policy. A bundle
 * without that rule reveals nothing (the receipt id is always shown: it names what is presented).
 */
export class PresentationPolicy {
  private readonly compiled = new Map<string, Policy>();

  constructor(private readonly bundleFor: (tenantId: string) => Bundle) {}

  visibleFields(tenantId: string, input: PresentationInput): string[] {
    const bundle = this.bundleFor(tenantId);
    const key = `${tenantId}\u0000${bundle.hash}`;
    let policy = this.compiled.get(key);
    if (policy === undefined) {
      policy = compile(bundle.modules, { data: bundle.data });
      this.compiled.set(key, policy);
    }
    return fieldNames(policy.evaluate(PRESENTATION_PATH, input));
  }
}

/** The field names of a `visible_fields` result (a set, or an array once logged); nothing for anything else. */
export function fieldNames(result: unknown): string[] {
  const items = result instanceof Set ? [...result] : Array.isArray(result) ? result : [];
  return items.filter((f): f is string => typeof f === 'string');
}
