// `companyos keys ...`: the caller tenant's own key-encryption key (ADR 0030). The KEK is wrapped
// on this machine to a single-use RSA-OAEP-256 key the server publishes, so only its wrapped form
// leaves it; a key wrapped elsewhere (openssl, a hardware module) is sent as it is.

import { constants, publicEncrypt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, UsageError } from '../args.ts';
import { callApi, type ApiOptions } from '../api-client.ts';
import { COMMAND_USAGE } from '../usage.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const installOptions = {
  ...common,
  key: { type: 'string' },
  wrapped: { type: 'string' },
  'wrapping-key-id': { type: 'string' },
} as const;

interface WrappingKey {
  wrapping_key_id: string;
  public_key_pem: string;
  expires_at: string;
}

interface Installed {
  version: number;
  fingerprint: string;
  retired: number | null;
  rewrapped: number;
}

export async function keysCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'wrapping-key':
      return wrappingKey(rest);
    case 'import':
    case 'rotate':
      return install(verb, rest);
    case 'revoke':
      return revoke(rest);
    case 'status':
      return status(rest);
    default:
      throw new UsageError(COMMAND_USAGE.keys!);
  }
}

/** Asks for a wrapping key; writes its public PEM to --out and prints its id. */
async function wrappingKey(args: string[]): Promise<number> {
  const { values } = parse(args, { ...common, out: { type: 'string', short: 'o' } });
  const key = (await callApi('POST', '/api/v1/keys/wrapping-keys', values, {})) as WrappingKey;
  if (values.out !== undefined) writeFileSync(values.out, key.public_key_pem);
  if (values.json === true) console.log(JSON.stringify(key, null, 2));
  else {
    if (values.out === undefined) process.stdout.write(key.public_key_pem);
    console.log(`wrapping key ${key.wrapping_key_id} (RSA-OAEP-256, single use, expires ${key.expires_at})${values.out === undefined ? '' : `: public key in ${values.out}`}`);
  }
  return 0;
}

/** The raw 32-byte KEK in a file: binary, or its base64 or hex on one line. */
function readKek(file: string): Buffer {
  const raw = readFileSync(file);
  if (raw.length === 32) return raw;
  const text = raw.toString('utf8').trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (bytes.length !== 32) throw new UsageError(`${file} must hold a 32-byte AES-256 key (raw, base64 or hex), e.g. from \`openssl rand -out kek.bin 32\``);
  return bytes;
}

async function wrappedBody(values: { key?: string | undefined; wrapped?: string | undefined; 'wrapping-key-id'?: string | undefined } & ApiOptions) {
  if ((values.key === undefined) === (values.wrapped === undefined)) throw new UsageError('give either --key FILE (wrapped here) or --wrapped FILE with --wrapping-key-id ID');
  if (values.wrapped !== undefined) {
    const id = values['wrapping-key-id'];
    if (id === undefined) throw new UsageError('--wrapped needs the --wrapping-key-id it was wrapped to');
    return { wrapping_key_id: id, wrapped_key: readFileSync(values.wrapped, 'utf8').trim() };
  }
  const kek = readKek(values.key!);
  const key = (await callApi('POST', '/api/v1/keys/wrapping-keys', values, {})) as WrappingKey;
  const wrapped = publicEncrypt({ key: key.public_key_pem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, kek);
  kek.fill(0);
  return { wrapping_key_id: key.wrapping_key_id, wrapped_key: wrapped.toString('base64') };
}

async function install(verb: 'import' | 'rotate', args: string[]): Promise<number> {
  const { values } = parse(args, installOptions);
  const result = (await callApi('POST', `/api/v1/keys/kek/${verb}`, values, await wrappedBody(values))) as Installed;
  if (values.json === true) console.log(JSON.stringify(result, null, 2));
  else {
    const retired = result.retired === null ? '' : `, version ${result.retired} retired`;
    console.log(`key-encryption key version ${result.version} (sha256 ${result.fingerprint}) is active${retired}; ${result.rewrapped} data key(s) re-wrapped`);
  }
  return 0;
}

async function revoke(args: string[]): Promise<number> {
  const { values } = parse(args, { ...common, yes: { type: 'boolean' } });
  if (values.yes !== true) throw new UsageError('revocation cannot be undone: what the tenant sealed under its data keys becomes unreadable; confirm with --yes');
  const result = (await callApi('POST', '/api/v1/keys/kek/revoke', values, {})) as { version: number; fingerprint: string; data_keys: number };
  if (values.json === true) console.log(JSON.stringify(result, null, 2));
  else console.log(`key-encryption key version ${result.version} (sha256 ${result.fingerprint}) is revoked; ${result.data_keys} data key(s) can no longer be unwrapped`);
  return 0;
}

interface Status {
  holder: string;
  state: string;
  versions: Array<{ version: number; status: string; fingerprint: string; imported_at: string }>;
  data_keys: { live: number; under_tenant_kek: number; shredded: number };
}

async function status(args: string[]): Promise<number> {
  const { values } = parse(args, common);
  const s = (await callApi('GET', '/api/v1/keys/kek', values)) as Status;
  if (values.json === true) {
    console.log(JSON.stringify(s, null, 2));
    return 0;
  }
  console.log(`held by: ${s.holder} (${s.state})`);
  for (const v of s.versions) console.log(`  version ${v.version}: ${v.status}, sha256 ${v.fingerprint}, imported ${v.imported_at}`);
  console.log(`data keys: ${s.data_keys.live} live (${s.data_keys.under_tenant_kek} under the tenant's key), ${s.data_keys.shredded} shredded`);
  return 0;
}
