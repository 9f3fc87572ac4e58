// `companyos config ...`: the tenant's configuration as data. `export` writes the signed
// white-label kit, `import` applies one to a tenant (verified against the source's public keys),
// `branding` reads or sets the tenant's branding.

import { readFile, writeFile } from 'node:fs/promises';
import { parse, required, UsageError } from '../args.ts';
import { callApi, reach, serverUrl } from '../api-client.ts';
import { COMMAND_USAGE } from '../usage.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
  tenant: { type: 'string' },
} as const;


export async function configCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'export': {
      const { values } = parse(rest, { ...common, out: { type: 'string' } });
      const tenant = encodeURIComponent(required(values.tenant, 'tenant'));
      const exported = await callApi('GET', `/api/v1/tenants/${tenant}/kit`, { url: values.url, token: values.token });
      const text = `${JSON.stringify(exported, null, 2)}\n`;
      if (values.out === undefined) process.stdout.write(text);
      else await writeFile(values.out, text);
      return 0;
    }
    case 'import': {
      const { values } = parse(rest, { ...common, kit: { type: 'string' }, jwks: { type: 'string' }, 'dry-run': { type: 'boolean' } });
      const tenant = encodeURIComponent(required(values.tenant, 'tenant'));
      const file = JSON.parse(await readFile(required(values.kit, 'kit'), 'utf8')) as { kit?: unknown; jwks?: unknown };
      // The source's published keys are the trust anchor; the copy inside the export file is a convenience.
      const jwks = values.jwks === undefined ? file.jwks : await loadJwks(values.jwks);
      if (file.kit === undefined || jwks === undefined) throw new UsageError('the kit file must hold {kit, jwks} as written by `companyos config export` (or pass --jwks)');
      const outcome = (await callApi('POST', `/api/v1/tenants/${tenant}/kit`, { url: values.url, token: values.token }, { kit: file.kit, jwks, dry_run: values['dry-run'] === true })) as {
        refused: { item: string; reason: string }[];
      };
      print(outcome);
      return outcome.refused.length > 0 ? 1 : 0;
    }
    case 'branding': {
      const { values } = parse(rest, { ...common, set: { type: 'string' }, logo: { type: 'string' } });
      const path = `/api/v1/tenants/${encodeURIComponent(required(values.tenant, 'tenant'))}/branding`;
      const api = { url: values.url, token: values.token };
      if (values.set !== undefined) {
        let body: unknown;
        try {
          body = JSON.parse(values.set);
        } catch {
          throw new UsageError('--set must be a JSON object: {"product_name", "colors": {primary, on_primary, background, text}, "logo_url"}');
        }
        print(await callApi('PUT', path, api, body));
      } else if (values.logo !== undefined) {
        const bytes = await readFile(values.logo);
        const type = values.logo.endsWith('.png') ? 'image/png' : values.logo.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
        print(await callApi('PUT', `${path}/logo`, api, { content_type: type, data_base64: bytes.toString('base64') }));
      } else {
        const res = await reach(new URL(path, serverUrl(values.url)));
        print(await res.json());
        return res.ok ? 0 : 1;
      }
      return 0;
    }
    default:
      throw new UsageError(COMMAND_USAGE.config!);
  }
}

async function loadJwks(source: string): Promise<unknown> {
  if (/^https?:\/\//.test(source)) {
    const res = await reach(source);
    if (!res.ok) throw new Error(`could not fetch the JWKS from ${source}: ${res.status}`);
    return res.json();
  }
  return JSON.parse(await readFile(source, 'utf8'));
}

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
