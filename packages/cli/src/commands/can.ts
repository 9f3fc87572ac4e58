// `companyos can ACTION[@ID]...`: asks the server's preflight whether the caller may take each
// action (on the resource ID names), decided as the real request would be. Exits 1 when any is
// refused, so a script can check before it acts.

import { parse, UsageError } from '../args.ts';
import { callApi } from '../api-client.ts';

interface Answer {
  action: string;
  resource?: Record<string, string>;
  allowed: boolean;
  reasons: string[];
}

/** `high_risk.request.approve@0190…` → the action with its resource's id. */
function check(arg: string): { action: string; resource?: Record<string, string> } {
  const [action, id, extra] = arg.split('@');
  if (action === undefined || action === '' || extra !== undefined || id === '') throw new UsageError(`"${arg}" is not ACTION or ACTION@ID`);
  return id === undefined ? { action } : { action, resource: { id } };
}

export async function canCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { url: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (positionals.length === 0) throw new UsageError('name at least one action');
  const { results } = (await callApi('POST', '/api/v1/policy/can', values, { checks: positionals.map(check) })) as { results: Answer[] };
  if (values.json === true) console.log(JSON.stringify(results, null, 2));
  else {
    for (const r of results) {
      const on = r.resource?.id === undefined ? '' : `@${r.resource.id}`;
      console.log(`${r.action}${on}: ${r.allowed ? 'allowed' : `denied (${r.reasons.join('; ')})`}`);
    }
  }
  return results.every((r) => r.allowed) ? 0 : 1;
}
