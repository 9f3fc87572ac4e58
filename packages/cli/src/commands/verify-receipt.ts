// `companyos verify-receipt FILE [--jwks FILE|URL]`: checks a receipt bundle (as returned by
// GET /api/v1/provenance/receipts/{id}) offline: the receipt's leaf is included in the tree its
// signed checkpoint commits to, under a key of the tenant's JWKS.

import { readFile } from 'node:fs/promises';
import { verifyReceiptBundle } from '@companyos/server';
import { parse, UsageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { loadJwks } from './jwks-source.ts';

export async function verifyReceiptCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { jwks: { type: 'string' }, json: { type: 'boolean' } }, true);
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(COMMAND_USAGE['verify-receipt']!);
  const bundle: unknown = JSON.parse(await readFile(file, 'utf8'));
  const jwks = values.jwks === undefined ? undefined : await loadJwks(values.jwks);
  const result = verifyReceiptBundle(bundle, jwks === undefined ? {} : { jwks });
  if (values.json === true) {
    console.log(JSON.stringify({ ok: result.ok, errors: result.errors, size: result.checkpoint?.size ?? null, signed_by: result.signedBy ?? [] }, null, 2));
  } else {
    if (jwks === undefined) console.log('note: keys taken from the bundle itself; pass --jwks with the tenant JWKS to trust them');
    for (const e of result.errors) console.log(`  - ${e}`);
    console.log(result.ok ? `OK: included in the tree of size ${result.checkpoint!.size}, signed by ${result.signedBy!.join(', ')}` : 'FAILED');
  }
  return result.ok ? 0 : 1;
}
