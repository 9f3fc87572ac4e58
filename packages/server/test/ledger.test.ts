import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJwks } from '../src/keys/jwks.ts';
import { decodeBase64Strict } from '../src/ledger/checkpoint/base64.ts';
import { openCheckpoint } from '../src/ledger/checkpoint/signed-checkpoint.ts';
import { jwksNoteVerifiers } from '../src/ledger/checkpoint/tenant-verifiers.ts';
import { verifyConsistency } from '../src/ledger/merkle/verify.ts';
import { ledgerOrigin } from '../src/ledger/origin.ts';
import { verifyReceiptBundle } from '../src/ledger/receipt-format.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The provenance routes end to end: receipts committed by actions, integrated on demand, proven.
let h: TestApp;
const admin: [string, string] = ['pilot-a', 'user-admin'];

before(async () => {
  h = await createTestApp({ ledgerBackground: false, config: { checkpointEvery: 4, checkpointIntervalMs: 60_000 } });
});
after(() => h.close());

async function act(times = 1, as: [string, string] = admin): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < times; i++) {
    const res = await h.call('GET', '/api/v1/subjects', { as });
    assert.equal(res.statusCode, 200, res.body);
    ids.push(String(res.headers['x-receipt-id']));
  }
  return ids;
}

const jwksOf = async (tenant: string) => parseJwks((await h.app.inject({ method: 'GET', url: `/api/v1/tenants/${tenant}/jwks.json` })).json());

test('a receipt is provable once integrated: inclusion proof against a signed checkpoint, verified offline', async () => {
  const [id] = await act();
  const early = await h.call('GET', `/api/v1/provenance/receipts/${id}`, { as: ['pilot-a', 'user-security'] });
  assert.equal(early.statusCode, 409, 'not yet in the log');
  assert.equal(early.headers['retry-after'], '1');
  const denied = await h.call('GET', `/api/v1/provenance/receipts/${id}`, { as: ['pilot-a', 'user-engineer'] });
  assert.equal(denied.statusCode, 403, 'decided before the log state is revealed');

  await h.app.ledger.flush('pilot-a');
  const res = await h.call('GET', `/api/v1/provenance/receipts/${id}`, { as: ['pilot-a', 'user-security'] });
  assert.equal(res.statusCode, 200, res.body);
  const bundle = res.json();
  assert.equal(bundle.receipt.receipt_id, id);
  assert.equal(bundle.receipt.action, 'subject.list');
  const jwks = await jwksOf('pilot-a');
  const verdict = verifyReceiptBundle(bundle, { jwks, origin: ledgerOrigin('pilot-a'), tenantId: 'pilot-a' });
  assert.deepEqual(verdict.errors, []);
  assert.ok(verdict.ok);
  assert.deepEqual(verdict.signedBy, [jwks.keys[0]!.kid]);

  // Another tenant's keys do not verify it; a changed receipt does not verify.
  await act(1, ['pilot-b', 'user-admin']);
  await h.app.ledger.flush('pilot-b');
  assert.equal(verifyReceiptBundle(bundle, { jwks: await jwksOf('pilot-b') }).ok, false);
  const forged = { ...bundle, receipt: { ...bundle.receipt, actor: 'someone-else' } };
  assert.equal(verifyReceiptBundle(forged, { jwks }).ok, false);
});

test('engineers cannot read proofs; unknown receipts are 404; malformed ids are 400', async () => {
  const [id] = await act();
  await h.app.ledger.flush('pilot-a');
  const denied = await h.call('GET', `/api/v1/provenance/receipts/${id}`, { as: ['pilot-a', 'user-engineer'] });
  assert.equal(denied.statusCode, 403);
  assert.ok(denied.json().reasons.length > 0);
  assert.equal((await h.call('GET', '/api/v1/provenance/receipts/0190a000-0000-7000-8000-000000000000', { as: admin })).statusCode, 404);
  assert.equal((await h.call('GET', '/api/v1/provenance/receipts/nope', { as: admin })).statusCode, 400);
});

