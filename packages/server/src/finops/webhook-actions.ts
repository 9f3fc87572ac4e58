import { Type } from '@sinclair/typebox';
import { Nullable } from '../http/schema.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { checkWebhookUrl } from './webhook-targets.ts';
import { createWebhook, listDeliveries, listWebhooks } from './webhooks.ts';

const WebhookView = Type.Object({ webhook_id: Type.String(), url: Type.String(), created_by: Type.String(), created_at: Type.String({ format: 'date-time' }) });

export const createWebhookAction = defineAction({
  name: 'finops.webhook.create',
  method: 'POST',
  path: '/finops/webhooks',
  summary: 'Register a URL that receives each finalised invoice, signed with HMAC-SHA256 (the secret is shown in this response only). A URL whose host resolves to a non-public address is refused (422)',
  scope: 'tenant',
  status: 201,
  input: Type.Object({ url: Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2048 }) }, { additionalProperties: false }),
  response: Type.Object({ webhook_id: Type.String(), url: Type.String(), created_by: Type.String(), created_at: Type.String({ format: 'date-time' }), secret: Type.String() }),
  target: (_ctx, _input, _r, result) => `webhook:${(result as { webhook_id: string }).webhook_id}`,
  run: async (ctx, input) => {
    await checkWebhookUrl(input.url);
    return createWebhook(input.url, ctx.principal.subjectId, ctx.now, ledgerServices().keys.provider);
  },
});

export const listWebhooksAction = defineAction({
  name: 'finops.webhook.list',
  method: 'GET',
  path: '/finops/webhooks',
  summary: "The caller tenant's invoice webhooks and their latest deliveries (dead-lettered ones have status dead)",
  scope: 'tenant',
  response: Type.Object({
    webhooks: Type.Array(WebhookView),
    deliveries: Type.Array(
      Type.Object({
        delivery_id: Type.String(),
        webhook_id: Type.String(),
        invoice_id: Type.String(),
        status: Type.String(),
        attempts: Type.Integer(),
        last_status: Nullable(Type.Integer()),
        last_error: Nullable(Type.String()),
        created_at: Type.String({ format: 'date-time' }),
        updated_at: Type.String({ format: 'date-time' }),
      }),
    ),
  }),
  run: async () => ({ webhooks: await listWebhooks(), deliveries: await listDeliveries() }),
});

export const webhookActions = [createWebhookAction, listWebhooksAction];
