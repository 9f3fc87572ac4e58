// Reads a tenant JWKS from a file or an http(s) URL (for example the server's
// /api/v1/tenants/<id>/jwks.json), validated before it is trusted.

import { readFile } from 'node:fs/promises';
import { parseJwks, type Jwks } from '@companyos/server';
import { reach } from '../api-client.ts';

export async function loadJwks(source: string): Promise<Jwks> {
  if (/^https?:\/\//.test(source)) {
    const res = await reach(source);
    if (!res.ok) throw new Error(`fetching ${source}: HTTP ${res.status}`);
    return parseJwks(await res.json());
  }
  return parseJwks(JSON.parse(await readFile(source, 'utf8')));
}
