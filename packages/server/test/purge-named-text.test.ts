import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { insertSubject } from '../src/identity/subjects.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { rowsNaming as rowsNamingIn } from './support/rows-naming.ts';
import { admin, type As, leaver, PSEUDONYM, purgeLeaver, T } from './support/subject-purge.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The text of append-only records that names people (ADR 0029): a denial's reasons in its audit
// event name the caller, and a logged decision's input — its resource kept by the tenant's mask
// rules — names other people of the tenant. Both are stored by pseudonym, shown as the subject id
// while the key lives; after a subject purge no row of either table holds the id, and the ledger
// still verifies. A string that is nobody's id is stored as it is, and gets no key.

const DENIED = 'no role of subject user-leaver grants action purge.request.list';

let h: TestApp;
let agentKey: string;
let readReceipt: string;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  for (const tenant of [T, 'pilot-b']) {
    await withTenantTransaction(h.t.db, tenant, async () => {
      await insertSubject({ subject_id: 'user-leaver', display_name: 'Lee Leaver', roles: [], attributes: {} }, h.clock.now());
      if (tenant === T) await insertSubject({ subject_id: 'user-dpo', display_name: 'Dana Data Protection', roles: ['security_officer'], attributes: {} }, h.clock.now());
    });
  }
  // The tenant keeps decisions' resources in its log (the base rules remove them).
  const version = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'keep resources', data_patch: { mask_rules: [] } } });
  assert.equal(version.statusCode, 201, version.body);
  const activated = await h.call('POST', `/api/v1/policy/versions/${version.json().version.version as number}/activate`, { as: admin, stepUp: true });
  assert.equal(activated.statusCode, 200, activated.body);
  // A decision service of the tenant, uploading decisions that name people in their resources.
  assert.equal((await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'pdp-1', display_name: 'Decision service', roles: ['policy_agent'] } })).statusCode, 201);
  agentKey = (await h.call('POST', '/api/v1/api-keys', { as: admin, body: { subject_id: 'pdp-1', name: 'pdp', roles: ['policy_agent'] } })).json().secret as string;

  // The leaver is refused; tenant B's person of the same id too. An admin reads the leaver (the resource names them).
  for (const as of [leaver, ['pilot-b', 'user-leaver'] as As]) assert.equal((await h.call('GET', '/api/v1/purge-requests', { as })).statusCode, 403);
  const read = await h.call('GET', '/api/v1/subjects/user-leaver', { as: admin });
  assert.equal(read.statusCode, 200, read.body);
  readReceipt = String(read.headers['x-receipt-id']);
  const hash = (await h.call('GET', '/api/v1/policy/versions', { as: admin })).json().loaded_hash as string;
  const uploaded = await h.app.inject({
    method: 'POST',
    url: '/api/v1/policy/decision-logs',
    headers: { authorization: `Bearer ${agentKey}`, 'content-type': 'application/json' },
    payload: JSON.stringify([
      {
        decision_id: randomUUID(),
        timestamp: h.clock.now().toISOString(),
        bundles: { [T]: { revision: hash } },
        path: 'companyos/authz/decision',
        input: { subject: { id: 'pdp-1' }, action: 'subject.get', resource: { owner: 'user-leaver', delegate: 'user-ghost' } },
        result: { allow: true, reasons: [], obligations: {} },
      },
    ]),
  });
  assert.equal(uploaded.statusCode, 200, uploaded.body);
});
after(() => h.close());

const rowsNaming = (table: 'audit_events' | 'policy_decisions', tenant: string, text: string) => rowsNamingIn(h.t.db, table, tenant, text);

async function denial(as: As): Promise<{ actor: string; reasons: string[] }> {
  const res = await h.call('GET', '/api/v1/audit-events?type=action.denied&action=purge.request.list', { as });
  assert.equal(res.statusCode, 200, res.body);
  const [event] = res.json().events as Array<{ actor: string; reasons: string[] }>;
  assert.ok(event);
  return event;
}

