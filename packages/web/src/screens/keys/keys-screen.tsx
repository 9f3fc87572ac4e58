import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import type { KeyRotation, TenantJwk } from '../../api/governance-types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { ConfirmDialog } from '../../ui/modal-dialog.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { KeyTable } from './key-table.tsx';

/** The tenant's signing keys (its public JWKS) and their rotation. */
export function KeysScreen({ tenantId }: { tenantId: string }) {
  const path = `/tenants/${encodeURIComponent(tenantId)}`;
  const { state, reload } = useAsync(() => apiRequest<{ keys: TenantJwk[] }>('GET', `${path}/jwks.json`), `keys:${tenantId}`);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const action = useGovernedAction();

  async function rotate() {
    setConfirming(false);
    setNotice('');
    const done = await action.run((api) => api.send<KeyRotation>('POST', `${path}/keys/rotate`));
    if (done !== undefined) {
      setNotice(`Key ${done.kid} is now active; ${done.retired.length} retired.`);
      reload();
    }
  }

  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">Signing keys</h1>
      <p className="hint">Receipts, checkpoints and export packs are signed with the active key. Retired keys stay published so that what they signed still verifies.</p>
      <AsyncView state={state} label="signing keys" onRetry={reload} isEmpty={(d) => d.keys.length === 0} empty="No signing keys yet: one is created when the tenant first signs something.">
        {(jwks) => <KeyTable keys={jwks.keys} />}
      </AsyncView>
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      <button type="button" className="primary" disabled={action.pending} onClick={() => setConfirming(true)}>
        {action.pending ? 'Rotating…' : 'Rotate signing key'}
      </button>
      {confirming && (
        <ConfirmDialog
          title="Rotate the signing key?"
          message="A new key signs from now on; the current one is retired but stays published for verification."
          confirmLabel="Rotate key"
          onConfirm={() => void rotate()}
          onCancel={() => setConfirming(false)}
        />
      )}
      {action.dialog}
    </section>
  );
}
