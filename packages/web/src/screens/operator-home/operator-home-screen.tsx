import { apiFor } from '../../api/client.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { Chart } from '../../ui/charts/chart.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { Time } from '../../ui/time.tsx';

export interface SloView {
  name: string;
  description: string;
  objective: number;
  window: string;
  source: 'stored' | 'process';
  total: number;
  bad: number;
  attainment: number | null;
  budget_remaining: number | null;
  state: 'met' | 'at_risk' | 'breached' | 'no_data';
}

const STATE_TEXT: Record<SloView['state'], string> = { met: 'Met', at_risk: 'At risk', breached: 'Breached', no_data: 'No data' };
const percent = (v: number | null, digits = 2): string => (v === null ? '—' : `${(v * 100).toFixed(digits)}%`);

/** The operator's home: every SLO's state and the error budget it has left, from live data. */
export function OperatorHomeScreen() {
  const { active } = useSessions();
  const { state, reload } = useAsync(() => apiFor(active?.token).get<{ at: string; slos: SloView[] }>('/observability/slos'), `slos:${active?.token}`);
  return (
    <section aria-labelledby="operator-home-title">
      <h1 id="operator-home-title">Operator home</h1>
      <AsyncView state={state} label="service levels" onRetry={reload}>
        {({ at, slos }) => (
          <>
            <p>
              Service levels as of <Time at={at} />. Decisions and receipts are counted from stored records over each window;
              availability from this server's requests since it started.{' '}
              <button type="button" onClick={reload}>
                Refresh
              </button>
            </p>
            <DataTable caption="Service level objectives" columns={['SLO', 'Objective', 'Window', 'Events', 'Attainment', 'Error budget left', 'State']}>
              {slos.map((s) => (
                <tr key={s.name}>
                  <th scope="row">
                    {s.name}
                    <br />
                    <small>{s.description}</small>
                  </th>
                  <td>{percent(s.objective, 1)}</td>
                  <td>{s.window}</td>
                  <td>
                    {s.total} ({s.bad} bad)
                  </td>
                  <td>{percent(s.attainment)}</td>
                  <td>{percent(s.budget_remaining, 0)}</td>
                  <td>
                    <span className={`badge slo-${s.state}`}>{STATE_TEXT[s.state]}</span>
                  </td>
                </tr>
              ))}
            </DataTable>
            <Chart
              spec={{
                kind: 'bar',
                title: 'Error budget left per SLO (%)',
                labels: slos.map((s) => s.name),
                series: [{ name: 'Budget left (%)', values: slos.map((s) => (s.budget_remaining === null ? 0 : Math.round(s.budget_remaining * 100))) }],
                labelHeading: 'SLO',
              }}
            />
          </>
        )}
      </AsyncView>
    </section>
  );
}
