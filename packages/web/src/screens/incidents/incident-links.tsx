import { useState } from 'react';
import { apiFor } from '../../api/client.ts';
import type { IncidentDetail, Runbook } from '../../api/types.ts';
import { useSessions } from '../../session/session-store.ts';
import { useAsync } from '../../ui/use-async.ts';

/** Linking an incident to one of the tenant's runbooks, and to a graph entity it affects. */
export function IncidentLinks(props: { incident: IncidentDetail; pending: boolean; onLink: (verb: 'runbook' | 'entities', body: unknown, done: string) => void }) {
  const { active } = useSessions();
  const runbooks = useAsync(() => apiFor(active?.token).get<{ runbooks: Runbook[] }>('/runbooks?limit=1000'), `runbook-choices:${active?.token}`);
  const [slug, setSlug] = useState(props.incident.runbook?.slug ?? '');
  const [entity, setEntity] = useState('');
  const choices = runbooks.state.status === 'ready' ? runbooks.state.data.runbooks : [];

  return (
    <div className="grid">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (slug !== '') props.onLink('runbook', { slug }, `Runbook ${slug} linked.`);
        }}
      >
        <label htmlFor="incident-runbook">Runbook</label>
        <select id="incident-runbook" value={slug} onChange={(e) => setSlug(e.target.value)} aria-describedby="incident-runbook-hint">
          <option value="">choose a runbook</option>
          {choices.map((r) => (
            <option key={r.slug} value={r.slug}>
              {r.title} ({r.slug})
            </option>
          ))}
        </select>
        <p className="hint" id="incident-runbook-hint">
          {runbooks.state.status === 'loading' ? 'Loading runbooks…' : runbooks.state.status === 'error' ? 'The runbooks could not be loaded.' : choices.length === 0 ? 'The tenant has no runbooks yet.' : ' '}
        </p>
        <button type="submit" disabled={props.pending || slug === ''}>
          Link runbook
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onLink('entities', { entity_id: entity.trim() }, `Entity ${entity.trim()} linked.`);
          setEntity('');
        }}
      >
        <label htmlFor="incident-entity">Affected entity</label>
        <input id="incident-entity" required maxLength={200} value={entity} onChange={(e) => setEntity(e.target.value)} aria-describedby="incident-entity-hint" />
        <p className="hint" id="incident-entity-hint">
          A graph entity id, e.g. subject:user-engineer.
        </p>
        <button type="submit" disabled={props.pending}>
          Link entity
        </button>
      </form>
    </div>
  );
}
