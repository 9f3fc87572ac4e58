import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import type { ReceiptBody } from '../src/ledger/receipts.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { draftQuote, leadBody, opportunity, quoteBody, step, type As } from './support/revops-deal.ts';

const ae: As = ['pilot-a', 'user-ae'];
const manager: As = ['pilot-a', 'user-sales-manager'];
const finance: As = ['pilot-a', 'user-finance'];
const engineer: As = ['pilot-a', 'user-engineer'];
const admin: As = ['pilot-a', 'user-admin'];
let h: TestApp;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

const receipt = (receiptId: unknown) =>
  withTenantTransaction(h.t.db, 'pilot-a', async () => (await currentTx().query<{ body: ReceiptBody }>('SELECT body FROM receipts WHERE receipt_id = $1', [receiptId]))[0]!.body);

test('an enterprise lead is routed to the enterprise team and promoted; a small one is only routed', async () => {
  const big = await h.call('POST', '/api/v1/revops/leads', { as: ae, body: leadBody() });
  assert.equal(big.statusCode, 201, big.body);
  const { lead, opportunity: opp } = big.json();
  assert.deepEqual([lead.team, lead.owner, lead.rule_id, lead.status], ['enterprise', 'user-ae', 'enterprise', 'promoted']);
  assert.deepEqual([opp.team, opp.owner, opp.amount_minor, opp.currency, opp.stage], ['enterprise', 'user-ae', 1_200_000, 'EUR', 'open']);
  const r = await receipt(big.headers['x-receipt-id']);
  assert.equal(r.action, 'revops.lead.create');
  assert.equal(r.target, `revops-lead:${lead.lead_id}`);
  assert.ok(r.evidence_refs.includes(`revops-opportunity:${opp.opportunity_id}`));

  const small = await h.call('POST', '/api/v1/revops/leads', { as: ae, body: leadBody({ segment: 'mid_market', region: 'us', company: 'Tiny Inc' }) });
  assert.equal(small.statusCode, 201, small.body);
  assert.deepEqual([small.json().lead.team, small.json().lead.status, small.json().opportunity], ['na-mid-market', 'routed', null]);

  const leads = (await h.call('GET', '/api/v1/revops/leads?team=na-mid-market', { as: manager })).json().leads;
  assert.ok(leads.length >= 1 && leads.every((l: { team: string }) => l.team === 'na-mid-market'));
  const opps = (await h.call('GET', '/api/v1/revops/opportunities?owner=user-ae', { as: finance })).json().opportunities;
  assert.ok(opps.some((o: { opportunity_id: string }) => o.opportunity_id === opp.opportunity_id));
});

test('routing rules are tenant data: a weighted team shares leads by weight, and the change is a governed action', async () => {
  const rule = { priority: 1, segment: 'smb', region: 'apac', team: 'apac-smb', strategy: 'weighted', members: [{ subject_id: 'user-ae', weight: 2 }, { subject_id: 'user-sales-manager', weight: 1 }] };
  assert.equal((await h.call('PUT', '/api/v1/revops/routing-rules/apac-smb', { as: ae, body: rule })).statusCode, 403);
  const set = await h.call('PUT', '/api/v1/revops/routing-rules/apac-smb', { as: admin, body: rule });
  assert.equal(set.statusCode, 200, set.body);
  const owners = [];
  for (let i = 0; i < 6; i++) owners.push((await h.call('POST', '/api/v1/revops/leads', { as: ae, body: leadBody({ segment: 'smb', region: 'apac' }) })).json().lead.owner);
  assert.deepEqual(owners, ['user-ae', 'user-ae', 'user-sales-manager', 'user-ae', 'user-ae', 'user-sales-manager']);
  const rules = (await h.call('GET', '/api/v1/revops/routing-rules', { as: ae })).json().rules;
  assert.equal(rules[0].rule_id, 'apac-smb');
});

