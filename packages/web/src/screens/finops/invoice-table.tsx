import { useState } from 'react';
import { downloadFile } from '../../api/download.ts';
import { toProblem, type Problem } from '../../api/problem.ts';
import { useSessions } from '../../session/session-store.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import type { Invoice } from './finops-types.ts';
import { money } from '../../ui/format.ts';

/** The tenant's invoices, each downloadable as its hashed JSON document and, once final, as a signed evidence pack. */
export function InvoiceTable({ invoices }: { invoices: Invoice[] }) {
  const { active } = useSessions();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');

  async function download(path: string, filename: string) {
    setProblem(null);
    setNotice('');
    try {
      const digest = await downloadFile(path, active?.token, filename);
      setNotice(`Downloaded ${filename}${digest === null ? '' : ` (SHA-256 ${digest})`}.`);
    } catch (error) {
      setProblem(toProblem(error));
    }
  }

  return (
    <>
      <DataTable caption="Invoices" columns={['Number', 'Period', 'Status', 'Total', 'Download']}>
        {invoices.map((i) => (
          <tr key={i.invoice_id}>
            <td>{i.number}</td>
            <td>{i.period}</td>
            <td>{i.status}</td>
            <td>{money(i.total, i.currency)}</td>
            <td>
              <button type="button" onClick={() => void download(`/finops/invoices/${i.invoice_id}?format=json`, `invoice-${i.number}.json`)} aria-label={`JSON of ${i.number}`}>
                JSON
              </button>{' '}
              {i.status === 'finalized' && (
                <button type="button" onClick={() => void download(`/finops/invoices/${i.invoice_id}/evidence`, `evidence-invoice-${i.number}.tar.gz`)} aria-label={`Evidence pack of ${i.number}`}>
                  Evidence pack
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      {problem !== null && <ProblemAlert problem={problem} />}
    </>
  );
}
