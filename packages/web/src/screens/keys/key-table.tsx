import type { TenantJwk } from '../../api/governance-types.ts';
import { DataTable } from '../../ui/data-table.tsx';

const when = (seconds: number | undefined) => (seconds === undefined ? '—' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));

export function KeyTable({ keys }: { keys: TenantJwk[] }) {
  return (
    <DataTable caption={`Published keys (${keys.length})`} columns={['Key id', 'Status', 'Algorithm', 'Signs from', 'Retired at']}>
      {keys.map((k) => (
        <tr key={k.kid}>
          <th scope="row">
            <code>{k.kid}</code>
          </th>
          <td>
            <span className={`badge ${k.status === 'active' ? 'active' : 'disabled'}`}>{k.status}</span>
          </td>
          <td>{k.alg}</td>
          <td>{when(k.nbf)}</td>
          <td>{when(k.exp)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
