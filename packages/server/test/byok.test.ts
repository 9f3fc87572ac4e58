import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, createHash, publicEncrypt, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyPack } from '../src/evidence/index.ts';
import { dataKeyWrapAad } from '../src/keys/data-keys.ts';
import { LocalKeyProvider } from '../src/keys/key-provider.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Tenant-held key-encryption keys (ADR 0030): a tenant imports its own KEK wrapped to a wrapping
// key the server publishes, rotates it, and revokes it; its sealed fields follow, its signed
// evidence stays verifiable, and another tenant can neither touch nor see any of it.

const admin: [string, string] = ['pilot-a', 'user-admin'];
const security: [string, string] = ['pilot-a', 'user-security'];
const otherAdmin: [string, string] = ['pilot-b', 'user-admin'];
const PROBLEM = 'https://companyos.dev/problems/';
const kek1 = randomBytes(32);
const kek2 = randomBytes(32);
const fingerprint = (kek: Buffer) => createHash('sha256').update(kek).digest('hex').slice(0, 16);

let h: TestApp;
let work: string;
const asked: Record<string, string> = {};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'companyos-byok-test-'));
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  asked.beforeImport = await askPurge('asset-1', 'Retire the Lisbon backup tapes before import');
});

after(async () => {
  await h.close();
  rmSync(work, { recursive: true, force: true });
});

