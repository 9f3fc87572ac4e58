/**
 * The meters usage is measured in. Every usage event names one; a meter's daily reading is the
 * sum of its events' quantities, except `seat`, which counts the distinct subjects active that day
 * (any event with a subject) and is billed at its peak over the period.
 */
export interface Meter {
  key: string;
  unit: string;
  description: string;
  /** How a day's events become its reading. */
  daily: 'sum' | 'distinct_subjects';
  /** How a period's daily readings become the period's quantity. */
  period: 'sum' | 'max';
  /** Whether external usage (CloudEvents) may report it. Seats are derived, never reported. */
  reportable: boolean;
}

export const METERS: readonly Meter[] = [
  { key: 'policy_decision', unit: 'decision', description: 'every policy decision, allowed or denied', daily: 'sum', period: 'sum', reportable: true },
  { key: 'workflow_run', unit: 'step', description: 'a step of a high-risk or RevOps workflow', daily: 'sum', period: 'sum', reportable: true },
  { key: 'evidence_storage_bytes', unit: 'byte', description: 'bytes of evidence stored (packs)', daily: 'sum', period: 'sum', reportable: true },
  { key: 'api_request', unit: 'request', description: 'a governed request other than a workflow step or an export', daily: 'sum', period: 'sum', reportable: true },
  { key: 'export', unit: 'export', description: 'an evidence or audit export', daily: 'sum', period: 'sum', reportable: true },
  { key: 'seat', unit: 'subject', description: 'distinct subjects active in a day; billed at the period peak', daily: 'distinct_subjects', period: 'max', reportable: false },
];

const byKey = new Map(METERS.map((m) => [m.key, m]));

export function meterOf(key: string): Meter | undefined {
  return byKey.get(key);
}

/** The meter an allowed governed action counts under (one usage event per action). */
export function meterForAction(a: { name: string; method: string; quota?: string | undefined }): string {
  if (a.quota === 'exports') return 'export';
  if (a.method !== 'GET' && /^(high_risk|revops)\./.test(a.name)) return 'workflow_run';
  return 'api_request';
}
