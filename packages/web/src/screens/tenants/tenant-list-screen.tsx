import { useState } from 'react';
import { apiFor } from '../../api/client.ts';
import type { TenantListing } from '../../api/types.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { CreateTenantForm } from './create-tenant-form.tsx';
import { TenantRow } from './tenant-row.tsx';
import { useTenantStatusChange } from './tenant-status-change.tsx';

/** Operators: every tenant, create one, disable or enable one. */
export function TenantListScreen() {
  const { active } = useSessions();
  const { state, reload } = useAsync(() => apiFor(active?.token).get<{ tenants: TenantListing[] }>('/tenants'), `tenants:${active?.token}`);
  const [notice, setNotice] = useState('');
  const status = useTenantStatusChange((t, verb) => {
    setNotice(`Tenant ${t.tenant_id} ${verb}d.`);
    reload();
  });
  const action = status.action;

  return (
    <section aria-labelledby="tenants-title">
      <h1 id="tenants-title">Tenants</h1>
      <CreateTenantForm
        onCreated={(t) => {
          setNotice(`Tenant ${t.tenant_id} created.`);
          reload();
        }}
      />
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      <AsyncView state={state} label="tenants" isEmpty={(d) => d.tenants.length === 0} empty="No tenants exist yet. Create the first one above." onRetry={reload}>
        {(data) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="tenants-table-caption">
            <table>
              <caption id="tenants-table-caption">All tenants ({data.tenants.length})</caption>
              <thead>
                <tr>
                  <th scope="col">ID</th>
                  <th scope="col">Name</th>
                  <th scope="col">Env</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Region</th>
                  <th scope="col">Status</th>
                  <th scope="col">Policy bundle</th>
                  <th scope="col">Enabled flags</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {data.tenants.map((t) => (
                  <TenantRow
                    key={t.tenant_id}
                    tenant={t}
                    busy={action.pending}
                    canDisable={status.canDisable(t)}
                    onDisable={() => status.ask(t, 'disable')}
                    onEnable={() => status.ask(t, 'enable')}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AsyncView>
      {status.dialog}
    </section>
  );
}
