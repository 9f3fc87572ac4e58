import { createHmac, randomBytes } from 'node:crypto';
import { currentTenantId, currentTx } from '../context.ts';
import { enqueue } from '../jobs/index.ts';
import type { KeyProvider } from '../keys/key-provider.ts';
import { uuidv7 } from '../util/ids.ts';

/** The header a delivery is signed in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-companyos-signature';
export const DELIVER_JOB = 'finops.webhook.deliver';
/** Attempts before a delivery is dead-lettered; backoff doubles from 30 s between them. */
export const DELIVERY_ATTEMPTS = 6;

export interface Webhook {
  webhook_id: string;
  url: string;
  created_by: string;
  created_at: string;
}

export interface Delivery {
  delivery_id: string;
  webhook_id: string;
  invoice_id: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

const aad = (tenant: string, webhookId: string) => new TextEncoder().encode(`invoice-webhook:${tenant}:${webhookId}`);
const iso = (v: Date | string) => new Date(v).toISOString();

export function sign(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** Registers a webhook of the current tenant; the secret is returned this once and stored wrapped. */
export async function createWebhook(url: string, by: string, at: Date, keys: KeyProvider): Promise<Webhook & { secret: string }> {
  const webhookId = uuidv7(at.getTime());
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const wrapped = Buffer.from(await keys.wrap(new TextEncoder().encode(secret), aad(currentTenantId(), webhookId))).toString('base64');
  await currentTx().query(
    'INSERT INTO invoice_webhooks (tenant_id, webhook_id, url, secret_wrapped, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [currentTenantId(), webhookId, url, wrapped, by, at.toISOString()],
  );
  return { webhook_id: webhookId, url, created_by: by, created_at: at.toISOString(), secret };
}

export async function webhookSecret(webhookId: string, keys: KeyProvider): Promise<{ url: string; secret: string } | undefined> {
  const [row] = await currentTx().query<{ url: string; secret_wrapped: string }>('SELECT url, secret_wrapped FROM invoice_webhooks WHERE tenant_id = $1 AND webhook_id = $2', [currentTenantId(), webhookId]);
  if (row === undefined) return undefined;
  const plain = await keys.unwrap(Buffer.from(row.secret_wrapped, 'base64'), aad(currentTenantId(), webhookId));
  return { url: row.url, secret: new TextDecoder().decode(plain) };
}

export async function listWebhooks(): Promise<Webhook[]> {
  const rows = await currentTx().query<Webhook & { created_at: Date | string }>(
    'SELECT webhook_id, url, created_by, created_at FROM invoice_webhooks WHERE tenant_id = $1 AND disabled_at IS NULL ORDER BY created_at',
    [currentTenantId()],
  );
  return rows.map((r) => ({ ...r, webhook_id: String(r.webhook_id), created_at: iso(r.created_at) }));
}

/** Queues one delivery of a finalised invoice to each of the tenant's webhooks, in the current transaction. */
export async function queueDeliveries(invoiceId: string, at: Date): Promise<number> {
  const hooks = await listWebhooks();
  for (const h of hooks) {
    const deliveryId = uuidv7(at.getTime());
    const job = await enqueue(DELIVER_JOB, { delivery_id: deliveryId }, { now: at, idempotencyKey: `${h.webhook_id}:${invoiceId}`, maxAttempts: DELIVERY_ATTEMPTS });
    await currentTx().query(
      `INSERT INTO webhook_deliveries (tenant_id, delivery_id, webhook_id, invoice_id, job_id, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6) ON CONFLICT (tenant_id, webhook_id, invoice_id) DO NOTHING`,
      [currentTenantId(), deliveryId, h.webhook_id, invoiceId, job.job_id, at.toISOString()],
    );
  }
  return hooks.length;
}

type DeliveryRow = Omit<Delivery, 'created_at' | 'updated_at'> & { created_at: Date | string; updated_at: Date | string };
const toDelivery = (r: DeliveryRow): Delivery => ({ ...r, delivery_id: String(r.delivery_id), webhook_id: String(r.webhook_id), invoice_id: String(r.invoice_id), created_at: iso(r.created_at), updated_at: iso(r.updated_at) });
const DELIVERY_COLUMNS = 'delivery_id, webhook_id, invoice_id, status, attempts, last_status, last_error, created_at, updated_at';

export async function getDelivery(deliveryId: string): Promise<Delivery | undefined> {
  const [row] = await currentTx().query<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE tenant_id = $1 AND delivery_id = $2`, [currentTenantId(), deliveryId]);
  return row === undefined ? undefined : toDelivery(row);
}

export async function listDeliveries(limit = 100): Promise<Delivery[]> {
  const rows = await currentTx().query<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2`, [currentTenantId(), limit]);
  return rows.map(toDelivery);
}

/** Records an attempt's outcome (status: the delivery's state after it). */
export async function recordAttempt(deliveryId: string, o: { status: Delivery['status']; httpStatus: number | null; error: string | null; at: Date; counts?: boolean }): Promise<void> {
  await currentTx().query(
    `UPDATE webhook_deliveries SET status = $3, attempts = attempts + $4, last_status = coalesce($5, last_status), last_error = $6, updated_at = $7 WHERE tenant_id = $1 AND delivery_id = $2`,
    [currentTenantId(), deliveryId, o.status, o.counts === false ? 0 : 1, o.httpStatus, o.error, o.at.toISOString()],
  );
}
