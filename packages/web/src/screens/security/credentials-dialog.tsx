import { ModalDialog } from '../../ui/modal-dialog.tsx';
import type { AccessCredentials } from './security-types.ts';

/** The temporary login, shown this once: the server keeps no copy of the password. */
export function CredentialsDialog({ credentials, onClose }: { credentials: AccessCredentials; onClose: () => void }) {
  return (
    <ModalDialog title="Your temporary credentials" onCancel={onClose}>
      <p className="hr-once" role="note">
        <strong>Shown once.</strong> Copy them now: they cannot be displayed again. They stop working at {credentials.valid_until} or on revoke.
      </p>
      <dl className="facts">
        <dt>User</dt>
        <dd>
          <code data-testid="credential-username">{credentials.username}</code>
        </dd>
        <dt>Password</dt>
        <dd>
          <code className="digest" data-testid="credential-password">
            {credentials.password}
          </code>
        </dd>
        <dt>Database</dt>
        <dd>
          <code>{credentials.database}</code>
        </dd>
        <dt>Valid until</dt>
        <dd>{credentials.valid_until}</dd>
      </dl>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          I have copied them
        </button>
      </div>
    </ModalDialog>
  );
}
