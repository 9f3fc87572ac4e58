import { useEffect, useRef, useState } from 'react';
import { DataTable } from '../data-table.tsx';

export interface ChartSeries {
  label: string;
  values: number[];
}

export interface ChartProps {
  kind: 'line' | 'bar';
  /** The chart's title: the figure's caption and the table's. */
  title: string;
  /** The x-axis labels (days, tenants, lines ...). */
  labels: string[];
  series: ChartSeries[];
  /** How a value is written in the table (default: grouped digits). */
  format?: (value: number) => string;
}

const PALETTE = ['#1f6feb', '#d4470c', '#1a7f37', '#8250df', '#b35900', '#0a7a8a'];
const grouped = (v: number) => v.toLocaleString('en');

/**
 * A line or bar chart with the same figures in a table below it: the canvas is a picture for
 * sighted readers, the table is what assistive technology reads. Chart.js loads only when a chart
 * is shown, so screens without charts do not pay for it.
 */
export function ChartWithTable(props: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const data = JSON.stringify([props.kind, props.labels, props.series]);
  const format = props.format ?? grouped;
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let live = true;
    import('chart.js/auto').then(
      ({ default: Chart }) => {
        if (!live || canvas.current === null) return;
        chart = new Chart(canvas.current, {
          type: props.kind,
          data: {
            labels: props.labels,
            datasets: props.series.map((s, i) => ({ label: s.label, data: s.values, borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length] })),
          },
          // The value axis reads as the table does (money as money, not minor units).
          options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { ticks: { callback: (v) => format(Number(v)) } } } },
        });
      },
      () => setFailed(true),
    );
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [data]);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      {!failed && (
        <div className="chart-canvas">
          <canvas ref={canvas} aria-hidden="true" data-chart={props.title} />
        </div>
      )}
      <DataTable caption={`${props.title} (table)`} columns={['', ...props.series.map((s) => s.label)]}>
        {props.labels.map((label, row) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {props.series.map((s) => (
              <td key={s.label}>{format(s.values[row] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </DataTable>
    </figure>
  );
}
