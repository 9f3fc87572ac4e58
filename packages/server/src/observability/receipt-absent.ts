/**
 * SQL of a derived table: one row (`action`) per allowed action audited (alias `a`) where `where`
 * holds whose receipt is not stored. The receipt id is read from the audit events first, so the
 * check is one probe of the receipts' primary key per event even under row-level security (which
 * keeps a join condition with a cast or a regular expression out of the index scan, comparing
 * every receipt of the tenant with every event instead). An id that is not a UUID names no
 * receipt, so it counts as absent.
 */
export const allowedWithoutReceipt = (where: string): string =>
  `(WITH allowed AS MATERIALIZED (
      SELECT a.tenant_id, a.action,
             CASE WHEN a.details->>'receipt_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                  THEN (a.details->>'receipt_id')::uuid END AS receipt_id
      FROM audit_events a WHERE a.type = 'action.allowed' AND ${where})
    SELECT x.action FROM allowed x
    WHERE NOT EXISTS (SELECT 1 FROM receipts r WHERE r.tenant_id = x.tenant_id AND r.receipt_id = x.receipt_id))`;
