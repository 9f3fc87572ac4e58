import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface FakeIssuer {
  /** The issuer identifier, with its trailing slash, as discovery and tokens state it. */
  issuer: string;
  /** Authorization requests received, as their query parameters. */
  authorizations: URLSearchParams[];
  close(): Promise<void>;
}

interface Grant {
  challenge: string;
  redirectUri: string;
  clientId: string;
  nonce: string;
}

/**
 * A minimal OpenID provider for one user: discovery, JWKS, an authorization endpoint that signs
 * the user in at once, and a token endpoint that insists on the PKCE verifier.
 */
export async function startFakeIssuer(user: { sub: string; tenant_id: string; name: string }): Promise<FakeIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const authorizations: URLSearchParams[] = [];
  let issuer = '';

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
      const code = randomUUID();
      grants.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '', clientId: q.get('client_id') ?? '', nonce: q.get('nonce') ?? '' });
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
      const idToken = await new SignJWT({ tenant_id: user.tenant_id, name: user.name, nonce: grant.nonce })
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