/** The receipt of the admin's read, with the people it names as readers see them. */
async function receiptShown(): Promise<{ receipt: { actor: string; target: string }; shown: { actor: string; target: string; evidence_refs: string[] } }> {
  await h.app.ledger.flush(T);
  const res = await h.call('GET', `/api/v1/provenance/receipts/${readReceipt}?people=shown`, { as: admin });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

type Logged = { action: string; actor: string; input: { resource?: Record<string, unknown> } };
async function logged(query: string): Promise<Logged[]> {
  await policyRuntime().engine.flushDecisions();
  const res = await h.call('GET', `/api/v1/policy/decisions?${query}`, { as: admin });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().decisions as Logged[];
}

test("a denial's reasons and a decision's resource store the person by pseudonym; readers show the subject id", async () => {
  const [stored] = await h.t.db.query<{ actor: string; reasons: string[] }>(`SELECT actor, reasons FROM audit_events WHERE tenant_id = $1 AND type = 'action.denied' AND action = 'purge.request.list'`, [T]);
  assert.match(stored!.actor, PSEUDONYM);
  assert.deepEqual(stored!.reasons, [DENIED.replace('user-leaver', stored!.actor)], 'the stored reason names the pseudonym');
  const shown = await denial(admin);
  assert.deepEqual([shown.actor, shown.reasons], ['user-leaver', [DENIED]], 'the listing shows the subject id in the reason');

  const reads = await logged('action=subject.get');
  const [read] = reads.filter((d) => d.actor === 'user-admin');
  assert.equal(read?.input.resource?.subject_id, 'user-leaver', "the admin's read shows the person it names");
  const [upload] = reads.filter((d) => d.actor === 'pdp-1');
  assert.deepEqual(upload?.input.resource, { owner: 'user-leaver', delegate: 'user-ghost' });
  for (const table of ['audit_events', 'policy_decisions'] as const) {
    assert.deepEqual(await rowsNaming(table, T, 'user-leaver'), [], `${table} holds the id nowhere`);
  }
  // Only people of the tenant are named so: a string that is nobody's id stays, and no key is made for it.
  assert.equal((await rowsNaming('policy_decisions', T, 'user-ghost')).length, 1);
  const ghosts = await h.t.db.query(`SELECT 1 FROM subject_data_keys WHERE subject_id IN ('user-ghost', 'Lee Leaver')`);
  assert.equal(ghosts.length, 0);
  const bundle = await receiptShown();
  assert.match(bundle.receipt.target, /^subject:pseudonym:[0-9a-f-]{36}$/, 'the signed receipt names the person by pseudonym');
  assert.deepEqual([bundle.shown.actor, bundle.shown.target], ['user-admin', 'subject:user-leaver']);
  const wrong = await h.call('GET', `/api/v1/provenance/receipts/${readReceipt}?people=all`, { as: admin });
  assert.equal(wrong.statusCode, 400, wrong.body);
  assert.equal(wrong.json().type, 'https://companyos.dev/problems/invalid-request');
  // Tenant B's person of the same id is named by tenant B's own pseudonym.
  const theirs = await denial(['pilot-b', 'user-admin']);
  assert.deepEqual([theirs.actor, theirs.reasons], ['user-leaver', [DENIED]]);
});

test('after a subject purge no audit reason or decision resource holds the id; readers show it purged and the ledger verifies', async () => {
  const { purgeId, done } = await purgeLeaver(h);
  assert.deepEqual(done.manifest.not_shreddable, [], 'nothing still names the subject in plain text');

  for (const table of ['audit_events', 'policy_decisions'] as const) assert.deepEqual(await rowsNaming(table, T, 'user-leaver'), [], `${table} names the purged subject nowhere`);
  const purged = `[purged] ${purgeId}`;
  const shown = await denial(admin);
  assert.deepEqual([shown.actor, shown.reasons], [purged, [DENIED.replace('user-leaver', purged)]]);
  const reads = await logged('action=subject.get');
  assert.ok(reads.some((d) => d.input.resource?.subject_id === purged));
  assert.ok(reads.some((d) => d.input.resource?.owner === purged && d.input.resource.delegate === 'user-ghost'));

  const bundle = await receiptShown();
  assert.deepEqual([bundle.shown.actor, bundle.shown.target], ['user-admin', `subject:${purged}`]);
  const ledger = await verifyTenantLedger(h.t.db, T);
  assert.equal(ledger.ok, true, ledger.errors.join('; '));
  const theirs = await denial(['pilot-b', 'user-admin']);
  assert.deepEqual([theirs.actor, theirs.reasons], ['user-leaver', [DENIED]], "tenant B's person is untouched");
});
