import { Problem } from '../http/problem.ts';
import { flagService } from './flag-service.ts';

/**
 * Refuses a risky behaviour unless its boolean flag is on for the caller's tenant. The problem
 * names the flag and why it is off (default, tenant setting, or a policy-bundle veto).
 */
export async function requireFeature(flagId: string, behaviour: string): Promise<void> {
  const result = await flagService().isOn(flagId);
  if (result.on) return;
  throw new Problem('feature-disabled', `${behaviour} is not enabled for this tenant (flag ${flagId})`, {
    flag: flagId,
    variant: result.variant,
    reasons: [`${flagId} is off: ${result.detail} (${result.reason})`],
  });
}
