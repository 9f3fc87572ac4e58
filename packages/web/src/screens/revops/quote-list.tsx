import { useState } from 'react';
import { useApiPath } from '../../api/use-api-data.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { money, percent, QUOTE_STATUSES, REVOPS, type Quote, type QuoteStatus } from './revops-types.ts';

const PAGE = 25;

/** The tenant's quotes, newest first, filtered by status, a page at a time; each opens its page. */
export function QuoteList({ revision, onOpen }: { revision: number; onOpen: (id: string) => void }) {
  const [status, setStatus] = useState<QuoteStatus | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const path = `${REVOPS}/quotes?limit=${limit}${status === '' ? '' : `&status=${status}`}`;
  const { state, reload } = useApiPath<{ quotes: Quote[] }>(path, revision);
  return (
    <div className="card" role="region" aria-labelledby="rv-quotes-title">
      <h2 id="rv-quotes-title">Quotes</h2>
      <label htmlFor="rv-quote-status">Status</label>
      <select
        id="rv-quote-status"
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as QuoteStatus | '');
          setLimit(PAGE);
        }}
      >
        <option value="">any</option>
        {QUOTE_STATUSES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <AsyncView state={state} label="quotes" onRetry={reload} isEmpty={(d) => d.quotes.length === 0} empty={status === '' ? 'No quotes yet.' : `No ${status} quotes.`}>
        {(data) => (
          <>
            <DataTable caption={`Quotes (${data.quotes.length})`} columns={['Created', 'Owner', 'Status', 'Discount', 'Total', 'Valid until', 'Quote']}>
              {data.quotes.map((q) => (
                <tr key={q.quote_id}>
                  <th scope="row">{q.created_at.slice(0, 16).replace('T', ' ')}</th>
                  <td>{q.owner}</td>
                  <td>
                    <span className={`badge badge-${q.status}`}>{q.status}</span>
                  </td>
                  <td>{percent(q.discount_bp)}</td>
                  <td>{money(q.total_minor, q.currency)}</td>
                  <td>{q.valid_until.slice(0, 10)}</td>
                  <td>
                    <button type="button" onClick={() => onOpen(q.quote_id)} aria-label={`Open quote ${q.quote_id}`}>
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
            {data.quotes.length === limit && (
              <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
                Show more quotes
              </button>
            )}
          </>
        )}
      </AsyncView>
    </div>
  );
}
