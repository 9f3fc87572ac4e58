import { useState } from 'react';
import { apiFor } from '../../api/client.ts';
import { toProblem, type Problem } from '../../api/problem.ts';
import { useSessions } from '../../session/session-store.ts';
import { Chart } from '../../ui/charts/chart.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { currentPeriod, type Invoice } from './finops-types.ts';
import { Time } from '../../ui/time.tsx';
import { money } from '../../ui/format.ts';

/** The running month's invoice draft: its amount, each line, and a button that aggregates and rates now. */
export function RatedPeriod({ invoice, onRated }: { invoice: Invoice | undefined; onRated: () => void }) {
  const { active } = useSessions();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const period = currentPeriod();

  async function rateNow() {
    setProblem(null);
    setPending(true);
    try {
      await apiFor(active?.token).send('POST', '/finops/invoices/rate', { period });
      onRated();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="finops-period">
      <h2 id="finops-period">This month ({period})</h2>
      <button type="button" disabled={pending} onClick={() => void rateNow()}>
        {pending ? 'Rating…' : 'Aggregate and rate now'}
      </button>
      {problem !== null && <ProblemAlert problem={problem} />}
      {invoice === undefined ? (
        <p className="empty" role="status">
          Not rated yet this month.
        </p>
      ) : (
        <>
          <p>
            <span className="finops-total" data-testid="period-total">
              {money(invoice.total, invoice.currency)}
            </span>{' '}
            ({invoice.status}, rated <Time at={invoice.rated_at} />): {invoice.summary}
          </p>
          <Chart
            spec={{
              kind: 'bar',
              title: `Breakdown of ${invoice.number}`,
              labels: invoice.lines.map((l) => l.description),
              series: [{ name: `Amount (${invoice.currency})`, values: invoice.lines.map((l) => l.amount) }],
              format: (v) => money(v, invoice.currency),
              labelHeading: 'Line',
            }}
          />
        </>
      )}
    </section>
  );
}
