import * as oauth from 'oauth4webapi';
import { addSession, type Session } from './session-store.ts';

// The OpenID Connect authorization-code flow with PKCE, the console acting as a public client.
// What must survive the round trip to the issuer is kept in sessionStorage for this tab only.

export const OIDC_CALLBACK_PATH = '/auth/callback';
const PENDING_KEY = 'switchboard.oidc';

interface Pending {
  issuer: string;
  client_id: string;
  verifier: string;
  state: string;
  nonce: string;
}

// Plain http is accepted only for an issuer on this machine (development and tests).
const options = (issuer: URL) => ({ [oauth.allowInsecureRequests]: issuer.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(issuer.hostname) });

async function discover(issuer: URL): Promise<oauth.AuthorizationServer> {
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options(issuer) }));
}

const redirectUri = () => `${location.origin}${OIDC_CALLBACK_PATH}`;

/** Sends the browser to the issuer's authorization endpoint. */
export async function startOidcSignIn(issuerUrl: string, clientId: string): Promise<void> {
  const issuer = new URL(issuerUrl);
  const as = await discover(issuer);
  if (as.authorization_endpoint === undefined) throw new Error('the issuer has no authorization endpoint');
  const pending: Pending = { issuer: issuerUrl, client_id: clientId, verifier: oauth.generateRandomCodeVerifier(), state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce() };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid profile',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * Completes the flow on the callback URL: checks the state, redeems the code with the PKCE
 * verifier, validates the ID token (issuer, audience, nonce) and keeps it as the session's bearer
 * token: its audience is the console's client id, which is the API audience.
 */
export async function completeOidcSignIn(callback: URL): Promise<Session> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (raw === null) throw new Error('no sign-in is in progress; start again');
  const pending = JSON.parse(raw) as Pending;
  const issuer = new URL(pending.issuer);
  const as = await discover(issuer);
  const client: oauth.Client = { client_id: pending.client_id };
  const params = oauth.validateAuthResponse(as, client, callback, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(), pending.verifier, options(issuer));
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  const claims = oauth.getValidatedIdTokenClaims(result)!;
  const tenant = typeof claims.tenant_id === 'string' ? claims.tenant_id : typeof claims.tid === 'string' ? claims.tid : undefined;
  if (tenant === undefined) throw new Error('the ID token names no tenant (tenant_id or tid claim)');
  const session: Session = {
    tenant_id: tenant,
    subject_id: claims.sub,
    display_name: typeof claims.name === 'string' ? claims.name : claims.sub,
    roles: [],
    token: result.id_token!,
    expires_at: new Date(claims.exp * 1000).toISOString(),
    method: 'oidc',
  };
  addSession(session);
  return session;
}
