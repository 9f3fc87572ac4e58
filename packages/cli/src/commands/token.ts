// `companyos token`: mints a bearer token from the local development issuer whose key lives in
// the data dir, so a server started on the same data dir accepts it.

import { mintDevToken } from '@companyos/server';
import { parse, parseDuration, required } from '../args.ts';

export async function tokenCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    tenant: { type: 'string' },
    subject: { type: 'string' },
    ttl: { type: 'string', default: '1h' },
    'step-up': { type: 'boolean' },
  });
  const token = await mintDevToken({
    tenant: required(values.tenant, 'tenant'),
    subject: required(values.subject, 'subject'),
    ttl: parseDuration(values.ttl ?? '1h'),
    stepUp: values['step-up'] === true,
  });
  console.log(token);
  return 0;
}
