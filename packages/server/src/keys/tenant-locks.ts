import { currentTenantId, currentTx } from '../context.ts';

// Transaction-scoped advisory locks per tenant, in key spaces of their own (the first key), so
// several server processes never create two first keys or integrate one log twice at once.
export const LOCK_SPACE = { keys: 0x636f736b, ledger: 0x636f736c } as const;

export async function lockTenant(space: keyof typeof LOCK_SPACE): Promise<void> {
  await currentTx().query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [LOCK_SPACE[space], currentTenantId()]);
}