/** A purge request whose rationale is sealed under its author's data key; returns its id. */
async function askPurge(subject: string, rationale: string): Promise<string> {
  const res = await h.call('POST', '/api/v1/purge-requests', { as: security, body: { scope: 'entity', subject, rationale } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().purge_id as string;
}

const rationaleOf = async (id: string) => ((await h.call('GET', `/api/v1/purge-requests/${id}`, { as: security })).json().history as Array<{ rationale: string | null }>)[0]!.rationale;

async function wrappingKey(as: [string, string] = admin): Promise<{ wrapping_key_id: string; public_key_pem: string; algorithm: string }> {
  const res = await h.call('POST', '/api/v1/keys/wrapping-keys', { as });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const wrap = (pem: string, kek: Buffer) => publicEncrypt({ key: pem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, kek).toString('base64');

async function install(path: 'import' | 'rotate', kek: Buffer, as: [string, string] = admin) {
  const w = await wrappingKey(as);
  return h.call('POST', `/api/v1/keys/kek/${path}`, { as, stepUp: true, body: { wrapping_key_id: w.wrapping_key_id, wrapped_key: wrap(w.public_key_pem, kek) } });
}

const status = async (as: [string, string] = admin) => (await h.call('GET', '/api/v1/keys/kek', { as })).json();
const keyRows = (tenant: string) =>
  h.t.db.query<{ key_id: string; subject_id: string; wrapped_key: Uint8Array | null; kek_version: number | null }>(
    `SELECT key_id, subject_id, wrapped_key, kek_version FROM subject_data_keys WHERE tenant_id = $1 AND shredded_at IS NULL`,
    [tenant],
  );

test('a KEK imported wrapped to the published key takes over the tenant’s data keys, and sealed fields still read', async () => {
  const w = await wrappingKey();
  assert.equal(w.algorithm, 'RSA-OAEP-256');
  const body = { wrapping_key_id: w.wrapping_key_id, wrapped_key: wrap(w.public_key_pem, kek1) };
  assert.equal((await h.call('POST', '/api/v1/keys/kek/import', { as: admin, body })).statusCode, 403, 'step-up required');
  assert.equal((await h.call('POST', '/api/v1/keys/kek/import', { as: security, stepUp: true, body })).statusCode, 403, 'tenant admins only');

  const imported = await h.call('POST', '/api/v1/keys/kek/import', { as: admin, stepUp: true, body });
  assert.equal(imported.statusCode, 201, imported.body);
  assert.equal(imported.json().version, 1);
  assert.equal(imported.json().fingerprint, fingerprint(kek1));
  assert.equal(imported.json().retired, null);
  assert.ok(imported.json().rewrapped >= 1);

  // The wrapping key is single use, and a second import is a rotation.
  assert.equal((await h.call('POST', '/api/v1/keys/kek/import', { as: admin, stepUp: true, body })).json().type, `${PROBLEM}conflict`);
  assert.equal((await install('import', kek2)).statusCode, 409);

  const s = await status();
  assert.equal(s.holder, 'tenant');
  assert.equal(s.state, 'active');
  assert.deepEqual(s.versions.map((v: { version: number; status: string }) => [v.version, v.status]), [[1, 'active']]);
  assert.equal(s.data_keys.under_tenant_kek, s.data_keys.live);

  // Every live data key now opens with the tenant's KEK, and only with it.
  const rows = await keyRows('pilot-a');
  assert.ok(rows.length >= 1 && rows.every((r) => r.kek_version === 1));
  for (const r of rows) await new LocalKeyProvider(kek1).unwrap(r.wrapped_key!, dataKeyWrapAad('pilot-a', r.subject_id, String(r.key_id)));
  const stored = await h.t.db.query<{ wrapped_kek: Uint8Array }>(`SELECT wrapped_kek FROM tenant_keks WHERE tenant_id = 'pilot-a'`);
  assert.ok(!Buffer.from(stored[0]!.wrapped_kek).includes(kek1), 'the KEK is stored wrapped');

  assert.equal(await rationaleOf(asked.beforeImport!), 'Retire the Lisbon backup tapes before import');
  asked.underV1 = await askPurge('asset-2', 'Retire the Porto archive under the first key');
  assert.equal(await rationaleOf(asked.underV1), 'Retire the Porto archive under the first key');
});

test('rotation re-wraps the data keys under the new KEK and retires the old one; old data stays readable', async () => {
  const rotated = await install('rotate', kek2);
  assert.equal(rotated.statusCode, 200, rotated.body);
  const { version, retired, rewrapped } = rotated.json();
  assert.deepEqual([version, rotated.json().fingerprint, retired], [2, fingerprint(kek2), 1]);
  assert.equal(rewrapped, (await keyRows('pilot-a')).length);

  const s = await status();
  assert.deepEqual(s.versions.map((v: { version: number; status: string }) => [v.version, v.status]), [[1, 'retired'], [2, 'active']]);
  const erased = await h.t.db.query<{ version: number; wrapped: boolean }>(`SELECT version, wrapped_kek IS NOT NULL AS wrapped FROM tenant_keks WHERE tenant_id = 'pilot-a' ORDER BY version`);
  assert.deepEqual(erased, [{ version: 1, wrapped: false }, { version: 2, wrapped: true }], 'the retired version is erased');
  for (const r of await keyRows('pilot-a')) {
    assert.equal(r.kek_version, 2);
    await new LocalKeyProvider(kek2).unwrap(r.wrapped_key!, dataKeyWrapAad('pilot-a', r.subject_id, String(r.key_id)));
  }

  assert.equal(await rationaleOf(asked.beforeImport!), 'Retire the Lisbon backup tapes before import');
  assert.equal(await rationaleOf(asked.underV1!), 'Retire the Porto archive under the first key');
  // Re-importing a key the tenant held before is refused: rotation moves to a new key.
  assert.equal((await install('rotate', kek1)).statusCode, 409);
});

test('malformed wrapped keys are 400 problems, and nothing changes', async () => {
  const w = await wrappingKey();
  const send = (wrapped_key: unknown, wrapping_key_id: unknown = w.wrapping_key_id) => h.call('POST', '/api/v1/keys/kek/rotate', { as: admin, stepUp: true, body: { wrapping_key_id, wrapped_key } });
  const cases: Array<[string, unknown, unknown?]> = [
    ['not base64', 'not base64 at all!'],
    ['too short for the wrapping key', randomBytes(32).toString('base64')],
    ['noise of the right length', randomBytes(384).toString('base64')],
    ['a key of the wrong size', wrap(w.public_key_pem, randomBytes(16))],
    ['a number', 42],
    ['a wrapping key id that is no uuid', wrap(w.public_key_pem, randomBytes(32)), 'wk-1'],
  ];
  for (const [label, wrapped, id] of cases) {
    const res = await send(wrapped, id);
    assert.equal(res.statusCode, 400, `${label}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, label);
    assert.equal(res.json().type, `${PROBLEM}invalid-request`, label);
  }
  assert.equal((await h.call('POST', '/api/v1/keys/kek/rotate', { as: admin, stepUp: true, body: { wrapping_key_id: w.wrapping_key_id } })).statusCode, 400);
  // The wrapping key was not used up by the failures.
  assert.equal((await send(wrap(w.public_key_pem, randomBytes(32)))).statusCode, 200);
  assert.equal((await status()).versions.length, 3);
});

test('tenant B can neither use, rotate, revoke nor read tenant A’s key', async () => {
  const a = await wrappingKey();
  const withA = { wrapping_key_id: a.wrapping_key_id, wrapped_key: wrap(a.public_key_pem, randomBytes(32)) };
  for (const path of ['import', 'rotate']) {
    const res = await h.call('POST', `/api/v1/keys/kek/${path}`, { as: otherAdmin, stepUp: true, body: withA });
    assert.equal(res.statusCode, 404, `${path}: ${res.body}`);
  }
  assert.equal((await h.call('POST', '/api/v1/keys/kek/revoke', { as: otherAdmin, stepUp: true })).statusCode, 404, 'B has no KEK of its own to revoke');
  const b = await status(otherAdmin);
  assert.deepEqual([b.holder, b.state, b.versions], ['platform', 'platform', []]);
  assert.ok(!JSON.stringify(b).includes(fingerprint(kek2)));
  for (const [method, path] of [['GET', '/api/v1/keys/kek'], ['POST', '/api/v1/keys/kek/revoke'], ['POST', '/api/v1/keys/wrapping-keys']] as const) {
    const claimed = await h.call(method, path, { as: otherAdmin, stepUp: true, headers: { 'x-tenant-id': 'pilot-a' } });
    assert.equal(claimed.statusCode, 403, path);
    assert.equal(claimed.json().type, `${PROBLEM}tenant-isolation`);
  }
  assert.equal((await status()).state, 'active', "A's key is untouched");
  // A's wrapping key is still unused: B's attempts did not consume it.
  assert.equal((await h.call('POST', '/api/v1/keys/kek/rotate', { as: admin, stepUp: true, body: withA })).statusCode, 200);
});

test('revocation makes sealed fields unreadable and refuses writes that need a data key; evidence still verifies', async () => {
  const otherBefore = (await h.call('GET', '/api/v1/purge-requests', { as: ['pilot-b', 'user-security'] })).statusCode;
  const revoked = await h.call('POST', '/api/v1/keys/kek/revoke', { as: admin, stepUp: true });
  assert.equal(revoked.statusCode, 200, revoked.body);
  assert.equal(revoked.json().version, 4);
  assert.ok(revoked.json().data_keys >= 1);

  assert.equal(await rationaleOf(asked.beforeImport!), '[unavailable: key revoked]');
  assert.equal(await rationaleOf(asked.underV1!), '[unavailable: key revoked]');
  const refused = await h.call('POST', '/api/v1/purge-requests', { as: security, body: { scope: 'entity', subject: 'asset-3', rationale: 'Written after the key was revoked' } });
  assert.equal(refused.statusCode, 423, refused.body);
  assert.equal(refused.json().type, `${PROBLEM}key-revoked`);
  assert.equal((await install('rotate', randomBytes(32))).statusCode, 423, 'a revoked key is not replaced');
  assert.equal((await h.call('POST', '/api/v1/keys/kek/revoke', { as: admin, stepUp: true })).statusCode, 423);
  const s = await status();
  assert.deepEqual([s.holder, s.state, s.versions.at(-1).status], ['tenant', 'revoked', 'revoked']);

  // Each use of the key is receipted in the tenant's ledger.
  const receipts = await h.t.db.query<{ action: string }>(`SELECT action FROM receipts WHERE tenant_id = 'pilot-a' AND action LIKE 'keys.kek.%' ORDER BY action`);
  assert.deepEqual([...new Set(receipts.map((r) => r.action))], ['keys.kek.import', 'keys.kek.revoke', 'keys.kek.rotate', 'keys.kek.status']);

  // Signing keys are not wrapped by the tenant's KEK: the ledger and an evidence pack verify through the JWKS.
  await h.app.ledger.flush('pilot-a');
  const ledger = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.equal(ledger.ok, true, ledger.errors.join('; '));
  h.clock.advance(1_000);
  const exported = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from: '2026-03-01T00:00:00.000Z', to: h.clock.now().toISOString() } });
  assert.equal(exported.statusCode, 202, exported.body);
  await h.app.jobs.runDue();
  const pack = (await h.call('GET', `/api/v1/audit/exports/${exported.json().export_id}/download`, { as: admin })).rawPayload;
  const file = join(work, 'after-revoke.tar.gz');
  writeFileSync(file, pack);
  const verified = await verifyPack(file, { trustedJwks: (await h.call('GET', '/api/v1/tenants/pilot-a/jwks.json')).json() });
  assert.deepEqual(verified.failures, []);
  assert.equal(verified.ok, true);

  // Tenant B is untouched.
  assert.equal((await h.call('GET', '/api/v1/purge-requests', { as: ['pilot-b', 'user-security'] })).statusCode, otherBefore);
  const res = await h.call('POST', '/api/v1/purge-requests', { as: ['pilot-b', 'user-security'], body: { scope: 'entity', subject: 'asset-3', rationale: 'pilot-b writes on as before' } });
  assert.equal(res.statusCode, 201, res.body);
});
