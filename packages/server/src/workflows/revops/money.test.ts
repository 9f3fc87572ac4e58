import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { computeTotals } from './money.ts';

test('line amounts are exact, the discount is rounded once on the subtotal, halves up', () => {
  const t = computeTotals([{ product: 'seat', quantity: 3, unit_price_minor: 333 }, { product: 'support', quantity: 1, unit_price_minor: 1 }], 2500);
  assert.deepEqual(t.lines.map((l) => l.amount_minor), [999, 1]);
  assert.equal(t.subtotal_minor, 1000);
  assert.equal(t.discount_minor, 250);
  assert.equal(t.total_minor, 750);
  // 5 × 10% = 0.5 → 1; 4 × 10% = 0.4 → 0.
  assert.equal(computeTotals([{ product: 'x', quantity: 1, unit_price_minor: 5 }], 1000).discount_minor, 1);
  assert.equal(computeTotals([{ product: 'x', quantity: 1, unit_price_minor: 4 }], 1000).discount_minor, 0);
});

test('amounts beyond the safe integer range are refused, not rounded', () => {
  assert.throws(() => computeTotals([{ product: 'x', quantity: 1_000_000, unit_price_minor: 1_000_000_000_000 }], 0), /larger than a quote may be/);
  assert.throws(() => computeTotals([], 10_001), /basis points/);
});

test('for any lines and discount: integers, total = subtotal − discount, discount within a half unit of the exact value', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ product: fc.constant('p'), quantity: fc.integer({ min: 1, max: 1000 }), unit_price_minor: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 20 }),
      fc.integer({ min: 0, max: 10_000 }),
      (lines, bp) => {
        const t = computeTotals(lines, bp);
        for (const v of [t.subtotal_minor, t.discount_minor, t.total_minor]) assert.ok(Number.isSafeInteger(v) && v >= 0);
        assert.equal(t.total_minor, t.subtotal_minor - t.discount_minor);
        assert.equal(t.subtotal_minor, t.lines.reduce((n, l) => n + l.amount_minor, 0));
        // |discount × 10000 − subtotal × bp| ≤ 5000, in exact integers.
        const err = BigInt(t.discount_minor) * 10_000n - BigInt(t.subtotal_minor) * BigInt(bp);
        assert.ok(err <= 5000n && err > -5000n, String(err));
      },
    ),
  );
});
