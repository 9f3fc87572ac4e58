import { isPlainObject } from './bundle-compose.ts';

// What a newer base bundle adds that a tenant's own data document must also hold before a feature
// works for that tenant. Each upgrade compares the tenant's active data with the base's and
// answers the merge patch that adds what is missing, or undefined when nothing is.

export interface BaseUpgrade {
  /** Stable name: the upgrade runs at most once per tenant under it. */
  name: string;
  /** The new version's message. */
  message: string;
  patch(data: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> | undefined;
}

/** The keys of `source` that `target` lacks, at any depth of nested objects (what is there is kept). */
export function missingFrom(target: unknown, source: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(source)) return undefined;
  const have = isPlainObject(target) ? target : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (!(key in have)) out[key] = value;
    else if (isPlainObject(value) && isPlainObject(have[key])) {
      const nested = missingFrom(have[key], value);
      if (nested !== undefined) out[key] = nested;
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

const PORTAL_ROLES = ['portal_invitee', 'portal_auditor', 'portal_partner'];
const isActionList = (v: unknown): v is string[] => Array.isArray(v) && v.every((a) => typeof a === 'string');

/**
 * Trust portal roles for a tenant whose data predates them: the viewer roles, the `portal.*`
 * actions the base grants to roles the tenant has (its admins invite), and the presentation
 * policy's purposes and record types it lacks. A tenant that has any portal role decided on
 * portal access itself and is left alone.
 */
export const portalRoles: BaseUpgrade = {
  name: 'portal-roles',
  message: 'Trust portal roles and presentation rules from the base bundle',
  patch(data, base) {
    const roles = isPlainObject(data.roles) ? data.roles : {};
    const baseRoles = isPlainObject(base.roles) ? base.roles : {};
    if (PORTAL_ROLES.some((r) => r in roles)) return undefined;
    const rolesPatch: Record<string, unknown> = {};
    for (const role of PORTAL_ROLES) if (isActionList(baseRoles[role])) rolesPatch[role] = baseRoles[role];
    for (const [role, actions] of Object.entries(roles)) {
      const granted = baseRoles[role];
      if (!isActionList(actions) || !isActionList(granted)) continue;
      const added = granted.filter((a) => a.startsWith('portal.') && !actions.includes(a));
      if (added.length > 0) rolesPatch[role] = [...actions, ...added];
    }
    const presentation = missingFrom(data.presentation, base.presentation);
    if (Object.keys(rolesPatch).length === 0 && presentation === undefined) return undefined;
    return { roles: rolesPatch, ...(presentation === undefined ? {} : { presentation }) };
  },
};

const OPERATOR_PURGE_APPROVAL = 'purge.request.operator_approve';

/**
 * A platform operator's approval of a whole-tenant purge, for data that predates it: the action in
 * the platform and step-up action lists and in the roles the base grants it to (the platform
 * operator), where the tenant has those lists and roles. Without it, a platform tenant on a
 * version of its own could never approve a tenant purge. A tenant whose data names the action
 * anywhere decided for itself and is left alone.
 */
export const operatorPurgeApproval: BaseUpgrade = {
  name: 'operator-purge-approval',
  message: "A platform operator's approval of a whole-tenant purge, from the base bundle",
  patch(data, base) {
    const roles = isPlainObject(data.roles) ? data.roles : {};
    const baseRoles = isPlainObject(base.roles) ? base.roles : {};
    const lists = ['platform_actions', 'step_up_actions'];
    const named = (v: unknown) => isActionList(v) && v.includes(OPERATOR_PURGE_APPROVAL);
    if (lists.some((l) => named(data[l])) || Object.values(roles).some(named)) return undefined;
    const patch: Record<string, unknown> = {};
    for (const list of lists) {
      const have = data[list];
      if (isActionList(have) && named(base[list])) patch[list] = [...have, OPERATOR_PURGE_APPROVAL];
    }
    const rolesPatch: Record<string, unknown> = {};
    for (const [role, actions] of Object.entries(roles)) {
      if (isActionList(actions) && named(baseRoles[role])) rolesPatch[role] = [...actions, OPERATOR_PURGE_APPROVAL];
    }
    if (Object.keys(rolesPatch).length > 0) patch.roles = rolesPatch;
    return Object.keys(patch).length === 0 ? undefined : patch;
  },
};

/** Every upgrade, oldest first. */
export const BASE_UPGRADES: BaseUpgrade[] = [portalRoles, operatorPurgeApproval];
