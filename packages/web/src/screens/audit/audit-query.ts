export interface AuditFilters {
  from: string;
  to: string;
  actor: string;
  action: string;
}

export const NO_FILTERS: AuditFilters = { from: '', to: '', actor: '', action: '' };
export const PAGE_SIZE = 20;

/** The audit-events query for filters (local datetime inputs become UTC instants) and a cursor. */
export function auditQuery(filters: AuditFilters, cursor: string | null): string {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filters.from !== '') q.set('from', new Date(filters.from).toISOString());
  if (filters.to !== '') q.set('to', new Date(filters.to).toISOString());
  if (filters.actor.trim() !== '') q.set('actor', filters.actor.trim());
  if (filters.action.trim() !== '') q.set('action', filters.action.trim());
  if (cursor !== null) q.set('cursor', cursor);
  return `/audit-events?${q.toString()}`;
}
