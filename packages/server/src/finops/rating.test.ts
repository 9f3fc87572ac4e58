import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PlanCatalog, planProblems, type Plan } from './plan-catalog.ts';
import { monthBounds, rate, rateSegment, roundHalfUp, tierNumerator } from './rating.ts';

const catalog = PlanCatalog.load();
const demo = catalog.latest('companyos-internal-demo')!;

const tier = fc.record({ up_to: fc.integer({ min: 1, max: 1_000_000 }), unit_amount: fc.integer({ min: 0, max: 100_000 }) });
const price = (meter: string) =>
  fc.record({
    meter: fc.constant(meter),
    model: fc.constantFrom('graduated' as const, 'volume' as const),
    per: fc.constantFrom(1, 10, 1000, 1_000_000),
    included: fc.integer({ min: 0, max: 10_000 }),
    tiers: fc.array(tier, { minLength: 0, maxLength: 4 }).chain((ts) =>
      fc.integer({ min: 0, max: 100_000 }).map((last) => {
        let bound = 0;
        const grown = ts.map((t) => ({ ...t, up_to: (bound += t.up_to) }));
        return [...grown, { up_to: null, unit_amount: last }];
      }),
    ),
  });
const plan: fc.Arbitrary<Plan> = fc.record({
  id: fc.constant('prop'),
  version: fc.integer({ min: 1, max: 9 }),
  name: fc.constant('Prop'),
  currency: fc.constantFrom('EUR', 'USD', 'JPY'),
  base_fee: fc.integer({ min: 0, max: 10_000_000 }),
  minimum: fc.integer({ min: 0, max: 10_000_000 }),
  prices: fc.tuple(price('policy_decision'), price('workflow_run'), price('seat')).map((ps) => [...ps]),
});
const quantities = fc.record({ policy_decision: fc.integer({ min: 0, max: 50_000_000 }), workflow_run: fc.integer({ min: 0, max: 5_000_000 }), seat: fc.integer({ min: 0, max: 5_000 }) });

test('the shipped plan catalog is valid and has the four plans', () => {
  assert.deepEqual(catalog.list().map((p) => p.id), ['companyos-internal-demo', 'enterprise', 'internal', 'pro']);
  for (const p of catalog.list()) assert.deepEqual(planProblems(p), [], p.id);
});

test('generated plans pass the catalog checks', () => {
  fc.assert(fc.property(plan, (p) => planProblems(p).length === 0));
});

test('an invoice total is the sum of its lines, every amount an integer of minor units', () => {
  fc.assert(
    fc.property(plan, quantities, fc.integer({ min: 1, max: 30 }), fc.boolean(), (p, q, split, internal) => {
      const { from, to, days } = monthBounds('2026-04');
      const middle = `2026-04-${String(split + 1).padStart(2, '0')}`;
      const segments = split === 30 ? [{ plan: p, internal, from, to, quantities: q }] : [
        { plan: p, internal, from, to: middle, quantities: q },
        { plan: p, internal, from: middle, to, quantities: q },
      ];
      const rated = rate(segments, days);
      const sum = rated.lines.reduce((s, l) => s + l.amount, 0);
      assert.equal(rated.subtotal, sum);
      assert.equal(rated.total, rated.subtotal + rated.tax);
      for (const l of rated.lines) assert.ok(Number.isSafeInteger(l.amount) && l.amount >= 0, JSON.stringify(l));
      assert.deepEqual(rated.lines.map((l) => l.line_no), rated.lines.map((_, i) => i + 1));
    }),
  );
});

test('rating the same usage again gives the same invoice', () => {
  fc.assert(
    fc.property(plan, quantities, (p, q) => {
      const { from, to, days } = monthBounds('2026-02');
      assert.deepEqual(rate([{ plan: p, internal: false, from, to, quantities: q }], days), rate([{ plan: p, internal: false, from, to, quantities: structuredClone(q) }], days));
    }),
  );
});

test('more usage never costs less, and a line never exceeds its exact price by more than half a minor unit', () => {
  fc.assert(
    fc.property(plan, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (p, i, a, b) => {
      const pr = p.prices[i]!;
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      if (pr.model === 'graduated') assert.ok(tierNumerator(pr, lo) <= tierNumerator(pr, hi));
      const num = tierNumerator(pr, hi);
      const rounded = roundHalfUp(num, BigInt(pr.per));
      const diff = rounded * BigInt(pr.per) - num;
      assert.ok(2n * diff <= BigInt(pr.per) && 2n * diff > -BigInt(pr.per));
    }),
  );
});

test('prorated fees of a split month add up to the whole fee within a minor unit per segment', () => {
  fc.assert(
    fc.property(plan, fc.integer({ min: 1, max: 27 }), (p, split) => {
      const { from, to, days } = monthBounds('2026-02');
      const middle = `2026-02-${String(split + 1).padStart(2, '0')}`;
      const fee = (f: string, t: string) => rateSegment({ plan: p, internal: false, from: f, to: t, quantities: {} }, days).find((l) => l.kind === 'base_fee')!.amount;
      assert.ok(Math.abs(fee(from, middle) + fee(middle, to) - p.base_fee) <= 1);
    }),
  );
});

test('worked example: the demo plan prices decisions and workflow runs per thousand; internal tenants pay no base fee', () => {
  const { from, to, days } = monthBounds('2026-03');
  const external = rate([{ plan: demo, internal: false, from, to, quantities: { policy_decision: 123_456, workflow_run: 789 } }], days);
  // 9,900 base + 123,456 × 50 / 1,000 = 6,172.8 → 6,173 + 789 × 2,500 / 1,000 = 1,972.5 → 1,973.
  assert.deepEqual(external.lines.map((l) => [l.kind, l.meter, l.amount]), [['base_fee', null, 9900], ['usage', 'policy_decision', 6173], ['usage', 'workflow_run', 1973]]);
  assert.equal(external.total, 18_046);
  assert.equal(external.summary, '123,456 policy decisions + 789 workflow runs → €180.46');
  const internal = rate([{ plan: demo, internal: true, from, to, quantities: { policy_decision: 1000, workflow_run: 0 } }], days);
  assert.deepEqual(internal.lines.map((l) => l.amount), [0, 50, 0]);
});

test('graduated and volume tiers, included units and a minimum', () => {
  const pro = catalog.latest('pro')!;
  const enterprise = catalog.latest('enterprise')!;
  const { from, to, days } = monthBounds('2026-03');
  const proLines = rateSegment({ plan: pro, internal: false, from, to, quantities: { policy_decision: 1_600_000, seat: 60 } }, days);
  // Graduated: 1,500,000 billable = 1,000,000 × 0.04 + 500,000 × 0.02 per unit → 40,000 + 10,000.
  assert.equal(proLines.find((l) => l.meter === 'policy_decision')!.amount, 50_000);
  // Volume: 55 billable seats all at the second tier's 12.00.
  assert.equal(proLines.find((l) => l.meter === 'seat')!.amount, 66_000);
  // Enterprise's minimum tops up a quiet month.
  const quiet = rateSegment({ plan: enterprise, internal: false, from, to, quantities: {} }, days);
  assert.deepEqual(quiet.map((l) => [l.kind, l.amount]), [['base_fee', 250_000], ['usage', 0], ['usage', 0], ['usage', 0], ['minimum', 250_000]]);
});
