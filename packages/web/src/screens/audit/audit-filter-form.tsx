import { useState, type FormEvent } from 'react';
import { NO_FILTERS, type AuditFilters } from './audit-query.ts';

export function AuditFilterForm({ initial, onApply }: { initial: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const [draft, setDraft] = useState(initial);
  const field = (key: keyof AuditFilters) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="card filters" onSubmit={submit} aria-label="Filter audit events">
      <div className="grid">
        <div>
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="datetime-local" {...field('from')} />
        </div>
        <div>
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="datetime-local" {...field('to')} />
        </div>
        <div>
          <label htmlFor="audit-actor">Actor</label>
          <input id="audit-actor" placeholder="user-admin" {...field('actor')} />
        </div>
        <div>
          <label htmlFor="audit-action">Action</label>
          <input id="audit-action" placeholder="tenant.create" {...field('action')} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
