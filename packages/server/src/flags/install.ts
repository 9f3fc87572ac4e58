import type { FastifyInstance } from 'fastify';
import { BrandingCache, useBrandingCache } from '../branding/branding-cache.ts';
import { registerBrandingRoutes } from '../branding/public-routes.ts';
import type { Database } from '../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Bundle } from '../policy/bundle.ts';
import type { Clock } from '../util/clock.ts';
import { FlagService, flagEvaluations, flagService, useFlagService } from './flag-service.ts';
import { registerOpenFeature } from './openfeature-provider.ts';

export interface FlagsDeps {
  db: Database;
  clock: Clock;
  bundleFor: (tenantId: string) => Bundle;
  metrics: Metrics;
}

/**
 * Wires flags and branding into an app: the flag service (also behind OpenFeature), the public
 * branding routes, the evaluation counter, and the `flags` and `config` kinds of the drift gauge.
 */
export async function installFlags(app: FastifyInstance, deps: FlagsDeps): Promise<void> {
  const flags = new FlagService({ db: deps.db, clock: deps.clock, bundleFor: deps.bundleFor });
  useFlagService(flags);
  await registerOpenFeature(flagService);
  const branding = new BrandingCache(deps.db, deps.clock);
  useBrandingCache(branding);
  registerBrandingRoutes(app, deps.db, branding);
  app.addHook('onClose', async () => {
    try {
      await flags.settled();
      await flags.flushUsage();
    } catch (error) {
      app.log.warn({ err: error }, 'flag usage could not be written at shutdown');
    }
  });
  deps.metrics.registry.registerMetric(flagEvaluations);
  deps.metrics.registerDriftSource('flags', () => flags.drift(deps.db));
  deps.metrics.registerDriftSource('config', () => branding.drift());
}
