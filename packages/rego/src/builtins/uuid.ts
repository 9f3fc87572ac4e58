// uuid.rfc4122 (a random version 4 UUID, the same for equal arguments within one evaluation)
// and uuid.parse (version, variant and the fields versions 1 and 2 encode).

import { randomUUID } from 'node:crypto';
import { RObject, canonicalText, fromBigInt, type Value } from '../value/value.ts';
import { str } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

export function register(r: BuiltinRegistry): void {
  r.fn(
    'uuid.rfc4122',
    1,
    (a, ctx) => {
      const key = `uuid.rfc4122:${canonicalText(a[0] as Value)}`;
      const cached = ctx.cache.get(key);
      if (typeof cached === 'string') return cached;
      const id = randomUUID();
      ctx.cache.set(key, id);
      return id;
    },
    { nondeterministic: true },
  );
  r.fn('uuid.parse', 1, (a) => {
    const bytes = parseUUID(str(a, 0));
    return bytes === undefined ? undefined : describe(bytes);
  });
}

/** The 16 bytes of a UUID in any of the usual spellings (plain, braces, urn:uuid:, no dashes). */
function parseUUID(text: string): Buffer | undefined {
  let s = text;
  if (s.length === 45 && s.slice(0, 9).toLowerCase() === 'urn:uuid:') s = s.slice(9);
  else if (s.length === 38 && s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  if (s.length === 36) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) return undefined;
    s = s.replaceAll('-', '');
  } else if (s.length !== 32 || !/^[0-9a-f]{32}$/i.test(s)) return undefined;
  return Buffer.from(s, 'hex');
}

// 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch.
const GREGORIAN_OFFSET = 122_192_928_000_000_000n;
const DOMAINS = ['Person', 'Group', 'Org'];

function describe(b: Buffer): RObject {
  const version = b[6]! >> 4;
  const out = new RObject().set('version', version).set('variant', variant(b[8]!));
  if (version === 1 || version === 2) {
    const ticks = BigInt(b.readUInt32BE(0)) | (BigInt(b.readUInt16BE(4)) << 32n) | (BigInt(b.readUInt16BE(6) & 0xfff) << 48n);
    const sinceUnix = ticks - GREGORIAN_OFFSET;
    out.set('time', fromBigInt(sinceUnix * 100n));
    const node = b.subarray(10, 16);
    out.set('nodeid', [...node].map((x) => x.toString(16).padStart(2, '0')).join('-'));
    out.set('macvariables', macVariables(node[0]!));
    out.set('clocksequence', b.readUInt16BE(8) & 0x3fff);
    if (version === 2) {
      out.set('id', b.readUInt32BE(0));
      out.set('domain', DOMAINS[b[9]!] ?? `Domain${b[9]}`);
    }
  }
  return out;
}

function variant(b: number): string {
  if ((b & 0xc0) === 0x80) return 'RFC4122';
  if ((b & 0xe0) === 0xc0) return 'Microsoft';
  if ((b & 0xe0) === 0xe0) return 'Future';
  return 'Reserved';
}

function macVariables(first: number): string {
  if ((first & 3) === 3) return 'local:multicast';
  if ((first & 1) === 1) return 'global:multicast';
  if ((first & 2) === 2) return 'local:unicast';
  return 'global:unicast';
}
