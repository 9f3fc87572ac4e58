import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { currentTenantId } from '../context.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { dataKeys, TENANT_WIDE, type DataKey, type DataKeyState, type KeyRow } from './data-keys.ts';
import { KEY_REVOKED_TEXT } from './kek-revoked.ts';

// Personal fields of append-only records are stored sealed (ADR 0025):
// `sealed:v1:<key id>:<base64 nonce ‖ ciphertext ‖ tag>`, AES-256-GCM under the data key of the
// subject the field belongs to, with associated data naming the tenant, the record kind and the
// field, so a sealed value moved to another tenant, kind of record or field does not open.

const PREFIX = 'sealed:v1:';
const NONCE = 12;
const TAG = 16;
const SEALED = /^sealed:v1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([A-Za-z0-9+/]+={0,2})$/;

/** What a reader shows where a destroyed key's content was; the purge id follows it. */
const PURGED = '[purged]';
/** What a reader shows for a sealed value that does not open where it stands (moved or altered). */
const UNREADABLE = '[unreadable]';

/** Where a sealed value belongs: the kind of record (`audit_event`, a history table) and the field. */
export interface FieldRef {
  kind: string;
  field: string;
}

function fieldAad(tenantId: string, ref: FieldRef): Buffer {
  return Buffer.from(canonicalJson({ field: ref.field, kind: ref.kind, purpose: 'companyos.sealed-field', tenant_id: tenantId }), 'utf8');
}

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

/** The data key id of a sealed value, undefined when it is not one. */
const sealedKeyId = (value: unknown): string | undefined => (typeof value === 'string' ? SEALED.exec(value)?.[1] : undefined);

/** The ids of the data keys these values are sealed under. */
export const sealedKeyIds = (values: readonly unknown[]): string[] => values.map(sealedKeyId).filter((id): id is string => id !== undefined);

export type Sealer = (value: string, ref: FieldRef) => Promise<string>;

/** Seals fields of the current tenant under the key of `subjectId` (TENANT_WIDE when they name no one), looked up once for all of them. */
function sealerFor(subjectId: string, now: Date): Sealer {
  let key: Promise<DataKey> | undefined;
  return async (value, ref) => {
    key ??= dataKeys().forSubject(subjectId, now);
    const { keyId, key: k } = await key;
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', k, nonce);
    cipher.setAAD(fieldAad(currentTenantId(), ref));
    const body = Buffer.concat([nonce, cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}${keyId}:${body.toString('base64')}`;
  };
}

/** Seals free text written by `author` under the author's key; system actors' text names no one. */
export const authorSealer = (author: string, now: Date): Sealer => sealerFor(author.startsWith('system:') ? TENANT_WIDE : author, now);

/** Seals the tenant's own text, which names no one (a runbook's body): a tenant purge destroys its key. */
export const tenantSealer = (now: Date): Sealer => sealerFor(TENANT_WIDE, now);

/** Seals one field written by `author`. */
export const sealAuthored = (value: string, author: string, ref: FieldRef, now: Date): Promise<string> => authorSealer(author, now)(value, ref);

function openWith(state: DataKeyState | undefined, body: string, ref: FieldRef): string {
  if (state === undefined) return UNREADABLE;
  if (!state.live) return 'revoked' in state ? KEY_REVOKED_TEXT : state.purgeId === null ? PURGED : `${PURGED} ${state.purgeId}`;
  const data = Buffer.from(body, 'base64');
  if (data.length < NONCE + TAG) return UNREADABLE;
  try {
    const decipher = createDecipheriv('aes-256-gcm', state.key, data.subarray(0, NONCE));
    decipher.setAAD(fieldAad(currentTenantId(), ref));
    decipher.setAuthTag(data.subarray(data.length - TAG));
    return Buffer.concat([decipher.update(data.subarray(NONCE, data.length - TAG)), decipher.final()]).toString('utf8');
  } catch {
    return UNREADABLE;
  }
}

/**
 * The one way readers open sealed fields (API views, listings): the plaintext while the key lives,
 * `[purged] <purge id>` once a purge destroyed it. Values that are not sealed (records written
 * before sealing) come back as they are. Keys are read once for all the values given, or not at
 * all when the caller passes their `rows` (read with `rowsByIds` in this transaction).
 */
export async function openFields<T extends string | null>(values: Array<{ value: T; ref: FieldRef }>, rows?: readonly KeyRow[]): Promise<T[]> {
  const keyIds = sealedKeyIds(values.map((v) => v.value));
  if (keyIds.length === 0) return values.map((v) => v.value);
  const keys = await dataKeys().byIds(keyIds, rows);
  return values.map(({ value, ref }) => {
    const m = typeof value === 'string' ? SEALED.exec(value) : null;
    return (m === null ? value : openWith(keys.get(m[1]!), m[2]!, ref)) as T;
  });
}