test('a 30% quote needs a sales manager and finance, two people other than its owner; then it activates into a contract', async () => {
  const { quoteId, opportunityId } = await draftQuote(h, ae, 3000);
  const draft = (await h.call('GET', `/api/v1/revops/quotes/${quoteId}`, { as: ae })).json();
  // 10 × 1200.00 + 999.99 = 12 999.99 EUR; 30% of it is 3 899.997, rounded half up to 3 900.00.
  assert.deepEqual([draft.subtotal_minor, draft.discount_minor, draft.total_minor, draft.version, draft.status], [1_299_999, 390_000, 909_999, 1, 'draft']);

  const early = await step(h, ae, quoteId, 'activate', {});
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().detail, 'cannot activate a quote that is draft (only one that is approved)');
  assert.equal(early.json().state, 'draft');

  const submitted = await step(h, ae, quoteId, 'submit-for-approval');
  assert.equal(submitted.statusCode, 200, submitted.body);
  const s = submitted.json();
  assert.equal(s.status, 'submitted');
  assert.deepEqual(s.required_roles, ['finance', 'sales_manager']);
  assert.deepEqual(s.missing_approvals, [
    { role: 'finance', candidates: ['user-finance'] },
    { role: 'sales_manager', candidates: ['user-sales-manager'] },
  ]);

  const own = await step(h, ae, quoteId, 'approve');
  assert.equal(own.statusCode, 403);
  assert.ok(own.json().reasons.some((r: string) => r.includes('revops.quote.approve')), own.body);
  assert.equal((await step(h, engineer, quoteId, 'approve')).statusCode, 403);

  const first = await step(h, manager, quoteId, 'approve', { rationale: 'strategic logo' });
  assert.equal(first.json().status, 'submitted', first.body);
  assert.deepEqual(first.json().missing_approvals, [{ role: 'finance', candidates: ['user-finance'] }]);
  const approvalReceipt = await receipt(first.headers['x-receipt-id']);
  assert.ok(approvalReceipt.evidence_refs.includes(`revops-quote-terms:sha256:${s.terms_sha256}`), 'the receipt freezes the totals it approved');
  assert.equal((await step(h, manager, quoteId, 'approve')).statusCode, 409);

  const second = await step(h, finance, quoteId, 'approve', { rationale: 'margin still above floor' });
  assert.equal(second.json().status, 'approved', second.body);
  const approvals = second.json().history.filter((e: { transition: string }) => e.transition === 'approve');
  assert.deepEqual(approvals.map((e: { actor: string; rationale: string }) => [e.actor, e.rationale]), [['user-sales-manager', 'strategic logo'], ['user-finance', 'margin still above floor']]);
  assert.ok(approvals.every((e: { details: { terms_sha256: string; total_minor: number } }) => e.details.terms_sha256 === s.terms_sha256 && e.details.total_minor === 909_999));

  assert.equal((await step(h, manager, quoteId, 'activate', {})).statusCode, 403, 'only the owner activates');
  const active = await step(h, ae, quoteId, 'activate', { effective_date: '2026-04-01' });
  assert.equal(active.statusCode, 200, active.body);
  assert.equal(active.json().status, 'active');
  assert.deepEqual(
    (({ effective_date, term_months, amount_minor, currency, quote_version }) => ({ effective_date, term_months, amount_minor, currency, quote_version }))(active.json().contract),
    { effective_date: '2026-04-01', term_months: 12, amount_minor: 909_999, currency: 'EUR', quote_version: 1 },
  );
  const opp = (await h.call('GET', `/api/v1/revops/opportunities/${opportunityId}`, { as: finance })).json();
  assert.equal(opp.stage, 'won');
  assert.equal(opp.contracts.length, 1);
  assert.deepEqual(
    opp.history.map((e: { step: string }) => e.step),
    ['route', 'promote', 'create', 'submit', 'approve', 'approve', 'activate'],
  );
  const again = await step(h, ae, quoteId, 'cancel', {});
  assert.equal(again.statusCode, 409);
  assert.match(again.json().detail, /quote that is active/);
});

test('a discount within the threshold is approved by its account executive at submit', async () => {
  const { quoteId } = await draftQuote(h, ae, 2000);
  const res = await step(h, ae, quoteId, 'submit-for-approval');
  assert.equal(res.json().status, 'approved', res.body);
  assert.deepEqual(res.json().required_roles, []);
  const self = res.json().history.find((e: { transition: string }) => e.transition === 'approve');
  assert.equal(self.actor, 'user-ae');
  assert.equal(self.details.self_approved, true);
});

