import { useApprovalsRevision } from './approvals-revision.ts';
import { useApprovals } from './use-approvals.ts';

/** How many approvals wait for the signed-in person, beside the navigation's Approvals entry. */
export function ApprovalsBadge() {
  const { state } = useApprovals(true, useApprovalsRevision());
  if (state.status !== 'ready' || state.data.length === 0) return null;
  const n = state.data.length;
  return (
    <span className="badge" data-testid="approvals-count">
      {n}
      <span className="visually-hidden"> waiting</span>
    </span>
  );
}
