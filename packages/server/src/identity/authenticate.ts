import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Database } from '../db/database.ts';
import { acrossDatabases } from '../db/region-router.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { Problem } from '../http/problem.ts';
import type { Clock } from '../util/clock.ts';
import { ActiveSubjects } from './active-subjects.ts';
import { VerifiedTokens } from './verified-tokens.ts';
import { looksLikeApiKey, resolveApiKey } from './api-keys.ts';
import { DEV_ISSUER, type DevIssuer } from './dev-issuer.ts';
import type { Principal } from './principal.ts';
import { isPortalToken } from '../portal/viewer-tokens.ts';
import { portalCredential } from '../portal/viewer-credential.ts';
import { databaseSubjectStore, type Subject, type SubjectStore } from './subjects.ts';

export interface OidcSettings {
  issuer: string;
  audience: string;
  jwksUrl?: string | undefined;
}

export interface AuthenticatorOptions {
  db: Database;
  clock: Clock;
  devIssuer?: DevIssuer | undefined;
  oidc?: OidcSettings | undefined;
  subjects?: SubjectStore;
}

/** How far a token's issue time may lie ahead of this server's clock (issuers' clocks drift a little). */
export const MAX_CLOCK_SKEW_S = 60;

const unauthenticated = (detail: string) => new Problem('unauthenticated', detail, {}, { 'www-authenticate': 'Bearer' });

/** The identity provider could not be asked: the server's trouble, not the caller's (503). */
const issuerUnreachable = (why: string) => new Problem('unavailable', `the identity provider cannot verify tokens right now: ${why}`, {}, { 'retry-after': '30' });

/**
 * A key lookup that tells a token no published key matches (the caller's problem, 401) from a key
 * set that could not be fetched (a network or provider failure, 503).
 */
function keysOrUnavailable(getKey: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await getKey(header, token);
    } catch (error) {
      if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys) throw error;
      throw issuerUnreachable(`its signing keys could not be fetched (${(error as Error).message})`);
    }
  };
}

/**
 * Who a credential names, checked before the request body is read: its signature and claims, and
 * that its subject was active (recently, see ActiveSubjects). Its roles and attributes are read
 * by `resolve()` inside the request's own transaction, which decides.
 */
export interface Credential {
  tenantId: string;
  subjectId: string;
  /** The principal with roles and attributes from the subject store; runs in the current tenant transaction. */
  resolve(): Promise<Principal>;
  /**
   * The principal, given the subject as the current tenant transaction read it (refused unless it
   * is active). Absent where the principal is not a subject row (portal viewers): `resolve` it.
   */
  principal?(subject: Subject | undefined): Principal;
}

/** Turns an Authorization header into a principal with roles and attributes from the subject store. */
export class Authenticator {
  private oidcKeys: Promise<JWTVerifyGetKey> | undefined;
  private readonly subjects: SubjectStore;
  private readonly active = new ActiveSubjects();
  private readonly verified = new VerifiedTokens();

  constructor(private readonly options: AuthenticatorOptions) {
    this.subjects = options.subjects ?? databaseSubjectStore;
  }

