import type { ChartSpec } from './chart-spec.ts';

const cell = (v: number | null, unit: string | undefined): string => (v === null ? '–' : `${v.toLocaleString('en')}${unit === undefined ? '' : ` ${unit}`}`);

/** The chart's data as a table: a row per label, a column per series. */
export function ChartTable({ spec, className }: { spec: ChartSpec; className?: string }) {
  return (
    <table className={className}>
      <caption>{spec.title}</caption>
      <thead>
        <tr>
          <th scope="col">{spec.kind === 'line' ? 'Period' : 'Name'}</th>
          {spec.series.map((s) => (
            <th key={s.name} scope="col">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {spec.labels.map((label, i) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {spec.series.map((s) => (
              <td key={s.name}>{cell(s.values[i] ?? null, spec.unit)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
