import { currentTenantId, currentTx } from '../context.ts';

// Transaction-scoped advisory locks per tenant, in key spaces of their own (the first key), so
// several server processes never create two first keys, or let concurrent requests each count a
// quota before any of them has used it. (The ledger serialises on its lease row instead.)
export const LOCK_SPACE = { keys: 0x636f736b, quota: 0x636f7371, kek: 0x636f6b65 } as const;

export async function lockTenant(space: keyof typeof LOCK_SPACE): Promise<void> {
  await currentTx().query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [LOCK_SPACE[space], currentTenantId()]);
}
