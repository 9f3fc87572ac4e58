import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { shownActors } from '../src/identity/actor-pseudonyms.ts';
import { parseJwks } from '../src/keys/jwks.ts';
import { verifyPresentation } from '../src/ledger/disclosure.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Receipts presented as SD-JWTs: what the presentation policy lets each viewer see, and a
// verifier that holds only what the issuer committed to.
let h: TestApp;
let receiptId: string;

before(async () => {
  h = await createTestApp({ ledgerBackground: false });
  const res = await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] });
  receiptId = String(res.headers['x-receipt-id']);
  await h.app.ledger.flush('pilot-a');
});
after(() => h.close());

const jwksOf = async (tenant: string) => parseJwks((await h.app.inject({ method: 'GET', url: `/api/v1/tenants/${tenant}/jwks.json` })).json());

async function disclose(as: [string, string], query = ''): Promise<{ sd_jwt: string; disclosed: string[] }> {
  const res = await h.call('GET', `/api/v1/provenance/receipts/${receiptId}/disclose${query}`, { as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test("an engineer sees only the policy's always-visible claims; the verifier accepts the presentation", async () => {
  const p = await disclose(['pilot-a', 'user-engineer']);
  assert.deepEqual(p.disclosed.sort(), ['action', 'decision', 'issued_at']);
  const v = await verifyPresentation(p.sd_jwt, await jwksOf('pilot-a'), 'pilot-a');
  assert.equal(v.claims.receipt_id, receiptId);
  assert.equal(v.claims.action, 'subject.list');
  assert.equal(v.claims.actor, undefined);
  assert.equal(v.claims.bundle_hash, undefined);
});

test('an auditor with an accepted legal basis sees the audit claims', async () => {
  const p = await disclose(['pilot-a', 'user-security'], '?purpose=audit&legal_basis=legal_obligation');
  for (const claim of ['actor', 'target', 'bundle_hash', 'request_id', 'tenant_id']) assert.ok(p.disclosed.includes(claim), claim);
  const v = await verifyPresentation(p.sd_jwt, await jwksOf('pilot-a'), 'pilot-a');
  // The receipt names the person by pseudonym, which the tenant resolves while their key lives.
  const actor = v.claims.actor as string;
  assert.equal((await withTenantTransaction(h.t.db, 'pilot-a', () => shownActors([actor]))).get(actor), 'user-admin');
  const refused = await disclose(['pilot-a', 'user-security'], '?purpose=audit&legal_basis=consent');
  assert.ok(!refused.disclosed.includes('bundle_hash'));
});

test('an altered disclosure is rejected', async () => {
  const p = await disclose(['pilot-a', 'user-security'], '?purpose=audit&legal_basis=legal_obligation');
  const [jwt, ...disclosures] = p.sd_jwt.split('~');
  const altered = disclosures.map((d) => {
    if (d === '') return d;
    const decoded = JSON.parse(Buffer.from(d, 'base64url').toString('utf8')) as [string, string, unknown];
    return decoded[1] === 'actor' ? Buffer.from(JSON.stringify([decoded[0], 'actor', 'mallory'])).toString('base64url') : d;
  });
  assert.notDeepEqual(altered, disclosures);
  await assert.rejects(verifyPresentation([jwt, ...altered].join('~'), await jwksOf('pilot-a'), 'pilot-a'), /did not commit/);
});

test('a disclosure taken from another presentation is rejected', async () => {
  const mine = await disclose(['pilot-a', 'user-engineer']);
  const other = await disclose(['pilot-a', 'user-security'], '?purpose=audit&legal_basis=legal_obligation');
  const foreign = other.sd_jwt.split('~').slice(1).find((d) => d !== '' && Buffer.from(d, 'base64url').toString('utf8').includes('"actor"'))!;
  const [jwt, ...rest] = mine.sd_jwt.split('~');
  const spliced = [jwt, ...rest.filter((d) => d !== ''), foreign, ''].join('~');
  await assert.rejects(verifyPresentation(spliced, await jwksOf('pilot-a'), 'pilot-a'), /did not commit/);
});

test("another tenant's keys or name do not verify a presentation", async () => {
  const p = await disclose(['pilot-a', 'user-engineer']);
  await h.call('GET', '/api/v1/subjects', { as: ['pilot-b', 'user-admin'] });
  await h.app.ledger.flush('pilot-b');
  await assert.rejects(verifyPresentation(p.sd_jwt, await jwksOf('pilot-b'), 'pilot-b'), /does not list/);
  await assert.rejects(verifyPresentation(p.sd_jwt, await jwksOf('pilot-a'), 'pilot-b'), /not by the log of tenant pilot-b/);
});

test("a viewer of another tenant cannot ask for this tenant's receipt", async () => {
  const res = await h.call('GET', `/api/v1/provenance/receipts/${receiptId}/disclose`, { as: ['pilot-b', 'user-admin'] });
  assert.equal(res.statusCode, 404);
});
