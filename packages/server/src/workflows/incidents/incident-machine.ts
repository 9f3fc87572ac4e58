import { stateMachine } from '../shared/state-machine.ts';

/** The life of an incident. Resolved is terminal. */
export type IncidentState = 'open' | 'mitigated' | 'resolved';

export const INCIDENT_STATES: readonly IncidentState[] = ['open', 'mitigated', 'resolved'];

export type IncidentTransition = 'mitigate' | 'resolve';

export const incidentMachine = stateMachine<IncidentState, IncidentTransition>('incident', {
  mitigate: { open: 'mitigated' },
  resolve: { open: 'resolved', mitigated: 'resolved' },
});

/**
 * An event of an incident's timeline: its opening, a transition, or an event that leaves the
 * state as it is (a note, a link, the alert firing again or clearing).
 */
export type IncidentStep = IncidentTransition | 'open' | 'note' | 'link_runbook' | 'link_entity' | 'alert';

/** The action whose receipt records a step. */
export function incidentStepAction(step: IncidentStep): string {
  if (step === 'link_runbook') return 'incident.runbook.link';
  if (step === 'link_entity') return 'incident.entity.link';
  if (step === 'alert') return 'incident.open_from_alert';
  return `incident.${step}`;
}
