import { meterOf } from './meters.ts';
import type { Plan, Price } from './plan-catalog.ts';

/**
 * Rating: turns a month's usage into priced lines, in integer minor units. One rounding rule:
 * every line's exact amount (a fraction of a minor unit) is rounded half up once, and an
 * invoice's totals are sums of its rounded lines.
 */

/** Part of a month under one plan: [from, to) in UTC days. */
export interface Segment {
  plan: Plan;
  internal: boolean;
  from: string;
  to: string;
  /** The segment's quantity per meter (sums of daily readings; seats: the peak day). */
  quantities: Record<string, number>;
}

export interface RatedLine {
  line_no: number;
  kind: 'base_fee' | 'usage' | 'minimum';
  meter: string | null;
  plan_id: string;
  plan_version: number;
  segment_from: string;
  /** Last day of the segment, inclusive. */
  segment_to: string;
  quantity: number;
  billable: number;
  amount: number;
  description: string;
}

export interface Rated {
  currency: string;
  lines: RatedLine[];
  subtotal: number;
  /** A placeholder until tax rules exist: always 0. */
  tax: number;
  total: number;
  /** "N policy decisions + M workflow runs → AMOUNT". */
  summary: string;
}

const DAY_MS = 86_400_000;
const dayIndex = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (index: number): string => new Date(index * DAY_MS).toISOString().slice(0, 10);

/** num / den rounded half up, for num, den ≥ 0. */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/** The exact price of `billable` units under a price's tiers, as a numerator over `per`. */
export function tierNumerator(price: Pick<Price, 'model' | 'tiers'>, billable: number): bigint {
  const units = BigInt(billable);
  if (price.model === 'volume') {
    const tier = price.tiers.find((t) => t.up_to === null || units <= BigInt(t.up_to)) ?? price.tiers[price.tiers.length - 1]!;
    return units * BigInt(tier.unit_amount);
  }
  let num = 0n;
  let floor = 0n;
  for (const t of price.tiers) {
    const cap = t.up_to === null ? units : BigInt(t.up_to);
    const inTier = (units < cap ? units : cap) - floor;
    if (inTier > 0n) num += inTier * BigInt(t.unit_amount);
    if (units <= cap) break;
    floor = cap;
  }
  return num;
}

export function formatMoney(amount: number, currency: string): string {
  const f = new Intl.NumberFormat('en', { style: 'currency', currency });
  return f.format(amount / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
}

const count = (n: number) => new Intl.NumberFormat('en').format(n);
const noun = (meter: string, n: number) => {
  const unit = meterOf(meter)?.unit ?? meter;
  const words: Record<string, string> = { policy_decision: 'policy decision', workflow_run: 'workflow run', api_request: 'API request', evidence_storage_bytes: 'evidence byte' };
  const word = words[meter] ?? unit;
  return n === 1 ? word : `${word}s`;
};

/** The lines of one segment; `periodDays` is the length of its month. */
export function rateSegment(s: Segment, periodDays: number): Omit<RatedLine, 'line_no'>[] {
  const days = dayIndex(s.to) - dayIndex(s.from);
  if (!(days > 0 && days <= periodDays)) throw new Error(`segment ${s.from}..${s.to} is not within one month`);
  const { plan } = s;
  const share = (amount: number) => Number(roundHalfUp(BigInt(amount) * BigInt(days), BigInt(periodDays)));
  const base = { plan_id: plan.id, plan_version: plan.version, segment_from: s.from, segment_to: dayOf(dayIndex(s.to) - 1) };
  const lines: Omit<RatedLine, 'line_no'>[] = [];
  const fee = share(s.internal ? (plan.internal_base_fee ?? plan.base_fee) : plan.base_fee);
  const prorated = days < periodDays ? ` (${days} of ${periodDays} days)` : '';
  lines.push({ ...base, kind: 'base_fee', meter: null, quantity: 0, billable: 0, amount: fee, description: `${plan.name} base fee${prorated} → ${formatMoney(fee, plan.currency)}` });
  for (const price of plan.prices) {
    const quantity = s.quantities[price.meter] ?? 0;
    // Included units are prorated like fees, rounded down (never more free units than the share).
    const included = Math.floor((price.included * days) / periodDays);
    const billable = Math.max(0, quantity - included);
    const amount = Number(roundHalfUp(tierNumerator(price, billable), BigInt(price.per)));
    const free = included > 0 ? `, ${count(Math.min(quantity, included))} included` : '';
    lines.push({ ...base, kind: 'usage', meter: price.meter, quantity, billable, amount, description: `${count(quantity)} ${noun(price.meter, quantity)}${free} → ${formatMoney(amount, plan.currency)}` });
  }
  const minimum = share(plan.minimum);
  const charged = lines.reduce((sum, l) => sum + l.amount, 0);
  if (minimum > charged) {
    lines.push({ ...base, kind: 'minimum', meter: null, quantity: 0, billable: 0, amount: minimum - charged, description: `minimum commitment${prorated} → ${formatMoney(minimum - charged, plan.currency)}` });
  }
  return lines;
}

/** Rates a month made of consecutive segments. */
export function rate(segments: Segment[], periodDays: number): Rated {
  if (segments.length === 0) throw new Error('nothing to rate');
  const currency = segments[0]!.plan.currency;
  if (segments.some((s) => s.plan.currency !== currency)) throw new Error('the plans of one month must share a currency');
  const lines = segments.flatMap((s) => rateSegment(s, periodDays)).map((l, i) => ({ ...l, line_no: i + 1 }));
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const tax = 0;
  const used = new Map<string, number>();
  for (const l of lines) if (l.meter !== null) used.set(l.meter, (used.get(l.meter) ?? 0) + l.quantity);
  const parts = [...used].map(([m, n]) => `${count(n)} ${noun(m, n)}`);
  return { currency, lines, subtotal, tax, total: subtotal + tax, summary: `${parts.length > 0 ? parts.join(' + ') : 'no metered usage'} → ${formatMoney(subtotal + tax, currency)}` };
}

/** The days of a month `YYYY-MM`: its first day, the first day after it, and its length. */
export function monthBounds(period: string): { from: string; to: string; days: number } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const from = Date.UTC(y, m - 1, 1);
  const to = Date.UTC(y, m, 1);
  return { from: dayOf(from / DAY_MS), to: dayOf(to / DAY_MS), days: (to - from) / DAY_MS };
}
