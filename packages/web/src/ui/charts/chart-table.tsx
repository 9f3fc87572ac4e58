import type { ChartSpec } from './chart-spec.ts';

function cell(v: number | null, spec: ChartSpec): string {
  if (v === null) return '–';
  if (spec.format !== undefined) return spec.format(v);
  return `${v.toLocaleString('en')}${spec.unit === undefined ? '' : ` ${spec.unit}`}`;
}

/** The chart's data as a table: a row per label, a column per series. */
export function ChartTable({ spec, className }: { spec: ChartSpec; className?: string }) {
  return (
    <table className={className}>
      <caption>{spec.title}</caption>
      <thead>
        <tr>
          <th scope="col">{spec.labelHeading ?? (spec.kind === 'line' ? 'Period' : 'Name')}</th>
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
              <td key={s.name}>{cell(s.values[i] ?? null, spec)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
