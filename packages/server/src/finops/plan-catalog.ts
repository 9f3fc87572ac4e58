import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { meterOf } from './meters.ts';

const Money = Type.Integer({ minimum: 0, maximum: 1e13, description: 'minor units of the plan currency' });

const Tier = Type.Object(
  {
    /** Upper bound (inclusive) of the tier in billable units; null: no bound (the last tier). */
    up_to: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    /** Price of `per` units in this tier, in minor units. */
    unit_amount: Money,
  },
  { additionalProperties: false },
);

export const Price = Type.Object(
  {
    meter: Type.String(),
    /** graduated: each tier prices the units inside it; volume: every unit at the tier the total reaches. */
    model: Type.Union([Type.Literal('graduated'), Type.Literal('volume')]),
    /** Units a tier's unit_amount is the price of (1000: a price per 1,000 decisions). */
    per: Type.Integer({ minimum: 1 }),
    /** Units free each period before tiers apply. */
    included: Type.Integer({ minimum: 0 }),
    tiers: Type.Array(Tier, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type Price = Static<typeof Price>;

export const Plan = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' }),
    version: Type.Integer({ minimum: 1 }),
    name: Type.String({ minLength: 1 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    /** Charged each month. */
    base_fee: Money,
    /** The base fee for a tenant assigned as internal (default: base_fee). */
    internal_base_fee: Type.Optional(Money),
    /** The least a month costs; a shortfall is its own line. */
    minimum: Money,
    prices: Type.Array(Price, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type Plan = Static<typeof Plan>;

/** Why a plan document cannot be used, or nothing when it can. */
export function planProblems(plan: unknown): string[] {
  if (!Value.Check(Plan, plan)) return [...Value.Errors(Plan, plan)].map((e) => `${e.path || '/'} ${e.message}`);
  const problems: string[] = [];
  const meters = new Set<string>();
  for (const [i, p] of plan.prices.entries()) {
    if (meterOf(p.meter) === undefined) problems.push(`/prices/${i}/meter names no meter (${p.meter})`);
    if (meters.has(p.meter)) problems.push(`/prices/${i}/meter prices ${p.meter} twice`);
    meters.add(p.meter);
    p.tiers.forEach((t, j) => {
      const last = j === p.tiers.length - 1;
      if (last !== (t.up_to === null)) problems.push(`/prices/${i}/tiers/${j}/up_to must be null on the last tier only`);
      const before = j === 0 ? 0 : p.tiers[j - 1]!.up_to;
      if (t.up_to !== null && before !== null && t.up_to <= before) problems.push(`/prices/${i}/tiers/${j}/up_to must grow from tier to tier`);
    });
  }
  return problems;
}

/** The plans on offer, every version of each; loaded once and checked, a bad catalog stops the start. */
export class PlanCatalog {
  private readonly plans = new Map<string, Plan>();

  constructor(plans: unknown[]) {
    for (const p of plans) {
      const problems = planProblems(p);
      if (problems.length > 0) throw new Error(`plan catalog: ${JSON.stringify((p as { id?: unknown }).id)}: ${problems.join('; ')}`);
      const plan = p as Plan;
      const key = `${plan.id}@${plan.version}`;
      if (this.plans.has(key)) throw new Error(`plan catalog: ${key} is defined twice`);
      this.plans.set(key, plan);
    }
  }

  static load(file: URL = new URL('./plans/catalog.json', import.meta.url)): PlanCatalog {
    return new PlanCatalog((JSON.parse(readFileSync(file, 'utf8')) as { plans: unknown[] }).plans);
  }

  get(id: string, version: number): Plan | undefined {
    return this.plans.get(`${id}@${version}`);
  }

  /** The newest version of a plan. */
  latest(id: string): Plan | undefined {
    let best: Plan | undefined;
    for (const p of this.plans.values()) if (p.id === id && (best === undefined || p.version > best.version)) best = p;
    return best;
  }

  /** Every plan's newest version. */
  list(): Plan[] {
    const ids = new Set([...this.plans.values()].map((p) => p.id));
    return [...ids].sort().map((id) => this.latest(id)!);
  }
}

let shipped: PlanCatalog | undefined;

/** The catalog that ships with the server (plans/catalog.json), loaded on first use. */
export function planCatalog(): PlanCatalog {
  shipped ??= PlanCatalog.load();
  return shipped;
}
