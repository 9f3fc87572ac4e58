import { useState } from 'react';
import type { AuditEvent, AuditPage } from '../../api/types.ts';
import { PagedView } from '../../ui/paged-view.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { AuditFilterForm } from './audit-filter-form.tsx';
import { AuditTable } from './audit-table.tsx';
import { auditQuery, NO_FILTERS, type AuditFilters } from './audit-query.ts';

/** The tenant's audit trail, newest first, filtered by time, actor and action, a page at a time. */
export function AuditLogScreen() {
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const list = usePagedList<AuditEvent>(auditQuery(filters, null), async (api, cursor) => {
    const page = await api.get<AuditPage>(auditQuery(filters, cursor));
    return { items: page.events, next: page.next_cursor };
  });

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <AuditFilterForm initial={filters} onApply={setFilters} />
      <PagedView list={list} label="audit events" empty="No audit events match these filters.">
        {(events, page) => <AuditTable events={events} page={page} />}
      </PagedView>
    </section>
  );
}
