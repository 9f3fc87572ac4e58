import { Problem } from '../http/problem.ts';
import { DENY_PRIVATE, OutboundRefused, resolveOutbound, type OutboundPolicy, type OutboundTarget } from '../net/outbound-target.ts';

// The server's rule for webhook URLs, set once at start from the configuration.
let policy: OutboundPolicy = DENY_PRIVATE;

export function setWebhookTargets(p: OutboundPolicy): void {
  policy = p;
}

/** Checks a webhook URL at registration: a refused one is a 422 naming every reason. */
export async function checkWebhookUrl(url: string): Promise<OutboundTarget> {
  try {
    return await resolveOutbound(url, policy);
  } catch (err) {
    if (!(err instanceof OutboundRefused)) throw err;
    throw new Problem('outbound-target-refused', `the webhook URL is refused: ${err.message}`, {
      reasons: err.reasons,
      errors: [{ in: 'body', field: 'url', message: err.message }],
    });
  }
}

/** Checks a webhook URL again at delivery time (what it resolves to may have changed); throws OutboundRefused. */
export function deliveryTarget(url: string): Promise<OutboundTarget> {
  return resolveOutbound(url, policy);
}
