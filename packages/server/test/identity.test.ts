import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { Authenticator } from '../src/identity/authenticate.ts';
import { DevIssuer } from '../src/identity/dev-issuer.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
before(async () => {
  h = await createTestApp();
});
after(() => h.close());

const admin = ['pilot-a', 'user-admin'] as [string, string];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test('requests without a valid credential get 401 problems', async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{}, /bearer token or API key is required/],
    [{ authorization: 'Basic dXNlcjpwYXNz' }, /bearer token or API key is required/],
    [bearer('not.a.jwt'), /malformed/],
    [bearer('cos_aaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'), /invalid or revoked/],
    [bearer(await DevIssuer.open({ clock: h.clock }).mint({ tenant: 'pilot-a', subject: 'user-admin' })), /invalid or expired/],
    [bearer(await h.issuer.mint({ tenant: 'pilot-a', subject: 'nobody' })), /unknown or disabled/],
    [bearer(await h.issuer.mint({ tenant: '', subject: 'user-admin' })), /names no tenant/],
  ];
  for (const [headers, detail] of cases) {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/subjects', headers });
    assert.equal(res.statusCode, 401, JSON.stringify(headers));
    assert.equal(res.json().type, 'https://companyos.dev/problems/unauthenticated');
    assert.match(res.json().detail, detail);
    assert.equal(res.headers['www-authenticate'], 'Bearer');
  }
});

test('an expired token is refused (fake clock)', async () => {
  const token = await h.token('pilot-a', 'user-admin', { ttl: 60 });
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/subjects', headers: bearer(token) })).statusCode, 200);
  h.clock.advance(61_000);
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/subjects', headers: bearer(token) })).statusCode, 401);
});

test('subjects are created, read, updated and disabled; a disabled subject cannot sign in', async () => {
  const created = await h.call('POST', '/api/v1/subjects', {
    as: admin,
    body: { subject_id: 'user-new', display_name: 'New', roles: ['engineer'], attributes: { department: 'eng', country: 'DE', employment_type: 'contractor' } },
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().tenant_id, 'pilot-a');
  assert.equal((await h.call('GET', '/api/v1/subjects/user-new', { as: ['pilot-a', 'user-new'] })).json().attributes.employment_type, 'contractor');
  const updated = await h.call('PATCH', '/api/v1/subjects/user-new', { as: admin, body: { roles: ['engineer', 'team_lead'] } });
  assert.deepEqual(updated.json().roles, ['engineer', 'team_lead']);
  await h.call('PATCH', '/api/v1/subjects/user-new', { as: admin, body: { status: 'disabled' } });
  assert.equal((await h.call('GET', '/api/v1/subjects/user-new', { as: ['pilot-a', 'user-new'] })).statusCode, 401);
  assert.equal((await h.call('GET', '/api/v1/subjects/no-such-user', { as: admin })).statusCode, 404);
});

test('a new subject is a User entity in its team at once; creating it again changes neither', async () => {
  const body = { subject_id: 'user-graphed', display_name: 'Graphed', roles: ['engineer'], attributes: { department: 'Data Ops' } };
  assert.equal((await h.call('POST', '/api/v1/subjects', { as: admin, body })).statusCode, 201);
  const entity = async () => (await h.call('GET', '/api/v1/entities/subject:user-graphed', { as: admin })).json();
  const first = await entity();
  assert.equal(first.type, 'User');
  assert.deepEqual(first.properties, { subject_id: 'user-graphed', name: 'Graphed', roles: ['engineer'], status: 'active' });
  const teams = (await h.call('GET', '/api/v1/graph/entity/subject:user-graphed?depth=1&types=MEMBER_OF', { as: admin })).json();
  assert.deepEqual(
    teams.neighbours.map((n: { entity: { entity_id: string } }) => n.entity.entity_id),
    ['team:data-ops'],
  );
  const again = await h.call('POST', '/api/v1/subjects', { as: admin, body: { ...body, display_name: 'Someone Else', roles: ['finance'] } });
  assert.equal(again.statusCode, 409);
  assert.deepEqual((await entity()).properties, first.properties);
});

test('API keys: shown once, usable with their roles only, listed without secrets, revocable', async () => {
  const created = await h.call('POST', '/api/v1/api-keys', { as: admin, body: { subject_id: 'user-team-lead', name: 'ci', roles: ['team_lead'] } });
  assert.equal(created.statusCode, 201, created.body);
  const { key, secret } = created.json();
  assert.match(secret, /^cos_[0-9a-z]{20}_[A-Za-z0-9_-]{43}$/);
  assert.ok(secret.includes(key.key_id));

  const list = await h.app.inject({ method: 'GET', url: '/api/v1/subjects', headers: bearer(secret) });
  assert.equal(list.statusCode, 200, list.body);
  // The key carries team_lead only, which grants subject.list but not api_key.list.
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(secret) })).statusCode, 403);

  const listed = await h.call('GET', '/api/v1/api-keys', { as: admin });
  // The secret part is base64url and may itself contain '_', so cut it by position.
  const secretPart = secret.slice('cos_'.length + key.key_id.length + 1);
  assert.equal(secretPart.length, 43);
  assert.ok(!listed.body.includes(secretPart));
  assert.ok(listed.json().keys.some((k: { key_id: string }) => k.key_id === key.key_id));

  const wrongSecret = secret.slice(0, -4) + (secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/subjects', headers: bearer(wrongSecret) })).statusCode, 401);

  const revoked = await h.call('POST', `/api/v1/api-keys/${key.key_id}/revoke`, { as: admin });
  assert.ok(revoked.json().revoked_at);
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/subjects', headers: bearer(secret) })).statusCode, 401);
});

