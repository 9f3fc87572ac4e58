import { useState, type FormEvent } from 'react';
import type { PolicySimulation } from '../../api/governance-types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';

const example = (tenantId: string) =>
  JSON.stringify(
    {
      action: 'tenant.config.update',
      subject: { id: 'user-viewer', tenant_id: tenantId, roles: ['viewer'], attributes: { region: 'eu' } },
      resource: {},
      tenant: { id: tenantId, status: 'active', data_region: 'eu', allowed_regions: ['eu'], redaction_preset: 'strict' },
      context: { step_up: false },
    },
    null,
    2,
  );

/** Evaluates an input against the active bundle; nothing is logged or changed. */
export function PolicySimulateForm({ tenantId }: { tenantId: string }) {
  const [text, setText] = useState(() => example(tenantId));
  const [parseError, setParseError] = useState<string | null>(null);
  const [result, setResult] = useState<PolicySimulation | null>(null);
  const action = useGovernedAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    let input: unknown;
    try {
      input = JSON.parse(text);
      setParseError(null);
    } catch (error) {
      setParseError(error instanceof Error ? error.message : String(error));
      return;
    }
    const simulated = await action.run((api) => api.send<PolicySimulation>('POST', '/policy/simulate', { inputs: [input] }));
    if (simulated !== undefined) setResult(simulated);
  }

  const first = result?.results[0];
  return (
    <form className="card" onSubmit={submit} aria-label="Simulate a decision">
      <h2>Simulate a decision</h2>
      <label htmlFor="simulate-input">Input (JSON)</label>
      <textarea id="simulate-input" rows={12} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="simulate-hint" />
      <p id="simulate-hint" className="hint">
        Evaluated against the active bundle for the authorization decision. Nothing is logged.
      </p>
      {parseError !== null && <ProblemAlert problem={{ type: 'about:blank', title: 'Invalid JSON', status: 0, detail: parseError }} />}
      <ActionFooter action={action} idle="Simulate" busy="Simulating…" />
      {first !== undefined && (
        <div role="region" aria-label="Decision">
          <p>
            Decision: <span className={`badge ${first.allow === true ? 'allow' : 'deny'}`}>{first.allow === true ? 'allow' : 'deny'}</span>{' '}
            <span className="hint">
              bundle <code>{result?.bundle_hash.slice(0, 16)}…</code>
            </span>
          </p>
          {(first.reasons ?? []).length > 0 && (
            <ul aria-label="Decision reasons">
              {(first.reasons ?? []).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
