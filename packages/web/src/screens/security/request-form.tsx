import { useState, type FormEvent, type ReactNode } from 'react';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';
import { REQUESTS_PATH, type HighRiskDetail } from './security-types.ts';
import { validateDraft, type DraftErrors, type RequestDraft } from './request-validation.ts';

const EMPTY: RequestDraft = { operation: 'TEMP_DB_READ_ACCESS', database: '', schema: 'public', tables: '', duration: '30', rationale: '' };

/** A labelled input with its hint and, when wrong, its message (announced and tied to the input). */
function Field(props: { id: string; label: string; error: string | undefined; hint?: string; children: (aria: Record<string, string | boolean>) => ReactNode }) {
  const described = [props.hint !== undefined ? `${props.id}-hint` : '', props.error !== undefined ? `${props.id}-error` : ''].filter((s) => s !== '').join(' ');
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({ id: props.id, ...(described !== '' ? { 'aria-describedby': described } : {}), ...(props.error !== undefined ? { 'aria-invalid': true } : {}) })}
      {props.hint !== undefined && (
        <p id={`${props.id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      {props.error !== undefined && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Asks for temporary access; the tenant policy may refuse it with its reasons. */
export function RequestForm({ onCreated }: { onCreated: (r: HighRiskDetail) => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [notice, setNotice] = useState('');
  const action = useGovernedAction();
  const bind = (key: keyof RequestDraft) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice('');
    const checked = validateDraft(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      action.clearProblem();
      return;
    }
    setErrors({});
    const created = await action.run((api) => api.send<HighRiskDetail>('POST', REQUESTS_PATH, checked.body));
    if (created !== undefined) {
      setDraft(EMPTY);
      setNotice(`Request ${created.request_id} is waiting for ${created.missing_approvals.join(' and ') || 'no'} approval.`);
      onCreated(created);
    }
  }

  const count = Object.keys(errors).length;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="hr-form-title">
      <h2 id="hr-form-title">Request access</h2>
      <div className="grid">
        <Field id="hr-operation" label="Operation" error={errors.operation}>
          {(aria) => <input {...aria} {...bind('operation')} />}
        </Field>
        <Field id="hr-database" label="Database" error={errors.database}>
          {(aria) => <input {...aria} {...bind('database')} />}
        </Field>
        <Field id="hr-schema" label="Schema" error={errors.schema}>
          {(aria) => <input {...aria} {...bind('schema')} />}
        </Field>
        <Field id="hr-tables" label="Tables" error={errors.tables} hint="Separated by commas.">
          {(aria) => <input {...aria} {...bind('tables')} />}
        </Field>
        <Field id="hr-duration" label="Duration (minutes)" error={errors.duration}>
          {(aria) => <input type="number" min={1} max={1440} step={1} {...aria} {...bind('duration')} />}
        </Field>
      </div>
      <Field id="hr-rationale" label="Rationale" error={errors.rationale} hint="Approvers read it; it stays in the request's history.">
        {(aria) => <textarea rows={3} {...aria} {...bind('rationale')} />}
      </Field>
      {count > 0 && (
        <p className="alert" role="alert">
          {count === 1 ? 'One field needs attention.' : `${count} fields need attention.`}
        </p>
      )}
      <ActionFooter action={action} notice={notice} idle="Send request" busy="Sending…" />
    </form>
  );
}
