import { DataTable } from '../../ui/data-table.tsx';
import type { HistoryEntry } from './security-types.ts';
import { Time } from '../../ui/time.tsx';

const move = (h: HistoryEntry) => (h.from_state === null || h.from_state === h.to_state ? `${h.transition} (${h.to_state})` : `${h.transition}: ${h.from_state} → ${h.to_state}`);

/** Every transition of a request: when, who, what and why. */
export function RequestHistory({ history }: { history: HistoryEntry[] }) {
  return (
    <DataTable caption="History" columns={['When', 'Who', 'What', 'Rationale']}>
      {history.map((h) => (
        <tr key={h.seq}>
          <th scope="row">
            <Time at={h.at} />
          </th>
          <td>{h.actor}</td>
          <td>{move(h)}</td>
          <td>{h.rationale ?? <span className="muted">—</span>}</td>
        </tr>
      ))}
    </DataTable>
  );
}
