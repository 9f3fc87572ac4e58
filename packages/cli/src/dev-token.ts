// Finds the key of the development issuer that the running server trusts, so `companyos token`
// mints tokens that server accepts even when the two were started with different data dirs.
// It never creates a key: only a server does, in its own data dir.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '@companyos/server/config';
import { DEV_ISSUER_KEY_FILE, DEV_ISSUER_PATH, DevIssuer, type DevIssuerDescription } from '@companyos/server/dev-issuer';
import { reach, serverUrl } from './api-client.ts';

type ServerIssuer = { reachable: false; why: string } | { reachable: true; description: DevIssuerDescription | undefined };

async function askServer(base: string): Promise<ServerIssuer> {
  try {
    const res = await reach(new URL(DEV_ISSUER_PATH, base), { signal: AbortSignal.timeout(5000) });
    return { reachable: true, description: res.ok ? ((await res.json()) as DevIssuerDescription) : undefined };
  } catch (err) {
    return { reachable: false, why: err instanceof Error ? err.message : String(err) };
  }
}

/** The issuer whose key the server at `url` trusts, read from its key file or from this data dir. */
export async function findDevIssuer(url?: string): Promise<DevIssuer> {
  const base = serverUrl(url);
  const localDir = loadConfig().dataDir;
  const localKey = join(localDir, DEV_ISSUER_KEY_FILE);
  const server = await askServer(base);
  if (!server.reachable) {
    // No server to ask: a key already in this data dir is the one a server started on it will trust.
    if (existsSync(localKey)) return DevIssuer.load(localKey);
    throw new Error(`${server.why}; and ${localDir} holds no development issuer key (the server creates it at its first start): start the server, or set COMPANYOS_URL or COMPANYOS_DATA_DIR to the server's`);
  }
  if (server.description === undefined) throw new Error(`the server at ${base} does not accept development tokens (COMPANYOS_DEV_ISSUER=false); use a token of its OIDC issuer`);
  const { key_file: serverKey, jwks } = server.description;
  const kid = jwks.keys[0]?.kid;
  for (const file of new Set([serverKey, localKey])) {
    if (file === null || !existsSync(file)) continue;
    const issuer = DevIssuer.load(file);
    if (issuer.kid === kid) return issuer;
  }
  const serverDir = serverKey === null ? 'memory (no data dir)' : dirname(serverKey);
  throw new Error(
    `the server at ${base} trusts the development issuer key in ${serverDir}, which this command cannot read, and this data dir ${localDir} ${existsSync(localKey) ? 'holds a different key' : 'holds none'}: run it where the server runs, with COMPANYOS_DATA_DIR=${serverDir}`,
  );
}
