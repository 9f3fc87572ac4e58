import { randomBytes, timingSafeEqual } from 'node:crypto';
import { currentTenantId, currentTx } from '../context.ts';
import { sha256Hex } from '../util/canonical-json.ts';

// Keys look like cos_<id>_<secret>. Only the SHA-256 of the secret is stored: the secret has 256
// bits of entropy, so a slow password hash would add nothing.
const KEY_PATTERN = /^cos_([0-9a-z]{20})_([A-Za-z0-9_-]{43})$/;

export interface ApiKey {
  key_id: string;
  tenant_id: string;
  subject_id: string;
  name: string;
  roles: string[];
  created_at: string;
  revoked_at: string | null;
}

interface ApiKeyRow {
  [key: string]: unknown;
  key_id: string;
  tenant_id: string;
  subject_id: string;
  name: string;
  roles: string[];
  created_at: Date;
  revoked_at: Date | null;
  secret_sha256?: string;
}

const columns = 'key_id, tenant_id, subject_id, name, roles, created_at, revoked_at';

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    key_id: row.key_id,
    tenant_id: row.tenant_id,
    subject_id: row.subject_id,
    name: row.name,
    roles: row.roles,
    created_at: new Date(row.created_at).toISOString(),
    revoked_at: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
  };
}

export function parseApiKey(token: string): { keyId: string; secret: string } | undefined {
  const m = KEY_PATTERN.exec(token);
  return m === null ? undefined : { keyId: m[1]!, secret: m[2]! };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('cos_');
}

/** Creates a key for a subject of the current tenant; the returned `secret` is shown once. */
export async function createApiKey(
  input: { subject_id: string; name: string; roles: string[] },
  at: Date,
): Promise<{ key: ApiKey; secret: string }> {
  const keyId = randomBytes(13).toString('hex').slice(0, 20);
  const secretPart = randomBytes(32).toString('base64url');
  const rows = await currentTx().query<ApiKeyRow>(
    `INSERT INTO api_keys (tenant_id, key_id, subject_id, name, secret_sha256, roles, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${columns}`,
    [currentTenantId(), keyId, input.subject_id, input.name, sha256Hex(secretPart), input.roles, at.toISOString()],
  );
  return { key: toApiKey(rows[0]!), secret: `cos_${keyId}_${secretPart}` };
}

export async function listApiKeys(): Promise<ApiKey[]> {
  const rows = await currentTx().query<ApiKeyRow>(`SELECT ${columns} FROM api_keys WHERE tenant_id = $1 ORDER BY key_id`, [
    currentTenantId(),
  ]);
  return rows.map(toApiKey);
}

export async function getApiKey(keyId: string): Promise<ApiKey | undefined> {
  const rows = await currentTx().query<ApiKeyRow>(`SELECT ${columns} FROM api_keys WHERE tenant_id = $1 AND key_id = $2`, [
    currentTenantId(),
    keyId,
  ]);
  return rows[0] === undefined ? undefined : toApiKey(rows[0]);
}

export async function revokeApiKey(keyId: string, at: Date): Promise<ApiKey | undefined> {
  const rows = await currentTx().query<ApiKeyRow>(
    `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $3) WHERE tenant_id = $1 AND key_id = $2 RETURNING ${columns}`,
    [currentTenantId(), keyId, at.toISOString()],
  );
  return rows[0] === undefined ? undefined : toApiKey(rows[0]);
}

/**
 * Platform scope: resolves a presented key to its tenant and subject, or undefined when it is
 * unknown, revoked or the secret does not match.
 */
export async function resolveApiKey(token: string): Promise<ApiKey | undefined> {
  const parsed = parseApiKey(token);
  if (parsed === undefined) return undefined;
  // Ids are unique per tenant only (a table distributed by tenant cannot index them globally):
  // the secret decides which row, if any, the key is.
  const rows = await currentTx().query<ApiKeyRow>(`SELECT ${columns}, secret_sha256 FROM api_keys WHERE key_id = $1`, [parsed.keyId]);
  const presented = Buffer.from(sha256Hex(parsed.secret), 'hex');
  const row = rows.find((r) => {
    const stored = Buffer.from(r.secret_sha256 ?? '', 'hex');
    return stored.length === presented.length && timingSafeEqual(stored, presented);
  });
  if (row === undefined || row.revoked_at !== null) return undefined;
  return toApiKey(row);
}
