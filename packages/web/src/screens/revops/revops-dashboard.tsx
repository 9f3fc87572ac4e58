import { useState } from 'react';
import { useApiPath } from '../../api/use-api-data.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { Chart } from '../../ui/charts/chart.tsx';
import { REVOPS, type RevopsDashboard } from './revops-types.ts';

const PERIODS = ['day', 'week', 'month'] as const;
const seconds = (s: number | null) => (s === null ? '–' : s < 120 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`);

/** The RevOps governance dashboard over the last 30 days, from the tenant's live records. */
export function RevopsDashboardScreen() {
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>('day');
  const { state, reload } = useApiPath<RevopsDashboard>(`${REVOPS}/dashboard?period=${period}`, 0);
  return (
    <section aria-labelledby="rv-dash-title">
      <h1 id="rv-dash-title">RevOps governance</h1>
      <label htmlFor="rv-dash-period">Period</label>
      <select id="rv-dash-period" value={period} onChange={(e) => setPeriod(e.target.value as (typeof PERIODS)[number])}>
        {PERIODS.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </select>
      <button type="button" onClick={reload}>
        Refresh
      </button>
      <AsyncView state={state} label="the dashboard" onRetry={reload}>
        {(d) => (
          <>
            <div className="card" role="region" aria-labelledby="rv-dash-figures">
              <h2 id="rv-dash-figures">Approvals</h2>
              <dl className="facts">
                <dt>Submitted quotes</dt>
                <dd>{d.approvals_needed.submitted}</dd>
                <dt>Needing approvals</dt>
                <dd>
                  {d.approvals_needed.needing_approval}
                  {d.approvals_needed.share === null ? '' : ` (${(d.approvals_needed.share * 100).toFixed(1)}%)`}
                </dd>
                <dt>Approval time, average</dt>
                <dd>{seconds(d.approval_time_s.average)}</dd>
                <dt>Approval time, 95th percentile</dt>
                <dd>{seconds(d.approval_time_s.p95)}</dd>
              </dl>
            </div>
            <div className="card">
              <Chart
                spec={{
                  kind: 'line',
                  title: `Deals per ${d.window.period}`,
                  labels: d.deals.map((x) => x.period.slice(0, 10)),
                  series: [
                    { name: 'Opportunities', values: d.deals.map((x) => x.opportunities) },
                    { name: 'Contracts', values: d.deals.map((x) => x.contracts) },
                  ],
                }}
              />
              <Chart
                spec={{
                  kind: 'bar',
                  title: 'Approvals per approver',
                  labels: d.approvals_by_approver.map((a) => a.approver),
                  series: [
                    { name: 'Approvals', values: d.approvals_by_approver.map((a) => a.approvals) },
                    { name: 'Rejections', values: d.approvals_by_approver.map((a) => a.rejections) },
                  ],
                }}
              />
              <Chart spec={{ kind: 'bar', title: 'Routed leads per team', labels: d.leads_by_team.map((t) => t.team), series: [{ name: 'Leads', values: d.leads_by_team.map((t) => t.leads) }] }} />
            </div>
          </>
        )}
      </AsyncView>
    </section>
  );
}
