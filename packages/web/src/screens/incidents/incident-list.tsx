import { useState, type FormEvent } from 'react';
import type { Incident, IncidentDetail } from '../../api/types.ts';
import { Link, navigate } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { PagedView } from '../../ui/paged-view.tsx';
import { Time } from '../../ui/time.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { SEVERITIES, STATUSES } from './incident-options.ts';

const PAGE = 20;

export function IncidentList() {
  const { active } = useSessions();
  const base = `/tenants/${encodeURIComponent(active?.tenant_id ?? '')}/incidents`;
  const [status, setStatus] = useState<'' | Incident['status']>('');
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (status !== '') query.set('status', status);
  const list = usePagedList<Incident>(`/incidents?${query}`, async (api, cursor) => {
    const page = await api.get<{ incidents: Incident[]; next_before: string | null }>(`/incidents?${query}${cursor === null ? '' : `&before=${encodeURIComponent(cursor)}`}`);
    return { items: page.incidents, next: page.next_before };
  });

  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">Incidents</h1>
      <OpenIncidentForm onOpened={(i) => navigate(`${base}/${i.incident_id}`)} />
      <div className="form-actions">
        <label htmlFor="incident-status-filter">Status</label>
        <select id="incident-status-filter" value={status} onChange={(e) => setStatus(e.target.value as '' | Incident['status'])}>
          <option value="">any</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      <PagedView list={list} label="incidents" empty={status === '' ? 'No incidents. Open one above, or let an alert open one.' : `No ${status} incidents.`}>
        {(incidents) => (
          <DataTable caption="Incidents, newest first" columns={['Title', 'Status', 'Severity', 'Source', 'Opened']}>
            {incidents.map((i) => (
              <tr key={i.incident_id}>
                <th scope="row">
                  <Link href={`${base}/${i.incident_id}`}>{i.title}</Link>
                </th>
                <td>
                  <span className={`badge inc-${i.status}`}>{i.status}</span>
                </td>
                <td>
                  <span className={`badge sev-${i.severity}`}>{i.severity}</span>
                </td>
                <td>{i.source === 'alert' ? `alert ${i.alert?.name ?? ''}` : 'by hand'}</td>
                <td>
                  <Time at={i.opened_at} /> by {i.opened_by}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedView>
    </section>
  );
}

function OpenIncidentForm({ onOpened }: { onOpened: (i: IncidentDetail) => void }) {
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Incident['severity']>('medium');
  const action = useGovernedAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const opened = await action.run((api) => api.send<IncidentDetail>('POST', '/incidents', { title, severity }));
    if (opened !== undefined) onOpened(opened);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="open-incident-title">
      <h2 id="open-incident-title">Open an incident</h2>
      <div className="grid">
        <div>
          <label htmlFor="incident-title">Title</label>
          <input id="incident-title" required minLength={3} maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div>
          <label htmlFor="incident-severity">Severity</label>
          <select id="incident-severity" value={severity} onChange={(e) => setSeverity(e.target.value as Incident['severity'])}>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
      </div>
      <ActionFooter action={action} idle="Open incident" busy="Opening…" />
    </form>
  );
}
