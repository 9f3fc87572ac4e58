import { useState } from 'react';
import { apiFor } from '../../api/client.ts';
import type { Runbook } from '../../api/types.ts';
import { Link, navigate } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { RelativeTime } from '../../ui/relative-time.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { RunbookEditor } from './runbook-editor.tsx';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const PAGE = 50;

export function RunbookList() {
  const { active } = useSessions();
  const tenant = active?.tenant_id ?? '';
  const [after, setAfter] = useState<string[]>([]);
  const cursor = after.at(-1);
  const { state, reload } = useAsync(
    () => apiFor(active?.token).get<{ runbooks: Runbook[]; next_after: string | null }>(`/runbooks?limit=${PAGE}${cursor === undefined ? '' : `&after=${encodeURIComponent(cursor)}`}`),
    `runbooks:${active?.token}:${cursor ?? ''}`,
  );
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
      <AsyncView state={state} label="runbooks" isEmpty={(d) => d.runbooks.length === 0 && cursor === undefined} empty="No runbooks yet. Write the first one above." onRetry={reload}>
        {(data) => (
          <>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="runbooks-caption">
              <table>
                <caption id="runbooks-caption">Runbooks</caption>
                <thead>
                  <tr>
                    <th scope="col">Slug</th>
                    <th scope="col">Title</th>
                    <th scope="col">Version</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {data.runbooks.map((r) => (
                    <tr key={r.slug}>
                      <th scope="row">
                        <Link href={`${base}/${r.slug}`}>
                          <code>{r.slug}</code>
                        </Link>
                      </th>
                      <td>{r.title}</td>
                      <td>v{r.current_version}</td>
                      <td>
                        <RelativeTime iso={r.updated_at} /> by {r.updated_by}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="pager">
              <button type="button" disabled={after.length === 0} onClick={() => setAfter(after.slice(0, -1))}>
                Previous page
              </button>
              <button type="button" disabled={data.next_after === null} onClick={() => data.next_after !== null && setAfter([...after, data.next_after])}>
                Next page
              </button>
            </div>
          </>
        )}
      </AsyncView>
    </section>
  );
}
