import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { insertSubject } from '../src/identity/subjects.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Retention: a tenant keeps former subjects a number of days; a daily job opens a purge of each
// one disabled longer than that, approved by the policy's retention rule instead of people and
// receipted, and the purge job erases it. Without a period nothing is purged; other tenants'
// subjects are never touched.

const DAY = 86_400_000;
let h: TestApp;
const admin: [string, string] = ['pilot-a', 'user-admin'];
const config = (body: unknown, as = admin) => h.call('PATCH', '/api/v1/tenants/pilot-a/config', { as, body });
const disable = (tenant: string, id: string) => h.call('PATCH', `/api/v1/subjects/${id}`, { as: [tenant, 'user-admin'], body: { status: 'disabled' } });
const subject = (tenant: string, id: string) => h.call('GET', `/api/v1/subjects/${id}`, { as: [tenant, 'user-admin'] });

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  for (const tenant of ['pilot-a', 'pilot-b']) {
    await withTenantTransaction(h.t.db, tenant, async () => {
      for (const id of ['user-left-long-ago', 'user-left-recently', 'user-still-here']) await insertSubject({ subject_id: id, display_name: id, roles: ['engineer'], attributes: {} }, h.clock.now());
    });
  }
});
after(() => h.close());

test('retention periods are validated: a bad one is a 400 naming the field and changes nothing', async () => {
  for (const retention of [{ former_subjects: 0 }, { former_subjects: 36_501 }, { former_subjects: 1.5 }, { former_subjects: '30' }, { invoices: 30 }, []]) {
    const res = await config({ retention });
    assert.equal(res.statusCode, 400, JSON.stringify(retention));
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  }
  assert.equal((await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: admin })).json().retention, undefined, 'the default keeps everything');
  assert.equal((await config({ retention: { former_subjects: 30 } }, ['pilot-a', 'user-engineer'])).statusCode, 403);
});

test('the daily job purges a subject disabled longer than the period, approved by the retention rule, and nothing else', async () => {
  for (const tenant of ['pilot-a', 'pilot-b']) assert.equal((await disable(tenant, 'user-left-long-ago')).statusCode, 200);
  h.clock.advance(20 * DAY);
  assert.equal((await disable('pilot-a', 'user-left-recently')).statusCode, 200);
  const set = await config({ retention: { former_subjects: 30 } });
  assert.equal(set.statusCode, 200, set.body);
  assert.deepEqual(set.json().retention, { former_subjects: 30 });

  // Day 21 and on: nobody is past 30 days yet.
  h.clock.advance(DAY);
  await h.app.jobs.runDue();
  assert.deepEqual((await h.call('GET', '/api/v1/purge-requests', { as: ['pilot-a', 'user-security'] })).json().requests, []);

  // Day 31: the first subject is; the job opens its purge, and the purge job runs it.
  h.clock.advance(10 * DAY);
  await h.app.jobs.runDue();
  await h.app.jobs.runDue();
  const requests = (await h.call('GET', '/api/v1/purge-requests', { as: ['pilot-a', 'user-security'] })).json().requests as Array<{ purge_id: string; subject: string; requester: string; status: string }>;
  // Once done, the request names its subject by the pseudonym the purge unlinked (ADR 0029).
  assert.deepEqual(requests.map((r) => [r.subject, r.requester, r.status]), [[`[purged] ${requests[0]!.purge_id}`, 'system:retention', 'done']]);
  const detail = (await h.call('GET', `/api/v1/purge-requests/${requests[0]!.purge_id}`, { as: ['pilot-a', 'user-security'] })).json();
  assert.deepEqual(detail.history.map((s: { transition: string; actor: string }) => `${s.transition}:${s.actor}`), ['request:system:retention', 'approve:system:retention', 'complete:system:purge']);
  assert.match(detail.history[0].rationale, /former_subjects are kept 30 days/);
  assert.ok(!detail.history[0].rationale.includes('user-left-long-ago'), 'the rationale, sealed under the tenant-wide key, does not name the subject');
  assert.equal(detail.manifest.deleted.find((d: { table: string }) => d.table === 'subjects').rows, 1);

  assert.equal((await subject('pilot-a', 'user-left-long-ago')).statusCode, 404);
  assert.equal((await subject('pilot-a', 'user-left-recently')).statusCode, 200);
  assert.equal((await subject('pilot-a', 'user-still-here')).statusCode, 200);
  assert.equal((await subject('pilot-b', 'user-left-long-ago')).statusCode, 200, 'pilot-b keeps its own: it set no period');

  const receipts = await withTenantTransaction(h.t.db, 'pilot-a', () =>
    currentTx().query<{ actor: string; target: string }>(`SELECT actor, target FROM receipts WHERE tenant_id = 'pilot-a' AND action = 'purge.retention.open'`),
  );
  assert.deepEqual(receipts, [{ actor: 'system:retention', target: `purge:${requests[0]!.purge_id}` }]);
  await h.app.ledger.flush('pilot-a');
  const ledger = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.equal(ledger.ok, true, ledger.errors.join('; '));

  // The next day's sweep is queued, and running it again opens nothing new for the same subject.
  const queued = await withTenantTransaction(h.t.db, 'pilot-a', () => currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE tenant_id = 'pilot-a' AND kind = 'purge.retention' AND status = 'queued'`));
  assert.equal(queued[0]!.n, 1);
  h.clock.advance(DAY);
  await h.app.jobs.runDue();
  assert.equal((await h.call('GET', '/api/v1/purge-requests', { as: ['pilot-a', 'user-security'] })).json().requests.length, 1);
});
