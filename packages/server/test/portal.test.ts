import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, randomBytes, verify as cryptoVerify } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { listReadings } from '../src/finops/meter-readings.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { hostileString } from './support/bad-input-arbitraries.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
let exportId: string;
// A console build of two files, whose provenance the supply chain tab shows.
const built = mkdtempSync(join(tmpdir(), 'portal-artefacts-'));
const adminOf = (tenant: string): [string, string] => [tenant, 'user-admin'];
const inAYear = () => new Date(h.clock.now().getTime() + 365 * 86_400_000).toISOString();

before(async () => {
  mkdirSync(join(built, 'assets'));
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(built, 'assets', 'index.js'), 'console.log("console");');
  // A KEK of its own, from which the platform key that signs provenance is derived.
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false, artefactDirs: [{ name: 'console', dir: built }], config: { kek: randomBytes(32) } });
  // A finished evidence pack of pilot-a, and a checkpoint over its receipts.
  const created = await h.call('POST', '/api/v1/audit/exports', { as: adminOf('pilot-a'), stepUp: true, body: { from: '2026-03-01T00:00:00.000Z', to: h.clock.now().toISOString() } });
  assert.equal(created.statusCode, 202, created.body);
  exportId = created.json().export_id;
  await h.app.jobs.runDue();
  await h.app.ledger.flush('pilot-a');
});
after(async () => {
  await h.close();
  rmSync(built, { recursive: true, force: true });
});

