import { Problem } from '../../http/problem.ts';

// Quote arithmetic in integer minor units (cents for EUR or USD, yen for JPY), never floats.
//
// The one rounding rule: line amounts are exact (quantity × unit price); the discount is taken once,
// on the subtotal, as subtotal × discount_bp / 10 000 rounded to the nearest minor unit with halves
// rounded up (in the customer's favour); the total is subtotal − discount. Computed in BigInt, so
// no step loses precision; a quote whose subtotal passes Number.MAX_SAFE_INTEGER is refused.

export interface QuoteLineInput {
  product: string;
  quantity: number;
  unit_price_minor: number;
}

export interface QuoteLine extends QuoteLineInput {
  amount_minor: number;
}

export interface QuoteTotals {
  lines: QuoteLine[];
  subtotal_minor: number;
  discount_minor: number;
  total_minor: number;
}

const BP = 10_000n;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** A discount in basis points as the percentage the approval policy reasons in (2050 → 20.5). */
export const discountPercent = (discountBp: number): number => discountBp / 100;

export function computeTotals(lines: QuoteLineInput[], discountBp: number): QuoteTotals {
  if (!Number.isInteger(discountBp) || discountBp < 0 || discountBp > 10_000) {
    throw new Problem('invalid-request', 'discount_bp must be an integer from 0 to 10000 (basis points)', { errors: [{ in: 'body', field: 'discount_bp', message: 'out of range' }] });
  }
  let subtotal = 0n;
  const priced = lines.map((l) => {
    const amount = BigInt(l.quantity) * BigInt(l.unit_price_minor);
    subtotal += amount;
    return { ...l, amount };
  });
  if (subtotal > MAX) {
    throw new Problem('invalid-request', `the quote's subtotal (${subtotal} minor units) is larger than a quote may be`, { errors: [{ in: 'body', field: 'lines', message: 'subtotal too large' }] });
  }
  const discount = (subtotal * BigInt(discountBp) + BP / 2n) / BP;
  return {
    lines: priced.map((l) => ({ product: l.product, quantity: l.quantity, unit_price_minor: l.unit_price_minor, amount_minor: Number(l.amount) })),
    subtotal_minor: Number(subtotal),
    discount_minor: Number(discount),
    total_minor: Number(subtotal - discount),
  };
}
