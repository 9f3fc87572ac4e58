import { currentTx } from '../context.ts';
import { scanEveryDatabase } from '../db/tenant-tx.ts';
import { RECEIPT_DEADLINE_S } from './stored-signals.ts';
import type { Signals } from './signals.ts';
import { allowedWithoutReceipt } from './receipt-absent.ts';

// The console's SLO status: each objective of deploy/observability/slos.yaml, measured from what
// the server has: decisions and receipts from storage over the SLO's window, availability from
// this process's request counters (since it started).

export interface SloDefinition {
  name: string;
  objective: number;
  window: '7d' | '30d';
  description: string;
}

/** The SLOs of slos.yaml (a test keeps the two the same). */
export const SLO_CATALOG: SloDefinition[] = [
  { name: 'decision-latency', objective: 0.95, window: '7d', description: 'Policy decisions within 500 ms (p95 under 500 ms)' },
  { name: 'decision-latency-tight', objective: 0.99, window: '7d', description: 'Our own target: 99% of decisions within 100 ms' },
  { name: 'api-availability', objective: 0.999, window: '30d', description: 'Governed actions do not fail on the server side' },
  { name: 'receipts-completeness', objective: 1, window: '7d', description: "Every privileged action's receipt in its ledger within 60 s" },
];

export type SloState = 'met' | 'at_risk' | 'breached' | 'no_data';

export interface SloStatus extends SloDefinition {
  /** Where the events were counted: stored records over the window, or this process's counters. */
  source: 'stored' | 'process';
  total: number;
  bad: number;
  /** Good events / all events; null without events. */
  attainment: number | null;
  /** Share of the error budget left (1 = untouched, 0 or below = spent); null without events. */
  budget_remaining: number | null;
  state: SloState;
}

/** Below this share of budget left, an SLO is at risk. */
const AT_RISK = 0.25;
const DAY_MS = 86_400_000;

export function sloStatus(def: SloDefinition, source: SloStatus['source'], total: number, bad: number): SloStatus {
  if (total === 0) return { ...def, source, total, bad, attainment: null, budget_remaining: null, state: 'no_data' };
  const allowed = total * (1 - def.objective);
  // An objective of 100% has no budget: one bad event spends all of it.
  const remaining = allowed > 0 ? 1 - bad / allowed : bad === 0 ? 1 : 0;
  const state: SloState = bad > 0 && remaining <= 0 ? 'breached' : remaining < AT_RISK ? 'at_risk' : 'met';
  return { ...def, source, total, bad, attainment: (total - bad) / total, budget_remaining: Math.round(remaining * 10_000) / 10_000, state };
}

/** Every SLO's status at `now`; runs in a platform transaction (the scans of migrations 0014 and 0020), and scans every region's database. */
export async function readSloStatus(now: Date, signals: Signals): Promise<SloStatus[]> {
  const since = (window: string) => new Date(now.getTime() - (window === '30d' ? 30 : 7) * DAY_MS).toISOString();
  // Each region's database holds its tenants' decisions and receipts: the counts add up.
  const counts = await scanEveryDatabase(async () => {
    const tx = currentTx();
    const [decisions] = await tx.query<{ total: number; over500: number; over100: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE latency_ns > 500000000)::int AS over500,
              count(*) FILTER (WHERE latency_ns > 100000000)::int AS over100
       FROM policy_decisions WHERE "timestamp" > $1 AND "timestamp" <= $2`,
      [since('7d'), now.toISOString()],
    );
    const [receipts] = await tx.query<{ total: number; late: number; absent: number }>(
      `SELECT (SELECT count(*)::int FROM receipts WHERE issued_at > $1 AND issued_at <= $2) AS total,
              (SELECT count(*)::int FROM ledger_queue WHERE queued_at > $1 AND queued_at < $3) AS late,
              (SELECT count(*)::int FROM ${allowedWithoutReceipt('a.occurred_at > $1')} m) AS absent`,
      [since('7d'), now.toISOString(), new Date(now.getTime() - RECEIPT_DEADLINE_S * 1000).toISOString()],
    );
    return { total: decisions!.total, over500: decisions!.over500, over100: decisions!.over100, receipts: receipts!.total, late: receipts!.late, absent: receipts!.absent };
  });
  const sum = (key: 'total' | 'over500' | 'over100' | 'receipts' | 'late' | 'absent') => counts.reduce((n, c) => n + c[key], 0);
  const decisions = { total: sum('total'), over500: sum('over500'), over100: sum('over100') };
  const receipts = { total: sum('receipts'), late: sum('late'), absent: sum('absent') };
  const requests = (await signals.actionRequests.get()).values;
  const total = requests.reduce((n, v) => n + v.value, 0);
  const errors = requests.filter((v) => v.labels.outcome === 'error').reduce((n, v) => n + v.value, 0);
  const [latency, tight, availability, completeness] = SLO_CATALOG as [SloDefinition, SloDefinition, SloDefinition, SloDefinition];
  return [
    sloStatus(latency, 'stored', decisions.total, decisions.over500),
    sloStatus(tight, 'stored', decisions.total, decisions.over100),
    sloStatus(availability, 'process', total, errors),
    sloStatus(completeness, 'stored', receipts.total, receipts.late + receipts.absent),
  ];
}
