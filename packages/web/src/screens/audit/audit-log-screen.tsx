import { useState } from 'react';
import { apiFor } from '../../api/client.ts';
import type { AuditPage } from '../../api/types.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { AuditFilterForm } from './audit-filter-form.tsx';
import { AuditTable } from './audit-table.tsx';
import { auditQuery, NO_FILTERS, type AuditFilters } from './audit-query.ts';

/** The tenant's audit trail, newest first, filtered by time, actor and action, a page at a time. */
export function AuditLogScreen() {
  const { active } = useSessions();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  // Cursors of the pages before the current one; the current page's cursor is the last.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const query = auditQuery(filters, cursors.at(-1) ?? null);
  const { state, reload } = useAsync(() => apiFor(active?.token).get<AuditPage>(query), `${query}:${active?.token}`);
  const page = cursors.length;

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <AuditFilterForm
        initial={filters}
        onApply={(f) => {
          setFilters(f);
          setCursors([null]);
        }}
      />
      <AsyncView state={state} label="audit events" isEmpty={(d) => d.events.length === 0} empty="No audit events match these filters." onRetry={reload}>
        {(data) => (
          <>
            <AuditTable events={data.events} page={page} />
            <nav className="pager" aria-label="Audit pages">
              <button type="button" disabled={page === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                Newer
              </button>
              <span aria-live="polite">Page {page}</span>
              <button type="button" disabled={data.next_cursor === null} onClick={() => setCursors([...cursors, data.next_cursor])}>
                Older
              </button>
            </nav>
          </>
        )}
      </AsyncView>
    </section>
  );
}
