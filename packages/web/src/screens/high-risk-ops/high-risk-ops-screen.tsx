import { apiFor } from '../../api/client.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { Chart } from '../../ui/charts/chart.tsx';
import { useAsync } from '../../ui/use-async.ts';

export interface HighRiskDashboardView {
  window: { from: string; to: string };
  requests: number;
  approved: number;
  executed: number;
  reverted: number;
  approval_time_s: { count: number; average: number | null };
  missing_receipts: number;
  by_day: Array<{ day: string; requests: number; approved: number; executed: number; reverted: number }>;
  last_7_days: { decisions: number; decision_p95_ms: number | null; missing_receipts: number; kept: boolean };
}

function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The 7-day promise in one line, from the tenant's stored decisions and receipts. */
function PromiseLine({ week }: { week: HighRiskDashboardView['last_7_days'] }) {
  const p95 = week.decision_p95_ms === null ? 'no decisions' : `policy decisions p95 ${week.decision_p95_ms.toFixed(1)} ms`;
  const receipts = week.missing_receipts === 0 ? 'no missing receipts' : `${week.missing_receipts} missing receipts`;
  return (
    <p className={`promise ${week.kept ? 'kept' : 'broken'}`}>
      <strong>Last 7 days:</strong> {p95} {week.decision_p95_ms === null || week.decision_p95_ms < 500 ? '<' : '≥'} 500 ms, {receipts}
      {week.kept ? ' — kept.' : ' — not kept.'}
    </p>
  );
}

/** High-Risk Ops: what went through temporary-access requests in the last 30 days. */
export function HighRiskOpsScreen({ tenantId }: { tenantId: string }) {
  const { active } = useSessions();
  const { state, reload } = useAsync(() => apiFor(active?.token).get<HighRiskDashboardView>('/high-risk-ops/dashboard'), `hr-dashboard:${tenantId}:${active?.token}`);
  return (
    <section aria-labelledby="hr-ops-title">
      <h1 id="hr-ops-title">High-Risk Ops</h1>
      <AsyncView state={state} label="the High-Risk Ops dashboard" onRetry={reload}>
        {(d) => (
          <>
            <PromiseLine week={d.last_7_days} />
            <dl className="stats" aria-label="Last 30 days">
              {(
                [
                  ['Requests', d.requests],
                  ['Approved', d.approved],
                  ['Executed', d.executed],
                  ['Reverted', d.reverted],
                  ['Average approval time', duration(d.approval_time_s.average)],
                  ['Missing receipts', d.missing_receipts],
                ] as const
              ).map(([term, value]) => (
                <div key={term}>
                  <dt>{term}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <Chart
              spec={{
                kind: 'bar',
                title: 'Requests per day, last 30 days',
                labels: d.by_day.map((x) => x.day),
                series: [
                  { name: 'Requested', values: d.by_day.map((x) => x.requests) },
                  { name: 'Approved', values: d.by_day.map((x) => x.approved) },
                  { name: 'Executed', values: d.by_day.map((x) => x.executed) },
                  { name: 'Reverted', values: d.by_day.map((x) => x.reverted) },
                ],
                labelHeading: 'Day',
              }}
            />
          </>
        )}
      </AsyncView>
    </section>
  );
}
