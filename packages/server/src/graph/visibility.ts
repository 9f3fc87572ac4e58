import type { Principal } from '../identity/principal.ts';
import { policyRuntime } from '../policy/policy-runtime.ts';
import { entitledAmong, type Entity } from './entity-store.ts';

// Graph reads are filtered by the tenant's policy (`companyos.graph.visible`): a node the caller
// may not see is left out of an answer and only counted. The rule reads the subject's roles, the
// entity's type and owner, and whether the subject is entitled to it, so its answer is cached per
// combination of those within one read.

export interface Visibility {
  /** The visible ones of `entities`, and how many were hidden. */
  filter<T>(items: T[], entityOf: (item: T) => Entity): Promise<{ visible: T[]; hidden: number }>;
  /** The same, for entities whose entitlements were read already: the ids the subject is entitled to. */
  filterKnown<T>(items: T[], entityOf: (item: T) => Entity, entitled: Set<string>): { visible: T[]; hidden: number };
}

export function visibilityFor(tenantId: string, principal: Principal): Visibility {
  const { engine } = policyRuntime();
  const policy = engine.policy(tenantId, engine.bundleFor(tenantId));
  const subject = { id: principal.subjectId, tenant_id: principal.tenantId, roles: principal.roles, attributes: principal.attributes };
  const cache = new Map<string, boolean>();
  const visible = (e: Entity, entitled: boolean): boolean => {
    const own = e.owner === principal.subjectId;
    const key = `${e.type}\u0000${entitled}\u0000${own}`;
    let answer = cache.get(key);
    if (answer === undefined) {
      const resource = { entity_id: e.entity_id, type: e.type, owner: e.owner, entitled_subjects: entitled ? [principal.subjectId] : [] };
      answer = policy.evaluate('companyos.graph.visible', { subject, resource }) === true;
      cache.set(key, answer);
    }
    return answer;
  };
  const filterKnown: Visibility['filterKnown'] = (items, entityOf, entitled) => {
    const shown = items.filter((i) => visible(entityOf(i), entitled.has(entityOf(i).entity_id)));
    return { visible: shown, hidden: items.length - shown.length };
  };
  return {
    async filter(items, entityOf) {
      const entitled = await entitledAmong(
        principal.subjectId,
        items.map((i) => entityOf(i).entity_id),
      );
      return filterKnown(items, entityOf, entitled);
    },
    filterKnown,
  };
}
