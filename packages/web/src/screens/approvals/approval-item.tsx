import { useState, type FormEvent } from 'react';
import { API_BASE } from '../../api/client.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { shortId } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Time } from '../../ui/time.tsx';
import { SubjectLink, useSubjectLinks } from '../subjects/subject-link.tsx';
import { approverLabel, FLOW_TITLES, type PendingApproval } from './approval-types.ts';

/** The policies ask for a rationale of at least this length. */
const MIN_RATIONALE = 10;

/** One pending approval: its rationale history, what it allows, who else must approve, and the decision. */
export function ApprovalItem({ item, onDecided }: { item: PendingApproval; onDecided: () => void }) {
  const [rationale, setRationale] = useState('');
  const [tried, setTried] = useState(false);
  const action = useGovernedAction();
  const linked = useSubjectLinks();
  const id = `approval-${item.id}`;
  const tooShort = rationale.trim().length < MIN_RATIONALE;

  async function decide(verb: 'approve' | 'deny', e?: FormEvent) {
    e?.preventDefault();
    setTried(true);
    if (tooShort) return;
    const path = item.decide[verb].slice(API_BASE.length);
    if ((await action.run((api) => api.send('POST', path, { rationale: rationale.trim() }))) !== undefined) onDecided();
  }

  return (
    <li className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {item.title} <span className="muted" title={item.id}>({shortId(item.id)})</span>
      </h2>
      <dl className="facts">
        <dt>Flow</dt>
        <dd>{FLOW_TITLES[item.flow] ?? item.flow}</dd>
        <dt>Requested by</dt>
        <dd>
          <SubjectLink subjectId={item.requestedBy} linked={linked} />, <Time at={item.requestedAt} />
        </dd>
        <dt>Approving allows</dt>
        <dd>{item.allows}</dd>
        <dt>Who else must approve</dt>
        <dd>{item.requiredApprovers.length === 0 ? 'Nobody: your approval completes it' : item.requiredApprovers.map(approverLabel).join(', ')}</dd>
      </dl>
      <h3 id={`${id}-history`}>Rationale history</h3>
      <ol aria-labelledby={`${id}-history`} className="history">
        {item.rationaleHistory.map((h) => (
          <li key={`${h.at}-${h.by}-${h.decision}`}>
            <strong>
              <SubjectLink subjectId={h.by} linked={linked} />
            </strong>{' '}
            {h.decision} <Time at={h.at} />: {h.rationale}
          </li>
        ))}
      </ol>
      <form noValidate onSubmit={(e) => void decide('approve', e)}>
        <label htmlFor={`${id}-rationale`}>Your rationale (required)</label>
        <textarea
          id={`${id}-rationale`}
          rows={2}
          value={rationale}
          required
          minLength={MIN_RATIONALE}
          aria-invalid={tried && tooShort}
          aria-describedby={tried && tooShort ? `${id}-hint` : undefined}
          onChange={(e) => setRationale(e.target.value)}
        />
        {tried && tooShort && (
          <p id={`${id}-hint`} className="field-error">
            Write at least {MIN_RATIONALE} characters on why.
          </p>
        )}
        {action.problem !== null && <ProblemAlert problem={action.problem} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.pending}>
            Approve<span className="visually-hidden"> {item.title}</span>
          </button>
          <button type="button" disabled={action.pending} onClick={() => void decide('deny')}>
            Deny<span className="visually-hidden"> {item.title}</span>
          </button>
        </div>
      </form>
      {action.dialog}
    </li>
  );
}
