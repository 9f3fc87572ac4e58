import { useEffect, useRef, useState } from 'react';
import { useApiPath } from '../../api/use-api-data.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { EvidenceDownload } from '../../ui/evidence-download.tsx';
import { Time } from '../../ui/time.tsx';
import { WorkflowHistory } from '../../ui/workflow-history.tsx';
import { quoteEntityId } from '../graph/graph-api.ts';
import { RelatedPane } from '../graph/related-pane.tsx';
import { QuoteActions } from './quote-actions.tsx';
import { editNotice, QuoteEditForm } from './quote-edit-form.tsx';
import { percent, quotePath, type QuoteDetail as Detail } from './revops-types.ts';
import { money } from '../../ui/format.ts';

/** One quote: its lines and totals, the approvals it awaits and who may give them, the steps the user may take, its deal's evidence and its history. */
export function QuoteDetail({ quoteId, revision, onChanged, onClose }: { quoteId: string; revision: number; onChanged: () => void; onClose: () => void }) {
  const { active } = useSessions();
  const { state, reload } = useApiPath<Detail>(quotePath(quoteId), revision);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState(false);
  const changed = (text: string) => {
    setNotice(text);
    reload();
    onChanged();
  };
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [quoteId]);
  return (
    <div className="card" role="region" aria-labelledby="rv-quote-title">
      <div className="hr-detail-head">
        <h2 id="rv-quote-title" ref={heading} tabIndex={-1}>
          Quote {quoteId}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      <AsyncView state={state} label="the quote" onRetry={reload}>
        {(q) => (
          <>
            <dl className="facts">
              <dt>Status</dt>
              <dd>
                <span className={`badge badge-${q.status}`}>{q.status}</span>
              </dd>
              <dt>Owner</dt>
              <dd>{q.owner}</dd>
              <dt>Version</dt>
              <dd>{q.version}</dd>
              <dt>Discount</dt>
              <dd>{percent(q.discount_bp)}</dd>
              <dt>Total</dt>
              <dd>
                {money(q.total_minor, q.currency)} <span className="muted">(subtotal {money(q.subtotal_minor, q.currency)}, discount {money(q.discount_minor, q.currency)})</span>
              </dd>
              <dt>Terms</dt>
              <dd>
                {q.terms.term_months} months, {q.terms.payment_terms}, valid until <Time at={q.valid_until} />
              </dd>
              {q.contract !== null && (
                <>
                  <dt>Contract</dt>
                  <dd>
                    {q.contract.contract_id}, effective {q.contract.effective_date}, {money(q.contract.amount_minor, q.contract.currency)}
                  </dd>
                </>
              )}
            </dl>
            <DataTable caption="Lines" columns={['Product', 'Quantity', 'List price', 'Amount']}>
              {q.lines.map((l, i) => (
                <tr key={i}>
                  <th scope="row">{l.product}</th>
                  <td>{l.quantity}</td>
                  <td>{money(l.unit_price_minor, q.currency)}</td>
                  <td>{money(l.amount_minor, q.currency)}</td>
                </tr>
              ))}
            </DataTable>
            <h3>Approvals still needed</h3>
            {q.missing_approvals.length === 0 ? (
              <p className="hint">{q.status === 'submitted' ? 'None: the quote is approved once the policy says so.' : 'None while the quote is ' + q.status + '.'}</p>
            ) : (
              <ul>
                {q.missing_approvals.map((m) => (
                  <li key={m.role}>
                    {m.role}: {m.candidates.length === 0 ? 'nobody holds this role' : `may be given by ${m.candidates.join(', ')}`}
                  </li>
                ))}
              </ul>
            )}
            {editing ? (
              <QuoteEditForm
                quote={q}
                onCancel={() => setEditing(false)}
                onSaved={(edited) => {
                  setEditing(false);
                  changed(editNotice(edited));
                }}
              />
            ) : (
              <QuoteActions quote={q} onChanged={changed} onEdit={() => setEditing(true)} />
            )}
            <EvidenceDownload
              path={`/evidence/revops/deals/${encodeURIComponent(q.opportunity_id)}`}
              filename={`evidence-${active?.tenant_id ?? 'tenant'}-revops-deal-${q.opportunity_id}.tar.gz`}
              label="Deal evidence pack"
            />
            <WorkflowHistory history={q.history} />
            {active !== undefined && <RelatedPane key={revision} tenantId={active.tenant_id} entityId={quoteEntityId(q.quote_id)} level={3} />}
          </>
        )}
      </AsyncView>
    </div>
  );
}
