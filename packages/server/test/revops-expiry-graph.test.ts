import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import type { ReceiptBody } from '../src/ledger/receipts.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { insertLead } from '../src/workflows/revops/deal-store.ts';
import { draftQuote, leadBody, step, type As } from './support/revops-deal.ts';

// Quote expiry (a durable job on a fake clock), the graph mirror of the deal desk's objects, and
// the steps a quote's view offers its caller.

const ae: As = ['pilot-a', 'user-ae'];
const manager: As = ['pilot-a', 'user-sales-manager'];
const finance: As = ['pilot-a', 'user-finance'];
const DAY = 86_400_000;
let h: TestApp;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

const inTenant = <T>(fn: () => Promise<T>) => withTenantTransaction(h.t.db, 'pilot-a', fn);
const rows = <T extends object>(sql: string, params: unknown[]) => inTenant(() => currentTx().query<T>(sql, params));
const quote = async (id: string, as: As = ae) => (await h.call('GET', `/api/v1/revops/quotes/${id}`, { as })).json();

async function approvedQuote(): Promise<string> {
  const { quoteId } = await draftQuote(h, ae, 3000);
  assert.equal((await step(h, ae, quoteId, 'submit-for-approval')).statusCode, 200);
  assert.equal((await step(h, manager, quoteId, 'approve')).statusCode, 200);
  assert.equal((await step(h, finance, quoteId, 'approve')).statusCode, 200);
  return quoteId;
}

test('a quote past its validity date expires through the job, with history, receipt and audit; activation then is a 409 naming the state', async () => {
  const quoteId = await approvedQuote();
  const current = await draftQuote(h, ae, 500);
  await h.app.jobs.runDue();
  assert.equal((await quote(quoteId)).status, 'approved', 'nothing expires before its date');

  h.clock.advance(31 * DAY);
  await h.app.jobs.runDue();
  const expired = await quote(quoteId);
  assert.equal(expired.status, 'expired');
  const last = expired.history.at(-1);
  assert.deepEqual([last.transition, last.actor, last.from_state, last.to_state], ['expire', 'system:revops', 'approved', 'expired']);

  const receipts = await rows<{ body: ReceiptBody }>(`SELECT body FROM receipts WHERE target = $1 AND action = 'revops.quote.expire'`, [`revops-quote:${quoteId}`]);
  assert.equal(receipts.length, 1);
  assert.equal(receipts[0]!.body.actor, 'system:revops');
  const audit = await rows<{ type: string }>(`SELECT type FROM audit_events WHERE target = $1 AND type = 'revops.quote.expired'`, [`revops-quote:${quoteId}`]);
  assert.equal(audit.length, 1);

  const activate = await step(h, ae, quoteId, 'activate', {});
  assert.equal(activate.statusCode, 409);
  assert.equal(activate.json().state, 'expired');
  assert.match(activate.json().detail, /expired/);
  assert.deepEqual(expired.allowed_actions, [], 'an expired quote offers nothing');

  // The draft made at the start expired too; running the job again changes nothing.
  assert.equal((await quote(current.quoteId)).status, 'expired');
  await h.app.jobs.runDue();
  assert.equal((await quote(quoteId)).history.filter((e: { transition: string }) => e.transition === 'expire').length, 1);
});

test('an edit renews the validity date: the job of the old date leaves the quote alone', async () => {
  const { quoteId } = await draftQuote(h, ae, 500);
  h.clock.advance(20 * DAY);
  const edit = await h.call('PATCH', `/api/v1/revops/quotes/${quoteId}`, { as: ae, body: { discount_bp: 600, rationale: 'customer asked again' } });
  assert.equal(edit.statusCode, 200, edit.body);
  h.clock.advance(11 * DAY);
  await h.app.jobs.runDue();
  assert.equal((await quote(quoteId)).status, 'draft', 'the first date has passed, the renewed one has not');
  h.clock.advance(20 * DAY);
  await h.app.jobs.runDue();
  assert.equal((await quote(quoteId)).status, 'expired');
});

