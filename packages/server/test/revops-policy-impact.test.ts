import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { draftQuote, step, type As } from './support/revops-deal.ts';

// The sample policy change of docs/samples (20% → 15% self-approval threshold): its diff as
// committed, and the open quotes it would re-route.

const ae: As = ['pilot-a', 'user-ae'];
const admin: As = ['pilot-a', 'user-admin'];
const manager: As = ['pilot-a', 'user-sales-manager'];
const finance: As = ['pilot-a', 'user-finance'];
const sample = (name: string) => JSON.parse(readFileSync(new URL(`../../../docs/samples/${name}`, import.meta.url), 'utf8'));
let h: TestApp;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

test('lowering the threshold to 15% re-routes the open quotes between 15% and 20%, and no others', async () => {
  const draft18 = (await draftQuote(h, ae, 1800)).quoteId;
  const approved17 = (await draftQuote(h, ae, 1700)).quoteId;
  assert.equal((await step(h, ae, approved17, 'submit-for-approval')).json().status, 'approved');
  const submitted25 = (await draftQuote(h, ae, 2500)).quoteId;
  await step(h, ae, submitted25, 'submit-for-approval');
  const draft10 = (await draftQuote(h, ae, 1000)).quoteId;
  const draft15 = (await draftQuote(h, ae, 1500)).quoteId;
  // A 19% quote already activated is a contract: no policy change re-routes it.
  const active19 = (await draftQuote(h, ae, 1900)).quoteId;
  await step(h, ae, active19, 'submit-for-approval');
  assert.equal((await step(h, ae, active19, 'activate', {})).json().status, 'active');

  const proposed = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'RevOps: account executives approve discounts up to 15% alone (was 20%)', data_patch: sample('revops-threshold-15.patch.json') } });
  assert.equal(proposed.statusCode, 201, proposed.body);
  const version = String(proposed.json().version.version);

  const diff = await h.call('POST', '/api/v1/policy/diff', { as: admin, body: { to: version, recorded: 0 } });
  assert.equal(diff.statusCode, 200, diff.body);
  const committed = sample('revops-threshold-15.diff.json');
  assert.deepEqual({ modules: diff.json().modules, data: diff.json().data, decisions: diff.json().decisions }, { modules: committed.modules, data: committed.data, decisions: committed.decisions });

  assert.equal((await h.call('POST', '/api/v1/revops/policy-impact', { as: ae, body: { to: version } })).statusCode, 403);
  const impact = await h.call('POST', '/api/v1/revops/policy-impact', { as: manager, body: { to: version } });
  assert.equal(impact.statusCode, 200, impact.body);
  const both = ['finance', 'sales_manager'];
  assert.deepEqual(
    impact.json().quotes.map((q: { quote_id: string; status: string; discount_bp: number; from: unknown; to: unknown }) => [q.quote_id, q.status, q.discount_bp, q.from, q.to]),
    [
      [draft18, 'draft', 1800, { required_approvals: [], self_approved: true }, { required_approvals: both, self_approved: false }],
      [approved17, 'approved', 1700, { required_approvals: [], self_approved: true }, { required_approvals: both, self_approved: false }],
    ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)),
  );
  for (const unchanged of [submitted25, draft10, draft15, active19]) assert.ok(!impact.body.includes(unchanged), unchanged);

  // Once active, the new threshold decides: an 18% quote now needs both approvals.
  assert.equal((await h.call('POST', `/api/v1/policy/versions/${version}/activate`, { as: admin, stepUp: true })).statusCode, 200);
  const resubmitted = await step(h, ae, draft18, 'submit-for-approval');
  assert.equal(resubmitted.json().status, 'submitted', resubmitted.body);
  assert.deepEqual(resubmitted.json().required_roles, both);
  await step(h, manager, draft18, 'approve');
  assert.equal((await step(h, finance, draft18, 'approve')).json().status, 'approved');
});
