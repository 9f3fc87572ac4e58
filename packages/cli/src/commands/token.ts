// `companyos token`: mints a bearer token from the development issuer whose key the running
// server trusts (see dev-token.ts), so the server accepts it.

import { parse, parseDuration, required } from '../args.ts';
import { findDevIssuer } from '../dev-token.ts';

export async function tokenCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    tenant: { type: 'string' },
    subject: { type: 'string' },
    ttl: { type: 'string', default: '1h' },
    'step-up': { type: 'boolean' },
    url: { type: 'string' },
  });
  const options = {
    tenant: required(values.tenant, 'tenant'),
    subject: required(values.subject, 'subject'),
    ttl: parseDuration(values.ttl ?? '1h'),
    stepUp: values['step-up'] === true,
  };
  const issuer = await findDevIssuer(values.url);
  console.log(await issuer.mint(options));
  return 0;
}