test('checkpoints are cut every N receipts, are consistent with each other, and the log verifies', async () => {
  await h.app.ledger.flush('pilot-a');
  const first = (await h.call('GET', '/api/v1/provenance/checkpoint', { as: admin })).json();
  await act(9);
  const step = await h.app.ledger.integrateTenant('pilot-a');
  // The batch stops at the next multiple of N = 4 past the last checkpoint, and cuts there.
  assert.ok(step.checkpoint !== undefined);
  assert.equal(step.size, first.size + 4);
  await h.app.ledger.flush('pilot-a');
  const res = await h.call('GET', '/api/v1/provenance/checkpoint', { as: admin });
  assert.equal(res.statusCode, 200, res.body);
  const latest = res.json();
  assert.equal(latest.origin, 'companyos/tenants/pilot-a/ledger');
  assert.ok(latest.size >= first.size + 10, `${latest.size} vs ${first.size}`);
  const jwks = await jwksOf('pilot-a');
  const opened = openCheckpoint(latest.note, jwksNoteVerifiers(latest.origin, jwks), latest.origin);
  assert.equal(opened.checkpoint.size, latest.size);

  const cons = await h.call('GET', `/api/v1/provenance/consistency?from=${first.size}&to=${latest.size}`, { as: admin });
  assert.equal(cons.statusCode, 200, cons.body);
  const body = cons.json();
  assert.equal(body.from_checkpoint, first.note);
  const proof = body.proof.map((p: string) => decodeBase64Strict(p)!);
  assert.ok(verifyConsistency(first.size, latest.size, proof, decodeBase64Strict(first.root_hash)!, decodeBase64Strict(latest.root_hash)!));
  assert.equal((await h.call('GET', `/api/v1/provenance/consistency?from=${latest.size}&to=${first.size}`, { as: admin })).statusCode, 400);
  assert.equal((await h.call('GET', `/api/v1/provenance/consistency?from=0&to=${latest.size + 1000}`, { as: admin })).statusCode, 404);
  assert.equal((await h.call('GET', '/api/v1/provenance/consistency?from=-1', { as: admin })).statusCode, 400);

  const report = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.deepEqual(report.errors, []);
  assert.ok(report.ok);
  assert.ok(report.checkpoints >= 3);
});

test('a time-based checkpoint is cut once the interval has passed', async () => {
  await h.app.ledger.flush('pilot-a');
  await act(1);
  const quiet = await h.app.ledger.integrateTenant('pilot-a');
  assert.equal(quiet.integrated, 1);
  assert.equal(quiet.checkpoint, undefined, 'not due: fewer than N receipts and the interval has not passed');
  h.clock.advance(60_000);
  const due = await h.app.ledger.integrateTenant('pilot-a');
  assert.equal(due.checkpoint?.size, quiet.size);
});

test('key rotation: new checkpoints use the new key, old receipts still verify with the published JWKS', async () => {
  const [old] = await act();
  await h.app.ledger.flush('pilot-a');
  const before = (await h.call('GET', `/api/v1/provenance/receipts/${old}`, { as: admin })).json();
  const oldKid = (await jwksOf('pilot-a')).keys[0]!.kid;

  assert.equal((await h.call('POST', '/api/v1/tenants/pilot-a/keys/rotate', { as: admin })).statusCode, 403, 'step-up required');
  h.clock.advance(1000);
  const rotated = await h.call('POST', '/api/v1/tenants/pilot-a/keys/rotate', { as: admin, stepUp: true });
  assert.equal(rotated.statusCode, 200, rotated.body);
  assert.deepEqual(rotated.json().retired, [oldKid]);

  const jwks = await jwksOf('pilot-a');
  assert.deepEqual(
    jwks.keys.map((k) => [k.kid, k.status]),
    [
      [rotated.json().kid, 'active'],
      [oldKid, 'retired'],
    ],
  );
  assert.equal(jwks.keys[1]!.exp, Math.ceil(h.clock.now().getTime() / 1000));
  assert.ok(verifyReceiptBundle(before, { jwks }).ok, 'signed before the rotation, still verifies');

  await h.app.ledger.flush('pilot-a');
  const latest = (await h.call('GET', '/api/v1/provenance/checkpoint', { as: admin })).json();
  assert.equal(latest.kid, rotated.json().kid);
  assert.ok((await verifyTenantLedger(h.t.db, 'pilot-a')).ok);
});

test('the tenant JWKS is public; an unknown tenant is 404', async () => {
  const res = await h.app.inject({ method: 'GET', url: '/api/v1/tenants/pilot-a/jwks.json' });
  assert.equal(res.statusCode, 200);
  assert.ok(parseJwks(res.json()).keys.length >= 1);
  assert.ok(!res.body.includes('"d"'));
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/tenants/no-such-tenant/jwks.json' })).statusCode, 404);
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/tenants/BAD_ID/jwks.json' })).statusCode, 404);
});

test('evidence blobs are content-addressed, deduplicated and size-limited', async () => {
  const content = Buffer.from('the signed contract, v3').toString('base64');
  const first = await h.call('POST', '/api/v1/provenance/evidence', { as: admin, body: { media_type: 'text/plain', content_base64: content } });
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.json().created, true);
  assert.match(first.json().ref, /^sha256:[0-9a-f]{64}$/);
  assert.equal(first.headers['x-receipt-id'] !== undefined, true);
  const again = await h.call('POST', '/api/v1/provenance/evidence', { as: admin, body: { media_type: 'application/pdf', content_base64: content } });
  assert.equal(again.statusCode, 201);
  assert.deepEqual({ ...(again.json() as object), created: true }, first.json(), 'same ref, first media type kept');
  assert.equal(again.json().created, false);

  const big = Buffer.alloc(256 * 1024 + 1, 1).toString('base64');
  const tooBig = await h.call('POST', '/api/v1/provenance/evidence', { as: admin, body: { media_type: 'text/plain', content_base64: big } });
  assert.ok([400, 413].includes(tooBig.statusCode), tooBig.body);
  const sloppy = await h.call('POST', '/api/v1/provenance/evidence', { as: admin, body: { media_type: 'text/plain', content_base64: 'YQ' } });
  assert.equal(sloppy.statusCode, 400);
});
