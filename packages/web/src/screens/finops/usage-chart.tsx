import { Chart } from '../../ui/charts/chart.tsx';
import type { MeterReading } from './finops-types.ts';

/** Daily readings as one line per meter (bytes of evidence apart: their scale would flatten the rest). */
export function UsageChart({ readings }: { readings: MeterReading[] }) {
  const counted = readings.filter((r) => r.meter !== 'evidence_storage_bytes');
  const days = [...new Set(counted.map((r) => r.day))].sort();
  const meters = [...new Set(counted.map((r) => r.meter))].sort();
  const at = new Map(counted.map((r) => [`${r.meter} ${r.day}`, r.quantity]));
  const series = meters.map((m) => ({ name: m, values: days.map((d) => at.get(`${m} ${d}`) ?? 0) }));
  return <Chart spec={{ kind: 'line', title: 'Usage per meter and day', labels: days, series, labelHeading: 'Day' }} />;
}
