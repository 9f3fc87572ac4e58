import { DataTable } from './data-table.tsx';
import { Time } from './time.tsx';

/** A step of a workflow instance's history (a high-risk request's, a quote's). */
export interface WorkflowStep {
  seq: number;
  at: string;
  actor: string;
  transition: string;
  from_state: string | null;
  to_state: string;
  rationale: string | null;
}

const move = (h: WorkflowStep) => (h.from_state === null || h.from_state === h.to_state ? `${h.transition} (${h.to_state})` : `${h.transition}: ${h.from_state} → ${h.to_state}`);

/** Every transition of a workflow instance: when, who, what and why. */
export function WorkflowHistory({ history }: { history: WorkflowStep[] }) {
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
