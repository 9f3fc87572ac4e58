import { lazy, Suspense } from 'react';
import type { ChartSeries } from './chart-canvas.tsx';

export type { ChartSeries } from './chart-canvas.tsx';

// chart.js loads with the first chart shown, not with the console.
const ChartCanvas = lazy(() => import('./chart-canvas.tsx'));

/**
 * A bar or line chart with the same numbers in a table behind it: the canvas is drawn for the
 * eye, the table is what screen readers and keyboard users get.
 */
export function ChartFigure(props: { title: string; kind: 'bar' | 'line'; labels: string[]; series: ChartSeries[]; unit?: string }) {
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <Suspense fallback={<div className="chart-canvas" aria-hidden="true" />}>
        <ChartCanvas kind={props.kind} labels={props.labels} series={props.series} />
      </Suspense>
      <table className="visually-hidden">
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.unit ?? 'Label'}</th>
            {props.series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.labels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {props.series.map((s) => (
                <td key={s.label}>{s.values[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
