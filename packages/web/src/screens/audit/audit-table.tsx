import type { AuditEvent } from '../../api/types.ts';
import { Time } from '../../ui/time.tsx';
import { SubjectLink, useSubjectLinks } from '../subjects/subject-link.tsx';

export function AuditTable({ events, page }: { events: AuditEvent[]; page: number }) {
  const linked = useSubjectLinks();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-table-caption">
      <table>
        <caption id="audit-table-caption">
          Audit events, page {page} ({events.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Event</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Decision</th>
            <th scope="col">Reasons</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.event_id}>
              <td>
                <Time at={e.occurred_at} />
              </td>
              <td>{e.type}</td>
              <td>{e.actor === null ? '—' : <SubjectLink subjectId={e.actor} linked={linked} />}</td>
              <td>{e.action ?? '—'}</td>
              <td>{e.target ?? '—'}</td>
              <td>{e.decision === null ? '—' : <span className={`badge ${e.decision}`}>{e.decision}</span>}</td>
              <td>{e.reasons.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
