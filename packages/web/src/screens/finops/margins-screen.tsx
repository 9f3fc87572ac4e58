import { apiFor } from '../../api/client.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { Chart } from '../../ui/charts/chart.tsx';
import { useAsync } from '../../ui/use-async.ts';
import type { TenantEconomics } from './finops-types.ts';
import { money } from '../../ui/format.ts';

/** Operators: each tenant's attributed cost, its revenue (invoice total) and the margin, this month. */
export function MarginsScreen() {
  const { active } = useSessions();
  const { state, reload } = useAsync(() => apiFor(active?.token).get<{ period: string; tenants: TenantEconomics[] }>('/finops/cost/tenants'), `margins:${active?.token}`);
  return (
    <section aria-labelledby="margins-title">
      <h1 id="margins-title">Cost and margin</h1>
      <AsyncView state={state} label="tenant economics" onRetry={reload} isEmpty={(d) => d.tenants.length === 0}>
        {(d) => {
          const currency = d.tenants[0]?.currency ?? 'EUR';
          return (
            <Chart
              spec={{
                kind: 'bar',
                title: `Cost, revenue and margin per tenant, ${d.period}`,
                labels: d.tenants.map((t) => t.tenant_id),
                series: [
                  { name: 'Cost', values: d.tenants.map((t) => t.cost) },
                  { name: 'Revenue', values: d.tenants.map((t) => t.revenue) },
                  { name: 'Margin', values: d.tenants.map((t) => t.margin) },
                ],
                format: (v) => money(v, currency),
                labelHeading: 'Tenant',
              }}
            />
          );
        }}
      </AsyncView>
    </section>
  );
}
