import type { AuditExport } from '../../api/governance-types.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { absoluteTime } from '../../ui/format.ts';
import { Time } from '../../ui/time.tsx';

export function ExportTable({ exports, onShow }: { exports: AuditExport[]; onShow: (exportId: string) => void }) {
  return (
    <DataTable caption={`Exports (${exports.length})`} columns={['Created', 'Window', 'By', 'Status', 'Details']}>
      {exports.map((e) => (
        <tr key={e.export_id}>
          <th scope="row">
            <Time at={e.created_at} />
          </th>
          <td>
            {e.window.from} – {e.window.to}
          </td>
          <td>{e.requested_by}</td>
          <td>{e.status}</td>
          <td>
            <button type="button" onClick={() => onShow(e.export_id)}>
              Show<span className="visually-hidden"> export of {absoluteTime(e.created_at)}</span>
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
