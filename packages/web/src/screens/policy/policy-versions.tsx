import { useState } from 'react';
import type { PolicyActivation, PolicyVersionList } from '../../api/governance-types.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ConfirmDialog } from '../../ui/modal-dialog.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Time } from '../../ui/time.tsx';

/** The bundle's versions, newest first, each with a rollback to it (confirmed, step-up). */
export function PolicyVersions({ list, onChanged }: { list: PolicyVersionList; onChanged: () => void }) {
  const action = useGovernedAction();
  const [target, setTarget] = useState<number | null>(null);
  const [notice, setNotice] = useState('');

  async function rollback(version: number) {
    setTarget(null);
    setNotice('');
    const done = await action.run((api) => api.send<PolicyActivation>('POST', '/policy/rollback', { version }));
    if (done !== undefined) {
      setNotice(`Version ${done.version} is active again.`);
      onChanged();
    }
  }

  return (
    <div className="card" role="region" aria-label="Versions">
      <h2>Versions</h2>
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      {list.versions.length === 0 ? (
        <p className="empty">No versions proposed yet: the base bundle applies.</p>
      ) : (
        <DataTable caption={`Bundle versions (${list.versions.length})`} columns={['Version', 'Message', 'Author', 'Created', 'Hash', 'Rollback']}>
          {list.versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">v{v.version}</th>
              <td>{v.message}</td>
              <td>{v.author}</td>
              <td>
                <Time at={v.created_at} />
              </td>
              <td>
                <code className="digest">{v.hash.slice(0, 16)}…</code>
              </td>
              <td>
                {list.active?.version === v.version ? (
                  <span className="badge active">active</span>
                ) : (
                  <button type="button" disabled={action.pending} onClick={() => setTarget(v.version)}>
                    Roll back to v{v.version}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {target !== null && (
        <ConfirmDialog
          title={`Roll back to v${target}?`}
          message={`Version ${target} becomes the active policy of this tenant at once; every decision from now on uses it.`}
          confirmLabel="Roll back"
          onConfirm={() => void rollback(target)}
          onCancel={() => setTarget(null)}
        />
      )}
      {action.dialog}
    </div>
  );
}
