import type { IncidentEvent } from '../../api/types.ts';
import { Time } from '../../ui/time.tsx';

const WHAT: Record<IncidentEvent['transition'], string> = {
  open: 'opened the incident',
  note: 'added a note',
  mitigate: 'marked it mitigated',
  resolve: 'resolved it',
  link_runbook: 'linked a runbook',
  link_entity: 'linked an affected entity',
  alert: 'alert fired again',
};

/** What the event adds to its one-line summary: the note, the rationale, the link, the alert's state. */
function detailOf(e: IncidentEvent): string | null {
  const d = e.details;
  if (typeof d.note === 'string') return d.note;
  if (e.rationale !== null) return e.rationale;
  if (typeof d.runbook === 'string') return d.runbook;
  if (typeof d.entity_id === 'string') return d.entity_id;
  if (e.transition === 'alert' && d.firing === false) return 'the alert cleared';
  return null;
}

export function IncidentTimeline({ events }: { events: IncidentEvent[] }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline ({events.length})</h2>
      <ol className="timeline">
        {events.map((e) => {
          const detail = detailOf(e);
          return (
            <li key={e.seq}>
              <Time at={e.at} /> — <strong>{e.actor}</strong> {WHAT[e.transition]}
              {e.from_state !== e.to_state && e.from_state !== null ? ` (${e.from_state} → ${e.to_state})` : ''}
              {detail !== null && <p className="hint">{detail}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
