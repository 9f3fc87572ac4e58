import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { appendAuditEvent } from '../audit/audit-events.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { Problem } from '../http/problem.ts';
import { API_PREFIX } from '../pipeline/registrar.ts';
import { DEMO_TENANTS, DEMO_USERS, PLATFORM_OPERATOR } from '../seed/seed-demo.ts';
import { findTenant } from '../tenancy/tenants.ts';
import type { Clock } from '../util/clock.ts';
import type { DevIssuer } from './dev-issuer.ts';
import { getSubject } from './subjects.ts';

export const DEV_SIGN_IN_PATH = `${API_PREFIX}/dev/sign-in`;
export const SIGN_IN_OPTIONS_PATH = `${API_PREFIX}/sign-in/options`;

const SESSION_TTL_S = 8 * 3600;

const SignInBody = Type.Object(
  {
    tenant_id: Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' }),
    subject_id: Type.String({ minLength: 1, maxLength: 200 }),
    step_up: Type.Optional(Type.Boolean({ description: 'record a fresh strong authentication, for actions that require step-up' })),
  },
  { additionalProperties: false },
);

export interface SignInDeps {
  db: Database;
  clock: Clock;
  devIssuer: DevIssuer | undefined;
  oidc: Config['oidc'];
}

/** The seeded identities the development sign-in offers (static: no tenant data is read). */
function devIdentities(): { tenant_id: string; subject_id: string; display_name: string }[] {
  const operator = { tenant_id: PLATFORM_OPERATOR.tenant, subject_id: PLATFORM_OPERATOR.subject, display_name: 'Pat Platform Operator' };
  return [operator, ...DEMO_TENANTS.flatMap((t) => DEMO_USERS.map((u) => ({ tenant_id: t.tenant_id, subject_id: u.subject_id, display_name: u.display_name })))];
}

/**
 * Public sign-in routes for the console: which sign-in methods exist, and the development
 * sign-in, which mints a dev-issuer token for a seeded user of an active tenant. Both are named
 * public exceptions in the registrar; the sign-in is refused when the dev issuer is disabled.
 */
export function registerSignIn(app: FastifyInstance, deps: SignInDeps): void {
  app.get(SIGN_IN_OPTIONS_PATH, { schema: { hide: true } }, async () => ({
    dev: deps.devIssuer === undefined ? null : { identities: devIdentities() },
    // The console is a public client of the issuer; its client id is the API audience.
    oidc: deps.oidc === undefined ? null : { issuer: deps.oidc.issuer, client_id: deps.oidc.audience },
  }));

  app.post<{ Body: Static<typeof SignInBody> }>(DEV_SIGN_IN_PATH, { schema: { hide: true, body: SignInBody } }, async (request) => {
    const issuer = deps.devIssuer;
    if (issuer === undefined) throw new Problem('not-found', 'the development sign-in is disabled (COMPANYOS_DEV_ISSUER=false)');
    const { tenant_id: tenantId, subject_id: subjectId, step_up: stepUp } = request.body;
    const tenant = await withPlatformTransaction(deps.db, () => findTenant(tenantId));
    if (tenant === undefined) throw new Problem('unauthenticated', `no tenant ${tenantId}`);
    const context = { requestId: request.id };
    const audit = (decision: 'allow' | 'deny', reasons: string[]) =>
      withTenantTransaction(deps.db, tenantId, () =>
        appendAuditEvent({ type: 'auth.dev_sign_in', actor: subjectId, decision, reasons, requestId: request.id, details: { step_up: stepUp === true }, at: deps.clock.now() }),
      { context },
      );
    if (tenant.status !== 'active') {
      await audit('deny', ['the tenant is disabled']);
      throw new Problem('tenant-disabled', `tenant ${tenantId} is disabled: its users cannot sign in`);
    }
    const subject = await withTenantTransaction(deps.db, tenantId, () => getSubject(subjectId), { context });
    if (subject === undefined || subject.status !== 'active') {
      await audit('deny', ['the subject is unknown or disabled']);
      throw new Problem('unauthenticated', `no active user ${subjectId} in tenant ${tenantId}`);
    }
    const token = await issuer.mint({ tenant: tenantId, subject: subjectId, ttl: SESSION_TTL_S, stepUp });
    await audit('allow', []);
    return {
      token,
      token_type: 'Bearer',
      expires_at: new Date(deps.clock.now().getTime() + SESSION_TTL_S * 1000).toISOString(),
      tenant_id: tenantId,
      subject: { subject_id: subject.subject_id, display_name: subject.display_name, roles: subject.roles },
      step_up: stepUp === true,
    };
  });
}
