import { currentContext } from '../context.ts';
import { RegionRouter } from '../db/region-router.ts';
import { Problem } from '../http/problem.ts';

/**
 * Refuses a change of home region that would leave the tenant's rows in another region's
 * database: moving them is an operator procedure (docs/residency-and-keys.md), not a settings change.
 */
export function refuseRegionMove(tenantId: string, from: string, to: string): void {
  const router = currentContext()?.databases?.given;
  if (!(router instanceof RegionRouter) || router.forRegion(from) === router.forRegion(to)) return;
  throw new Problem(
    'region-move-unsupported',
    `tenant ${tenantId} keeps its data in the ${from} region's database; moving it to ${to} is an operator procedure (copy its rows into the ${to} database, verify its ledger there, switch the registry), not a settings change`,
    { from_region: from, to_region: to },
  );
}