test('a key cannot carry a role its subject lacks', async () => {
  const res = await h.call('POST', '/api/v1/api-keys', { as: admin, body: { subject_id: 'user-engineer', name: 'x', roles: ['CompanyAdmin'] } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().errors[0].field, 'roles');
});

test('tokens of a configured OIDC issuer are verified against its JWKS; claims keep acr, amr and auth_time', async () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'idp-1', alg: 'ES256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    const auth = new Authenticator({ db: h.t.db, clock: h.clock, oidc: { issuer: 'https://idp.example.com', audience: 'companyos-api', jwksUrl } });
    const now = Math.floor(h.clock.now().getTime() / 1000);
    const sign = (claims: Record<string, unknown>, audience = 'companyos-api') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
        .setIssuer('https://idp.example.com')
        .setAudience(audience)
        .setSubject('user-security')
        .setIssuedAt(now)
        .setExpirationTime(now + 300)
        .sign(privateKey);
    const principal = await auth.authenticate(`Bearer ${await sign({ tid: 'pilot-b', acr: 'mfa', amr: ['pwd', 'hwk'], auth_time: now })}`);
    assert.deepEqual(
      { ...principal, attributes: undefined },
      {
        subjectId: 'user-security',
        tenantId: 'pilot-b',
        roles: ['security', 'security_officer'],
        attributes: undefined,
        credential: 'jwt',
        issuer: 'https://idp.example.com',
        acr: 'mfa',
        amr: ['pwd', 'hwk'],
        authTime: now,
      },
    );
    await assert.rejects(auth.authenticate(`Bearer ${await sign({ tid: 'pilot-b' }, 'someone-else')}`), /invalid or expired/);
    // The dev issuer is not trusted by an authenticator that was not given it.
    await assert.rejects(auth.authenticate(`Bearer ${await h.token('pilot-b', 'user-security')}`), /issuer is not trusted/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('an unreachable identity provider is a 503 problem, not a refused token', async () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  // A port that was just free: nothing answers there.
  const idle: Server = createServer();
  await new Promise<void>((resolve) => idle.listen(0, '127.0.0.1', resolve));
  const port = (idle.address() as AddressInfo).port;
  await new Promise((resolve) => idle.close(resolve));
  const now = Math.floor(h.clock.now().getTime() / 1000);
  const token = await new SignJWT({ tid: 'pilot-b' })
    .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
    .setIssuer(`http://127.0.0.1:${port}`)
    .setAudience('companyos-api')
    .setSubject('user-security')
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(privateKey);
  for (const oidc of [
    { issuer: `http://127.0.0.1:${port}`, audience: 'companyos-api' },
    { issuer: `http://127.0.0.1:${port}`, audience: 'companyos-api', jwksUrl: `http://127.0.0.1:${port}/jwks` },
  ]) {
    const auth = new Authenticator({ db: h.t.db, clock: h.clock, oidc });
    await assert.rejects(auth.authenticate(`Bearer ${token}`), (error: { type?: string; status?: number; detail?: string }) => {
      assert.equal(error.status, 503);
      assert.match(error.detail ?? '', /identity provider cannot verify tokens/);
      return true;
    });
  }
});

test('the dev issuer publishes its public key', async () => {
  const res = await h.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
  assert.equal(res.statusCode, 200);
  const [key] = res.json().keys;
  assert.equal(key.kty, 'OKP');
  assert.equal(key.crv, 'Ed25519');
  assert.equal(key.kid, h.issuer.kid);
  assert.equal(key.d, undefined);
});
