import type { ReactNode } from 'react';

// Records as the portal API returns them: only the fields the tenant's presentation policy shows
// this viewer are there. Columns and facts follow what arrived; nothing is hidden in the browser.

export type Labels<T> = { [K in keyof T]?: string };
type Render<T> = { [K in keyof T]?: (value: NonNullable<T[K]>) => ReactNode };

const plain = (value: unknown): ReactNode => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The shown fields of one record, as a definition list in the labels' order. */
export function MaskedFacts<T extends object>({ record, labels, render = {}, label }: { record: T; labels: Labels<T>; render?: Render<T>; label: string }) {
  const keys = (Object.keys(labels) as (keyof T)[]).filter((k) => k in record);
  return (
    <dl className="facts" aria-label={label}>
      {keys.map((k) => (
        <FactRow key={String(k)} term={labels[k]!} value={record[k] === null || record[k] === undefined ? '—' : (render[k]?.(record[k] as NonNullable<T[typeof k]>) ?? plain(record[k]))} />
      ))}
    </dl>
  );
}

function FactRow({ term, value }: { term: string; value: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Records as a table whose columns are the fields shown (by the labels' order), plus extra columns. */
export function MaskedTable<T extends object>(props: {
  rows: T[];
  labels: Labels<T>;
  visible: readonly string[];
  caption: string;
  render?: Render<T>;
  extra?: { heading: string; cell: (row: T) => ReactNode }[];
  rowKey: (row: T, index: number) => string;
}) {
  const keys = (Object.keys(props.labels) as (keyof T)[]).filter((k) => props.visible.includes(String(k)));
  return (
    <div className="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={String(k)} scope="col">
                {props.labels[k]}
              </th>
            ))}
            {props.extra?.map((e) => (
              <th key={e.heading} scope="col">
                {e.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={props.rowKey(row, i)}>
              {keys.map((k) => (
                <td key={String(k)}>{row[k] === null || row[k] === undefined ? '—' : (props.render?.[k]?.(row[k] as NonNullable<T[typeof k]>) ?? plain(row[k]))}</td>
              ))}
              {props.extra?.map((e) => <td key={e.heading}>{e.cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How many fields of a record type the viewer is shown, said once per view. */
export function ShownFields({ visible }: { visible: readonly string[] }) {
  return <p className="hint">The tenant's presentation policy shows you these fields: {visible.join(', ')}.</p>;
}
