import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface FakeIssuer {
  /** The issuer identifier, with its trailing slash, as discovery and tokens state it. */
  issuer: string;
  /** Authorization requests received, as their query parameters. */
  authorizations: URLSearchParams[];
  /** Ends the user's login session at the provider: the next request logs in afresh. */
  endSession(): void;
  close(): Promise<void>;
}

interface Grant {
  challenge: string;
  redirectUri: string;
  clientId: string;
  nonce: string;
  /** When the user last logged in (seconds), and how: what the ID token states. */
  authTime: number;
  acr?: string;
  amr: string[];
}

/**
 * A minimal OpenID provider for one user: discovery, JWKS, an authorization endpoint that signs
 * the user in at once, and a token endpoint that insists on the PKCE verifier. Like a real
 * provider it keeps a login session: a new request reuses the earlier login unless it asks for
 * a fresh one (`prompt=login` or a `max_age` the login is older than). Asked for `acr_values`,
 * it logs the user in with a second factor and states the first requested ACR.
 */
export async function startFakeIssuer(user: { sub: string; tenant_id: string; name: string }): Promise<FakeIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const authorizations: URLSearchParams[] = [];
  let issuer = '';
  let login: { at: number; acr?: string; amr: string[] } | undefined;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const form = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return new URLSearchParams(text);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' });
      return res.end();
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}authorize`,
        token_endpoint: `${issuer}token`,
        jwks_uri: `${issuer}jwks`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['ES256'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      authorizations.push(q);
      const now = Math.floor(Date.now() / 1000);
      const maxAge = q.get('max_age') === null ? undefined : Number(q.get('max_age'));
      const acr = q.get('acr_values')?.split(' ')[0];
      // max_age=0 means a login of this very moment, like prompt=login.
      if (login === undefined || q.get('prompt') === 'login' || (maxAge !== undefined && now - login.at >= maxAge) || (acr !== undefined && acr !== login.acr)) {
        login = acr === undefined ? { at: now, amr: ['pwd'] } : { at: now, acr, amr: ['pwd', 'otp'] };
      }
      const code = randomUUID();
      grants.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '', clientId: q.get('client_id') ?? '', nonce: q.get('nonce') ?? '', authTime: login.at, amr: login.amr, ...(login.acr === undefined ? {} : { acr: login.acr }) });
      const back = new URL(q.get('redirect_uri')!);
      back.search = new URLSearchParams({ code, state: q.get('state') ?? '' }).toString();
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const body = await form(req);
      const grant = grants.get(body.get('code') ?? '');
      grants.delete(body.get('code') ?? '');
      const verifier = body.get('code_verifier') ?? '';
      const ok =
        grant !== undefined &&
        body.get('grant_type') === 'authorization_code' &&
        body.get('redirect_uri') === grant.redirectUri &&
        body.get('client_id') === grant.clientId &&
        createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
      if (!ok) return json(res, 400, { error: 'invalid_grant' });
      const idToken = await new SignJWT({ tenant_id: user.tenant_id, name: user.name, nonce: grant.nonce, auth_time: grant.authTime, amr: grant.amr, ...(grant.acr === undefined ? {} : { acr: grant.acr }) })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(grant.clientId)
        .setSubject(user.sub)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      return json(res, 200, { access_token: randomUUID(), token_type: 'Bearer', expires_in: 3600, id_token: idToken });
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    issuer,
    authorizations,
    endSession: () => {
      login = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
