import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  values: number[];
}

/** Colours that keep 3:1 contrast against the console's light background. */
const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#9d174d'];

/** The drawn chart; hidden from assistive technology (the figure's table carries the numbers). */
export default function ChartCanvas(props: { kind: 'bar' | 'line'; labels: string[]; series: ChartSeries[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current === null) return;
    const chart = new Chart(canvas.current, {
      type: props.kind,
      data: {
        labels: props.labels,
        datasets: props.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length], borderColor: COLOURS[i % COLOURS.length] })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    return () => chart.destroy();
  }, [props.kind, props.labels, props.series]);
  return (
    <div className="chart-canvas" aria-hidden="true">
      <canvas ref={canvas} />
    </div>
  );
}
