import { useState } from 'react';
import { apiFor } from '../../api/client.ts';
import type { RunbookVersion } from '../../api/types.ts';
import { Link } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { Time } from '../../ui/time.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { MarkdownView } from './markdown-view.tsx';
import { RunbookEditor } from './runbook-editor.tsx';
import { VersionDiff } from './version-diff.tsx';

type Current = RunbookVersion & { current_version: number; console_path: string };
type Summary = Omit<RunbookVersion, 'body'>;

/** One runbook: a version rendered (the current one unless another is picked), its versions, and editing. */
export function RunbookPage({ slug }: { slug: string }) {
  const { active } = useSessions();
  const api = apiFor(active?.token);
  const path = `/runbooks/${encodeURIComponent(slug)}`;
  const [round, setRound] = useState(0);
  const current = useAsync(() => api.get<Current>(path), `runbook:${slug}:${active?.token}:${round}`);
  const versions = useAsync(() => api.get<{ versions: Summary[] }>(`${path}/versions`), `runbook-versions:${slug}:${active?.token}:${round}`);
  const [picked, setPicked] = useState<number | null>(null);
  const shown = useAsync(() => (picked === null ? Promise.resolve(null) : api.get<RunbookVersion>(`${path}/versions/${picked}`)), `runbook-version:${slug}:${picked}:${active?.token}`);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');

  return (
    <section aria-labelledby="runbook-title">
      <p>
        <Link href={`/tenants/${encodeURIComponent(active?.tenant_id ?? '')}/runbooks`}>← All runbooks</Link>
      </p>
      <AsyncView state={current.state} label="the runbook" onRetry={current.reload}>
        {(r) => {
          const version = picked !== null && shown.state.status === 'ready' && shown.state.data !== null ? shown.state.data : r;
          return (
            <>
              <h1 id="runbook-title">{r.title}</h1>
              <p className="hint">
                <code>{r.slug}</code> · version {r.current_version} · link: <code>{r.console_path}</code>
              </p>
              <p className="notice" role="status" aria-live="polite">
                {notice}
              </p>
              {editing ? (
                <RunbookEditor
                  slug={r.slug}
                  baseVersion={r.current_version}
                  title={r.title}
                  body={r.body}
                  onCancel={() => setEditing(false)}
                  onSaved={(v) => {
                    setEditing(false);
                    setPicked(null);
                    setNotice(`Saved version ${v.version}.`);
                    setRound((n) => n + 1);
                  }}
                />
              ) : (
                <button type="button" onClick={() => setEditing(true)}>
                  Edit
                </button>
              )}
              <article className="card" aria-labelledby="runbook-version-title">
                <h2 id="runbook-version-title">
                  Version {version.version}
                  {version.version === r.current_version ? ' (current)' : ''}
                </h2>
                <p className="hint">
                  {version.title} — saved <Time at={version.created_at} /> by {version.author}
                  {version.message !== null ? `: ${version.message}` : ''}
                </p>
                <MarkdownView source={version.body} />
              </article>
              {version.version !== r.current_version && <VersionDiff from={version.version} to={r.current_version} before={version.body} after={r.body} />}
            </>
          );
        }}
      </AsyncView>
      <AsyncView state={versions.state} label="versions" onRetry={versions.reload}>
        {(v) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="versions-caption">
            <table>
              <caption id="versions-caption">Versions ({v.versions.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Saved</th>
                  <th scope="col">By</th>
                  <th scope="col">What changed</th>
                  <th scope="col">
                    <span className="visually-hidden">View</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.versions.map((s) => (
                  <tr key={s.version}>
                    <th scope="row">v{s.version}</th>
                    <td>
                      <Time at={s.created_at} />
                    </td>
                    <td>{s.author}</td>
                    <td>{s.message ?? <span className="muted">—</span>}</td>
                    <td>
                      <button type="button" onClick={() => setPicked(s.version === v.versions[0]?.version ? null : s.version)} aria-label={`View version ${s.version}`}>
                        View
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AsyncView>
    </section>
  );
}
