import { useState, type FormEvent } from 'react';
import type { BrandColors, Branding } from '../../api/types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { loadBranding, useBranding } from '../../theme/branding-context.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';
import { useAsync } from '../../ui/use-async.ts';

/** The tenant's product name, colours and logo; saving re-themes the console at once. */
export function BrandingScreen({ tenantId }: { tenantId: string }) {
  const { state, reload } = useAsync(() => loadBranding(tenantId), `branding:${tenantId}`);
  return (
    <section aria-labelledby="branding-title">
      <h1 id="branding-title">Branding</h1>
      <AsyncView state={state} label="branding" onRetry={reload}>
        {(branding) => <BrandingForm key={branding.updated_at ?? 'default'} tenantId={tenantId} initial={branding} />}
      </AsyncView>
    </section>
  );
}

const COLOR_FIELDS: { key: keyof BrandColors; label: string }[] = [
  { key: 'primary', label: 'Primary colour' },
  { key: 'on_primary', label: 'Text on primary' },
  { key: 'background', label: 'Background' },
  { key: 'text', label: 'Text' },
];

function BrandingForm({ tenantId, initial }: { tenantId: string; initial: Branding }) {
  const [name, setName] = useState(initial.product_name);
  const [colors, setColors] = useState(initial.colors);
  const [logo, setLogo] = useState(initial.logo_url?.startsWith('https://') === true ? initial.logo_url : '');
  const [notice, setNotice] = useState('');
  const action = useGovernedAction();
  const { setBranding } = useBranding();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice('');
    // An empty logo field keeps an uploaded logo; a URL replaces it.
    const body = { product_name: name.trim(), colors, ...(logo.trim() !== '' ? { logo_url: logo.trim() } : {}) };
    const saved = await action.run((api) => api.send<Branding>('PUT', `/tenants/${encodeURIComponent(tenantId)}/branding`, body));
    if (saved !== undefined) {
      setBranding(saved);
      setNotice('Branding saved.');
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-label="Branding settings">
      <label htmlFor="brand-name">Product name</label>
      <input id="brand-name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      <fieldset>
        <legend>Colours</legend>
        <div className="grid">
          {COLOR_FIELDS.map((f) => (
            <div key={f.key}>
              <label htmlFor={`brand-${f.key}`}>{f.label}</label>
              <input id={`brand-${f.key}`} type="color" value={colors[f.key]} onChange={(e) => setColors({ ...colors, [f.key]: e.target.value })} />
            </div>
          ))}
        </div>
      </fieldset>
      <label htmlFor="brand-logo">Logo URL (https)</label>
      <input id="brand-logo" type="url" pattern="https://.*" value={logo} onChange={(e) => setLogo(e.target.value)} />
      <ActionFooter action={action} notice={notice} idle="Save branding" busy="Saving…" />
    </form>
  );
}
