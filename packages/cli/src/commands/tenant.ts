// `companyos tenant ...`: tenant lifecycle through the HTTP API, so every change runs through
// the governed pipeline (policy, receipt, audit) exactly as it would from the console.

import { parse, required, requireAll, UsageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { callApi } from '../api-client.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
} as const;

export async function tenantCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'list': {
      const { values } = parse(rest, common);
      print({ tenants: await allTenants(values) });
      return 0;
    }
    case 'get':
    case 'overview': {
      const { values, positionals } = parse(rest, common, true);
      const id = positionals[0];
      if (id === undefined) throw new UsageError(`tenant ${verb} needs a tenant id`);
      const path = `/api/v1/tenants/${encodeURIComponent(id)}`;
      print(await callApi('GET', verb === 'get' ? path : `${path}/overview`, values));
      return 0;
    }
    case 'disable':
    case 'enable': {
      const { values, positionals } = parse(rest, { ...common, reason: { type: 'string' } }, true);
      const id = positionals[0];
      if (id === undefined) throw new UsageError(`tenant ${verb} needs a tenant id`);
      const reason = required(values.reason, 'reason');
      print(await callApi('POST', `/api/v1/tenants/${encodeURIComponent(id)}/${verb}`, values, { reason }));
      return 0;
    }
    case 'create': {
      const { values } = parse(rest, {
        ...common,
        id: { type: 'string' },
        name: { type: 'string' },
        region: { type: 'string' },
        env: { type: 'string' },
        owner: { type: 'string' },
        admin: { type: 'string' },
        'admin-attr': { type: 'string', multiple: true },
      });
      const { id, region, owner } = requireAll(values, ['id', 'region', 'owner']);
      const body: Record<string, unknown> = { tenant_id: id, display_name: values.name ?? id, data_region: region, owner_contact: owner };
      if (values.env !== undefined) body.env = values.env;
      if (values.admin !== undefined) body.admin = { subject_id: values.admin, display_name: values.admin, attributes: adminAttributes(values['admin-attr'] ?? []) };
      print(await callApi('POST', '/api/v1/tenants', values, body));
      return 0;
    }
    case 'config': {
      const { values, positionals } = parse(rest, { ...common, set: { type: 'string' } }, true);
      const id = positionals[0];
      if (id === undefined) throw new UsageError('tenant config needs a tenant id');
      const path = `/api/v1/tenants/${encodeURIComponent(id)}/config`;
      if (values.set === undefined) {
        print(await callApi('GET', path, values));
      } else {
        let patch: unknown;
        try {
          patch = JSON.parse(values.set);
        } catch {
          throw new UsageError('--set must be a JSON object, e.g. --set \'{"display_name":"Acme"}\'');
        }
        print(await callApi('PATCH', path, values, patch));
      }
      return 0;
    }
    default:
      throw new UsageError(COMMAND_USAGE.tenant!);
  }
}

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** The admin's attributes from `KEY=VALUE` flags (the server puts the admin in the tenant's region unless one says otherwise). */
function adminAttributes(pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--admin-attr ${pair}: give KEY=VALUE, e.g. --admin-attr department=ops`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** Every tenant, reading the server's pages in id order until the last. */
async function allTenants(values: { url?: string | undefined; token?: string | undefined }): Promise<unknown[]> {
  const tenants: unknown[] = [];
  let after: string | null = null;
  do {
    const page = (await callApi('GET', `/api/v1/tenants?limit=1000${after === null ? '' : `&after=${encodeURIComponent(after)}`}`, values)) as { tenants: unknown[]; next_after: string | null };
    tenants.push(...page.tenants);
    after = page.next_after;
  } while (after !== null);
  return tenants;
}
