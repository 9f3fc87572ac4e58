import { useState } from 'react';
import type { Runbook } from '../../api/types.ts';
import { Link, navigate } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { PagedView } from '../../ui/paged-view.tsx';
import { Time } from '../../ui/time.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { RunbookEditor } from './runbook-editor.tsx';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const PAGE = 50;

export function RunbookList() {
  const { active } = useSessions();
  const tenant = active?.tenant_id ?? '';
  const list = usePagedList<Runbook>(`/runbooks?limit=${PAGE}`, async (api, cursor) => {
    const page = await api.get<{ runbooks: Runbook[]; next_after: string | null }>(`/runbooks?limit=${PAGE}${cursor === null ? '' : `&after=${encodeURIComponent(cursor)}`}`);
    return { items: page.runbooks, next: page.next_after };
  });
  const [newSlug, setNewSlug] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const base = `/tenants/${encodeURIComponent(tenant)}/runbooks`;

  return (
    <section aria-labelledby="runbooks-title">
      <h1 id="runbooks-title">Runbooks</h1>
      {creating === null ? (
        <form
          className="card"
          aria-labelledby="new-runbook-title"
          onSubmit={(e) => {
            e.preventDefault();
            if (SLUG.test(newSlug)) setCreating(newSlug);
          }}
        >
          <h2 id="new-runbook-title">Write a runbook</h2>
          <label htmlFor="new-runbook-slug">Slug</label>
          <input id="new-runbook-slug" required pattern="[a-z0-9][a-z0-9\-]{0,62}" value={newSlug} onChange={(e) => setNewSlug(e.target.value)} aria-describedby="new-runbook-slug-hint" />
          <p id="new-runbook-slug-hint" className="hint">
            Its permanent address: lower-case letters, digits and dashes (alerts name it, e.g. receipts-missing).
          </p>
          <button type="submit" className="primary">
            Start writing
          </button>
        </form>
      ) : (
        <RunbookEditor slug={creating} baseVersion={0} title="" body="" onCancel={() => setCreating(null)} onSaved={(v) => navigate(`${base}/${v.slug}`)} />
      )}
      <PagedView list={list} label="runbooks" empty="No runbooks yet. Write the first one above.">
        {(runbooks) => (
          <DataTable caption="Runbooks" columns={['Slug', 'Title', 'Version', 'Updated']}>
            {runbooks.map((r) => (
              <tr key={r.slug}>
                <th scope="row">
                  <Link href={`${base}/${r.slug}`}>
                    <code>{r.slug}</code>
                  </Link>
                </th>
                <td>{r.title}</td>
                <td>v{r.current_version}</td>
                <td>
                  <Time at={r.updated_at} /> by {r.updated_by}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedView>
    </section>
  );
}