test('the quote view offers each caller only the steps the policy and the desk rules allow', async () => {
  const { quoteId } = await draftQuote(h, ae, 3000);
  assert.deepEqual((await quote(quoteId, ae)).allowed_actions, ['update', 'submit', 'cancel']);
  assert.deepEqual((await quote(quoteId, manager)).allowed_actions, []);
  await step(h, ae, quoteId, 'submit-for-approval');
  assert.deepEqual((await quote(quoteId, ae)).allowed_actions, ['update', 'cancel']);
  assert.deepEqual((await quote(quoteId, manager)).allowed_actions, ['approve', 'reject']);
  assert.deepEqual((await quote(quoteId, ['pilot-a', 'user-admin'])).allowed_actions, [], 'an admin may read the quote, not approve it');
  const approved = await step(h, manager, quoteId, 'approve');
  assert.deepEqual(approved.json().allowed_actions, ['reject'], 'the manager has approved; only a rejection is left to them');
  assert.deepEqual((await quote(quoteId, finance)).allowed_actions, ['approve', 'reject']);
  await step(h, finance, quoteId, 'approve');
  assert.deepEqual((await quote(quoteId, ae)).allowed_actions, ['activate', 'cancel']);
  // What the view offers is what the action accepts.
  assert.equal((await step(h, manager, quoteId, 'activate', {})).statusCode, 403);
});

test('leads, opportunities, quotes, approvals and contracts are in the graph at once, with their edges', async () => {
  const quoteId = await approvedQuote();
  const q = await quote(quoteId);
  const opp = `revops-opportunity:${q.opportunity_id}`;
  const entity = async (id: string) => h.call('GET', `/api/v1/entities/${encodeURIComponent(id)}`, { as: ['pilot-a', 'user-admin'] });
  const created = await entity(`revops-quote:${quoteId}`);
  assert.equal(created.statusCode, 200, created.body);
  assert.equal(created.json().type, 'Quote');
  assert.equal(created.json().properties.status, 'approved');
  assert.equal((await step(h, ae, quoteId, 'activate', {})).statusCode, 200);
  const contract = (await quote(quoteId)).contract;

  const edges = await rows<{ edge: string }>(
    `SELECT from_id || ' ' || type || ' ' || to_id AS edge FROM relationships WHERE source = 'revops' AND (from_id = $1 OR to_id = $1 OR from_id = $2 OR to_id = $2) ORDER BY 1`,
    [`revops-quote:${quoteId}`, opp],
  );
  const lead = (await rows<{ lead_id: string }>(`SELECT lead_id FROM revops_opportunities WHERE opportunity_id = $1`, [q.opportunity_id]))[0]!.lead_id;
  const approvals = q.history.filter((e: { transition: string }) => e.transition === 'approve').map((e: { seq: number }) => `revops-approval:${quoteId}:${e.seq} APPROVED revops-quote:${quoteId}`);
  assert.deepEqual(
    edges.map((e) => e.edge),
    [
      ...approvals,
      `revops-lead:${lead} TRIGGERS ${opp}`,
      `${opp} OWNS revops-quote:${quoteId}`,
      `revops-quote:${quoteId} TRIGGERS revops-contract:${contract.contract_id}`,
      `subject:user-ae OWNS ${opp}`,
    ].sort(),
  );
  assert.equal((await entity(`revops-contract:${contract.contract_id}`)).json().type, 'ContractStub');
  assert.equal((await entity(opp)).json().properties.stage, 'won');
  // Tenant isolation: pilot-b's admin finds none of it.
  for (const id of [`revops-quote:${quoteId}`, opp, `revops-contract:${contract.contract_id}`]) {
    assert.equal((await h.call('GET', `/api/v1/entities/${encodeURIComponent(id)}`, { as: ['pilot-b', 'user-admin'] })).statusCode, 404);
  }
  const decided = await rows<{ to_id: string }>(`SELECT to_id FROM relationships WHERE type = 'DECIDED_BY' AND from_id LIKE $1 ORDER BY to_id`, [`revops-approval:${quoteId}:%`]);
  assert.deepEqual(decided.map((d) => d.to_id), ['subject:user-finance', 'subject:user-sales-manager']);
});

test('a rolled-back transaction leaves no graph row behind', async () => {
  const leadId = '01890000-0000-7000-8000-0000000000f1';
  const lead = { lead_id: leadId, ...leadBody(), team: 'enterprise', owner: 'user-ae', rule_id: 'enterprise', status: 'routed' as const, created_by: 'user-ae', created_at: h.clock.now().toISOString() };
  await assert.rejects(
    inTenant(async () => {
      await insertLead(lead);
      assert.equal((await currentTx().query(`SELECT 1 FROM entities WHERE entity_id = $1`, [`revops-lead:${leadId}`])).length, 1, 'mirrored in the same transaction');
      throw new Error('the action failed after writing its lead');
    }),
    /after writing its lead/,
  );
  assert.deepEqual(await rows(`SELECT entity_id FROM entities WHERE entity_id = $1`, [`revops-lead:${leadId}`]), []);
  assert.deepEqual(await rows(`SELECT relationship_id FROM relationships WHERE to_id = $1`, [`revops-lead:${leadId}`]), []);
});
