/** The checkpoint origin of a tenant's log; it is also the note key name its checkpoints are signed under. */
export function ledgerOrigin(tenantId: string): string {
  return `companyos/tenants/${tenantId}/ledger`;
}
