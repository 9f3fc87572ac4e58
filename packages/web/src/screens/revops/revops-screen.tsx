import { useCallback, useState } from 'react';
import { LeadList, OpportunityList } from './deal-lists.tsx';
import { LeadForm } from './lead-form.tsx';
import { QuoteDetail } from './quote-detail.tsx';
import { QuoteForm } from './quote-form.tsx';
import { QuoteList } from './quote-list.tsx';
import type { Opportunity } from './revops-types.ts';

/** The deal desk: leads and opportunities, quotes with their approvals, activation and evidence. */
export function RevopsScreen({ tenantId }: { tenantId: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const [quoting, setQuoting] = useState<Opportunity | null>(null);
  const [notice, setNotice] = useState('');
  // Moves whenever something on the screen changed a record, so every list reloads.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  return (
    <section aria-labelledby="revops-title">
      <h1 id="revops-title">RevOps</h1>
      <p className="hint">The deal desk of {tenantId}: leads routed to teams, quotes whose discounts the tenant's policy sends for approval, contracts on activation.</p>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      {open !== null && <QuoteDetail key={open} quoteId={open} revision={revision} onChanged={changed} onClose={() => setOpen(null)} />}
      {quoting !== null && (
        <QuoteForm
          key={quoting.opportunity_id}
          opportunity={quoting}
          onCancel={() => setQuoting(null)}
          onCreated={(q) => {
            setQuoting(null);
            changed();
            setOpen(q.quote_id);
          }}
        />
      )}
      <QuoteList revision={revision} onOpen={setOpen} />
      <OpportunityList revision={revision} onQuote={setQuoting} />
      <LeadForm
        onCreated={(text) => {
          setNotice(text);
          changed();
        }}
      />
      <LeadList revision={revision} />
    </section>
  );
}
