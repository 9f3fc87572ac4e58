import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { draftQuote, step } from './support/revops-deal.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const engineer: [string, string] = ['pilot-a', 'user-engineer'];
const lead: [string, string] = ['pilot-a', 'user-team-lead'];
const security: [string, string] = ['pilot-a', 'user-security'];
const ae: [string, string] = ['pilot-a', 'user-ae'];
const manager: [string, string] = ['pilot-a', 'user-sales-manager'];
const finance: [string, string] = ['pilot-a', 'user-finance'];
let h: TestApp;
let requestId: string;
let quoteId: string;

interface Item {
  flow: string;
  id: string;
  requestedBy: string;
  requiredApprovers: string[];
  rationaleHistory: Array<{ by: string; at: string; decision: string; rationale: string | null }>;
  allows: string;
  decide: { approve: string; deny: string };
}

const inbox = async (as: [string, string]): Promise<Item[]> => {
  const res = await h.call('GET', '/api/v1/approvals?assignee=me', { as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().approvals;
};

before(async () => {
  h = await createTestApp();
  const body = { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema: 'public', tables: ['orders'] }, duration_minutes: 30, rationale: 'investigate order 7' };
  requestId = (await h.call('POST', '/api/v1/high-risk-ops/requests', { as: engineer, body })).json().request_id;
  ({ quoteId } = await draftQuote(h, ae, 3000));
  assert.equal((await step(h, ae, quoteId, 'submit-for-approval')).statusCode, 200);
});

after(() => h.close());

test('each flow offers its pending items to the people its approval policy still needs', async () => {
  const mine = await inbox(lead);
  assert.deepEqual(mine.map((i) => [i.flow, i.id]), [['high_risk', requestId]]);
  const [item] = mine;
  assert.equal(item!.requestedBy, 'user-engineer');
  assert.deepEqual(item!.requiredApprovers, ['role:security_officer']);
  assert.deepEqual(item!.rationaleHistory, [{ by: 'user-engineer', at: item!.rationaleHistory[0]!.at, decision: 'request', rationale: 'investigate order 7' }]);
  assert.match(item!.allows, /read access to test\.public tables orders for 30 minutes/);
  assert.deepEqual(item!.decide, { approve: `/api/v1/high-risk-ops/requests/${requestId}/approve`, deny: `/api/v1/high-risk-ops/requests/${requestId}/deny` });

  const quote = await inbox(manager);
  assert.deepEqual(quote.map((i) => [i.flow, i.id, i.requiredApprovers]), [['revops_quote', quoteId, ['role:finance']]]);
  assert.equal(quote[0]!.decide.deny, `/api/v1/revops/quotes/${quoteId}/reject`);
  assert.deepEqual((await inbox(finance)).map((i) => i.id), [quoteId]);
  // The requester, the quote's owner and people whose role is not needed see nothing.
  assert.deepEqual(await inbox(engineer), []);
  assert.deepEqual(await inbox(ae), []);
});

test('an approval given leaves the inbox of the one who gave it and narrows who else must approve', async () => {
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${requestId}/approve`, { as: lead, body: { rationale: 'on call tonight' } })).statusCode, 200);
  assert.deepEqual(await inbox(lead), []);
  const [item] = await inbox(security);
  assert.equal(item!.id, requestId);
  assert.deepEqual(item!.requiredApprovers, []);
  assert.deepEqual(item!.rationaleHistory.map((e) => [e.by, e.decision, e.rationale]), [
    ['user-engineer', 'request', 'investigate order 7'],
    ['user-team-lead', 'approve', 'on call tonight'],
  ]);

  assert.equal((await step(h, manager, quoteId, 'reject', { rationale: 'discount too deep for this term' })).statusCode, 200);
  assert.deepEqual(await inbox(manager), []);
  assert.deepEqual(await inbox(finance), [], 'a rejected quote waits for nobody');
});

test('the inbox is only the caller’s own: any other assignee is a 400', async () => {
  for (const q of ['', '?assignee=user-team-lead', '?assignee=me&x=1']) {
    const res = await h.call('GET', `/api/v1/approvals${q}`, { as: lead });
    assert.equal(res.statusCode, 400, q);
    assert.equal(res.json().type, 'https://companyos.dev/problems/invalid-request');
  }
});
