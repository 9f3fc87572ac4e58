import { useState } from 'react';
import type { Flag, FlagSetting } from '../../api/governance-types.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import type { FlagRow } from './flags-screen.tsx';

const show = (value: unknown) => JSON.stringify(value);

/** The variant a boolean flag serves when switched on. */
const onVariant = (flag: Flag) => Object.keys(flag.variants).find((v) => flag.variants[v] === true);

function settingText(flag: Flag): string {
  if (flag.setting === null) return 'definition default';
  const parts = [flag.setting.enabled === false ? 'disabled' : 'enabled'];
  if (flag.setting.variant !== undefined) parts.push(`variant ${flag.setting.variant}`);
  if (flag.setting.rollout !== undefined) parts.push(`${flag.setting.rollout.percent}% ${flag.setting.rollout.variant}`);
  return `${parts.join(', ')} (${flag.setting_source})`;
}

export function FlagTable({ rows, canChange, onChanged }: { rows: FlagRow[]; canChange: boolean; onChanged: () => void }) {
  const action = useGovernedAction();
  const [notice, setNotice] = useState('');

  async function change(flagId: string, call: 'set' | 'revert', setting?: FlagSetting) {
    setNotice('');
    const path = `/flags/${encodeURIComponent(flagId)}`;
    const done = await action.run((api) => (call === 'set' ? api.send('PUT', `${path}/setting`, setting) : api.send('POST', `${path}/revert`)));
    if (done !== undefined) {
      setNotice(call === 'set' ? `Flag ${flagId} changed.` : `Flag ${flagId} reverted.`);
      onChanged();
    }
  }

  function toggle(flag: Flag, on: boolean) {
    const variant = onVariant(flag);
    const base = flag.setting ?? {};
    void change(flag.flag_id, 'set', on ? { ...base, enabled: true, ...(variant !== undefined ? { variant } : {}) } : { ...base, enabled: false });
  }

  return (
    <>
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      <DataTable caption={`Flags (${rows.length})`} columns={['Flag', 'Kind', 'Tenant setting', 'Value for you', 'Reason', ...(canChange ? ['Change'] : [])]}>
        {rows.map(({ flag, evaluation }) => (
          <tr key={flag.flag_id}>
            <th scope="row">
              <code>{flag.flag_id}</code>
              <div className="hint">{flag.description}</div>
            </th>
            <td>{flag.kind}</td>
            <td>{settingText(flag)}</td>
            <td>{evaluation === undefined ? '—' : `${show(evaluation.value)} (${evaluation.variant ?? 'no variant'})`}</td>
            <td>
              {evaluation?.reason ?? '—'}
              {evaluation !== undefined && evaluation.detail !== '' && <div className="hint">{evaluation.detail}</div>}
            </td>
            {canChange && (
              <td>
                <div className="form-actions">
                  {flag.type === 'boolean' && onVariant(flag) !== undefined && (
                    <span className="checkbox">
                      <input
                        type="checkbox"
                        role="switch"
                        id={`flag-${flag.flag_id}`}
                        checked={evaluation?.value === true}
                        disabled={action.pending}
                        onChange={(e) => toggle(flag, e.target.checked)}
                      />
                      <label htmlFor={`flag-${flag.flag_id}`}>
                        On<span className="visually-hidden"> for {flag.flag_id}</span>
                      </label>
                    </span>
                  )}
                  <button type="button" disabled={action.pending || flag.setting_source !== 'tenant'} onClick={() => void change(flag.flag_id, 'revert')}>
                    Revert<span className="visually-hidden"> {flag.flag_id}</span>
                  </button>
                </div>
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      {action.dialog}
    </>
  );
}
