import type { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { blankLine, type LineDraft, type QuoteDraft } from './quote-draft.ts';

/**
 * A quote's lines (product, quantity, list price per unit), discount and terms, as the new-quote
 * and edit forms share them. `id` keeps the field ids of two forms on one screen apart.
 */
export function QuoteFields({ id, currency, draft, onChange }: { id: string; currency: string; draft: QuoteDraft; onChange: (d: QuoteDraft) => void }) {
  const set = (k: Exclude<keyof QuoteDraft, 'lines'>) => (e: { target: { value: string } }) => onChange({ ...draft, [k]: e.target.value });
  const setLine = (i: number, k: keyof LineDraft) => (e: { target: { value: string } }) => onChange({ ...draft, lines: draft.lines.map((l, j) => (j === i ? { ...l, [k]: e.target.value } : l)) });
  const many = draft.lines.length > 1;
  return (
    <>
      {draft.lines.map((l, i) => (
        <fieldset key={i}>
          <legend>Line {i + 1}</legend>
          <label htmlFor={`${id}-product-${i}`}>Product</label>
          <input id={`${id}-product-${i}`} value={l.product} onChange={setLine(i, 'product')} />
          <label htmlFor={`${id}-quantity-${i}`}>Quantity</label>
          <input id={`${id}-quantity-${i}`} inputMode="numeric" value={l.quantity} onChange={setLine(i, 'quantity')} />
          <label htmlFor={`${id}-price-${i}`}>List price per unit ({currency})</label>
          <input id={`${id}-price-${i}`} inputMode="decimal" value={l.price} onChange={setLine(i, 'price')} />
          {many && (
            <button type="button" onClick={() => onChange({ ...draft, lines: draft.lines.filter((_, j) => j !== i) })}>
              Remove line {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange({ ...draft, lines: [...draft.lines, blankLine()] })}>
        Add line
      </button>
      <label htmlFor={`${id}-discount`}>Discount (%)</label>
      <input id={`${id}-discount`} inputMode="decimal" value={draft.discount} onChange={set('discount')} />
      <label htmlFor={`${id}-months`}>Term (months)</label>
      <input id={`${id}-months`} inputMode="numeric" value={draft.months} onChange={set('months')} />
      <label htmlFor={`${id}-payment`}>Payment terms</label>
      <input id={`${id}-payment`} value={draft.payment} onChange={set('payment')} />
      <label htmlFor={`${id}-valid`}>Valid for (days)</label>
      <input id={`${id}-valid`} inputMode="numeric" value={draft.valid} onChange={set('valid')} />
    </>
  );
}

/** The end of a quote form: what the browser found wrong, else the server's problem; submit and cancel. */
export function QuoteFormEnd(props: { invalid: string | null; action: ReturnType<typeof useGovernedAction>; submit: string; cancel: string; onCancel: () => void }) {
  const { action } = props;
  return (
    <>
      {props.invalid !== null && (
        <p className="field-error" role="alert">
          {props.invalid}
        </p>
      )}
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.pending}>
          {props.submit}
        </button>
        <button type="button" onClick={props.onCancel}>
          {props.cancel}
        </button>
      </div>
      {action.dialog}
    </>
  );
}
