import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { buildApp } from '../src/http/app.ts';
import { createLogger } from '../src/logger.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
before(async () => {
  h = await createTestApp();
});
after(() => h.close());

const signIn = (body: Record<string, unknown>) => h.app.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: body });

test('the sign-in options list the seeded identities and no OIDC issuer', async () => {
  const res = await h.app.inject({ url: '/api/v1/sign-in/options' });
  assert.equal(res.statusCode, 200);
  const body = res.json() as { dev: { identities: { tenant_id: string; subject_id: string }[] }; oidc: unknown };
  assert.equal(body.oidc, null);
  assert.ok(body.dev.identities.some((i) => i.tenant_id === 'internal' && i.subject_id === 'user-platform-operator'));
  assert.ok(body.dev.identities.some((i) => i.tenant_id === 'pilot-a' && i.subject_id === 'user-admin'));
});

test('a seeded user gets a token the API accepts, with its roles; the sign-in is audited', async () => {
  const res = await signIn({ tenant_id: 'pilot-a', subject_id: 'user-admin' });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json() as { token: string; tenant_id: string; subject: { roles: string[] }; step_up: boolean };
  assert.deepEqual([body.tenant_id, body.subject.roles, body.step_up], ['pilot-a', ['CompanyAdmin'], false]);
  const api = await h.app.inject({ url: '/api/v1/subjects', headers: { authorization: `Bearer ${body.token}` } });
  assert.equal(api.statusCode, 200);
  const events = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ type: 'auth.dev_sign_in' }));
  assert.ok(events.some((e) => e.request_id === res.headers['x-request-id'] && e.decision === 'allow' && e.actor === 'user-admin'));
});

test('a step-up sign-in satisfies the step-up policy, a plain one does not', async () => {
  const plain = (await signIn({ tenant_id: 'internal', subject_id: 'user-platform-operator' })).json().token as string;
  const strong = (await signIn({ tenant_id: 'internal', subject_id: 'user-platform-operator', step_up: true })).json().token as string;
  const disable = (token: string) => h.app.inject({ method: 'POST', url: '/api/v1/tenants/demo-external/disable', headers: { authorization: `Bearer ${token}` }, payload: { reason: 'contract ended' } });
  const denied = await disable(plain);
  assert.equal(denied.statusCode, 403);
  assert.ok((denied.json().reasons as string[]).some((r) => /step-up/.test(r)));
  assert.equal((await disable(strong)).statusCode, 200);
});

test('users of a disabled tenant are refused, and the refusal is audited in that tenant', async () => {
  // demo-external was disabled by the previous test.
  const res = await signIn({ tenant_id: 'demo-external', subject_id: 'user-admin' });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().type, 'https://companyos.dev/problems/tenant-disabled');
  assert.match(res.json().detail, /demo-external is disabled/);
  assert.equal(res.json().token, undefined);
  const events = await withTenantTransaction(h.t.db, 'demo-external', () => listAuditEvents({ type: 'auth.dev_sign_in' }));
  assert.ok(events.some((e) => e.request_id === res.headers['x-request-id'] && e.decision === 'deny'));
});

test('unknown tenants and users, and subjects of another tenant, are 401; bad bodies 400', async () => {
  assert.equal((await signIn({ tenant_id: 'ghost-tenant', subject_id: 'user-admin' })).statusCode, 401);
  assert.equal((await signIn({ tenant_id: 'pilot-a', subject_id: 'user-platform-operator' })).statusCode, 401);
  assert.equal((await signIn({ tenant_id: 'pilot-a', subject_id: 'nobody' })).statusCode, 401);
  const bad = await signIn({ tenant_id: 'pilot-a', subject_id: 'user-admin', roles: ['platform_operator'] });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().type, 'https://companyos.dev/problems/invalid-request');
});

test('with the dev issuer disabled the sign-in is refused and not offered', async () => {
  const app = await buildApp({ database: h.t.db, logger: createLogger({ level: 'silent' }), config: { devIssuer: false } });
  try {
    const res = await app.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: { tenant_id: 'pilot-a', subject_id: 'user-admin' } });
    assert.equal(res.statusCode, 404);
    assert.match(res.json().detail, /development sign-in is disabled/);
    assert.deepEqual((await app.inject({ url: '/api/v1/sign-in/options' })).json(), { dev: null, oidc: null });
  } finally {
    await app.close();
  }
});
