import { apiFor } from '../../api/client.ts';
import { useSessions } from '../../session/session-store.ts';
import { useAsync } from '../../ui/use-async.ts';
import { INBOX_PATH, type PendingApproval } from './approval-types.ts';

/** The signed-in person's approvals inbox; `enabled` false asks nothing (the preflight said no). */
export function useApprovals(enabled = true, revision = 0) {
  const { active } = useSessions();
  return useAsync(
    async () => (enabled && active !== undefined ? (await apiFor(active.token).get<{ approvals: PendingApproval[] }>(INBOX_PATH)).approvals : []),
    `approvals:${active?.token}:${enabled}:${revision}`,
  );
}