test('editing a submitted quote sends it back to draft as a new version and drops its approvals', async () => {
  const { quoteId } = await draftQuote(h, ae, 3500);
  await step(h, ae, quoteId, 'submit-for-approval');
  assert.equal((await step(h, manager, quoteId, 'approve')).statusCode, 200);
  const edited = await h.call('PATCH', `/api/v1/revops/quotes/${quoteId}`, { as: ae, body: { discount_bp: 2500, rationale: 'customer asked for fewer seats' } });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.deepEqual([edited.json().status, edited.json().version, edited.json().discount_minor], ['draft', 2, 325_000]);
  assert.equal(edited.json().history.at(-1).details.approvals_dropped, 1);
  assert.deepEqual(edited.json().history.at(-1).details.dropped_approvers, ['user-sales-manager']);
  const resubmitted = await step(h, ae, quoteId, 'submit-for-approval');
  assert.deepEqual(resubmitted.json().missing_approvals.map((m: { role: string }) => m.role), ['finance', 'sales_manager'], 'the earlier approval no longer counts');
  // A rejection ends the round; the owner may edit and try again.
  const rejected = await step(h, finance, quoteId, 'reject', { rationale: 'below the margin floor' });
  assert.equal(rejected.json().status, 'rejected', rejected.body);
  assert.equal((await step(h, manager, quoteId, 'approve')).statusCode, 409);
  assert.equal((await h.call('PATCH', `/api/v1/revops/quotes/${quoteId}`, { as: manager, body: { discount_bp: 0 } })).statusCode, 403);
});

test('quotes, leads and opportunities page newest first by keyset: every record once, the last page says so', async () => {
  const all = (await h.call('GET', '/api/v1/revops/quotes?limit=1000', { as: ae })).json();
  assert.equal(all.next_before, null, 'a page that is not full is the last');
  for (const [path, key, id] of [
    ['quotes', 'quotes', 'quote_id'],
    ['leads', 'leads', 'lead_id'],
    ['opportunities', 'opportunities', 'opportunity_id'],
  ] as const) {
    const everything = (await h.call('GET', `/api/v1/revops/${path}?limit=1000`, { as: ae })).json()[key].map((r: Record<string, string>) => r[id]);
    assert.ok(everything.length >= 3, `${path}: enough to page`);
    const paged: string[] = [];
    let before: string | null = null;
    do {
      const res = await h.call('GET', `/api/v1/revops/${path}?limit=2${before === null ? '' : `&before=${before}`}`, { as: ae });
      assert.equal(res.statusCode, 200, res.body);
      paged.push(...res.json()[key].map((r: Record<string, string>) => r[id]));
      before = res.json().next_before;
    } while (before !== null);
    assert.deepEqual(paged, everything, `${path}: the pages are the whole list in order`);
  }
  const bad = await h.call('GET', '/api/v1/revops/quotes?before=not-a-cursor', { as: ae });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
});

test('one person holding both approver roles cannot approve twice; a cancelled quote stays cancelled', async () => {
  const created = await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'user-both', display_name: 'Bo Both', roles: ['sales_manager', 'finance'] } });
  assert.equal(created.statusCode, 201, created.body);
  const { quoteId } = await draftQuote(h, ae, 4000);
  await step(h, ae, quoteId, 'submit-for-approval');
  const both = await step(h, ['pilot-a', 'user-both'], quoteId, 'approve');
  assert.equal(both.json().status, 'submitted', 'one person covers one role only');
  assert.equal((await step(h, ['pilot-a', 'user-both'], quoteId, 'approve')).statusCode, 409);
  const cancelled = await step(h, ae, quoteId, 'cancel', { rationale: 'deal lost' });
  assert.equal(cancelled.json().status, 'cancelled');
  const late = await step(h, finance, quoteId, 'approve');
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().state, 'cancelled');
  // An executive who is also a sales manager still cannot approve a quote of their own.
  await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'user-ae-manager', display_name: 'Al Both', roles: ['account_executive', 'sales_manager'] } });
  const mine = await draftQuote(h, ['pilot-a', 'user-ae-manager'], 3000);
  await step(h, ['pilot-a', 'user-ae-manager'], mine.quoteId, 'submit-for-approval');
  const own = await step(h, ['pilot-a', 'user-ae-manager'], mine.quoteId, 'approve');
  assert.equal(own.statusCode, 403);
  assert.match(own.json().detail, /user-ae-manager owns .* and cannot approve it/);
});

