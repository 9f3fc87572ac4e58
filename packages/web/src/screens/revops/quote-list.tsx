import { pagesBefore } from '../../api/pages-before.ts';
import { useState } from 'react';
import { PagedView } from '../../ui/paged-view.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Time } from '../../ui/time.tsx';
import { percent, QUOTE_STATUSES, REVOPS, type Quote, type QuoteStatus } from './revops-types.ts';
import { money } from '../../ui/format.ts';

const PAGE = 25;

/** The tenant's quotes, newest first, filtered by status, a page at a time; each opens its page. */
export function QuoteList({ revision, onOpen }: { revision: number; onOpen: (id: string) => void }) {
  const [status, setStatus] = useState<QuoteStatus | ''>('');
  const path = `${REVOPS}/quotes?limit=${PAGE}${status === '' ? '' : `&status=${status}`}`;
  const list = usePagedList<Quote>(path, pagesBefore(path, 'quotes'), revision);
  return (
    <div className="card" role="region" aria-labelledby="rv-quotes-title">
      <h2 id="rv-quotes-title">Quotes</h2>
      <label htmlFor="rv-quote-status">Status</label>
      <select id="rv-quote-status" value={status} onChange={(e) => setStatus(e.target.value as QuoteStatus | '')}>
        <option value="">any</option>
        {QUOTE_STATUSES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <PagedView list={list} label="quotes" empty={status === '' ? 'No quotes yet.' : `No ${status} quotes.`}>
        {(quotes) => (
          <DataTable caption={`Quotes (${quotes.length})`} columns={['Created', 'Owner', 'Status', 'Discount', 'Total', 'Valid until', 'Quote']}>
            {quotes.map((q) => (
              <tr key={q.quote_id}>
                <th scope="row">
                  <Time at={q.created_at} />
                </th>
                <td>{q.owner}</td>
                <td>
                  <span className={`badge badge-${q.status}`}>{q.status}</span>
                </td>
                <td>{percent(q.discount_bp)}</td>
                <td>{money(q.total_minor, q.currency)}</td>
                <td>
                  <Time at={q.valid_until} />
                </td>
                <td>
                  <button type="button" onClick={() => onOpen(q.quote_id)} aria-label={`Open quote ${q.quote_id}`}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedView>
    </div>
  );
}
