import { OutboundRefused } from '../net/outbound-target.ts';
import { postPinned } from '../net/pinned-post.ts';
import { deliveryTarget } from './webhook-targets.ts';
import { sign, SIGNATURE_HEADER } from './webhooks.ts';

/** How long one POST may take. */
export const POST_TIMEOUT_MS = 10_000;

/**
 * POSTs a JSON body signed with the webhook's secret (`x-companyos-signature`) to a URL a tenant
 * chose; the answer's status, and an error unless it was a 2xx. The target is checked again at
 * each send and the connection goes to the address checked (DNS rebinding). Used by invoice
 * deliveries and onboarding test events.
 */
export async function postSigned(o: { url: string; secret: string; body: string; at: Date; deliveryId: string; signal?: AbortSignal }): Promise<{ status: number | null; error: string | null }> {
  try {
    const target = await deliveryTarget(o.url);
    const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(o.secret, o.body, o.at), 'x-companyos-delivery': o.deliveryId };
    const timeout = AbortSignal.timeout(POST_TIMEOUT_MS);
    const status = await postPinned(target, o.body, headers, o.signal === undefined ? timeout : AbortSignal.any([o.signal, timeout]));
    return { status, error: status < 200 || status > 299 ? `the endpoint answered ${status}` : null };
  } catch (err) {
    return { status: null, error: err instanceof OutboundRefused ? `refused: ${err.message}` : err instanceof Error ? err.message : String(err) };
  }
}
