import { apiFor } from '../../api/client.ts';
import type { TenantConfig } from '../../api/types.ts';
import { useSessions } from '../../session/session-store.ts';
import { useCan } from '../../session/use-can.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { TenantConfigForm } from './tenant-config-form.tsx';

const UPDATE = [{ action: 'tenant.config.update' }];

/** A tenant's settings: data region and classes, quotas and branding. */
export function TenantConfigScreen({ tenantId }: { tenantId: string }) {
  const { active } = useSessions();
  const path = `/tenants/${encodeURIComponent(tenantId)}/config`;
  const { can } = useCan(UPDATE);
  const { state, reload } = useAsync(() => apiFor(active?.token).get<TenantConfig>(path), `${path}:${active?.token}`);
  return (
    <section aria-labelledby="config-title">
      <h1 id="config-title">Configuration</h1>
      <AsyncView state={state} label="configuration" onRetry={reload}>
        {(config) => <TenantConfigForm key={config.tenant_id} path={path} initial={config} canSave={can('tenant.config.update')} />}
      </AsyncView>
    </section>
  );
}
