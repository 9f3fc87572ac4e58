/**
 * SQL condition: the allowed action audited as `alias` names no stored receipt. The id is cast on
 * the audit side so each lookup is one probe of the receipts' primary key (casting the receipt
 * column instead compares every receipt of the tenant with every event); an id that is not a
 * UUID names no receipt, so it counts as absent.
 */
export const receiptAbsent = (alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM receipts r WHERE r.tenant_id = ${alias}.tenant_id AND r.receipt_id =
     CASE WHEN ${alias}.details->>'receipt_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          THEN (${alias}.details->>'receipt_id')::uuid END)`;
