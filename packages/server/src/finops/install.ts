import type { FastifyInstance } from 'fastify';
import type { JobRunner } from '../jobs/index.ts';
import { CLOUDEVENT, CLOUDEVENTS_BATCH } from './cloudevents.ts';
import { planCatalog } from './plan-catalog.ts';
import type { OutboundPolicy } from '../net/outbound-target.ts';
import { installWebhookDelivery } from './webhook-jobs.ts';
import { setWebhookTargets } from './webhook-targets.ts';
import { installMetering, type Aggregate, type MeteringDeps } from './metering-jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** FinOps work outside requests: aggregate a tenant's usage now. */
    finops: { aggregate: Aggregate };
  }
}

/** CloudEvents bodies, the metering jobs and their scheduler (in the background unless turned off). */
export function installFinops(app: FastifyInstance, runner: JobRunner, d: MeteringDeps, o: { background: boolean; webhookTargets: OutboundPolicy }): void {
  // A bad plan catalog stops the start instead of the first rating.
  planCatalog();
  // CloudEvents in structured mode are JSON documents (one event, or a batch array).
  app.addContentTypeParser([CLOUDEVENT, CLOUDEVENTS_BATCH], { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  const aggregate = installMetering(app, runner, d, o);
  setWebhookTargets(o.webhookTargets);
  installWebhookDelivery(runner);
  app.decorate('finops', { aggregate });
}
