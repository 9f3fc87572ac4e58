import assert from 'node:assert/strict';
import type { TestApp } from './test-app.ts';

// A deal through the desk's API, for the RevOps tests: an enterprise lead (promoted at once) and
// its quote.

export type As = [string, string];

export const leadBody = (o: { company?: string; segment?: string; region?: string; value?: number; currency?: string } = {}) => ({
  company: o.company ?? 'Acme GmbH',
  contact: { name: 'Jo Buyer', email: 'jo@acme.example.com' },
  segment: o.segment ?? 'enterprise',
  region: o.region ?? 'eu',
  estimated_value_minor: o.value ?? 1_200_000,
  currency: o.currency ?? 'EUR',
});

export const quoteBody = (opportunityId: string, discountBp: number) => ({
  opportunity_id: opportunityId,
  currency: 'EUR',
  lines: [
    { product: 'platform-seat', quantity: 10, unit_price_minor: 120_000 },
    { product: 'onboarding', quantity: 1, unit_price_minor: 99_999 },
  ],
  discount_bp: discountBp,
  terms: { term_months: 12, payment_terms: 'net_30', valid_days: 30 },
});

/** A new enterprise lead's opportunity id. */
export async function opportunity(h: TestApp, as: As, company = 'Acme GmbH'): Promise<string> {
  const res = await h.call('POST', '/api/v1/revops/leads', { as, body: leadBody({ company }) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().opportunity.opportunity_id as string;
}

/** A draft quote with `discountBp` on a new opportunity. */
export async function draftQuote(h: TestApp, as: As, discountBp: number, company?: string): Promise<{ quoteId: string; opportunityId: string }> {
  const opportunityId = await opportunity(h, as, company);
  const res = await h.call('POST', '/api/v1/revops/quotes', { as, body: quoteBody(opportunityId, discountBp) });
  assert.equal(res.statusCode, 201, res.body);
  return { quoteId: res.json().quote_id as string, opportunityId };
}

export const step = (h: TestApp, as: As, quoteId: string, verb: string, body: unknown = { rationale: 'as agreed with the customer' }) =>
  h.call('POST', `/api/v1/revops/quotes/${quoteId}/${verb}`, { as, body });
