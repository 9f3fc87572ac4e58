import { IncidentList } from './incident-list.tsx';
import { IncidentPage } from './incident-page.tsx';

/** Incidents: the list (with opening one), or one incident with its timeline. */
export function IncidentsScreen({ incidentId }: { incidentId: string | undefined }) {
  return incidentId === undefined ? <IncidentList /> : <IncidentPage id={incidentId} />;
}
