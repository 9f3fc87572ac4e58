import { useState } from 'react';
import { AsyncView } from '../../ui/async-view.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { REQUEST_STATUSES, REQUESTS_PATH, type HighRiskRequest, type RequestStatus } from './security-types.ts';
import { OpenRequestButton, StatusBadge, targetText } from './request-bits.tsx';
import { useApiPath } from '../../api/use-api-data.ts';
import { Time } from '../../ui/time.tsx';

/** The tenant's requests, newest first, filtered by status; each opens its detail. */
export function RequestList({ revision, onOpen }: { revision: number; onOpen: (id: string) => void }) {
  const [status, setStatus] = useState<RequestStatus | ''>('');
  const { state, reload } = useApiPath<{ requests: HighRiskRequest[] }>(status === '' ? REQUESTS_PATH : `${REQUESTS_PATH}?status=${status}`, revision);
  return (
    <div className="card" role="region" aria-labelledby="hr-list-title">
      <h2 id="hr-list-title">Requests</h2>
      <label htmlFor="hr-status-filter">Status</label>
      <select id="hr-status-filter" value={status} onChange={(e) => setStatus(e.target.value as RequestStatus | '')}>
        <option value="">any</option>
        {REQUEST_STATUSES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <AsyncView state={state} label="requests" onRetry={reload} isEmpty={(d) => d.requests.length === 0} empty={status === '' ? 'No requests yet.' : `No ${status} requests.`}>
        {(data) => (
          <DataTable caption={`Requests (${data.requests.length})`} columns={['Created', 'Requester', 'Operation', 'Target', 'Status', 'Detail']}>
            {data.requests.map((r) => (
              <tr key={r.request_id}>
                <th scope="row">
                  <Time at={r.created_at} />
                </th>
                <td>{r.requester}</td>
                <td>{r.operation}</td>
                <td>{targetText(r)}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>
                  <OpenRequestButton requestId={r.request_id} onOpen={onOpen} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncView>
    </div>
  );
}
