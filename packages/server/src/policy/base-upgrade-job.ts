import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { enqueue, PermanentJobError, type JobRunner } from '../jobs/index.ts';
import type { Clock } from '../util/clock.ts';
import { recordSystemStep } from '../workflows/shared/system-step.ts';
import { composeBundle } from './bundle-compose.ts';
import { activeVersion, getVersion, getVersionByHash, insertActivation, insertVersion } from './bundle-store.ts';
import { BASE_UPGRADES, type BaseUpgrade } from './base-upgrades.ts';
import type { PolicyEngine } from './policy-engine.ts';
import { policyRuntime } from './policy-runtime.ts';

// A tenant whose active bundle predates a base change that a feature needs gets it without a
// manual step: at start, each such tenant gets a durable job that proposes, from its active
// version, a new version with this server's base modules and the missing data (the path of
// ADR 0004), checks it like any proposal, activates it and records a receipt.

export const BASE_UPGRADE_JOB = 'policy.base_upgrade';
/** The actor of the versions and activations the server makes itself. */
export const UPGRADE_ACTOR = 'system:policy';

interface UpgradePayload {
  upgrade: string;
}

const upgradeNamed = (name: string): BaseUpgrade => {
  const upgrade = BASE_UPGRADES.find((u) => u.name === name);
  if (upgrade === undefined) throw new PermanentJobError(`no base upgrade ${name}`);
  return upgrade;
};

/**
 * Queues the upgrades each tenant's active bundle lacks (a tenant on the base bundle lacks none).
 * Once per tenant and upgrade: the job's idempotency key is the upgrade's name, so later starts,
 * and a rollback to an older version afterwards, queue nothing again.
 */
export async function scheduleBaseUpgrades(o: { db: Database; engine: PolicyEngine; clock: Clock; log: Logger }): Promise<number> {
  const base = o.engine.base.data as Record<string, unknown>;
  let queued = 0;
  for (const tenantId of o.engine.loadedHashes().keys()) {
    const data = o.engine.bundleFor(tenantId).data as Record<string, unknown>;
    for (const upgrade of BASE_UPGRADES) {
      if (upgrade.patch(data, base) === undefined) continue;
      await withTenantTransaction(o.db, tenantId, () => enqueue(BASE_UPGRADE_JOB, { upgrade: upgrade.name } satisfies UpgradePayload, { now: o.clock.now(), idempotencyKey: upgrade.name }));
      o.log.info({ tenant_id: tenantId, upgrade: upgrade.name }, 'policy bundle upgrade queued');
      queued++;
    }
  }
  return queued;
}

export function installBaseUpgrades(runner: JobRunner): void {
  runner.register<UpgradePayload>(BASE_UPGRADE_JOB, {
    backoffMs: 10_000,
    run: async ({ upgrade: name }, ctx) => {
      const upgrade = upgradeNamed(name);
      const { engine, baseTests, drafts } = policyRuntime();
      const tenantId = ctx.job.tenant_id;
      const current = await ctx.tx(async () => {
        const active = await activeVersion();
        return active === undefined ? undefined : getVersion(active.version);
      });
      const patch = current === undefined ? undefined : upgrade.patch(current.bundle.data as Record<string, unknown>, engine.base.data as Record<string, unknown>);
      if (current === undefined || patch === undefined) return;
      const { bundle, problems } = composeBundle(engine.base, current.bundle, { data_patch: patch });
      // Checked off the transaction, in the draft pool, as a proposal is.
      const check = problems.length > 0 ? { failures: problems } : await drafts.check(tenantId, bundle, baseTests);
      if (check.failures.length > 0) {
        throw new PermanentJobError(`the upgraded bundle fails ${check.failures.length} check(s), the tenant keeps version ${current.version}: ${check.failures.slice(0, 3).join('; ')}`);
      }
      // Compiled before anything is written: a version that cannot run is never activated.
      engine.policy(tenantId, bundle);
      await ctx.tx(async () => {
        const at = ctx.clock.now();
        if ((await activeVersion())?.hash !== current.hash) throw new Error('the active version changed during the upgrade; it is tried again');
        const version = (await insertVersion({ bundle, parent_hash: current.hash, author: UPGRADE_ACTOR, message: upgrade.message }, at)) ?? (await getVersionByHash(bundle.hash))!;
        await insertActivation({ version: version.version, hash: version.hash, kind: 'activate', actor: UPGRADE_ACTOR }, at);
        await recordSystemStep({
          actor: UPGRADE_ACTOR,
          action: 'policy.bundle.upgrade',
          target: `policy-bundle:v${version.version}:${version.hash}`,
          auditType: 'policy.bundle.upgraded',
          at,
          jobId: ctx.job.job_id,
          details: { upgrade: upgrade.name, from_version: current.version, from_hash: current.hash, version: version.version, hash: version.hash, changed: Object.keys(patch) },
          evidence: [`policy-bundle:v${current.version}:${current.hash}`],
        });
      });
      // This process switches at once; the others follow the activation's notification.
      engine.use(tenantId, bundle);
    },
  });
}
