import { useState, type FormEvent } from 'react';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { REVOPS, toMinor, type Opportunity, type QuoteDetail } from './revops-types.ts';

/** A draft quote for an opportunity: one line at list price, a discount in percent and terms. */
export function QuoteForm({ opportunity, onCreated, onCancel }: { opportunity: Opportunity; onCreated: (q: QuoteDetail) => void; onCancel: () => void }) {
  const action = useGovernedAction();
  const [f, setF] = useState({ product: '', quantity: '1', price: '', discount: '0', months: '12', payment: 'net_30', valid: '30' });
  const [invalid, setInvalid] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const price = toMinor(f.price, opportunity.currency);
    const discount = Number(f.discount);
    const [quantity, months, valid] = [Number(f.quantity), Number(f.months), Number(f.valid)];
    if (f.product.trim() === '' || price === null || !Number.isInteger(quantity) || quantity < 1 || !(discount >= 0 && discount <= 100) || !Number.isInteger(months) || !Number.isInteger(valid)) {
      setInvalid('Give a product, a whole quantity, a list price such as 1200.00, a discount from 0 to 100 and whole months and days.');
      return;
    }
    setInvalid(null);
    const body = {
      opportunity_id: opportunity.opportunity_id,
      currency: opportunity.currency,
      lines: [{ product: f.product.trim(), quantity, unit_price_minor: price }],
      // Percent to basis points: 30 → 3000, 12.5 → 1250.
      discount_bp: Math.round(discount * 100),
      terms: { term_months: months, payment_terms: f.payment, valid_days: valid },
    };
    const done = await action.run((api) => api.send<QuoteDetail>('POST', `${REVOPS}/quotes`, body));
    if (done !== undefined) onCreated(done);
  }

  return (
    <form className="card" aria-labelledby="rv-quote-form-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="rv-quote-form-title">New quote for {opportunity.name}</h2>
      <label htmlFor="rv-product">Product</label>
      <input id="rv-product" value={f.product} onChange={set('product')} />
      <label htmlFor="rv-quantity">Quantity</label>
      <input id="rv-quantity" inputMode="numeric" value={f.quantity} onChange={set('quantity')} />
      <label htmlFor="rv-price">List price per unit ({opportunity.currency})</label>
      <input id="rv-price" inputMode="decimal" value={f.price} onChange={set('price')} />
      <label htmlFor="rv-discount">Discount (%)</label>
      <input id="rv-discount" inputMode="decimal" value={f.discount} onChange={set('discount')} />
      <label htmlFor="rv-months">Term (months)</label>
      <input id="rv-months" inputMode="numeric" value={f.months} onChange={set('months')} />
      <label htmlFor="rv-payment">Payment terms</label>
      <input id="rv-payment" value={f.payment} onChange={set('payment')} />
      <label htmlFor="rv-valid">Valid for (days)</label>
      <input id="rv-valid" inputMode="numeric" value={f.valid} onChange={set('valid')} />
      {invalid !== null && <p className="field-error">{invalid}</p>}
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.pending}>
          Create quote
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {action.dialog}
    </form>
  );
}
