import { useState } from 'react';
import { apiFor } from '../../api/client.ts';
import type { TenantOverview } from '../../api/types.ts';
import { Link } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Time } from '../../ui/time.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { useTenantStatusChange } from './tenant-status-change.tsx';

/** Operators: one tenant's page — status, plan, policy, flags, keys, quotas and recent audit. */
export function TenantPageScreen({ tenantId }: { tenantId: string }) {
  const { active } = useSessions();
  const { state, reload } = useAsync(() => apiFor(active?.token).get<TenantOverview>(`/tenants/${encodeURIComponent(tenantId)}/overview`), `overview:${tenantId}:${active?.token}`);
  const [notice, setNotice] = useState('');
  const status = useTenantStatusChange((t, verb) => {
    setNotice(`Tenant ${t.tenant_id} ${verb}d.`);
    reload();
  });

  return (
    <section aria-labelledby="tenant-page-title">
      <p>
        <Link href="/operator/tenants">← All tenants</Link>
      </p>
      <h1 id="tenant-page-title">
        Tenant <code>{tenantId}</code>
      </h1>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      {status.action.problem !== null && <ProblemAlert problem={status.action.problem} />}
      <AsyncView state={state} label="the tenant" onRetry={reload}>
        {(t) => (
          <>
            <div className="card">
              <h2>Status</h2>
              <dl className="facts">
                <dt>Name</dt>
                <dd>{t.config.display_name}</dd>
                <dt>Status</dt>
                <dd>
                  <span className={`badge ${t.status}`}>{t.status}</span>
                </dd>
                <dt>Region</dt>
                <dd>{t.config.data_region}</dd>
                <dt>Environment</dt>
                <dd>{t.config.env}</dd>
                <dt>Owner</dt>
                <dd>{t.config.owner_contact}</dd>
                <dt>Plan</dt>
                <dd>
                  {t.plan.plan_id} v{t.plan.plan_version}
                  {t.plan.internal ? ' (internal)' : ''} since {t.plan.effective_from}
                </dd>
                <dt>Created</dt>
                <dd>
                  <Time at={t.created_at} />
                </dd>
              </dl>
              {t.status === 'active' ? (
                status.canDisable(t) ? (
                  <button type="button" className="danger" onClick={() => status.ask(t, 'disable')} disabled={status.action.pending}>
                    Disable tenant…
                  </button>
                ) : (
                  <p className="hint">This is the platform tenant you operate from: it cannot be disabled.</p>
                )
              ) : t.status === 'purged' ? (
                <p className="hint">This tenant was purged: its people, graph and keys are gone, and it cannot be enabled again.</p>
              ) : (
                <button type="button" onClick={() => status.ask(t, 'enable')} disabled={status.action.pending}>
                  Enable tenant…
                </button>
              )}
            </div>

            <div className="card">
              <h2>Policy bundle</h2>
              <p>
                Active: <code title={`bundle hash ${t.policy_bundle.hash}`}>{t.policy_bundle.version === null ? 'base bundle' : `version ${t.policy_bundle.version}`}</code>
                {t.policy_bundle.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </p>
              {t.activations.length === 0 ? (
                <p className="empty">No version was ever activated: the tenant runs the base bundle.</p>
              ) : (
                <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="activations-caption">
                  <table>
                    <caption id="activations-caption">Activation history</caption>
                    <thead>
                      <tr>
                        <th scope="col">When</th>
                        <th scope="col">Version</th>
                        <th scope="col">Kind</th>
                        <th scope="col">By</th>
                      </tr>
                    </thead>
                    <tbody>
                      {t.activations.map((a) => (
                        <tr key={`${a.activated_at}-${a.version}-${a.kind}`}>
                          <td>
                            <Time at={a.activated_at} />
                          </td>
                          <td>
                            <code title={a.hash}>v{a.version}</code>
                          </td>
                          <td>{a.kind}</td>
                          <td>{a.actor}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>

            <div className="card">
              <h2>Flags</h2>
              {t.enabled_flags.length === 0 ? <p className="empty">No flag is on for this tenant.</p> : t.enabled_flags.map((f) => <span key={f} className="tag">{f}</span>)}
            </div>

            <div className="card">
              <h2>Signing keys</h2>
              <ul>
                {t.keys.map((k) => (
                  <li key={k.kid}>
                    <code>{k.kid}</code> <span className={`badge ${k.status === 'active' ? 'active' : 'disabled'}`}>{k.status}</span> since{' '}
                    <Time at={new Date(k.nbf * 1000).toISOString()} />
                  </li>
                ))}
              </ul>
            </div>

            <div className="card">
              <h2>Quotas and usage</h2>
              <dl className="facts">
                {t.quotas.map((q) => (
                  <div key={q.quota} style={{ display: 'contents' }}>
                    <dt>{q.quota === 'runs' ? 'Action runs (last hour)' : 'Exports (last day)'}</dt>
                    <dd>
                      <meter min={0} max={q.limit} value={q.used} aria-label={`${q.quota} used`} /> {q.used} of {q.limit}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>

            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="recent-audit-caption">
              <table>
                <caption id="recent-audit-caption">Recent audit events ({t.recent_audit.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Actor</th>
                    <th scope="col">Action</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {t.recent_audit.map((e) => (
                    <tr key={e.event_id}>
                      <td>
                        <Time at={e.occurred_at} />
                      </td>
                      <td>{e.actor ?? <span className="muted">system</span>}</td>
                      <td>
                        <code>{e.action ?? e.type}</code>
                      </td>
                      <td>{e.decision === null ? <span className="muted">—</span> : <span className={`badge ${e.decision}`}>{e.decision}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </AsyncView>
      {status.dialog}
    </section>
  );
}
