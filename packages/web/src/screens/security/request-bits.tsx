import type { HighRiskRequest, RequestStatus } from './security-types.ts';

/** A request's state as a word (never colour alone). */
export function StatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`badge hr-${status}`}>{status}</span>;
}

/** "database.schema: a, b" */
export const targetText = (r: Pick<HighRiskRequest, 'target'>) => `${r.target.database}.${r.target.schema}: ${r.target.tables.join(', ')}`;

/** Opens a request's detail; screen readers hear which one. */
export function OpenRequestButton({ requestId, onOpen, label = 'Open' }: { requestId: string; onOpen: (id: string) => void; label?: string }) {
  return (
    <button type="button" onClick={() => onOpen(requestId)}>
      {label}
      <span className="visually-hidden"> request {requestId}</span>
    </button>
  );
}

/** What was asked for and why (rows of a `facts` list). */
export function RequestFacts({ request }: { request: HighRiskRequest }) {
  return (
    <>
      <dt>Target</dt>
      <dd>{targetText(request)}</dd>
      <dt>Duration</dt>
      <dd>{request.duration_minutes} minutes</dd>
      <dt>Rationale</dt>
      <dd>{request.rationale}</dd>
    </>
  );
}
