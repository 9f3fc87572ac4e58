import { useState } from 'react';
import { useSessions } from '../../session/session-store.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ConfirmDialog } from '../../ui/modal-dialog.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { CredentialsDialog } from './credentials-dialog.tsx';
import { requestPath, type AccessCredentials, type HighRiskDetail } from './security-types.ts';

type Verb = 'execute' | 'revoke' | 'cancel';

/** What the signed-in user can do to a request now: execute, revoke or cancel it. */
export function RequestActions({ request, onChanged }: { request: HighRiskDetail; onChanged: (notice: string) => void }) {
  const { active } = useSessions();
  const action = useGovernedAction();
  const [confirming, setConfirming] = useState<'revoke' | 'cancel' | null>(null);
  const [credentials, setCredentials] = useState<AccessCredentials | null>(null);
  const mine = active?.subject_id === request.requester;
  const { status } = request;

  async function run(verb: Verb) {
    setConfirming(null);
    const done = await action.run((api) => api.send<HighRiskDetail & { credentials?: AccessCredentials }>('POST', `${requestPath(request.request_id)}/${verb}`, verb === 'execute' ? undefined : {}));
    if (done === undefined) return;
    if (done.credentials !== undefined) setCredentials(done.credentials);
    onChanged(verb === 'execute' ? 'Access granted.' : verb === 'revoke' ? 'Revoke requested; the access is being removed.' : 'Request cancelled.');
  }

  const canExecute = mine && status === 'approved';
  const canCancel = mine && (status === 'requested' || status === 'approved');
  // Requester, approvers and security may revoke; the API decides.
  const canRevoke = status === 'active';
  if (!canExecute && !canCancel && !canRevoke && credentials === null) return null;
  return (
    <>
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      <div className="form-actions">
        {canExecute && (
          <button type="button" className="primary" disabled={action.pending} onClick={() => void run('execute')}>
            Execute
          </button>
        )}
        {canRevoke && (
          <button type="button" className="danger" disabled={action.pending} onClick={() => setConfirming('revoke')}>
            Revoke
          </button>
        )}
        {canCancel && (
          <button type="button" disabled={action.pending} onClick={() => setConfirming('cancel')}>
            Cancel request
          </button>
        )}
      </div>
      {confirming === 'revoke' && (
        <ConfirmDialog
          title="Revoke this access?"
          message={`The role ${request.role_name ?? ''} is dropped now and its open sessions end.`}
          confirmLabel="Revoke access"
          onConfirm={() => void run('revoke')}
          onCancel={() => setConfirming(null)}
        />
      )}
      {confirming === 'cancel' && (
        <ConfirmDialog title="Cancel this request?" message="It cannot be executed afterwards." confirmLabel="Cancel request" onConfirm={() => void run('cancel')} onCancel={() => setConfirming(null)} />
      )}
      {credentials !== null && <CredentialsDialog credentials={credentials} onClose={() => setCredentials(null)} />}
      {action.dialog}
    </>
  );
}
