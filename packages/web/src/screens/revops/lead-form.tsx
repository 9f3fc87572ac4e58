import { useState, type FormEvent } from 'react';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { REVOPS, SEGMENTS, type Lead, type Opportunity } from './revops-types.ts';
import { toMinor } from '../../ui/format.ts';

/** An inbound lead; the tenant's routing rules pick its team and executive, and an enterprise lead becomes an opportunity at once. */
export function LeadForm({ onCreated }: { onCreated: (notice: string) => void }) {
  const action = useGovernedAction();
  const [f, setF] = useState({ company: '', contact: '', email: '', segment: 'enterprise', region: 'eu', value: '', currency: 'EUR' });
  const [invalid, setInvalid] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = toMinor(f.value, f.currency);
    if (f.company.trim() === '' || f.contact.trim() === '' || !f.email.includes('@') || value === null) {
      setInvalid('Fill in company, contact, a valid e-mail and an amount such as 12000.00.');
      return;
    }
    setInvalid(null);
    const body = { company: f.company.trim(), contact: { name: f.contact.trim(), email: f.email.trim() }, segment: f.segment, region: f.region.trim(), estimated_value_minor: value, currency: f.currency };
    const done = await action.run((api) => api.send<{ lead: Lead; opportunity: Opportunity | null }>('POST', `${REVOPS}/leads`, body));
    if (done === undefined) return;
    setF({ ...f, company: '', contact: '', email: '', value: '' });
    onCreated(`Lead routed to ${done.lead.team} (${done.lead.owner})${done.opportunity === null ? '' : '; promoted to an opportunity'}.`);
  }

  return (
    <form className="card" aria-labelledby="rv-lead-form-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="rv-lead-form-title">New lead</h2>
      <label htmlFor="rv-company">Company</label>
      <input id="rv-company" value={f.company} onChange={set('company')} />
      <label htmlFor="rv-contact">Contact name</label>
      <input id="rv-contact" value={f.contact} onChange={set('contact')} />
      <label htmlFor="rv-email">Contact e-mail</label>
      <input id="rv-email" type="email" value={f.email} onChange={set('email')} />
      <label htmlFor="rv-segment">Segment</label>
      <select id="rv-segment" value={f.segment} onChange={set('segment')}>
        {SEGMENTS.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <label htmlFor="rv-region">Region</label>
      <input id="rv-region" value={f.region} onChange={set('region')} />
      <label htmlFor="rv-value">Estimated value</label>
      <input id="rv-value" inputMode="decimal" value={f.value} onChange={set('value')} />
      <label htmlFor="rv-currency">Currency</label>
      <input id="rv-currency" value={f.currency} maxLength={3} onChange={set('currency')} />
      {invalid !== null && <p className="field-error">{invalid}</p>}
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      <button type="submit" className="primary" disabled={action.pending}>
        Create lead
      </button>
      {action.dialog}
    </form>
  );
}
