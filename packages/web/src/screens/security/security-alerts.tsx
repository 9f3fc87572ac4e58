import { AsyncView } from '../../ui/async-view.tsx';
import { REQUESTS_PATH, type HighRiskRequest, type MissingReceipts } from './security-types.ts';
import { OpenRequestButton } from './request-bits.tsx';
import { useApiPath } from '../../api/use-api-data.ts';
import { Time } from '../../ui/time.tsx';

/** Requests whose access could not be taken back: the role may still exist. */
function FailedReverts({ revision, onOpen }: { revision: number; onOpen: (id: string) => void }) {
  const { state, reload } = useApiPath<{ requests: HighRiskRequest[] }>(`${REQUESTS_PATH}?status=failed`, revision);
  return (
    <AsyncView state={state} label="failed reverts" onRetry={reload} isEmpty={(d) => d.requests.length === 0} empty="No revert has failed.">
      {(data) => (
        <div className="alert" role="alert">
          <p className="alert-title">
            {data.requests.length === 1 ? 'A revert failed' : `${data.requests.length} reverts failed`}: the database role may still grant access. Drop it by hand and check the
            request.
          </p>
          <ul aria-label="Failed reverts">
            {data.requests.map((r) => (
              <li key={r.request_id}>
                <code>{r.role_name ?? r.request_id}</code> of {r.requester} ({r.target.database}.{r.target.schema}), failed <Time at={r.updated_at} />{' '}
                <OpenRequestButton requestId={r.request_id} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </AsyncView>
  );
}

/** The detector of executed requests missing a receipt for a step (there should be none). */
function ReceiptCheck({ revision, onOpen }: { revision: number; onOpen: (id: string) => void }) {
  const { state, reload } = useApiPath<{ requests: MissingReceipts[] }>('/high-risk-ops/missing-receipts', revision);
  // Not every role may run the check; that is no alert.
  if (state.status === 'error' && state.problem.status === 403) return <p className="hint">Your roles do not include the receipt check.</p>;
  return (
    <AsyncView state={state} label="the receipt check" onRetry={reload} isEmpty={(d) => d.requests.length === 0} empty="Every executed request has all its receipts.">
      {(data) => (
        <div className="hr-warning" role="region" aria-labelledby="hr-receipts-title">
          <p id="hr-receipts-title" className="alert-title">
            {data.requests.length === 1 ? 'A request lacks receipts' : `${data.requests.length} requests lack receipts`}
          </p>
          <ul aria-label="Requests missing receipts">
            {data.requests.map((r) => (
              <li key={r.request_id}>
                <code>{r.request_id}</code> ({r.status}, {r.requester}): {r.missing_steps.map((m) => `${m.step} has ${m.found} of ${m.expected} receipts`).join('; ')}{' '}
                <OpenRequestButton requestId={r.request_id} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </AsyncView>
  );
}

/** What needs a person's attention: failed reverts first, then steps without receipts. */
export function SecurityAlerts({ revision, onOpen }: { revision: number; onOpen: (id: string) => void }) {
  return (
    <div className="card" role="region" aria-labelledby="hr-alerts-title">
      <h2 id="hr-alerts-title">Alerts</h2>
      <FailedReverts revision={revision} onOpen={onOpen} />
      <ReceiptCheck revision={revision} onOpen={onOpen} />
    </div>
  );
}
