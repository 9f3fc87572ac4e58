import assert from 'node:assert/strict';
import { test } from 'node:test';
import { money, toMinor } from '../../ui/format.ts';
import { draftOf, parseDraft, percentText, toBasisPoints, toDecimal, type QuoteDraft } from './quote-draft.ts';
import type { Quote } from './revops-types.ts';

const draft = (o: Partial<QuoteDraft> = {}): QuoteDraft => ({ lines: [{ product: 'seat', quantity: '10', price: '1200.00' }], discount: '30', months: '12', payment: 'net_30', valid: '30', ...o });

test('amounts are minor units of the currency: two decimals for EUR, none for JPY, never a float', () => {
  assert.equal(toMinor('1200.05', 'EUR'), 120_005);
  assert.equal(toMinor('1200.5', 'EUR'), 120_050);
  assert.equal(toMinor('1200.005', 'EUR'), null);
  assert.equal(toMinor('1200', 'JPY'), 1200);
  assert.equal(toMinor('1200.5', 'JPY'), null);
  assert.equal(toMinor('-3', 'EUR'), null);
  assert.equal(toDecimal(120_005, 'EUR'), '1200.05');
  assert.equal(toDecimal(5, 'EUR'), '0.05');
  assert.equal(toDecimal(1200, 'JPY'), '1200');
  assert.equal(money(1_080_000, 'EUR'), '€10,800.00');
  assert.equal(money(1200, 'JPY'), '¥1,200');
});

test('a discount in percent is basis points with at most two decimals, from 0 to 100', () => {
  assert.deepEqual(['30', '12.5', '0.01', '100', '0'].map(toBasisPoints), [3000, 1250, 1, 10_000, 0]);
  assert.deepEqual(['100.01', '12.345', '-1', 'ten', ''].map(toBasisPoints), [null, null, null, null, null]);
  assert.deepEqual([3000, 1250, 1, 0].map(percentText), ['30', '12.5', '0.01', '0']);
});

test("a draft becomes the API's body, or says what is wrong, line by line", () => {
  assert.deepEqual(parseDraft(draft(), 'EUR'), {
    lines: [{ product: 'seat', quantity: 10, unit_price_minor: 120_000 }],
    discount_bp: 3000,
    terms: { term_months: 12, payment_terms: 'net_30', valid_days: 30 },
  });
  const second = { product: 'onboarding', quantity: '1', price: '999.999' };
  assert.equal(parseDraft(draft({ lines: [draft().lines[0]!, second] }), 'EUR'), 'Line 2: the list price is an amount in EUR such as 1200.00.');
  assert.equal(parseDraft(draft(), 'JPY'), 'Line 1: the list price is an amount in JPY such as 1200.');
  assert.equal(parseDraft(draft({ lines: [{ product: 'seat', quantity: '1.5', price: '1' }] }), 'EUR'), 'Line 1: the quantity is a whole number from 1.');
  assert.equal(parseDraft(draft({ discount: '120' }), 'EUR'), 'The discount is a percentage from 0 to 100, such as 12.5.');
  assert.equal(parseDraft(draft({ lines: [] }), 'EUR'), 'A quote has at least one line.');
});

test("an existing quote's form shows what it holds, and reads back to the same body", () => {
  const quote = {
    currency: 'EUR',
    lines: [{ product: 'seat', quantity: 10, unit_price_minor: 120_000, amount_minor: 1_200_000 }],
    discount_bp: 1250,
    terms: { term_months: 24, payment_terms: 'net_60', valid_days: 14 },
  } as Quote;
  const d = draftOf(quote);
  assert.deepEqual(d, { lines: [{ product: 'seat', quantity: '10', price: '1200.00' }], discount: '12.5', months: '24', payment: 'net_60', valid: '14' });
  assert.deepEqual(parseDraft(d, 'EUR'), { lines: [{ product: 'seat', quantity: 10, unit_price_minor: 120_000 }], discount_bp: 1250, terms: quote.terms });
});
