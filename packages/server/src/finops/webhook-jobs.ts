import { PermanentJobError, type JobRunner } from '../jobs/index.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { getInvoice } from './invoices.ts';
import { postSigned } from './signed-post.ts';
import { DELIVER_JOB, getDelivery, recordAttempt, webhookSecret } from './webhooks.ts';

/**
 * Registers the delivery job: POSTs the finalised invoice document, signed, to the webhook. A
 * non-2xx answer or a network error is recorded and retried with backoff by the job runner; after
 * the last attempt the delivery is dead-lettered (status `dead`, listed with the webhooks).
 */
export function installWebhookDelivery(runner: JobRunner): void {
  runner.register<{ delivery_id: string }>(DELIVER_JOB, {
    backoffMs: 30_000,
    run: async ({ delivery_id: id }, ctx) => {
      const { keys } = ledgerServices();
      const found = await ctx.tx(async () => {
        const delivery = await getDelivery(id);
        if (delivery === undefined) return undefined;
        return { delivery, hook: await webhookSecret(delivery.webhook_id, keys.provider), invoice: await getInvoice(delivery.invoice_id) };
      });
      if (found?.hook === undefined || found.invoice === undefined) throw new PermanentJobError(`delivery ${id} has no webhook or invoice`);
      if (found.delivery.status !== 'pending') return;
      const body = canonicalJson({ type: 'invoice.finalized', invoice: found.invoice.document, sha256: found.invoice.sha256 });
      const at = ctx.clock.now();
      const { status, error } = await postSigned({ url: found.hook.url, secret: found.hook.secret, body, at, deliveryId: id, signal: ctx.signal });
      await ctx.tx(() => recordAttempt(id, { status: error === null ? 'delivered' : 'pending', httpStatus: status, error, at }));
      if (error !== null) throw new Error(error);
    },
    onFailed: async ({ delivery_id: id }, error, { now }) => {
      await recordAttempt(id, { status: 'dead', httpStatus: null, error, at: now, counts: false });
    },
  });
}
