import { lazy, Suspense } from 'react';
import type { ChartSpec } from './chart-spec.ts';
import { ChartTable } from './chart-table.tsx';

export type { ChartSpec, ChartSeries } from './chart-spec.ts';

const ChartCanvas = lazy(() => import('./chart-canvas.tsx'));

/**
 * A line or bar chart with its data as a table behind it: screen readers read the table (the
 * canvas is hidden from them), sighted users see the chart. chart.js loads the first time one is shown.
 */
export function Chart({ spec }: { spec: ChartSpec }) {
  const empty = spec.labels.length === 0;
  return (
    <figure className="chart">
      <figcaption aria-hidden="true">{spec.title}</figcaption>
      {empty ? (
        <p className="empty">No data in this window.</p>
      ) : (
        <div className="chart-canvas">
          <Suspense fallback={<p className="status">Drawing the chart…</p>}>
            <ChartCanvas spec={spec} />
          </Suspense>
        </div>
      )}
      <ChartTable spec={spec} className="visually-hidden" />
    </figure>
  );
}
