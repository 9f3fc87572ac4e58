/**
 * Keyset paging of a tenant's rows newest first: only rows after the row `$n` names, in
 * (created_at, id) order, so a page deep in a list costs what the first one does. An id the
 * tenant does not hold names no row, and the page is empty.
 */
export const olderThan = (table: string, id: string, n: number): string =>
  `($${n}::uuid IS NULL OR (created_at, ${id}) < (SELECT b.created_at, b.${id} FROM ${table} b WHERE b.tenant_id = $1 AND b.${id} = $${n}))`;
