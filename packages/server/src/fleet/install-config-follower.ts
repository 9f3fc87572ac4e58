import type { FastifyInstance } from 'fastify';
import { brandingCache } from '../branding/branding-cache.ts';
import type { Database } from '../db/database.ts';
import { flagService } from '../flags/flag-service.ts';
import type { PolicyEngine } from '../policy/policy-engine.ts';
import { ConfigFollower } from './config-follower.ts';

/**
 * Follows configuration changes for the app's per-tenant state: the active policy bundle (reloaded
 * in the request that notices a new version), cached flag settings and branding (dropped). Call
 * after the flags are installed.
 */
export async function installConfigFollower(app: FastifyInstance, o: { db: Database; policy: PolicyEngine }): Promise<ConfigFollower> {
  const follower = new ConfigFollower();
  follower.follow({ forget: () => undefined, sync: (tenantId) => o.policy.syncCurrentTenant(tenantId) });
  follower.follow({ forget: (tenantId) => flagService().invalidate(tenantId) });
  follower.follow({ forget: (tenantId) => brandingCache().invalidate(tenantId) });
  await follower.start(o.db);
  app.addHook('onClose', async () => follower.stop());
  return follower;
}
