import { Type } from '@sinclair/typebox';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { createWrappingKey, openWrappedKek, WRAPPING_ALGORITHM } from './kek-wrapping-keys.ts';
import type { KekInstalled } from './tenant-keks.ts';

// Tenant-held key-encryption keys (ADR 0030): every use of a tenant's KEK is one of these actions,
// so each import, rotation and revocation carries a receipt in the tenant's ledger.

const WrappingKeySchema = Type.Object({
  wrapping_key_id: Type.String({ format: 'uuid' }),
  algorithm: Type.Literal(WRAPPING_ALGORITHM),
  public_key_pem: Type.String({ description: 'SPKI PEM of the RSA-3072 key to wrap the KEK to' }),
  expires_at: Type.String({ format: 'date-time' }),
});

const WrappedKek = Type.Object({
  wrapping_key_id: Type.String({ format: 'uuid', description: 'the wrapping key the KEK was wrapped to (single use)' }),
  wrapped_key: Type.String({ minLength: 1, maxLength: 1024, description: 'base64 of the 32-byte AES-256 KEK encrypted with RSA-OAEP-256 to the wrapping key' }),
});

const Installed = Type.Object({
  version: Type.Integer(),
  fingerprint: Type.String({ description: 'the first 16 hex digits of the SHA-256 of the KEK' }),
  retired: Type.Union([Type.Integer(), Type.Null()]),
  rewrapped: Type.Integer({ description: 'live data keys re-wrapped under this version' }),
});

const KekVersionSchema = Type.Object({
  version: Type.Integer(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired'), Type.Literal('revoked')]),
  fingerprint: Type.String(),
  imported_by: Type.String(),
  imported_at: Type.String({ format: 'date-time' }),
  retired_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const kekTarget = (tenantId: string, version: number) => `tenant:${tenantId}/kek/${version}`;
const installedRefs = (r: KekInstalled) => [`kek-fingerprint:${r.fingerprint}`];

/** Opens a wrapped KEK and installs it when the tenant's current one is `expected`; the clear key is wiped either way. */
async function installWrapped(input: { wrapping_key_id: string; wrapped_key: string }, expected: 'none' | 'active', actor: string, now: Date) {
  const keks = ledgerServices().keks;
  const kek = await openWrappedKek(keks.platform, input.wrapping_key_id, input.wrapped_key, now);
  try {
    return await keks.install(kek, expected, actor, now);
  } finally {
    kek.fill(0);
  }
}

export const createWrappingKeyAction = defineAction({
  name: 'keys.wrapping_key.create',
  method: 'POST',
  path: '/keys/wrapping-keys',
  summary: 'A single-use RSA-OAEP-256 public key (valid 24 h) to wrap a tenant key-encryption key to before importing it (tenant admins)',
  scope: 'tenant',
  status: 201,
  response: WrappingKeySchema,
  run: (ctx) => createWrappingKey(ledgerServices().keks.platform, ctx.now),
  target: (ctx, _input, _resource, result) => `tenant:${ctx.tenantId}/kek-wrapping-key/${result.wrapping_key_id}`,
});

export const importKekAction = defineAction({
  name: 'keys.kek.import',
  method: 'POST',
  path: '/keys/kek/import',
  summary: "Import the tenant's own key-encryption key, wrapped to a wrapping key; the tenant's data keys are re-wrapped under it (tenant admins, step-up)",
  scope: 'tenant',
  status: 201,
  input: WrappedKek,
  response: Installed,
  run: (ctx, input) => installWrapped(input, 'none', ctx.principal.subjectId, ctx.now),
  target: (ctx, _input, _resource, result) => kekTarget(ctx.tenantId, result.version),
  evidenceRefs: (_ctx, _input, _resource, result) => installedRefs(result),
});

export const rotateKekAction = defineAction({
  name: 'keys.kek.rotate',
  method: 'POST',
  path: '/keys/kek/rotate',
  summary: "Replace the tenant's key-encryption key with a newly imported one: data keys are re-wrapped, the old version is retired and erased (tenant admins, step-up)",
  scope: 'tenant',
  input: WrappedKek,
  response: Installed,
  run: (ctx, input) => installWrapped(input, 'active', ctx.principal.subjectId, ctx.now),
  target: (ctx, _input, _resource, result) => kekTarget(ctx.tenantId, result.version),
  evidenceRefs: (_ctx, _input, _resource, result) => installedRefs(result),
});

export const revokeKekAction = defineAction({
  name: 'keys.kek.revoke',
  method: 'POST',
  path: '/keys/kek/revoke',
  summary: "Revoke the tenant's key-encryption key for good: its data keys can no longer be unwrapped; signed receipts, checkpoints and packs stay verifiable (tenant admins, step-up)",
  scope: 'tenant',
  response: Type.Object({ version: Type.Integer(), fingerprint: Type.String(), data_keys: Type.Integer({ description: 'data keys lost with it' }) }),
  run: (ctx) => ledgerServices().keks.revoke(ctx.now),
  target: (ctx, _input, _resource, result) => kekTarget(ctx.tenantId, result.version),
  evidenceRefs: (_ctx, _input, _resource, result) => [`kek-fingerprint:${result.fingerprint}`],
});

export const kekStatusAction = defineAction({
  name: 'keys.kek.status',
  method: 'GET',
  path: '/keys/kek',
  summary: "Who holds the tenant's key-encryption key (the platform or the tenant), its versions, and how many data keys each wraps (tenant admins)",
  scope: 'tenant',
  response: Type.Object({
    holder: Type.Union([Type.Literal('platform'), Type.Literal('tenant')]),
    state: Type.Union([Type.Literal('platform'), Type.Literal('active'), Type.Literal('revoked')]),
    versions: Type.Array(KekVersionSchema),
    data_keys: Type.Object({ live: Type.Integer(), under_tenant_kek: Type.Integer(), shredded: Type.Integer() }),
  }),
  run: () => ledgerServices().keks.status(),
});

export const kekActions = [createWrappingKeyAction, importKekAction, rotateKekAction, revokeKekAction, kekStatusAction];
