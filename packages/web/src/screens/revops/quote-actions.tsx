import { useState, type FormEvent } from 'react';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { quotePath, type QuoteDetail, type QuoteVerb } from './revops-types.ts';

/** The steps that take a rationale, with the route verb and the button's words. */
const DECIDED: Partial<Record<QuoteVerb, { route: string; label: string; done: string }>> = {
  submit: { route: 'submit-for-approval', label: 'Submit for approval', done: 'Submitted for approval.' },
  approve: { route: 'approve', label: 'Approve', done: 'Approval recorded.' },
  reject: { route: 'reject', label: 'Reject', done: 'Quote rejected.' },
};

/**
 * The steps the signed-in user may take on the quote, exactly those the server lists in
 * `allowed_actions` (its policy decides; nothing here knows roles). Approve, reject and submit
 * need a rationale; an edit opens the quote's form.
 */
export function QuoteActions({ quote, onChanged, onEdit }: { quote: QuoteDetail; onChanged: (notice: string) => void; onEdit: () => void }) {
  const action = useGovernedAction();
  const [rationale, setRationale] = useState('');
  const [missing, setMissing] = useState(false);
  const allowed = new Set(quote.allowed_actions);
  const decided = (Object.keys(DECIDED) as QuoteVerb[]).filter((v) => allowed.has(v));

  async function take(verb: QuoteVerb, e?: FormEvent) {
    e?.preventDefault();
    const step = DECIDED[verb];
    if (step !== undefined && rationale.trim().length < 3) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const route = step?.route ?? verb;
    const body = step !== undefined ? { rationale: rationale.trim() } : {};
    const done = await action.run((api) => api.send<QuoteDetail>('POST', `${quotePath(quote.quote_id)}/${route}`, body));
    if (done === undefined) return;
    setRationale('');
    onChanged(step?.done ?? (verb === 'activate' ? 'Quote activated; the contract is recorded.' : 'Quote cancelled.'));
  }

  if (allowed.size === 0) return <p className="hint">There is nothing you may do to this quote now.</p>;
  return (
    <div className="rv-actions">
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      {decided.length > 0 && (
        <form onSubmit={(e) => void take(decided[0]!, e)} noValidate>
          <label htmlFor="rv-rationale">Rationale (required)</label>
          <textarea
            id="rv-rationale"
            value={rationale}
            required
            minLength={3}
            aria-invalid={missing}
            aria-describedby={missing ? 'rv-rationale-error' : undefined}
            onChange={(e) => setRationale(e.target.value)}
          />
          {missing && (
            <p id="rv-rationale-error" className="field-error">
              Give a rationale of at least 3 characters.
            </p>
          )}
          <div className="form-actions">
            {decided.map((v) => (
              <button key={v} type="button" className={v === 'reject' ? 'danger' : 'primary'} disabled={action.pending} onClick={() => void take(v)}>
                {DECIDED[v]!.label}
              </button>
            ))}
          </div>
        </form>
      )}
      <div className="form-actions">
        {allowed.has('activate') && (
          <button type="button" className="primary" disabled={action.pending} onClick={() => void take('activate')}>
            Activate
          </button>
        )}
        {allowed.has('update') && (
          <button type="button" disabled={action.pending} onClick={onEdit}>
            Edit quote
          </button>
        )}
        {allowed.has('cancel') && (
          <button type="button" disabled={action.pending} onClick={() => void take('cancel')}>
            Cancel quote
          </button>
        )}
      </div>
      {action.dialog}
    </div>
  );
}
