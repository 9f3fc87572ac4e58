import { useState, type FormEvent } from 'react';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { blankDraft, parseDraft } from './quote-draft.ts';
import { QuoteFields, QuoteFormEnd } from './quote-fields.tsx';
import { REVOPS, type Opportunity, type QuoteDetail } from './revops-types.ts';

/** A draft quote for an opportunity: its lines at list price, a discount in percent and terms. */
export function QuoteForm({ opportunity, onCreated, onCancel }: { opportunity: Opportunity; onCreated: (q: QuoteDetail) => void; onCancel: () => void }) {
  const action = useGovernedAction();
  const [draft, setDraft] = useState(blankDraft);
  const [invalid, setInvalid] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = parseDraft(draft, opportunity.currency);
    if (typeof body === 'string') {
      setInvalid(body);
      return;
    }
    setInvalid(null);
    const done = await action.run((api) => api.send<QuoteDetail>('POST', `${REVOPS}/quotes`, { opportunity_id: opportunity.opportunity_id, currency: opportunity.currency, ...body }));
    if (done !== undefined) onCreated(done);
  }

  return (
    <form className="card" aria-labelledby="rv-quote-form-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="rv-quote-form-title">New quote for {opportunity.name}</h2>
      <QuoteFields id="rv-new" currency={opportunity.currency} draft={draft} onChange={setDraft} />
      <QuoteFormEnd invalid={invalid} action={action} submit="Create quote" cancel="Cancel" onCancel={onCancel} />
    </form>
  );
}
