import { useState, type FormEvent } from 'react';
import { DATA_CLASSES, REGIONS, type DataClass, type Region, type TenantConfig } from '../../api/types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';
import { CheckboxGroup } from './checkbox-group.tsx';

// Allowed regions are shown, not edited here: the tenant's active policy version decides them.
type Draft = Pick<TenantConfig, 'data_region' | 'data_classes' | 'limits'>;

const draftOf = (c: TenantConfig): Draft => ({
  data_region: c.data_region,
  data_classes: c.data_classes,
  limits: c.limits,
});

/** `canSave` false: the settings are shown read-only, without a Save the policy would refuse. */
export function TenantConfigForm({ path, initial, canSave }: { path: string; initial: TenantConfig; canSave: boolean }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [notice, setNotice] = useState('');
  const action = useGovernedAction();
  const limit = (key: keyof Draft['limits']) => ({
    value: draft.limits[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, limits: { ...draft.limits, [key]: Number(e.target.value) } }),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice('');
    const next = await action.run((api) => api.send<TenantConfig>('PATCH', path, draft));
    if (next !== undefined) {
      setSaved(next);
      setDraft(draftOf(next));
      setNotice('Configuration saved.');
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-label={`Settings of ${saved.display_name}`}>
      <dl className="facts">
        <dt>Tenant</dt>
        <dd>
          <code>{saved.tenant_id}</code> · {saved.display_name}
        </dd>
        <dt>Environment</dt>
        <dd>{saved.env}</dd>
        <dt>Owner</dt>
        <dd>{saved.owner_contact}</dd>
        <dt>Redaction</dt>
        <dd>{saved.redaction_preset}</dd>
      </dl>

      <fieldset disabled={!canSave}>
        <legend>Data residency</legend>
        <label htmlFor="config-region">Home region</label>
        <select id="config-region" value={draft.data_region} onChange={(e) => setDraft({ ...draft, data_region: e.target.value as Region })}>
          {REGIONS.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <p>
          Allowed regions: {(saved.allowed_regions ?? []).join(', ')} (set by the active policy version; change them under Policy)
        </p>
        <CheckboxGroup<DataClass> legend="Default data classes" options={DATA_CLASSES} value={draft.data_classes} onChange={(v) => setDraft({ ...draft, data_classes: v })} />
      </fieldset>

      <fieldset disabled={!canSave}>
        <legend>Quotas</legend>
        <label htmlFor="config-runs">Runs per hour</label>
        <input id="config-runs" type="number" min={0} max={1000000} required {...limit('max_runs_per_hour')} />
        <label htmlFor="config-exports">Exports per day</label>
        <input id="config-exports" type="number" min={0} max={100000} required {...limit('max_exports_per_day')} />
      </fieldset>

      {canSave ? (
        <ActionFooter action={action} notice={notice} idle="Save configuration" busy="Saving…" />
      ) : (
        <p className="muted">Read-only: your roles do not allow changing these settings.</p>
      )}
    </form>
  );
}
