import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ChartSpec } from './chart-spec.ts';

// Loaded on demand (see chart.tsx): chart.js stays out of the console's first download.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

// Distinguishable on white and for common colour-vision deficiencies.
const PALETTE = ['#1f4e8c', '#c05a00', '#1b6e3a', '#7a3e9d', '#a4161a', '#4d4d4d'];

/** Draws the spec with chart.js; the canvas is decoration, the table beside it carries the data. */
export default function ChartCanvas({ spec }: { spec: ChartSpec }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current === null) return;
    const chart = new Chart(canvas.current, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({ label: s.name, data: s.values, borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length] })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ...(spec.format === undefined ? {} : { ticks: { callback: (v) => spec.format!(Number(v)) } }) } } },
    });
    return () => chart.destroy();
  }, [spec]);
  return <canvas ref={canvas} aria-hidden="true" data-chart={spec.title} />;
}
