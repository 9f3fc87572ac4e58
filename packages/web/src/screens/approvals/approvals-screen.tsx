import { AsyncView } from '../../ui/async-view.tsx';
import { announceApprovalsChanged, useApprovalsRevision } from './approvals-revision.ts';
import { ApprovalItem } from './approval-item.tsx';
import { useApprovals } from './use-approvals.ts';

/** Everything waiting for the signed-in person's approval, across flows, as the server gathers it. */
export function ApprovalsScreen() {
  const revision = useApprovalsRevision();
  const { state, reload } = useApprovals(true, revision);
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">Approvals</h1>
      <p className="muted">Requests across flows that wait for your approval. Each decision needs a rationale and is recorded with a receipt.</p>
      <AsyncView state={state} label="approvals" onRetry={reload} isEmpty={(items) => items.length === 0} empty="Nothing waits for your approval.">
        {(items) => (
          <ul className="approvals" aria-label="Waiting for your approval">
            {items.map((item) => (
              <ApprovalItem key={`${item.flow}:${item.id}`} item={item} onDecided={announceApprovalsChanged} />
            ))}
          </ul>
        )}
      </AsyncView>
    </section>
  );
}
