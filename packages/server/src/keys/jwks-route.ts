import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { Problem } from '../http/problem.ts';
import { API_PREFIX } from '../pipeline/registrar.ts';
import { getCurrentTenant } from '../tenancy/tenants.ts';
import type { TenantKeys } from './tenant-keys.ts';

export const TENANT_JWKS_ROUTE = `${API_PREFIX}/tenants/:id/jwks.json`;

const TENANT_ID = /^[a-z][a-z0-9-]{1,62}$/;

/**
 * The tenant's public signing keys, active and retired, with their validity windows. Public (a
 * named exception of the registrar): verifiers of receipts, checkpoints and packs need no account.
 */
export function registerJwksRoute(app: FastifyInstance, db: Database, keys: TenantKeys): void {
  app.get(TENANT_JWKS_ROUTE, { schema: { hide: true } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!TENANT_ID.test(id)) throw new Problem('not-found', `no tenant ${id}`);
    const jwks = await withTenantTransaction(db, id, async () => ((await getCurrentTenant()) === undefined ? undefined : keys.jwks()));
    if (jwks === undefined) throw new Problem('not-found', `no tenant ${id}`);
    reply.header('cache-control', 'public, max-age=60');
    return jwks;
  });
}
