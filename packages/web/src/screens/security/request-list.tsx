import { useState } from 'react';
import { pagesBefore } from '../../api/pages-before.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { PagedView } from '../../ui/paged-view.tsx';
import { Time } from '../../ui/time.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { REQUEST_STATUSES, REQUESTS_PATH, type HighRiskRequest, type RequestStatus } from './security-types.ts';
import { OpenRequestButton, StatusBadge, targetText } from './request-bits.tsx';

const PAGE = 25;

/** The tenant's requests, newest first, filtered by status, a page at a time; each opens its detail. */
export function RequestList({ revision, onOpen }: { revision: number; onOpen: (id: string) => void }) {
  const [status, setStatus] = useState<RequestStatus | ''>('');
  const path = `${REQUESTS_PATH}?limit=${PAGE}${status === '' ? '' : `&status=${status}`}`;
  const list = usePagedList<HighRiskRequest>(path, pagesBefore(path, 'requests'), revision);
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
      <PagedView list={list} label="requests" empty={status === '' ? 'No requests yet.' : `No ${status} requests.`}>
        {(requests) => (
          <DataTable caption={`Requests (${requests.length})`} columns={['Created', 'Requester', 'Operation', 'Target', 'Status', 'Detail']}>
            {requests.map((r) => (
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
      </PagedView>
    </div>
  );
}