test('the roles decide who does what: an engineer neither creates leads nor quotes, finance creates no quote', async () => {
  assert.equal((await h.call('POST', '/api/v1/revops/leads', { as: engineer, body: leadBody() })).statusCode, 403);
  const opportunityId = await opportunity(h, ae);
  const denied = await h.call('POST', '/api/v1/revops/quotes', { as: finance, body: quoteBody(opportunityId, 0) });
  assert.equal(denied.statusCode, 403);
  assert.ok(denied.json().reasons.some((r: string) => r.includes('revops.quote.create')));
});

test('money is integer minor units in one currency: a foreign currency, a float or a huge amount is a 400 problem', async () => {
  const opportunityId = await opportunity(h, ae);
  const usd = await h.call('POST', '/api/v1/revops/quotes', { as: ae, body: { ...quoteBody(opportunityId, 0), currency: 'USD' } });
  assert.equal(usd.statusCode, 400);
  assert.match(usd.json().detail, /must be the opportunity's \(EUR\)/);
  const float = await h.call('POST', '/api/v1/revops/quotes', { as: ae, body: { ...quoteBody(opportunityId, 0), lines: [{ product: 'x', quantity: 1, unit_price_minor: 10.5 }] } });
  assert.equal(float.statusCode, 400);
  const huge = await h.call('POST', '/api/v1/revops/quotes', { as: ae, body: { ...quoteBody(opportunityId, 0), lines: [{ product: 'x', quantity: 1_000_000, unit_price_minor: 1_000_000_000_000 }] } });
  assert.equal(huge.statusCode, 400);
  assert.match(huge.json().detail, /larger than a quote may be/);
});

test('property: any quote body on a real opportunity is created whole with exact totals, or refused as a 4xx problem with nothing written', async () => {
  const opportunityId = await opportunity(h, ae);
  const count = () => withTenantTransaction(h.t.db, 'pilot-a', async () => (await currentTx().query<{ n: number }>('SELECT count(*)::int AS n FROM revops_quotes'))[0]!.n);
  const int = fc.oneof(fc.integer({ min: -5, max: 2_000_000 }), fc.constantFrom(0, 1, 10_000, 10_001, 1e12, 1e15, 2 ** 53, -1, 0.5, Number.NaN));
  const line = fc.record({ product: fc.oneof(fc.constant('seat'), fc.string({ maxLength: 220 })), quantity: int, unit_price_minor: int });
  const body = fc.record({
    opportunity_id: fc.constantFrom(opportunityId, '019a0000-0000-7000-8000-000000000000', 'not-a-uuid'),
    currency: fc.constantFrom('EUR', 'USD', 'eur', 'EURO', ''),
    lines: fc.array(line, { maxLength: 4 }),
    discount_bp: int,
    terms: fc.record({ term_months: int, payment_terms: fc.constantFrom('net_30', 'NET 30', ''), valid_days: int }),
  });
  await fc.assert(
    fc.asyncProperty(body, async (b) => {
      const before = await count();
      const res = await h.call('POST', '/api/v1/revops/quotes', { as: ae, body: b });
      assert.ok(res.statusCode < 500, res.body);
      if (res.statusCode === 201) {
        const q = res.json();
        assert.equal(q.total_minor, q.subtotal_minor - q.discount_minor);
        assert.equal(q.subtotal_minor, b.lines.reduce((n, l) => n + (l.quantity as number) * (l.unit_price_minor as number), 0));
        assert.equal(await count(), before + 1);
      } else {
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.ok([400, 404].includes(res.statusCode), `${res.statusCode} ${res.body}`);
        assert.equal(await count(), before);
      }
    }),
    { seed: 20261206, numRuns: 60 },
  );
});

test('tenant isolation: a pilot-b token gets nothing of pilot-a deals', async () => {
  const { quoteId, opportunityId } = await draftQuote(h, ae, 3000, 'Only In A AG');
  const b: As = ['pilot-b', 'user-ae'];
  for (const url of [`/api/v1/revops/quotes/${quoteId}`, `/api/v1/revops/opportunities/${opportunityId}`, `/api/v1/evidence/revops/deals/${opportunityId}`]) {
    const res = await h.call('GET', url, { as: b });
    assert.equal(res.statusCode, 404, `${url} ${res.body}`);
  }
  for (const url of ['/api/v1/revops/quotes', '/api/v1/revops/opportunities', '/api/v1/revops/leads']) {
    const res = await h.call('GET', url, { as: ['pilot-b', 'user-sales-manager'] });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(!res.body.includes('Only In A') && !res.body.includes(quoteId), url);
  }
  // A pilot-a id as a page cursor names no row of pilot-b: the page is empty, not pilot-a's.
  const paged = await h.call('GET', `/api/v1/revops/quotes?before=${quoteId}`, { as: ['pilot-b', 'user-sales-manager'] });
  assert.deepEqual([paged.statusCode, paged.json().quotes, paged.json().next_before], [200, [], null]);
  assert.equal((await step(h, ['pilot-b', 'user-sales-manager'], quoteId, 'approve')).statusCode, 404);
  const quote = await h.call('POST', '/api/v1/revops/quotes', { as: b, body: quoteBody(opportunityId, 0) });
  assert.equal(quote.statusCode, 404);
});

test('the dashboard counts live records of the tenant only: deals, approvals needed, approval time, approvers, routed leads', async () => {
  // pilot-b, untouched by the tests above.
  const [bAe, bManager, bFinance]: As[] = [['pilot-b', 'user-ae'], ['pilot-b', 'user-sales-manager'], ['pilot-b', 'user-finance']];
  const from = h.clock.now().toISOString();
  const big = await draftQuote(h, bAe, 3000, 'Globex');
  const small = await draftQuote(h, bAe, 1000, 'Initech');
  await h.call('POST', '/api/v1/revops/leads', { as: bAe, body: leadBody({ segment: 'smb', region: 'us' }) });
  await step(h, bAe, big.quoteId, 'submit-for-approval');
  await step(h, bAe, small.quoteId, 'submit-for-approval');
  h.clock.advance(3_600_000);
  await step(h, bManager, big.quoteId, 'approve');
  h.clock.advance(3_600_000);
  assert.equal((await step(h, bFinance, big.quoteId, 'approve')).json().status, 'approved');
  await step(h, bAe, big.quoteId, 'activate', {});
  h.clock.advance(1000);

  assert.equal((await h.call('GET', '/api/v1/revops/dashboard', { as: ['pilot-b', 'user-engineer'] })).statusCode, 403);
  const res = await h.call('GET', `/api/v1/revops/dashboard?period=day&from=${from}`, { as: bManager });
  assert.equal(res.statusCode, 200, res.body);
  const d = res.json();
  assert.deepEqual(d.deals.map((x: { opportunities: number; contracts: number }) => [x.opportunities, x.contracts]), [[2, 1]]);
  assert.equal(d.deals[0].period, `${from.slice(0, 10)}T00:00:00.000Z`);
  assert.deepEqual(d.approvals_needed, { submitted: 2, needing_approval: 1, share: 0.5 });
  assert.deepEqual(d.approval_time_s, { count: 1, average: 7200, p95: 7200 });
  assert.deepEqual(d.approvals_by_approver, [
    { approver: 'user-finance', approvals: 1, rejections: 0 },
    { approver: 'user-sales-manager', approvals: 1, rejections: 0 },
  ]);
  assert.deepEqual(d.leads_by_team, [
    { team: 'enterprise', leads: 2 },
    { team: 'inside-sales', leads: 1 },
  ]);
  assert.equal((await h.call('GET', `/api/v1/revops/dashboard?from=${h.clock.now().toISOString()}&to=${from}`, { as: bManager })).statusCode, 400);
});
