import { useState, type FormEvent } from 'react';
import { ENVS, REGIONS, type Env, type Region, type Tenant } from '../../api/types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';

const EMPTY = { tenant_id: '', display_name: '', data_region: 'eu' as Region, owner_contact: '', env: 'dev' as Env };

export function CreateTenantForm({ onCreated }: { onCreated: (t: Tenant) => void }) {
  const [form, setForm] = useState(EMPTY);
  const action = useGovernedAction();
  const field = <K extends keyof typeof EMPTY>(key: K) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await action.run((api) => api.send<Tenant>('POST', '/tenants', form));
    if (created !== undefined) {
      setForm(EMPTY);
      onCreated(created);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-tenant-title">
      <h2 id="create-tenant-title">Create a tenant</h2>
      <div className="grid">
        <div>
          <label htmlFor="new-tenant-id">Tenant ID</label>
          <input id="new-tenant-id" required pattern="[a-z][a-z0-9\-]{1,62}" aria-describedby="new-tenant-id-hint" {...field('tenant_id')} />
          <p id="new-tenant-id-hint" className="hint">
            Lower-case letters, digits and dashes.
          </p>
        </div>
        <div>
          <label htmlFor="new-tenant-name">Name</label>
          <input id="new-tenant-name" required maxLength={120} {...field('display_name')} />
        </div>
        <div>
          <label htmlFor="new-tenant-owner">Owner contact</label>
          <input id="new-tenant-owner" type="email" required {...field('owner_contact')} />
        </div>
        <div>
          <label htmlFor="new-tenant-region">Data region</label>
          <select id="new-tenant-region" {...field('data_region')}>
            {REGIONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="new-tenant-env">Environment</label>
          <select id="new-tenant-env" {...field('env')}>
            {ENVS.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </div>
      </div>
      <ActionFooter action={action} idle="Create tenant" busy="Creating…" />
    </form>
  );
}
