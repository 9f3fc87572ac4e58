import * as oauth from 'oauth4webapi';
import { loadSignInOptions } from './dev-sign-in.ts';
import { addSession, type Session } from './session-store.ts';

// The OpenID Connect authorization-code flow with PKCE, the console acting as a public client.
// What must survive a round trip of the page to the issuer is kept in sessionStorage for this tab
// only; a step-up in a popup window keeps it in memory, with the action waiting for it.

export const OIDC_CALLBACK_PATH = '/auth/callback';
const PENDING_KEY = 'switchboard.oidc';
const STEP_UP_NOTICE_KEY = 'switchboard.step-up-notice';
const CALLBACK_MESSAGE = 'switchboard.oidc-callback';

/**
 * The authentication context class the API takes as a strong authentication (as it does amr
 * otp, mfa or hwk), asked of the issuer when a step-up denial names none.
 */
export const STEP_UP_ACR = 'urn:companyos:acr:step-up';

interface Pending {
  issuer: string;
  client_id: string;
  verifier: string;
  state: string;
  nonce: string;
  /** A step-up that left the page: where to return, and the ID token must show a fresh login. */
  step_up_return_to?: string;
}

// Plain http is accepted only for an issuer on this machine (development and tests).
const options = (issuer: URL) => ({ [oauth.allowInsecureRequests]: issuer.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(issuer.hostname) });

async function discover(issuer: URL): Promise<oauth.AuthorizationServer> {
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options(issuer) }));
}

const redirectUri = () => `${location.origin}${OIDC_CALLBACK_PATH}`;

/** A fresh authorization request (state, nonce, PKCE verifier), with `extra` parameters. */
async function authorizationRequest(issuerUrl: string, clientId: string, extra: Record<string, string> = {}): Promise<{ url: string; pending: Pending }> {
  const as = await discover(new URL(issuerUrl));
  if (as.authorization_endpoint === undefined) throw new Error('the issuer has no authorization endpoint');
  const pending: Pending = { issuer: issuerUrl, client_id: clientId, verifier: oauth.generateRandomCodeVerifier(), state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce() };
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
    ...extra,
  }).toString();
  return { url: url.toString(), pending };
}

/** Sends the browser to the issuer's authorization endpoint. */
export async function startOidcSignIn(issuerUrl: string, clientId: string): Promise<void> {
  const { url, pending } = await authorizationRequest(issuerUrl, clientId);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(url);
}

/**
 * Redeems a callback: checks the state, redeems the code with the PKCE verifier, validates the ID
 * token (issuer, audience, nonce, and a login at most `maxAge` seconds old when given) and makes
 * it the session's bearer token: its audience is the console's client id, which is the API audience.
 */
async function redeem(pending: Pending, callback: URL, maxAge?: number): Promise<Session> {
  const issuer = new URL(pending.issuer);
  const as = await discover(issuer);
  const client: oauth.Client = { client_id: pending.client_id };
  const params = oauth.validateAuthResponse(as, client, callback, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(), pending.verifier, options(issuer));
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true, ...(maxAge === undefined ? {} : { maxAge }) });
  const claims = oauth.getValidatedIdTokenClaims(result)!;
  const tenant = typeof claims.tenant_id === 'string' ? claims.tenant_id : typeof claims.tid === 'string' ? claims.tid : undefined;
  if (tenant === undefined) throw new Error('the ID token names no tenant (tenant_id or tid claim)');
  return {
    tenant_id: tenant,
    subject_id: claims.sub,
    display_name: typeof claims.name === 'string' ? claims.name : claims.sub,
    roles: [],
    token: result.id_token!,
    expires_at: new Date(claims.exp * 1000).toISOString(),
    method: 'oidc',
  };
}

/** Completes the flow on the callback URL; returns the session and where to go next, if not home. */
export async function completeOidcSignIn(callback: URL): Promise<{ session: Session; returnTo?: string }> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (raw === null) throw new Error('no sign-in is in progress; start again');
  const pending = JSON.parse(raw) as Pending;
  const returnTo = pending.step_up_return_to;
  const session = await redeem(pending, callback, returnTo === undefined ? undefined : 0);
  addSession(session);
  if (returnTo === undefined) return { session };
  sessionStorage.setItem(STEP_UP_NOTICE_KEY, '1');
  return { session, returnTo };
}

/** Whether a step-up by redirect just returned here (asked once: the notice is then consumed). */
export function takeStepUpNotice(): boolean {
  const returned = sessionStorage.getItem(STEP_UP_NOTICE_KEY) !== null;
  sessionStorage.removeItem(STEP_UP_NOTICE_KEY);
  return returned;
}

/** Opens the window a step-up signs in through. Call it in the click that confirms: browsers block it otherwise. */
export function openStepUpWindow(): Window | null {
  return window.open('about:blank', 'switchboard-step-up', 'popup,width=520,height=680');
}

/**
 * Asks the issuer for a fresh strong login of the signed-in user (prompt=login, max_age=0 and the
 * ACRs the API named) and makes it the session. In `popup` the page and its pending action stay
 * alive; without one (blocked) the browser goes to the issuer and comes back to this screen,
 * and this resolves to undefined.
 */
export async function oidcStepUp(session: Session, popup: Window | null, acrValues: string[]): Promise<Session | undefined> {
  const { oidc } = await loadSignInOptions();
  if (oidc === null) throw new Error('single sign-on is not configured on this server');
  const { url, pending } = await authorizationRequest(oidc.issuer, oidc.client_id, { prompt: 'login', max_age: '0', acr_values: acrValues.join(' ') });
  if (popup === null) {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ ...pending, step_up_return_to: `${location.pathname}${location.search}` }));
    location.assign(url);
    return undefined;
  }
  popup.location.assign(url);
  const stronger = await redeem(pending, await callbackFrom(popup), 0);
  if (stronger.tenant_id !== session.tenant_id || stronger.subject_id !== session.subject_id) {
    throw new Error(`the identity provider signed in ${stronger.subject_id} of tenant ${stronger.tenant_id}, not ${session.subject_id}: sign out to change user`);
  }
  addSession(stronger);
  return stronger;
}

/** Waits for the step-up window's callback page to hand back the issuer's answer. */
function callbackFrom(popup: Window): Promise<URL> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ type?: unknown; url?: unknown } | null>) => {
      // Only our own window, on our own origin, may answer.
      if (event.origin !== location.origin || event.source !== popup) return;
      if (event.data?.type !== CALLBACK_MESSAGE || typeof event.data.url !== 'string') return;
      stop();
      resolve(new URL(event.data.url));
    };
    const watch = setInterval(() => {
      if (!popup.closed) return;
      stop();
      reject(new Error('the sign-in window was closed before the sign-in completed'));
    }, 500);
    const stop = () => {
      clearInterval(watch);
      window.removeEventListener('message', onMessage);
    };
    window.addEventListener('message', onMessage);
  });
}

/**
 * On the callback page of a step-up window: hands the issuer's answer (code and state, which only
 * the opener can redeem) to the opener on this origin, and closes. False on a plain sign-in.
 */
export function handCallbackToOpener(callback: URL): boolean {
  const opener = window.opener as Window | null;
  if (opener === null || sessionStorage.getItem(PENDING_KEY) !== null) return false;
  opener.postMessage({ type: CALLBACK_MESSAGE, url: callback.href }, location.origin);
  window.close();
  return true;
}