  /** The principal, with the subject looked up in a transaction of its own. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const credential = await this.identify(authorization);
    return withTenantTransaction(this.options.db, credential.tenantId, () => credential.resolve());
  }

  /**
   * Verifies the credential; its subject is looked up by `resolve()` in the caller's tenant
   * transaction. A portal sign-in may view several tenants: `requestedTenant` chooses among them.
   * `onTenant` is told the tenant of a verified token or key before its subject is checked, so a
   * request that fails after (the database is down) is still counted as that tenant's.
   */
  async identify(authorization: string | undefined, requestedTenant?: string, onTenant?: (tenantId: string) => void): Promise<Credential> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (match === null) throw unauthenticated('a bearer token or API key is required');
    const token = match[1]!;
    if (isPortalToken(token)) return portalCredential(this.options.db, this.options.clock, token, requestedTenant);
    return looksLikeApiKey(token) ? this.fromApiKey(token, onTenant) : this.fromJwt(token, onTenant);
  }

  private async fromApiKey(token: string, onTenant?: (tenantId: string) => void): Promise<Credential> {
    // The key is stored with its tenant, in that tenant's region database.
    const [key] = await acrossDatabases(this.options.db, async (db) => {
      const found = await withPlatformTransaction(db, () => resolveApiKey(token));
      return found === undefined ? [] : [found];
    });
    if (key === undefined) throw unauthenticated('the API key is invalid or revoked');
    onTenant?.(key.tenant_id);
    await this.precheck(key.tenant_id, key.subject_id);
    const principal = (found: Subject | undefined): Principal => {
      const subject = activeSubject(found);
      return {
        subjectId: subject.subject_id,
        tenantId: key.tenant_id,
        // A key carries at most the roles its subject still has.
        roles: key.roles.filter((r) => subject.roles.includes(r)),
        attributes: subject.attributes,
        credential: 'api_key',
        apiKeyId: key.key_id,
      };
    };
    return { tenantId: key.tenant_id, subjectId: key.subject_id, principal, resolve: async () => principal(await this.subjects.getSubject(key.subject_id)) };
  }

  private async fromJwt(token: string, onTenant?: (tenantId: string) => void): Promise<Credential> {
    let claims: JWTPayload;
    try {
      claims = await this.verifyJwt(token);
    } catch (error) {
      if (error instanceof Problem) throw error;
      throw unauthenticated('the bearer token is invalid or expired');
    }
    // A token "issued" in the future was minted by a wrong clock or to outlive its expiry checks.
    if (typeof claims.iat === 'number' && claims.iat > this.options.clock.now().getTime() / 1000 + MAX_CLOCK_SKEW_S) {
      throw unauthenticated(`the bearer token was issued in the future (more than ${MAX_CLOCK_SKEW_S} s ahead of this server's clock)`);
    }
    const tenant = typeof claims.tenant_id === 'string' ? claims.tenant_id : typeof claims.tid === 'string' ? claims.tid : undefined;
    if (tenant === undefined || tenant === '') throw unauthenticated('the token names no tenant (tenant_id or tid claim)');
    const sub = claims.sub;
    if (typeof sub !== 'string' || sub === '') throw unauthenticated('the token has no subject');
    // PostgreSQL text cannot hold NUL: such a claim names no stored tenant or subject.
    if (tenant.includes('\u0000') || sub.includes('\u0000')) throw unauthenticated('the subject is unknown or disabled');
    onTenant?.(tenant);
    await this.precheck(tenant, sub);
    const principal = (found: Subject | undefined): Principal => {
      const subject = activeSubject(found);
      return {
        subjectId: subject.subject_id,
        tenantId: tenant,
        roles: subject.roles,
        attributes: subject.attributes,
        credential: 'jwt',
        issuer: claims.iss,
        acr: typeof claims.acr === 'string' ? claims.acr : undefined,
        amr: Array.isArray(claims.amr) ? claims.amr.filter((x): x is string => typeof x === 'string') : undefined,
        authTime: typeof claims.auth_time === 'number' ? claims.auth_time : undefined,
      };
    };
    return { tenantId: tenant, subjectId: sub, principal, resolve: async () => principal(await this.subjects.getSubject(sub)) };
  }

  private async verifyJwt(token: string): Promise<JWTPayload> {
    const now = this.options.clock.now().getTime();
    const known = this.verified.get(token, now);
    if (known !== undefined) return known;
    const claims = await this.checkJwt(token);
    this.verified.remember(token, claims, now);
    return claims;
  }

  private async checkJwt(token: string): Promise<JWTPayload> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('the bearer token is malformed');
    }
    const { devIssuer, oidc, clock } = this.options;
    if (issuer === DEV_ISSUER && devIssuer !== undefined) return devIssuer.verify(token);
    if (oidc !== undefined && issuer === oidc.issuer) {
      const { payload } = await jwtVerify(token, await this.oidcKeySet(oidc), {
        issuer: oidc.issuer,
        audience: oidc.audience,
        currentDate: clock.now(),
      });
      return payload;
    }
    throw unauthenticated('the token issuer is not trusted');
  }

  private oidcKeySet(oidc: OidcSettings): Promise<JWTVerifyGetKey> {
    this.oidcKeys ??= (async () => {
      let jwksUrl = oidc.jwksUrl;
      if (jwksUrl === undefined) {
        const discovery = new URL('.well-known/openid-configuration', oidc.issuer.endsWith('/') ? oidc.issuer : `${oidc.issuer}/`);
        const doc = await fetch(discovery)
          .then((res) => (res.ok ? (res.json() as Promise<{ jwks_uri?: unknown }>) : Promise.reject(new Error(`HTTP ${res.status}`))))
          .catch((error: unknown) => {
            throw issuerUnreachable(`its discovery document ${discovery.href} could not be read (${(error as Error).message})`);
          });
        if (typeof doc.jwks_uri !== 'string') throw issuerUnreachable('its discovery document has no jwks_uri');
        jwksUrl = doc.jwks_uri;
      }
      return keysOrUnavailable(createRemoteJWKSet(new URL(jwksUrl)));
    })().catch((error: unknown) => {
      this.oidcKeys = undefined;
      throw error;
    });
    return this.oidcKeys;
  }

  /** Refuses an unknown or disabled subject early; a subject seen active lately costs no transaction. */
  private async precheck(tenantId: string, subjectId: string): Promise<void> {
    const now = Date.now();
    if (this.active.has(tenantId, subjectId, now)) return;
    await withTenantTransaction(this.options.db, tenantId, async () => activeSubject(await this.subjects.getSubject(subjectId)));
    this.active.remember(tenantId, subjectId, now);
  }
}

function activeSubject(subject: Subject | undefined): Subject {
  if (subject === undefined || subject.status !== 'active') throw unauthenticated('the subject is unknown or disabled');
  return subject;
}
