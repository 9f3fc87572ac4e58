import { useState, type FormEvent } from 'react';
import type { AuditExport } from '../../api/governance-types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';

// <input type="datetime-local"> speaks local time without a zone, to the minute.
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Starts an export of a time window (the API asks for a step-up first). */
export function ExportForm({ onStarted }: { onStarted: (exportId: string) => void }) {
  const [from, setFrom] = useState(() => localInput(new Date(Date.now() - 24 * 3600_000)));
  const [to, setTo] = useState('');
  const action = useGovernedAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The window ends at most now (an empty "to"): a later end would be refused.
    const end = to === '' ? Date.now() : Math.min(new Date(to).getTime(), Date.now());
    const started = await action.run((api) => api.send<AuditExport>('POST', '/audit/exports', { from: new Date(from).toISOString(), to: new Date(end).toISOString() }));
    if (started !== undefined) onStarted(started.export_id);
  }

  return (
    <form className="card" onSubmit={submit} aria-label="New export">
      <h2>New export</h2>
      <div className="grid">
        <div>
          <label htmlFor="export-from">From</label>
          <input id="export-from" type="datetime-local" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="export-to">To (empty: now)</label>
          <input id="export-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <p className="hint">The pack holds the audit records of the window with their signed receipts; anyone can verify it offline.</p>
      <ActionFooter action={action} idle="Start export" busy="Starting…" />
    </form>
  );
}
