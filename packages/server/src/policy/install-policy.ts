import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Clock } from '../util/clock.ts';
import { loadTestModules } from './bundle.ts';
import { DecisionLogWriter } from './decision-log.ts';
import { policyDrift } from './drift.ts';
import { DraftPool, type DraftPoolOptions } from './draft-pool.ts';
import type { PolicyEngine } from './policy-engine.ts';
import { setPolicyRuntime } from './policy-runtime.ts';

/** How often a process re-reads the active hashes besides notifications (PGlite has no other processes). */
const POLL_MS = { pglite: 1000, postgres: 5000 } as const;

/**
 * Starts the engine following activations, the decision log, the policy drift gauge and the
 * runtime the policy actions use; on close, stops following and writes the pending decisions.
 */
export async function installPolicy(
  app: FastifyInstance,
  o: { db: Database; engine: PolicyEngine; metrics: Metrics; policyDir: string; log: Logger; drafts: DraftPoolOptions; clock?: Clock },
): Promise<void> {
  await o.engine.start(o.db, { pollMs: POLL_MS[o.db.engine], decisionLog: new DecisionLogWriter(o.db, o.log, o.engine.archive, undefined, o.clock) });
  const drafts = new DraftPool(o.drafts, o.log);
  app.addHook('onClose', async () => drafts.close());
  setPolicyRuntime({ engine: o.engine, db: o.db, baseTests: loadTestModules(o.policyDir), drafts });
  o.metrics.registerDriftSource('policy', async () => (await policyDrift(o.db, o.engine)).map((d) => ({ tenant: d.tenant, drifted: d.drifted })));
  app.addHook('onClose', async () => o.engine.stop());
}