async function invite(tenant: string, body: Record<string, unknown>): Promise<{ id: string; token: string }> {
  const res = await h.call('POST', '/api/v1/portal/invitations', { as: adminOf(tenant), body: { expires_at: inAYear(), ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().invitation.invitation_id, token: res.json().token };
}

const bearer = (token: string, tenant?: string) => ({ authorization: `Bearer ${token}`, ...(tenant === undefined ? {} : { 'x-tenant-id': tenant }) });

const accept = (invitationToken: string, signIn?: string) =>
  h.app.inject({ method: 'POST', url: '/api/v1/portal/invitations/accept', headers: bearer(invitationToken), payload: signIn === undefined ? {} : { sign_in: signIn } });

const view = (signIn: string, path: string, tenant?: string): Promise<LightMyRequestResponse> => h.app.inject({ method: 'GET', url: `/api/v1/portal/${path}`, headers: bearer(signIn, tenant) });

test('an auditor invited by two tenants signs in once, switches between them and sees only the tenant viewed', async () => {
  const a = await invite('pilot-a', { email: 'Ada@Audit.example.com', role: 'auditor' });
  const listed = await h.call('GET', '/api/v1/portal/invitations', { as: adminOf('pilot-a') });
  const pending = listed.json().invitations.find((i: { invitation_id: string }) => i.invitation_id === a.id);
  assert.deepEqual([pending.status, pending.email, pending.purpose, pending.legal_basis], ['pending', 'ada@audit.example.com', 'audit', 'legal_obligation']);
  // No SMTP settings here: nothing is mailed and the admin hands the link on.
  assert.deepEqual(pending.mail, { state: 'not_configured', attempts: 0, last_error: null, sent_at: null });
  // The invitation token only accepts: it views nothing.
  assert.equal((await view(a.token, 'overview')).statusCode, 403);

  const first = await accept(a.token);
  assert.equal(first.statusCode, 200, first.body);
  const signIn = first.json().sign_in as string;
  assert.match(signIn, /^cosview\./);
  // Single use.
  assert.equal((await accept(a.token)).statusCode, 401);

  const b = await invite('pilot-b', { email: 'ada@audit.example.com', role: 'auditor' });
  const second = await accept(b.token, signIn);
  assert.equal(second.statusCode, 200, second.body);
  assert.equal(second.json().sign_in, signIn, 'the same sign-in now views pilot-b too');

  const session = await view(signIn, 'session');
  assert.equal(session.statusCode, 200, session.body);
  assert.deepEqual(
    session.json().tenants.map((t: { tenant_id: string; name: string; role: string }) => [t.tenant_id, t.name, t.role]),
    [['pilot-a', 'Pilot A', 'auditor'], ['pilot-b', 'Pilot B', 'auditor']],
  );
  assert.equal(session.json().tenant_id, 'pilot-a', 'without a choice, the oldest invitation is viewed');

  const overviewA = await view(signIn, 'overview', 'pilot-a');
  const overviewB = await view(signIn, 'overview', 'pilot-b');
  assert.equal(overviewA.statusCode, 200, overviewA.body);
  assert.equal(overviewA.json().overview.display_name, 'Pilot A');
  assert.equal(overviewA.json().overview.checkpoint_signature, 'verified');
  assert.equal(overviewA.json().overview.bundle_hash, policyRuntime().engine.bundleFor('pilot-a').hash);
  assert.equal(overviewA.json().branding.tenant_id, 'pilot-a');
  assert.equal(overviewB.json().overview.display_name, 'Pilot B');
  assert.equal(overviewB.json().branding.tenant_id, 'pilot-b');
  assert.ok(!overviewB.body.includes(overviewA.json().overview.checkpoint_root), "pilot-b's answer carries nothing of pilot-a's checkpoint");

  // pilot-a's evidence pack: listed and downloadable in pilot-a only.
  const auditA = await view(signIn, 'audit', 'pilot-a');
  const pack = auditA.json().evidence_packs.find((p: { export_id: string }) => p.export_id === exportId);
  assert.ok(pack.download, auditA.body);
  const download = await h.app.inject({ method: 'GET', url: pack.download, headers: bearer(signIn, 'pilot-a') });
  assert.equal(download.statusCode, 200);
  assert.equal(createHash('sha256').update(download.rawPayload).digest('hex'), pack.sha256);
  const auditB = await view(signIn, 'audit', 'pilot-b');
  assert.ok(!auditB.body.includes(exportId));
  assert.equal((await view(signIn, `audit/${exportId}/download`, 'pilot-b')).statusCode, 404);

  // A tenant the sign-in was never invited to is a refused, audited cross-tenant attempt.
  const foreign = await view(signIn, 'overview', 'internal');
  assert.equal(foreign.statusCode, 403);
  assert.equal(foreign.json().type, 'https://companyos.dev/problems/tenant-isolation');

  // Every view is receipted and metered in the tenant viewed, under the viewer's invitation.
  const receiptId = String(overviewB.headers['x-receipt-id']);
  const recorded = await withTenantTransaction(h.t.db, 'pilot-b', async () => ({
    receipt: (await currentTx().query<{ actor: string; action: string }>('SELECT actor, action FROM receipts WHERE tenant_id = $1 AND receipt_id = $2', ['pilot-b', receiptId]))[0],
    // The action's own usage event (logged decisions are metered apart, as policy_decision).
    usage: (await currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_events WHERE tenant_id = $1 AND action = 'portal.overview.get' AND meter <> 'policy_decision'`, ['pilot-b']))[0]!.n,
  }));
  assert.deepEqual(recorded.receipt, { actor: `viewer:${b.id}`, action: 'portal.overview.get' });
  assert.equal(recorded.usage, 1);
});

test("a partner sees fewer fields than an auditor where the presentation policy says so, and the decision is logged", async () => {
  const auditor = (await accept((await invite('pilot-a', { email: 'aud@x.example.com', role: 'auditor' })).token)).json().sign_in as string;
  const partner = (await accept((await invite('pilot-a', { email: 'partner@x.example.com', role: 'partner' })).token)).json().sign_in as string;
  const seen = async (signIn: string, path: string, pick: (body: any) => unknown) => pick((await view(signIn, path)).json());

  const auditorOverview = (await seen(auditor, 'overview', (b) => b.overview)) as Record<string, unknown>;
  const partnerOverview = (await seen(partner, 'overview', (b) => b.overview)) as Record<string, unknown>;
  for (const f of ['checkpoint_root', 'checkpoint_size', 'bundle_version', 'receipts_30d']) {
    assert.ok(f in auditorOverview, `the auditor sees ${f}`);
    assert.ok(!(f in partnerOverview), `the partner does not see ${f}`);
  }
  assert.equal(partnerOverview.bundle_hash, auditorOverview.bundle_hash, 'the support purpose shows the bundle hash');

  const partnerPacks = (await seen(partner, 'audit', (b) => b.evidence_packs)) as Record<string, unknown>[];
  const partnerPack = partnerPacks.find((p) => p.export_id === exportId)!;
  assert.deepEqual(Object.keys(partnerPack).sort(), ['created_at', 'export_id', 'sha256', 'window_from', 'window_to']);
  const refused = await view(partner, `audit/${exportId}/download`);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json().detail, /download/);

  const partnerFinance = (await seen(partner, 'finance', (b) => b.finance)) as Record<string, unknown>;
  assert.ok(!('revenue' in partnerFinance) && 'sla_compliance' in partnerFinance, JSON.stringify(partnerFinance));
  assert.ok('revenue' in ((await seen(auditor, 'finance', (b) => b.finance)) as object));
  const partnerBilling = (await view(partner, 'billing')).json();
  assert.deepEqual(partnerBilling.visible_fields.invoice, ['currency', 'invoice_id', 'number', 'period', 'status', 'total']);

  await policyRuntime().engine.flushDecisions();
  const logged = await withTenantTransaction(h.t.db, 'pilot-a', () =>
    currentTx().query<{ action: string; result: string[] }>(`SELECT action, result FROM policy_decisions WHERE tenant_id = $1 AND path = 'companyos/presentation/visible_fields' AND actor LIKE 'viewer:%'`, ['pilot-a']),
  );
  assert.ok(logged.some((d) => d.action === 'portal.audit.download' && !d.result.includes('download')), 'the refused download names the fields the partner was shown');
});

test("the billing tab shows the tenant's own meter readings and invoices, each cut to the viewer's purpose and legal basis", async () => {
  const assigned = await h.call('PUT', '/api/v1/finops/tenants/pilot-a/plan', { as: ['internal', 'user-platform-operator'], body: { plan_id: 'pro', effective_from: '2026-03-01' } });
  assert.equal(assigned.statusCode, 200, assigned.body);
  // Rating the month rolls the usage so far into readings and stores the invoice.
  const rated = await h.call('POST', '/api/v1/finops/invoices/rate', { as: adminOf('pilot-a'), body: { period: '2026-03' } });
  assert.ok(rated.statusCode < 300, rated.body);
  const invoice = rated.json().invoice as { invoice_id: string; total: number; sha256: string };
  const stored = await withTenantTransaction(h.t.db, 'pilot-a', () => listReadings({ from: '2026-03-01', to: '2026-04-01' }));
  assert.ok(stored.length > 0, 'pilot-a has readings to show');

  const signIn = async (tenant: string, body: Record<string, unknown>) => (await accept((await invite(tenant, body)).token)).json().sign_in as string;
  const auditor = await signIn('pilot-a', { email: 'bill-auditor@x.example.com', role: 'auditor' });
  const billing = (await view(auditor, 'billing?month=2026-03')).json();
  assert.equal(billing.month, '2026-03');
  assert.deepEqual(billing.meter_readings, stored.map(({ meter, day, quantity, events }) => ({ meter, day, quantity, events })));
  const shown = billing.invoices.find((i: { invoice_id: string }) => i.invoice_id === invoice.invoice_id);
  assert.deepEqual([shown.total, shown.sha256], [invoice.total, invoice.sha256]);

  // Another purpose, or a narrower one, shows fewer fields of the same records.
  const keys = (o: object) => Object.keys(o).sort();
  const partner = (await view(await signIn('pilot-a', { email: 'bill-partner@x.example.com', role: 'partner' }), 'billing?month=2026-03')).json();
  assert.deepEqual(keys(partner.meter_readings[0]), ['day', 'meter', 'quantity']);
  assert.deepEqual(keys(partner.invoices[0]), ['currency', 'invoice_id', 'number', 'period', 'status', 'total']);
  const analyst = await signIn('pilot-a', { email: 'bill-analyst@x.example.com', role: 'auditor', purpose: 'analytics', legal_basis: 'consent' });
  const analytics = (await view(analyst, 'billing?month=2026-03')).json();
  assert.deepEqual(keys(analytics.meter_readings[0]), ['day', 'meter']);
  assert.deepEqual(keys(analytics.invoices[0]), ['invoice_id', 'number', 'period', 'status']);
  assert.deepEqual(keys((await view(analyst, 'overview')).json().overview), ['checkpoint_at', 'checkpoint_signature', 'display_name']);

  // pilot-b's viewer sees pilot-b's records only.
  const other = (await view(await signIn('pilot-b', { email: 'bill-b@x.example.com', role: 'auditor' }), 'billing?month=2026-03')).json();
  const ownOfB = await withTenantTransaction(h.t.db, 'pilot-b', () => listReadings({ from: '2026-03-01', to: '2026-04-01' }));
  assert.deepEqual(other.meter_readings, ownOfB.map(({ meter, day, quantity, events }) => ({ meter, day, quantity, events })));
  assert.ok(!JSON.stringify(other).includes(invoice.invoice_id));

  const bad = await view(auditor, 'billing?month=2026-13');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().type, 'https://companyos.dev/problems/invalid-request');
});

test('a revoked or expired viewer is refused at once', async () => {
  const a = await invite('pilot-a', { email: 'rev@x.example.com', role: 'auditor' });
  const signIn = (await accept(a.token)).json().sign_in as string;
  const b = await invite('pilot-b', { email: 'rev@x.example.com', role: 'partner', expires_at: new Date(h.clock.now().getTime() + 3_600_000).toISOString() });
  assert.equal((await accept(b.token, signIn)).statusCode, 200);
  assert.equal((await view(signIn, 'overview', 'pilot-a')).statusCode, 200);

  const revoked = await h.call('POST', `/api/v1/portal/invitations/${a.id}/revoke`, { as: adminOf('pilot-a') });
  assert.equal(revoked.json().invitation.status, 'revoked');
  // pilot-a is gone from the sign-in: asking for it is a cross-tenant attempt; pilot-b still answers.
  assert.equal((await view(signIn, 'overview', 'pilot-a')).statusCode, 403);
  assert.deepEqual((await view(signIn, 'session')).json().tenants.map((t: { tenant_id: string }) => t.tenant_id), ['pilot-b']);

  h.clock.advance(3_600_000);
  const expired = await view(signIn, 'overview', 'pilot-b');
  assert.equal(expired.statusCode, 401);
  assert.equal(expired.json().type, 'https://companyos.dev/problems/unauthenticated');
  // A revoked invitation cannot be accepted either.
  const c = await invite('pilot-a', { email: 'late@x.example.com', role: 'partner' });
  await h.call('POST', `/api/v1/portal/invitations/${c.id}/revoke`, { as: adminOf('pilot-a') });
  assert.equal((await accept(c.token)).statusCode, 401);
});

test('invitations refuse bad input with problems that name the field, and write nothing', async () => {
  const refused = async (body: Record<string, unknown>, field: string) => {
    const res = await h.call('POST', '/api/v1/portal/invitations', { as: adminOf('pilot-b'), body });
    assert.equal(res.statusCode, 400, `${JSON.stringify(body)} -> ${res.body}`);
    assert.equal(res.json().type, 'https://companyos.dev/problems/invalid-request');
    assert.ok(JSON.stringify(res.json()).includes(field), res.body);
  };
  await refused({ email: 'x@y.example.com', role: 'auditor', expires_at: h.clock.now().toISOString() }, 'expires_at');
  await refused({ email: 'x@y.example.com', role: 'auditor', expires_at: new Date(h.clock.now().getTime() + 400 * 86_400_000).toISOString() }, 'expires_at');
  await refused({ email: 'x@y.example.com', role: 'auditor', expires_at: inAYear(), purpose: 'marketing' }, 'purpose');
  await refused({ email: 'x@y.example.com', role: 'partner', expires_at: inAYear(), purpose: 'audit', legal_basis: 'consent' }, 'legal_basis');
  await refused({ email: 'not-an-email', role: 'auditor', expires_at: inAYear() }, 'email');
  await refused({ email: 'x@y.example.com', role: 'owner', expires_at: inAYear() }, 'role');

  const count = () => withTenantTransaction(h.t.db, 'pilot-b', async () => (await currentTx().query<{ n: number }>('SELECT count(*)::int AS n FROM portal_invitations'))[0]!.n);
  const before = await count();
  const body = fc.record({ email: hostileString, role: fc.oneof(hostileString, fc.constantFrom('auditor', 'partner')), expires_at: fc.oneof(hostileString, fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString()))), purpose: hostileString, legal_basis: hostileString }, { requiredKeys: [] });
  await fc.assert(
    fc.asyncProperty(body, async (b) => {
      const res = await h.call('POST', '/api/v1/portal/invitations', { as: adminOf('pilot-b'), body: b });
      assert.ok(res.statusCode === 400, `${JSON.stringify(b)} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
    }),
    { numRuns: 60, seed: 20261206 },
  );
  assert.equal(await count(), before);

  // Tokens that are not portal tokens of this server, and a sign-in to join that is malformed.
  // Header-safe text only: a header with control characters never reaches the server.
  const printable = fc.stringMatching(/^[\x21-\x7e]{0,80}$/);
  const tokens = fc.oneof(printable.map((s) => `cosview.${s}`), printable.map((s) => `cosinv.pilot-a.${s}`), fc.constant(`cosview.${'0'.repeat(24)}.${'A'.repeat(43)}`));
  await fc.assert(
    fc.asyncProperty(tokens, async (t) => {
      const res = await h.app.inject({ method: 'GET', url: '/api/v1/portal/overview', headers: { authorization: `Bearer ${t}` } });
      assert.ok([400, 401].includes(res.statusCode), `${JSON.stringify(t)} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
    }),
    { numRuns: 40, seed: 20261206 },
  );
  const pending = await invite('pilot-b', { email: 'join@x.example.com', role: 'partner' });
  const badJoin = await accept(pending.token, 'cosview.not-a-sign-in');
  assert.equal(badJoin.statusCode, 400);
  assert.equal((await accept(pending.token)).statusCode, 200, 'the refused join left the invitation pending');
});

test('the supply chain tab lists each artefact with its signed SLSA provenance, and notices a changed file', async () => {
  const auditor = (await accept((await invite('pilot-a', { email: 'slsa@x.example.com', role: 'auditor' })).token)).json().sign_in as string;
  const partner = (await accept((await invite('pilot-a', { email: 'slsa-partner@x.example.com', role: 'partner' })).token)).json().sign_in as string;
  const res = await view(auditor, 'supply-chain');
  assert.equal(res.statusCode, 200, res.body);
  const { artefacts, platform_jwks } = res.json() as { artefacts: any[]; platform_jwks: { keys: { x: string; kid: string }[] } };
  assert.deepEqual(artefacts.map((a) => [a.name, a.verified]), [['console/assets/index.js', true], ['console/index.html', true]]);
  const js = artefacts[0];
  assert.equal(js.digest, createHash('sha256').update('console.log("console");').digest('hex'));
  // The statement is an in-toto statement of SLSA provenance naming the file, signed (DSSE) by the platform key.
  const payload = Buffer.from(js.statement.payload, 'base64');
  const statement = JSON.parse(payload.toString('utf8'));
  assert.equal(statement._type, 'https://in-toto.io/Statement/v1');
  assert.equal(statement.predicateType, 'https://slsa.dev/provenance/v1');
  assert.deepEqual(statement.subject, [{ name: 'console/assets/index.js', digest: { sha256: js.digest } }]);
  assert.equal(statement.predicate.runDetails.builder.id, js.builder);
  const key = platform_jwks.keys.find((k) => k.kid === js.statement.signatures[0].keyid)!;
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${js.statement.payloadType.length} ${js.statement.payloadType} ${payload.length} `), payload]);
  assert.ok(cryptoVerify(null, pae, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' }), Buffer.from(js.statement.signatures[0].sig, 'base64')));

  // The partner sees the artefacts and whether they verify, not the statements.
  const partnerView = (await view(partner, 'supply-chain')).json().artefacts[0];
  assert.deepEqual(Object.keys(partnerView).sort(), ['builder', 'digest', 'name', 'verified']);

  writeFileSync(join(built, 'index.html'), '<!doctype html><title>changed</title>');
  const after = (await view(auditor, 'supply-chain')).json().artefacts as { name: string; verified: boolean }[];
  assert.deepEqual(after.map((a) => [a.name, a.verified]), [['console/assets/index.js', true], ['console/index.html', false]]);
});

test('without a KEK of its own the server cannot sign provenance: the supply chain answers 503 and says why', async () => {
  const bare = await createTestApp({ ledgerBackground: false, jobsBackground: false, artefactDirs: [{ name: 'console', dir: built }] });
  try {
    const invited = await bare.call('POST', '/api/v1/portal/invitations', { as: adminOf('pilot-a'), body: { email: 'nokek@x.example.com', role: 'auditor', expires_at: new Date(bare.clock.now().getTime() + 86_400_000).toISOString() } });
    const accepted = await bare.app.inject({ method: 'POST', url: '/api/v1/portal/invitations/accept', headers: bearer(invited.json().token), payload: {} });
    const res = await bare.app.inject({ method: 'GET', url: '/api/v1/portal/supply-chain', headers: bearer(accepted.json().sign_in) });
    assert.equal(res.statusCode, 503, res.body);
    assert.equal(res.json().type, 'https://companyos.dev/problems/unavailable');
    assert.match(res.json().detail, /platform key/);
  } finally {
    await bare.close();
  }
});
