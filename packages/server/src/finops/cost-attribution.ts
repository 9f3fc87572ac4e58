/**
 * Cost attribution: splits each line of an infrastructure bill across tenants by the usage that
 * drives it. A service with a driver meter is split in proportion to each tenant's quantity of
 * that meter in the period (attributed directly); any other line is split evenly over the
 * tenants with usage (indirect). Coverage is the share of the bill attributed directly.
 */

export interface CostLine {
  service: string;
  period: string;
  /** Minor units. */
  amount: number;
  currency: string;
}

/** Which meter drives each service's cost. */
export const COST_DRIVERS: Record<string, string> = {
  compute: 'policy_decision',
  database: 'api_request',
  'evidence-storage': 'evidence_storage_bytes',
  network: 'api_request',
  workflows: 'workflow_run',
};

export interface Allocation {
  tenant_id: string;
  service: string;
  period: string;
  driver: string;
  share: number;
  amount: number;
  currency: string;
}

export interface Attribution {
  allocations: Allocation[];
  total: number;
  direct: number;
  /** direct / total, 0..1. */
  coverage: number;
}

const AMOUNT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses a cost file (CSV with a header: service, period, amount[, currency]); amounts in major units with up to two decimals. */
export function parseCostCsv(text: string, defaultCurrency = 'EUR'): CostLine[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  if (at('service') < 0 || at('period') < 0 || at('amount') < 0) throw new CostFileError(1, 'the header must name service, period and amount');
  return lines.map((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    const row = i + 2;
    const service = cells[at('service')] ?? '';
    const period = cells[at('period')] ?? '';
    const amount = AMOUNT.exec(cells[at('amount')] ?? '');
    const currency = at('currency') < 0 ? defaultCurrency : (cells[at('currency')] ?? '');
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(service)) throw new CostFileError(row, `service "${service}" must be a lower-case name`);
    if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(period)) throw new CostFileError(row, `period "${period}" must be YYYY-MM`);
    if (amount === null) throw new CostFileError(row, 'amount must be a number with at most two decimals');
    if (!/^[A-Z]{3}$/.test(currency)) throw new CostFileError(row, `currency "${currency}" must be an ISO 4217 code`);
    return { service, period, amount: Number(amount[1]) * 100 + Number((amount[2] ?? '').padEnd(2, '0')), currency };
  });
}

export class CostFileError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(`row ${row}: ${message}`);
  }
}

/**
 * Splits `amount` in proportion to `weights` in integer minor units that add up exactly
 * (largest remainder: the units left after flooring go to the largest fractions).
 */
export function splitProportionally(amount: number, weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (total === 0n) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(amount) * BigInt(w));
  const floors = exact.map((e) => e / total);
  let left = BigInt(amount) - floors.reduce((s, f) => s + f, 0n);
  const order = exact.map((e, i) => ({ i, rem: e % total })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors.map(Number);
}

/** Attributes a bill, given each tenant's quantity per meter in the bill's period. */
export function attribute(bill: CostLine[], usage: Record<string, Record<string, number>>): Attribution {
  const tenants = Object.keys(usage).sort();
  const active = tenants.filter((t) => Object.values(usage[t]!).some((q) => q > 0));
  const allocations: Allocation[] = [];
  let total = 0;
  let direct = 0;
  for (const line of bill) {
    total += line.amount;
    const driver = COST_DRIVERS[line.service];
    const weights = driver === undefined ? [] : tenants.map((t) => usage[t]![driver] ?? 0);
    const directly = weights.some((w) => w > 0);
    const over = directly ? tenants : active;
    const split = directly ? splitProportionally(line.amount, weights) : splitProportionally(line.amount, over.map(() => 1));
    if (directly) direct += line.amount;
    const sum = directly ? weights.reduce((s, w) => s + w, 0) : over.length;
    over.forEach((t, i) => {
      if (split[i] === 0 && (directly ? weights[i] === 0 : false)) return;
      allocations.push({ tenant_id: t, service: line.service, period: line.period, driver: directly ? driver! : 'even', share: (directly ? weights[i]! : 1) / sum, amount: split[i]!, currency: line.currency });
    });
  }
  return { allocations, total, direct, coverage: total === 0 ? 1 : direct / total };
}
