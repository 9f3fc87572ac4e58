import { useState } from 'react';
import type { TenantListing } from '../../api/types.ts';
import { PagedView } from '../../ui/paged-view.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { CreateTenantForm } from './create-tenant-form.tsx';
import { TenantRow } from './tenant-row.tsx';
import { useTenantStatusChange } from './tenant-status-change.tsx';

const PAGE = 50;

/** Operators: every tenant a page at a time in id order, create one, disable or enable one. */
export function TenantListScreen() {
  const list = usePagedList<TenantListing>('/tenants', async (api, cursor) => {
    const page = await api.get<{ tenants: TenantListing[]; next_after: string | null }>(`/tenants?limit=${PAGE}${cursor === null ? '' : `&after=${encodeURIComponent(cursor)}`}`);
    return { items: page.tenants, next: page.next_after };
  });
  const reload = list.reload;
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
      <PagedView list={list} label="tenants" empty="No tenants exist yet. Create the first one above.">
        {(tenants, page) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="tenants-table-caption">
            <table>
              <caption id="tenants-table-caption">All tenants, by id{page > 1 ? `, page ${page}` : ''}</caption>
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
                {tenants.map((t) => (
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
      </PagedView>
      {status.dialog}
    </section>
  );
}
