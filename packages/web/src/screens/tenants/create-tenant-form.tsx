import { useState, type FormEvent } from 'react';
import { ENVS, REGIONS, type Env, type Region, type Tenant } from '../../api/types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';

const EMPTY = {
  tenant_id: '',
  display_name: '',
  data_region: 'eu' as Region,
  owner_contact: '',
  env: 'dev' as Env,
  admin_id: '',
  admin_name: '',
  admin_department: '',
  admin_country: '',
  admin_employment: '',
};

/** The request body: the tenant, and its first admin with the attributes given (none left empty). */
function createBody(f: typeof EMPTY) {
  const { admin_id, admin_name, admin_department, admin_country, admin_employment, ...tenant } = f;
  if (admin_id === '') return tenant;
  const attributes = Object.fromEntries(
    Object.entries({ department: admin_department, country: admin_country, employment_type: admin_employment }).filter(([, v]) => v !== ''),
  );
  return { ...tenant, admin: { subject_id: admin_id, display_name: admin_name === '' ? admin_id : admin_name, attributes } };
}

export function CreateTenantForm({ onCreated }: { onCreated: (t: Tenant) => void }) {
  const [form, setForm] = useState(EMPTY);
  const action = useGovernedAction();
  const field = <K extends keyof typeof EMPTY>(key: K) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await action.run((api) => api.send<Tenant>('POST', '/tenants', createBody(form)));
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
      <fieldset>
        <legend>First administrator (optional)</legend>
        <div className="grid">
          <div>
            <label htmlFor="new-admin-id">Admin subject ID</label>
            <input id="new-admin-id" maxLength={200} {...field('admin_id')} />
          </div>
          <div>
            <label htmlFor="new-admin-name">Admin name</label>
            <input id="new-admin-name" maxLength={120} {...field('admin_name')} />
          </div>
          <div>
            <label htmlFor="new-admin-department">Admin department</label>
            <input id="new-admin-department" maxLength={100} {...field('admin_department')} />
          </div>
          <div>
            <label htmlFor="new-admin-country">Admin country</label>
            <input id="new-admin-country" pattern="[A-Z]{2}" aria-describedby="new-admin-country-hint" {...field('admin_country')} />
            <p id="new-admin-country-hint" className="hint">
              Two capital letters (DE, US).
            </p>
          </div>
          <div>
            <label htmlFor="new-admin-employment">Admin employment</label>
            <select id="new-admin-employment" {...field('admin_employment')}>
              <option value="">not given</option>
              <option>employee</option>
              <option>contractor</option>
              <option>intern</option>
            </select>
          </div>
        </div>
        <p className="hint">The administrator acts from the tenant's data region and gets the CompanyAdmin role.</p>
      </fieldset>
      <ActionFooter action={action} idle="Create tenant" busy="Creating…" />
    </form>
  );
}
