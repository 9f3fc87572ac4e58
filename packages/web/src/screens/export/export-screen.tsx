import { useState } from 'react';
import { apiFor } from '../../api/client.ts';
import type { AuditExport } from '../../api/governance-types.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { ExportForm } from './export-form.tsx';
import { ExportProgress } from './export-progress.tsx';
import { ExportTable } from './export-table.tsx';

/** Evidence pack exports of the tenant's audit trail: start one, follow it, download and verify it. */
export function ExportScreen({ tenantId }: { tenantId: string }) {
  const { active } = useSessions();
  const { state, reload } = useAsync(() => apiFor(active?.token).get<{ exports: AuditExport[] }>('/audit/exports'), `exports:${tenantId}:${active?.token}`);
  const [current, setCurrent] = useState<string | null>(null);
  return (
    <section aria-labelledby="export-title">
      <h1 id="export-title">Export</h1>
      <ExportForm onStarted={setCurrent} />
      {current !== null && <ExportProgress key={current} tenantId={tenantId} exportId={current} onFinished={reload} />}
      <AsyncView state={state} label="exports" onRetry={reload} isEmpty={(d) => d.exports.length === 0}>
        {(data) => <ExportTable exports={data.exports} onShow={setCurrent} />}
      </AsyncView>
    </section>
  );
}
