import { useState } from 'react';
import type { Api } from '../../api/client.ts';
import { useSessions } from '../../session/session-store.ts';
import { INBOX_PATH, type PendingApproval } from '../approvals/approval-types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { requestPath, type HighRiskDetail } from './security-types.ts';
import { OpenRequestButton, RequestFacts } from './request-bits.tsx';
import { useApiData } from '../../api/use-api-data.ts';

/** The high-risk requests of the server's approvals inbox: those the policy needs the signed-in person to approve. */
async function loadQueue(api: Api): Promise<HighRiskDetail[]> {
  const { approvals } = await api.get<{ approvals: PendingApproval[] }>(INBOX_PATH);
  const details = await Promise.all(approvals.filter((a) => a.flow === 'high_risk').map((a) => api.get<HighRiskDetail>(requestPath(a.id))));
  return details.filter((d) => d.status === 'requested');
}

function QueueItem({ request, onDecided, onOpen }: { request: HighRiskDetail; onDecided: () => void; onOpen: (id: string) => void }) {
  const [rationale, setRationale] = useState('');
  const action = useGovernedAction();
  const id = `hr-decide-${request.request_id}`;
  const short = request.request_id.slice(-8);

  async function decide(verb: 'approve' | 'deny') {
    const done = await action.run((api) => api.send<HighRiskDetail>('POST', `${requestPath(request.request_id)}/${verb}`, { rationale }));
    if (done !== undefined) onDecided();
  }

  return (
    <li className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {request.operation} for {request.requester} <span className="muted">(…{short})</span>
      </h3>
      <dl className="facts">
        <RequestFacts request={request} />
        <dt>Missing approvals</dt>
        <dd>{request.missing_approvals.join(', ') || 'none'}</dd>
      </dl>
      <label htmlFor={id}>Your rationale</label>
      <textarea id={id} rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      <div className="form-actions">
        <button type="button" className="primary" disabled={action.pending} onClick={() => void decide('approve')}>
          Approve<span className="visually-hidden"> request …{short}</span>
        </button>
        <button type="button" disabled={action.pending} onClick={() => void decide('deny')}>
          Deny<span className="visually-hidden"> request …{short}</span>
        </button>
        <OpenRequestButton requestId={request.request_id} onOpen={onOpen} label="Details" />
      </div>
      {action.dialog}
    </li>
  );
}

/** Requests waiting for an approval the signed-in user could give. */
export function ApprovalsQueue({ revision, onChanged, onOpen }: { revision: number; onChanged: () => void; onOpen: (id: string) => void }) {
  const { active } = useSessions();
  const { state, reload } = useApiData(`queue:${active?.subject_id}`, (api) => loadQueue(api), revision);
  return (
    <div className="card" role="region" aria-labelledby="hr-queue-title">
      <h2 id="hr-queue-title">Waiting for your approval</h2>
      <AsyncView state={state} label="requests to approve" onRetry={reload} isEmpty={(d) => d.length === 0} empty="Nothing waits for your approval.">
        {(queue) => (
          <ul className="hr-queue" aria-label="Requests to approve">
            {queue.map((r) => (
              <QueueItem key={r.request_id} request={r} onDecided={onChanged} onOpen={onOpen} />
            ))}
          </ul>
        )}
      </AsyncView>
    </div>
  );
}
