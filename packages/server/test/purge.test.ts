import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { createApiKey } from '../src/identity/api-keys.ts';
import { insertSubject } from '../src/identity/subjects.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import type { PendingApproval } from '../src/workflows/shared/approval-inbox.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// A purge under dual control: asked by security, approved by an admin and a second officer (never
// the requester, never one person twice), run as a job that deletes the subject's rows, records
// the manifest and a receipt, and leaves the ledger verifiable.

let h: TestApp;
const security: [string, string] = ['pilot-a', 'user-security'];
const admin: [string, string] = ['pilot-a', 'user-admin'];
const officer: [string, string] = ['pilot-a', 'user-dpo'];
const rationale = { rationale: 'the customer asked for erasure (ticket 4711)' };

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  await withTenantTransaction(h.t.db, 'pilot-a', async () => {
    await insertSubject({ subject_id: 'user-dpo', display_name: 'Dana Data Protection', roles: ['security_officer'], attributes: {} }, h.clock.now());
    await insertSubject({ subject_id: 'user-leaver', display_name: 'Lee Leaver', roles: ['engineer'], attributes: { department: 'engineering' } }, h.clock.now());
    await createApiKey({ subject_id: 'user-leaver', name: 'laptop', roles: ['engineer'] }, h.clock.now());
  });
});
after(() => h.close());

const create = (as: [string, string], body: unknown) => h.call('POST', '/api/v1/purge-requests', { as, body });

test('bad input is a 400 problem naming the field, and nothing is stored', async () => {
  for (const body of [{ scope: 'galaxy', subject: 'user-leaver', ...rationale }, { scope: 'subject', ...rationale }, { scope: 'subject', subject: 'user-leaver', rationale: '' }, { scope: 'subject', subject: '../../etc', ...rationale }, { scope: 'subject', subject: 'user-leaver', ...rationale, extra: 1 }]) {
    const res = await create(security, body);
    assert.equal(res.statusCode, 400, JSON.stringify(body));
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  }
  assert.equal((await h.call('GET', '/api/v1/purge-requests/not-a-uuid', { as: security })).statusCode, 400);
  assert.equal((await h.call('GET', '/api/v1/purge-requests/01900000-0000-7000-8000-000000000000', { as: security })).statusCode, 404);
  assert.deepEqual((await h.call('GET', '/api/v1/purge-requests', { as: security })).json().requests, []);
});

test('an engineer may not ask for a purge: a 403 with the policy reasons', async () => {
  const res = await create(['pilot-a', 'user-engineer'], { scope: 'subject', subject: 'user-leaver', ...rationale });
  assert.equal(res.statusCode, 403);
  assert.ok(Array.isArray(res.json().reasons) && res.json().reasons.length > 0);
});

test('a purge runs only after two different approvers, then deletes the subject with a manifest and a receipt', async () => {
  const created = await create(security, { scope: 'subject', subject: 'user-leaver', ...rationale });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().purge_id as string;
  assert.deepEqual(created.json().missing_approvals, ['CompanyAdmin', 'security_officer']);

  const own = await h.call('POST', `/api/v1/purge-requests/${id}/approve`, { as: security, body: rationale });
  assert.equal(own.statusCode, 403, 'the requester cannot approve');
  const first = await h.call('POST', `/api/v1/purge-requests/${id}/approve`, { as: admin, body: rationale });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().status, 'requested');
  assert.deepEqual(first.json().missing_approvals, ['security_officer']);
  assert.equal((await h.call('POST', `/api/v1/purge-requests/${id}/approve`, { as: admin, body: rationale })).statusCode, 409, 'one person approves once');

  // The approvals inbox: the officer may decide it, the admin (done) and the requester may not.
  const inbox = async (as: [string, string]) => ((await h.call('GET', '/api/v1/approvals?assignee=me', { as })).json().approvals as PendingApproval[]).filter((a) => a.flow === 'purge');
  const forOfficer = await inbox(officer);
  assert.equal(forOfficer.length, 1);
  assert.deepEqual(forOfficer[0]!.requiredApprovers, [], 'the officer is the last approval it needs');
  assert.equal(forOfficer[0]!.decide.approve, `/api/v1/purge-requests/${id}/approve`);
  assert.deepEqual(forOfficer[0]!.rationaleHistory.map((r) => r.decision), ['request', 'approve']);
  assert.deepEqual(await inbox(admin), []);
  assert.deepEqual(await inbox(security), []);

  const second = await h.call('POST', `/api/v1/purge-requests/${id}/approve`, { as: officer, body: rationale });
  assert.equal(second.statusCode, 200, second.body);
  assert.equal(second.json().status, 'approved');
  assert.equal((await h.call('GET', '/api/v1/subjects/user-leaver', { as: admin })).statusCode, 200, 'nothing goes before the job runs');

  await h.app.jobs.runDue();
  const done = (await h.call('GET', `/api/v1/purge-requests/${id}`, { as: security })).json();
  assert.equal(done.status, 'done');
  const rows = Object.fromEntries(done.manifest.deleted.map((d: { table: string; rows: number }) => [d.table, d.rows]));
  assert.deepEqual(rows, { api_keys: 1, subjects: 1, entities: rows.entities, relationships: rows.relationships });
  assert.equal((await h.call('GET', '/api/v1/subjects/user-leaver', { as: admin })).statusCode, 404);
  const left = await withTenantTransaction(h.t.db, 'pilot-a', () => currentTx().query(`SELECT 1 FROM subjects WHERE subject_id = 'user-leaver' UNION ALL SELECT 1 FROM api_keys WHERE subject_id = 'user-leaver'`));
  assert.deepEqual(left, []);

  const receipts = await withTenantTransaction(h.t.db, 'pilot-a', () => currentTx().query<{ body: { actor: string; evidence_refs: string[] } }>(`SELECT body FROM receipts WHERE action = 'purge.request.complete'`));
  assert.equal(receipts.length, 1);
  assert.equal(receipts[0]!.body.actor, 'system:purge');
  assert.ok(receipts[0]!.body.evidence_refs.some((r) => r.startsWith('purge-manifest:sha256:')));
  await h.app.ledger.flush('pilot-a');
  const ledger = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.equal(ledger.ok, true, ledger.errors.join('; '));
});

test('a denied or cancelled purge never runs', async () => {
  const a = (await create(security, { scope: 'entity', subject: 'asset-1', ...rationale })).json().purge_id as string;
  assert.equal((await h.call('POST', `/api/v1/purge-requests/${a}/deny`, { as: admin, body: rationale })).json().status, 'denied');
  assert.equal((await h.call('POST', `/api/v1/purge-requests/${a}/approve`, { as: officer, body: rationale })).statusCode, 409);
  const b = (await create(security, { scope: 'entity', subject: 'asset-2', ...rationale })).json().purge_id as string;
  assert.equal((await h.call('POST', `/api/v1/purge-requests/${b}/cancel`, { as: admin, body: {} })).statusCode, 403, 'only the requester cancels');
  assert.equal((await h.call('POST', `/api/v1/purge-requests/${b}/cancel`, { as: security, body: {} })).json().status, 'cancelled');
  await h.app.jobs.runDue();
  const list = (await h.call('GET', '/api/v1/purge-requests', { as: security })).json().requests as Array<{ purge_id: string; status: string }>;
  assert.deepEqual(list.filter((r) => r.purge_id === a || r.purge_id === b).map((r) => r.status).sort(), ['cancelled', 'denied']);
});
