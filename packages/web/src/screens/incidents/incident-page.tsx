import { useState } from 'react';
import { apiFor } from '../../api/client.ts';
import type { IncidentDetail } from '../../api/types.ts';
import { Link } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { Time } from '../../ui/time.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { IncidentLinks } from './incident-links.tsx';
import { IncidentTimeline } from './incident-timeline.tsx';

/** One incident: its facts, runbook, affected entities and timeline, and what can be done next. */
export function IncidentPage({ id }: { id: string }) {
  const { active } = useSessions();
  const path = `/incidents/${encodeURIComponent(id)}`;
  const { state, reload } = useAsync(() => apiFor(active?.token).get<IncidentDetail>(path), `incident:${id}:${active?.token}`);
  const action = useGovernedAction();
  const [note, setNote] = useState('');
  const [resolving, setResolving] = useState(false);
  const [notice, setNotice] = useState('');
  const tenantBase = `/tenants/${encodeURIComponent(active?.tenant_id ?? '')}`;

  async function post(verb: string, body: unknown, done: string) {
    const r = await action.run((api) => api.send<IncidentDetail>('POST', `${path}/${verb}`, body));
    if (r !== undefined) {
      setNotice(done);
      reload();
    }
    return r;
  }

  return (
    <section aria-labelledby="incident-title">
      <p>
        <Link href={`${tenantBase}/incidents`}>← All incidents</Link>
      </p>
      <AsyncView state={state} label="the incident" onRetry={reload}>
        {(i) => (
          <>
            <h1 id="incident-title">{i.title}</h1>
            <dl className="facts">
              <dt>Status</dt>
              <dd>
                <span className={`badge inc-${i.status}`}>{i.status}</span>
              </dd>
              <dt>Severity</dt>
              <dd>
                <span className={`badge sev-${i.severity}`}>{i.severity}</span>
              </dd>
              <dt>Opened</dt>
              <dd>
                <Time at={i.opened_at} /> by {i.opened_by} {i.source === 'alert' ? `from alert ${i.alert?.name ?? ''}` : 'by hand'}
              </dd>
              <dt>Runbook</dt>
              <dd>{i.runbook === null ? <span className="muted">none linked</span> : <Link href={`${tenantBase}/runbooks/${i.runbook.slug}`}>{i.runbook.title}</Link>}</dd>
              <dt>Affects</dt>
              <dd>
                {i.entities.length === 0 ? (
                  <span className="muted">no entities linked</span>
                ) : (
                  i.entities.map((e) => (
                    <span key={e.entity_id} className="tag">
                      {e.type} <code>{e.entity_id}</code>
                    </span>
                  ))
                )}
              </dd>
              {i.resolution !== null && (
                <>
                  <dt>Resolution</dt>
                  <dd>
                    {i.resolution} {i.resolved_at !== null && <Time at={i.resolved_at} />}
                  </dd>
                </>
              )}
            </dl>
            <p className="notice" role="status" aria-live="polite">
              {notice}
            </p>
            {action.problem !== null && <ProblemAlert problem={action.problem} />}
            {i.status !== 'resolved' && (
              <div className="card">
                <h2>Next steps</h2>
                <div className="form-actions">
                  {i.status === 'open' && (
                    <button type="button" onClick={() => void post('mitigate', {}, 'Marked mitigated.')} disabled={action.pending}>
                      Mark mitigated
                    </button>
                  )}
                  <button type="button" className="primary" onClick={() => setResolving(true)} disabled={action.pending}>
                    Resolve…
                  </button>
                </div>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void post('notes', { note }, 'Note added.').then((r) => r !== undefined && setNote(''));
                  }}
                >
                  <label htmlFor="incident-note">Add a note</label>
                  <textarea id="incident-note" rows={2} required maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />
                  <button type="submit" disabled={action.pending}>
                    Add note
                  </button>
                </form>
                <IncidentLinks incident={i} pending={action.pending} onLink={(verb, body, done) => void post(verb, body, done)} />
              </div>
            )}
            <IncidentTimeline events={i.timeline} />
          </>
        )}
      </AsyncView>
      {resolving && (
        <ReasonDialog
          title="Resolve the incident?"
          message="Say what fixed it: the rationale is recorded in the receipt and the timeline."
          label="Rationale"
          confirmLabel="Resolve incident"
          onCancel={() => setResolving(false)}
          onConfirm={(rationale) => {
            setResolving(false);
            void post('resolve', { rationale }, 'Incident resolved.');
          }}
        />
      )}
      {action.dialog}
    </section>
  );
}
