import { useState, type FormEvent } from 'react';
import { navigate } from '../../router/router.tsx';
import { ReceiptPage } from './receipt-page.tsx';

/** Receipts: open one by its id, or one receipt's page. */
export function ReceiptsScreen({ tenantId, receiptId }: { tenantId: string; receiptId: string | undefined }) {
  return receiptId === undefined ? <ReceiptLookup tenantId={tenantId} /> : <ReceiptPage tenantId={tenantId} receiptId={receiptId} />;
}

function ReceiptLookup({ tenantId }: { tenantId: string }) {
  const [id, setId] = useState('');
  const open = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/tenants/${encodeURIComponent(tenantId)}/receipts/${encodeURIComponent(id.trim())}`);
  };
  return (
    <section aria-labelledby="receipts-title">
      <h1 id="receipts-title">Receipts</h1>
      <p className="hint">Every governed action leaves a signed receipt in the tenant's log. Open one by its id (the audit log and the graph name them) to see what it attests and check its inclusion proof.</p>
      <form className="card" aria-label="Open a receipt" onSubmit={open}>
        <label>
          Receipt id
          <input value={id} onChange={(e) => setId(e.target.value)} required pattern="[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" title="a receipt id, e.g. 0190d3c2-…" />
        </label>
        <button type="submit">Open</button>
      </form>
    </section>
  );
}
