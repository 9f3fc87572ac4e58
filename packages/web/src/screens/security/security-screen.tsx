import { useCallback, useEffect, useState } from 'react';
import { useLocation } from '../../router/router.tsx';
import { ApprovalsQueue } from './approvals-queue.tsx';
import { RequestDetail } from './request-detail.tsx';
import { RequestForm } from './request-form.tsx';
import { RequestList } from './request-list.tsx';
import { SecurityAlerts } from './security-alerts.tsx';

/** High-risk access: ask for temporary database reads, approve others', execute, revoke, and watch for failures. */
export function SecurityScreen({ tenantId }: { tenantId: string }) {
  const [open, setOpen] = useState<string | null>(null);
  // A link (the approvals inbox, the command palette) may name the request to open.
  const wanted = useLocation().search.get('request');
  useEffect(() => {
    if (wanted !== null) setOpen(wanted);
  }, [wanted]);
  // Moves whenever a request changes, so every part of the screen reloads.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  return (
    <section aria-labelledby="security-title">
      <h1 id="security-title">Security</h1>
      <p className="hint">Temporary read access to the governed database of {tenantId}: requested with a reason, approved by a team lead and a security officer, reverted automatically.</p>
      <SecurityAlerts revision={revision} onOpen={setOpen} />
      {open !== null && <RequestDetail key={open} tenantId={tenantId} requestId={open} revision={revision} onChanged={changed} onClose={() => setOpen(null)} />}
      <ApprovalsQueue revision={revision} onChanged={changed} onOpen={setOpen} />
      <RequestForm
        onCreated={(r) => {
          changed();
          setOpen(r.request_id);
        }}
      />
      <RequestList revision={revision} onOpen={setOpen} />
    </section>
  );
}
