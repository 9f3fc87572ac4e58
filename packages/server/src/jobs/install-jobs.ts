import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import type { Clock } from '../util/clock.ts';
import { JobRunner } from './job-runner.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The durable job runner (register kinds, `runDue()` on demand). */
    jobs: JobRunner;
  }
}

/**
 * Creates the app's job runner. With `background` (the default) it polls once the app is ready;
 * either way it stops when the app closes, putting an interrupted job back for the next start.
 */
export function installJobs(app: FastifyInstance, o: { db: Database; clock: Clock; log: Logger; leaseMs?: number; background?: boolean | undefined }): JobRunner {
  const runner = new JobRunner({ db: o.db, clock: o.clock, log: o.log, leaseMs: o.leaseMs });
  app.decorate('jobs', runner);
  if (o.background !== false) app.addHook('onReady', async () => runner.start());
  app.addHook('onClose', async () => runner.stop());
  return runner;
}
