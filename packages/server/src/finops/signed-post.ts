import { sign, SIGNATURE_HEADER } from './webhooks.ts';

/** How long one POST may take. */
export const POST_TIMEOUT_MS = 10_000;

/**
 * POSTs a JSON body signed with the webhook's secret (`x-companyos-signature`); the answer's
 * status, and an error unless it was a 2xx. Used by invoice deliveries and onboarding test events.
 */
export async function postSigned(o: { url: string; secret: string; body: string; at: Date; deliveryId: string; signal?: AbortSignal }): Promise<{ status: number | null; error: string | null }> {
  try {
    const timeout = AbortSignal.timeout(POST_TIMEOUT_MS);
    const res = await fetch(o.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(o.secret, o.body, o.at), 'x-companyos-delivery': o.deliveryId },
      body: o.body,
      redirect: 'manual',
      signal: o.signal === undefined ? timeout : AbortSignal.any([o.signal, timeout]),
    });
    await res.body?.cancel();
    return { status: res.status, error: res.status < 200 || res.status > 299 ? `the endpoint answered ${res.status}` : null };
  } catch (err) {
    return { status: null, error: err instanceof Error ? err.message : String(err) };
  }
}
