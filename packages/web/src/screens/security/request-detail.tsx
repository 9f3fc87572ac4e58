import { useEffect, useRef, useState } from 'react';
import { AsyncView } from '../../ui/async-view.tsx';
import { requestEntityId } from '../graph/graph-api.ts';
import { RelatedPane } from '../graph/related-pane.tsx';
import { AccessCountdown } from './access-countdown.tsx';
import { EvidenceDownload } from '../../ui/evidence-download.tsx';
import { RequestActions } from './request-actions.tsx';
import { WorkflowHistory } from '../../ui/workflow-history.tsx';
import { requestPath, type HighRiskDetail } from './security-types.ts';
import { RequestFacts, StatusBadge } from './request-bits.tsx';
import { useApiPath } from '../../api/use-api-data.ts';
import { useSessions } from '../../session/session-store.ts';

// While access is active the server may revert it at any moment (its window ends, or a revoke's job runs).
const ACTIVE_POLL_MS = 2000;

/** One request: its facts, what can be done to it now, its evidence pack, its history and what it is linked to. */
export function RequestDetail({ tenantId, requestId, revision, onChanged, onClose }: { tenantId: string; requestId: string; revision: number; onChanged: () => void; onClose: () => void }) {
  const { active } = useSessions();
  const { state, reload } = useApiPath<HighRiskDetail>(requestPath(requestId), revision);
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const status = state.status === 'ready' ? state.data.status : undefined;
  const seen = useRef(status);

  useEffect(() => heading.current?.focus(), [requestId]);
  useEffect(() => {
    if (status !== 'active') return;
    const timer = setInterval(reload, ACTIVE_POLL_MS);
    return () => clearInterval(timer);
  }, [status, reload]);
  // A change the server made by itself (the revert) refreshes the rest of the screen too.
  useEffect(() => {
    if (seen.current !== undefined && status !== undefined && status !== seen.current) onChanged();
    seen.current = status;
  }, [status, onChanged]);

  return (
    <div className="card" role="region" aria-labelledby="hr-detail-title">
      <div className="hr-detail-head">
        <h2 id="hr-detail-title" ref={heading} tabIndex={-1}>
          Request {requestId}
        </h2>
        <button type="button" onClick={onClose}>
          Close<span className="visually-hidden"> request details</span>
        </button>
      </div>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      <AsyncView state={state} label="the request" onRetry={reload}>
        {(r) => (
          <div className="with-related">
            <div>
              <p>
                Status: <StatusBadge status={r.status} />
              </p>
              {r.status === 'active' && r.active_until !== null && <AccessCountdown until={r.active_until} />}
              <dl className="facts">
                <dt>Operation</dt>
                <dd>{r.operation}</dd>
                <dt>Requester</dt>
                <dd>{r.requester}</dd>
                <RequestFacts request={r} />
                {r.status === 'requested' && (
                  <>
                    <dt>Missing approvals</dt>
                    <dd>{r.missing_approvals.join(', ') || 'none'}</dd>
                    <dt>Expires if not executed by</dt>
                    <dd>{r.pending_until}</dd>
                  </>
                )}
                {r.role_name !== null && (
                  <>
                    <dt>Database role</dt>
                    <dd>
                      <code>{r.role_name}</code>
                    </dd>
                  </>
                )}
              </dl>
              <RequestActions
                request={r}
                onChanged={(text) => {
                  setNotice(text);
                  reload();
                  onChanged();
                }}
              />
              <EvidenceDownload path={`/evidence/high-risk-ops/${encodeURIComponent(r.request_id)}`} filename={`evidence-${active?.tenant_id ?? 'tenant'}-high-risk-${r.request_id}.tar.gz`} />
              <WorkflowHistory history={r.history} />
            </div>
            <RelatedPane key={revision} tenantId={tenantId} entityId={requestEntityId(r.request_id)} level={3} />
          </div>
        )}
      </AsyncView>
    </div>
  );
}
