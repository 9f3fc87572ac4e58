import { Type, type Static } from '@sinclair/typebox';
import { asTenant } from '../db/tenant-tx.ts';
import { toCsv } from '../http/csv.ts';
import { Problem } from '../http/problem.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { listTenants } from '../tenancy/tenants.ts';
import { uuidv7 } from '../util/ids.ts';
import { attribute, CostFileError, parseCostCsv } from './cost-attribution.ts';
import { listAllocations, replaceAllocations } from './cost-store.ts';
import { csvReply } from './csv-reply.ts';
import { periodQuantities } from './invoicing.ts';
import { invoiceForPeriod } from './invoices.ts';
import { listReadings } from './meter-readings.ts';
import { monthBounds } from './rating.ts';

const Period = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'a month, YYYY-MM' });

/** A tenant's cost, revenue (its invoice total) and margin for a month, in minor units. */
async function economics(period: string) {
  const allocations = await listAllocations(period);
  const invoice = await invoiceForPeriod(period);
  const cost = allocations.reduce((s, a) => s + a.amount, 0);
  const revenue = invoice?.total ?? 0;
  return { period, currency: invoice?.currency ?? allocations[0]?.currency ?? 'EUR', cost, revenue, margin: revenue - cost, allocations };
}

const Economics = Type.Object({
  period: Type.String(),
  currency: Type.String(),
  cost: Type.Integer(),
  revenue: Type.Integer(),
  margin: Type.Integer(),
  allocations: Type.Array(Type.Object({ service: Type.String(), period: Type.String(), driver: Type.String(), share: Type.Number(), amount: Type.Integer(), currency: Type.String() })),
});

const Totals = Type.Object({ currency: Type.String(), cost: Type.Integer(), revenue: Type.Integer(), margin: Type.Integer() });
type Totals = Static<typeof Totals>;

/** Sums of tenants' figures, one per currency (amounts of two currencies never add up). */
function totalsByCurrency(rows: Totals[]): Totals[] {
  const sums = new Map<string, Totals>();
  for (const r of rows) {
    const t = sums.get(r.currency) ?? { currency: r.currency, cost: 0, revenue: 0, margin: 0 };
    sums.set(r.currency, { currency: r.currency, cost: t.cost + r.cost, revenue: t.revenue + r.revenue, margin: t.margin + r.margin });
  }
  return [...sums.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export const importCost = defineAction({
  name: 'finops.cost.import',
  method: 'POST',
  path: '/finops/cost/imports',
  summary: "Import an infrastructure cost file (CSV: service, period, amount[, currency]) and attribute it to tenants by the usage driving each service",
  scope: 'platform',
  input: Type.Object({ csv: Type.String({ minLength: 1, maxLength: 1_000_000 }) }, { additionalProperties: false }),
  response: Type.Object({
    import_id: Type.String(),
    periods: Type.Array(Type.String()),
    total: Type.Integer(),
    direct: Type.Integer(),
    coverage: Type.Number({ description: 'share of the cost attributed by a direct usage key' }),
    tenants: Type.Array(Type.Object({ tenant_id: Type.String(), period: Type.String(), cost: Type.Integer() })),
  }),
  target: (_ctx, _input, _r, result) => `cost-import:${(result as { import_id: string }).import_id}`,
  run: async (ctx, input) => {
    let bill;
    try {
      bill = parseCostCsv(input.csv);
    } catch (err) {
      if (!(err instanceof CostFileError)) throw err;
      throw new Problem('invalid-request', `the cost file is invalid: ${err.message}`, { errors: [{ in: 'body', field: 'csv', message: err.message }] });
    }
    if (bill.length === 0) throw new Problem('invalid-request', 'the cost file has no lines', { errors: [{ in: 'body', field: 'csv', message: 'has no lines' }] });
    const importId = uuidv7(ctx.now.getTime());
    const tenants = (await listTenants()).map((t) => t.tenant_id);
    const periods = [...new Set(bill.map((l) => l.period))].sort();
    let total = 0;
    let direct = 0;
    const perTenant: Array<{ tenant_id: string; period: string; cost: number }> = [];
    for (const period of periods) {
      const { from, to } = monthBounds(period);
      const usage: Record<string, Record<string, number>> = {};
      for (const t of tenants) usage[t] = await asTenant(t, async () => periodQuantities(await listReadings({ from, to }), from, to));
      const result = attribute(bill.filter((l) => l.period === period), usage);
      total += result.total;
      direct += result.direct;
      for (const t of tenants) {
        const mine = result.allocations.filter((a) => a.tenant_id === t).map(({ tenant_id: _t, ...a }) => a);
        await asTenant(t, () => replaceAllocations(period, importId, mine, ctx.now));
        perTenant.push({ tenant_id: t, period, cost: mine.reduce((s, a) => s + a.amount, 0) });
      }
    }
    return { import_id: importId, periods, total, direct, coverage: total === 0 ? 1 : direct / total, tenants: perTenant };
  },
});

export const tenantCost = defineAction({
  name: 'finops.cost.get',
  method: 'GET',
  path: '/finops/cost',
  summary: "The caller tenant's attributed infrastructure cost, revenue and margin for a month (default: this month; ?format=csv)",
  scope: 'tenant',
  query: Type.Object({ period: Type.Optional(Period), format: Type.Optional(Type.Literal('csv')) }, { additionalProperties: false }),
  response: Economics,
  run: async (ctx) => {
    const e = await economics(ctx.query.period ?? ctx.now.toISOString().slice(0, 7));
    if (ctx.query.format === 'csv') {
      return csvReply(`cost-${ctx.tenantId}-${e.period}.csv`, toCsv(['period', 'service', 'driver', 'share', 'amount', 'currency'], e.allocations.map((a) => [a.period, a.service, a.driver, a.share, a.amount, a.currency])));
    }
    return e;
  },
});

export const costByTenant = defineAction({
  name: 'finops.cost.tenants',
  method: 'GET',
  path: '/finops/cost/tenants',
  summary: 'Operators: cost, revenue and margin of every tenant for a month, and their totals per currency',
  scope: 'platform',
  query: Type.Object({ period: Type.Optional(Period) }, { additionalProperties: false }),
  response: Type.Object({
    period: Type.String(),
    tenants: Type.Array(Type.Object({ tenant_id: Type.String(), ...Totals.properties })),
    totals: Type.Array(Totals, { description: 'the sums over every tenant, one row per currency' }),
  }),
  run: async (ctx) => {
    const period = ctx.query.period ?? ctx.now.toISOString().slice(0, 7);
    const rows = [];
    for (const t of await listTenants()) {
      const { allocations: _a, period: _p, ...e } = await asTenant(t.tenant_id, () => economics(period));
      rows.push({ tenant_id: t.tenant_id, ...e });
    }
    return { period, tenants: rows, totals: totalsByCurrency(rows) };
  },
});

export const costActions = [importCost, tenantCost, costByTenant];
