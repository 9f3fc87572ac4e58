import type { Quote } from './revops-types.ts';
import { minorDigits, toMinor } from '../../ui/format.ts';

// A quote as its form holds it (the text the user typed) and as the API takes it (integer minor
// units in the quote's currency, the discount in basis points).

export interface LineDraft {
  product: string;
  quantity: string;
  price: string;
}

export interface QuoteDraft {
  lines: LineDraft[];
  discount: string;
  months: string;
  payment: string;
  valid: string;
}

export interface QuoteTermsBody {
  lines: Array<{ product: string; quantity: number; unit_price_minor: number }>;
  discount_bp: number;
  terms: { term_months: number; payment_terms: string; valid_days: number };
}

export const blankLine = (): LineDraft => ({ product: '', quantity: '1', price: '' });

export const blankDraft = (): QuoteDraft => ({ lines: [blankLine()], discount: '0', months: '12', payment: 'net_30', valid: '30' });

/** Integer minor units as the decimal text a user types back: 120000 EUR → "1200.00". */
export function toDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Basis points as the percent a user types: 3000 → "30", 1250 → "12.5". */
export function percentText(bp: number): string {
  const cents = bp % 100;
  return cents === 0 ? String((bp - cents) / 100) : `${(bp - cents) / 100}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** The form's text for an existing quote. */
export const draftOf = (q: Quote): QuoteDraft => ({
  lines: q.lines.map((l) => ({ product: l.product, quantity: String(l.quantity), price: toDecimal(l.unit_price_minor, q.currency) })),
  discount: percentText(q.discount_bp),
  months: String(q.terms.term_months),
  payment: q.terms.payment_terms,
  valid: String(q.terms.valid_days),
});

const WHOLE = /^[1-9][0-9]{0,8}$/;
const PAYMENT = /^[a-z0-9_]{1,32}$/;

/** Percent text ("30", "12.5") as basis points, without a float: null unless 0 to 100 with at most 2 decimals. */
export function toBasisPoints(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (m === null) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** The API's body for the draft, or what is wrong with it, in words. */
export function parseDraft(d: QuoteDraft, currency: string): QuoteTermsBody | string {
  const lines: QuoteTermsBody['lines'] = [];
  const example = minorDigits(currency) === 0 ? '1200' : `1200.${'0'.repeat(minorDigits(currency))}`;
  for (const [i, l] of d.lines.entries()) {
    const price = toMinor(l.price, currency);
    if (l.product.trim() === '') return `Line ${i + 1}: name the product.`;
    if (!WHOLE.test(l.quantity.trim())) return `Line ${i + 1}: the quantity is a whole number from 1.`;
    if (price === null) return `Line ${i + 1}: the list price is an amount in ${currency} such as ${example}.`;
    lines.push({ product: l.product.trim(), quantity: Number(l.quantity), unit_price_minor: price });
  }
  if (lines.length === 0) return 'A quote has at least one line.';
  const discount = toBasisPoints(d.discount);
  if (discount === null) return 'The discount is a percentage from 0 to 100, such as 12.5.';
  if (!WHOLE.test(d.months.trim()) || !WHOLE.test(d.valid.trim())) return 'The term and the validity are whole months and days.';
  if (!PAYMENT.test(d.payment.trim())) return 'Payment terms are lower-case letters, digits and underscores, such as net_30.';
  return { lines, discount_bp: discount, terms: { term_months: Number(d.months), payment_terms: d.payment.trim(), valid_days: Number(d.valid) } };
}
