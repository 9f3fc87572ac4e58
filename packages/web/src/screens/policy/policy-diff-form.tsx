import { useState, type FormEvent } from 'react';
import type { PolicyDiff, PolicyVersion } from '../../api/governance-types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';
import { VersionSelect } from './version-select.tsx';

const short = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

/** Compares two versions: modules, data paths and the recorded decisions that would change. */
export function PolicyDiffForm({ versions }: { versions: PolicyVersion[] }) {
  const [from, setFrom] = useState('base');
  const [to, setTo] = useState('active');
  const [diff, setDiff] = useState<PolicyDiff | null>(null);
  const action = useGovernedAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDiff(null);
    const result = await action.run((api) => api.send<PolicyDiff>('POST', '/policy/diff', { from, to }));
    if (result !== undefined) setDiff(result);
  }

  const { modules } = diff ?? { modules: null };
  return (
    <form className="card" onSubmit={submit} aria-label="Compare versions">
      <h2>Compare versions</h2>
      <div className="grid">
        <VersionSelect id="diff-from" label="From" versions={versions} value={from} onChange={setFrom} />
        <VersionSelect id="diff-to" label="To" versions={versions} value={to} onChange={setTo} />
      </div>
      <ActionFooter action={action} idle="Compare" busy="Comparing…" />
      {diff !== null && modules !== null && (
        <div role="region" aria-label="Differences">
          <dl className="facts">
            <dt>Modules added</dt>
            <dd>{modules.added.join(', ') || 'none'}</dd>
            <dt>Modules removed</dt>
            <dd>{modules.removed.join(', ') || 'none'}</dd>
            <dt>Modules changed</dt>
            <dd>{modules.changed.join(', ') || 'none'}</dd>
            <dt>Decisions replayed</dt>
            <dd>
              {diff.replayed}, of which {diff.decisions.length} change
            </dd>
          </dl>
          {diff.data.length === 0 ? (
            <p className="empty">The data documents are identical.</p>
          ) : (
            <ul aria-label="Data changes">
              {diff.data.map((d) => (
                <li key={d.path}>
                  <code>{d.path}</code>: {short(d.from)} → {short(d.to)}
                </li>
              ))}
            </ul>
          )}
          {diff.decisions.length > 0 && (
            <ul aria-label="Changed decisions">
              {diff.decisions.map((d) => (
                <li key={`${d.source}:${d.ref}`}>
                  {short(d.action)} by {short(d.actor)}: {d.from.allow ? 'allow' : 'deny'} → {d.to.allow ? 'allow' : 'deny'}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
