import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { Problem } from '../http/problem.ts';
import { API_PREFIX } from '../pipeline/registrar.ts';
import { sha256Hex } from '../util/canonical-json.ts';
import type { BrandingCache } from './branding-cache.ts';
import { getBranding } from './branding-store.ts';

/** Public, so a sign-in page can theme itself before anyone is authenticated. */
export const BRANDING_ROUTE = `${API_PREFIX}/tenants/:id/branding`;
export const LOGO_ROUTE = `${API_PREFIX}/tenants/:id/branding/logo`;

const TENANT = /^[a-z][a-z0-9-]{1,62}$/;
const notFound = (id: string) => new Problem('not-found', `no branding for tenant ${id}`);

// Read through the tenant's own row-level security context: these routes can only ever see the
// tenant named in the path, and only its branding.
function checkedId(id: string): string {
  if (!TENANT.test(id)) throw notFound(id);
  return id;
}

function cached(reply: FastifyReply, etag: string, ifNoneMatch: string | undefined, maxAge: number): boolean {
  reply.header('etag', etag).header('cache-control', `public, max-age=${maxAge}`);
  if (ifNoneMatch === undefined || !ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return false;
  reply.code(304);
  return true;
}

export function registerBrandingRoutes(app: FastifyInstance, db: Database, cache: BrandingCache): void {
  app.get<{ Params: { id: string } }>(BRANDING_ROUTE, { schema: { hide: true } }, async (request, reply) => {
    const found = await cache.get(checkedId(request.params.id));
    if (found === undefined) throw notFound(request.params.id);
    if (cached(reply, found.etag, request.headers['if-none-match'], 60)) return reply.send();
    return found.view;
  });
  app.get<{ Params: { id: string } }>(LOGO_ROUTE, { schema: { hide: true } }, async (request, reply) => {
    const stored = await withTenantTransaction(db, checkedId(request.params.id), getBranding);
    if (stored?.logo == null || stored.logo_type === null) throw notFound(request.params.id);
    const logo = Buffer.from(stored.logo);
    if (cached(reply, `"${sha256Hex(logo).slice(0, 32)}"`, request.headers['if-none-match'], 3600)) return reply.send();
    // The sniffed type is served with nosniff, so a browser never reinterprets the bytes.
    return reply.type(stored.logo_type).header('x-content-type-options', 'nosniff').send(logo);
  });
}
