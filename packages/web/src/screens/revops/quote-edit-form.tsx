import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { draftOf, parseDraft } from './quote-draft.ts';
import { QuoteFields, QuoteFormEnd } from './quote-fields.tsx';
import { quotePath, type QuoteDetail } from './revops-types.ts';

/** What an edit did, in words: the new version, and whose approvals it dropped. */
export function editNotice(edited: QuoteDetail): string {
  const dropped = (edited.history.at(-1)?.details.dropped_approvers as string[] | undefined) ?? [];
  const version = `Saved as version ${edited.version}, a draft.`;
  return dropped.length === 0 ? version : `${version} Approvals dropped: ${dropped.join(', ')}; submit it again for approval.`;
}

/**
 * The quote's lines, discount and terms, editable while its state allows (the server offers the
 * edit in `allowed_actions`). Saving makes a new version in draft: a submitted quote loses the
 * approvals it had.
 */
export function QuoteEditForm({ quote, onSaved, onCancel }: { quote: QuoteDetail; onSaved: (edited: QuoteDetail) => void; onCancel: () => void }) {
  const action = useGovernedAction();
  const [draft, setDraft] = useState(() => draftOf(quote));
  const [rationale, setRationale] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  // The Edit button the user pressed is gone: the focus goes to the form that replaced it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = parseDraft(draft, quote.currency);
    const why = rationale.trim();
    if (typeof body === 'string' || (why !== '' && why.length < 3)) {
      setInvalid(typeof body === 'string' ? body : 'A rationale, when given, has at least 3 characters.');
      return;
    }
    setInvalid(null);
    const edited = await action.run((api) => api.send<QuoteDetail>('PATCH', quotePath(quote.quote_id), { ...body, ...(why === '' ? {} : { rationale: why }) }));
    if (edited !== undefined) onSaved(edited);
  }

  return (
    <form aria-labelledby="rv-edit-title" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="rv-edit-title" ref={heading} tabIndex={-1}>Edit version {quote.version}</h3>
      {quote.status === 'submitted' && <p className="hint">Saving sends the quote back to draft: the approvals it has are dropped and it must be submitted again.</p>}
      <QuoteFields id="rv-edit" currency={quote.currency} draft={draft} onChange={setDraft} />
      <label htmlFor="rv-edit-rationale">Why (optional, kept in the history)</label>
      <textarea id="rv-edit-rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} />
      <QuoteFormEnd invalid={invalid} action={action} submit="Save changes" cancel="Discard changes" onCancel={onCancel} />
    </form>
  );
}
