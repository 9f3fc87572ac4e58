import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { BRANDING_REFRESH_MS } from '../src/branding/branding-cache.ts';
import { putBranding } from '../src/branding/branding-store.ts';
import { CONFIG_CHANNEL } from '../src/fleet/config-follower.ts';
import { BRAND_COLORS as colors, PNG_LOGO as png } from './support/branding-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const adminA: [string, string] = ['pilot-a', 'user-admin'];

let h: TestApp;
before(async () => {
  // No ledger or job work in the background: the ledger's first key for a tenant moves its
  // configuration version, which would make this server drop the branding the drift test compares.
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

const publicBranding = (tenant: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url: `/api/v1/tenants/${tenant}/branding`, headers });

test('a tenant without branding gets its name and the default theme, publicly and cacheably', async () => {
  const res = await publicBranding('pilot-b');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { tenant_id: 'pilot-b', product_name: 'Pilot B', colors: { primary: '#1f4e8c', on_primary: '#ffffff', background: '#ffffff', text: '#1a1a1a' }, logo_url: null, updated_at: null });
  assert.equal(res.headers['cache-control'], 'public, max-age=60');
  const etag = res.headers.etag as string;
  assert.match(etag, /^"[0-9a-f]{32}"$/);
  const again = await publicBranding('pilot-b', { 'if-none-match': etag });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  assert.equal((await publicBranding('no-such-tenant')).statusCode, 404);
  assert.equal((await publicBranding('BAD..id')).statusCode, 404);
});

test('an admin re-brands the tenant; the public document changes at once, with a new ETag', async () => {
  const before = await publicBranding('pilot-a');
  const res = await h.call('PUT', '/api/v1/tenants/pilot-a/branding', { as: adminA, body: { product_name: 'Acme Govern', colors, logo_url: 'https://cdn.example.com/acme.png' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.headers['x-receipt-id']);
  const after = await publicBranding('pilot-a');
  assert.deepEqual([after.json().product_name, after.json().logo_url, after.json().colors], ['Acme Govern', 'https://cdn.example.com/acme.png', colors]);
  assert.notEqual(after.headers.etag, before.headers.etag);
  assert.equal((await publicBranding('pilot-a', { 'if-none-match': before.headers.etag as string })).statusCode, 200);
});

test('colours that make text unreadable are refused, each pair named', async () => {
  const res = await h.call('PUT', '/api/v1/tenants/pilot-a/branding', {
    as: adminA,
    body: { product_name: 'X', colors: { ...colors, text: '#eeeeee', on_primary: '#5b2a86' } },
  });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(
    res.json().errors.map((e: { field: string }) => e.field),
    ['colors.text', 'colors.on_primary'],
  );
  assert.equal((await h.call('PUT', '/api/v1/tenants/pilot-a/branding', { as: adminA, body: { product_name: 'X', colors: { ...colors, text: 'red' } } })).statusCode, 400);
  assert.equal((await h.call('PUT', '/api/v1/tenants/pilot-a/branding', { as: adminA, body: { product_name: 'X', colors, logo_url: 'http://plain.example.com/x.png' } })).statusCode, 400);
});

test('an uploaded logo is type- and size-checked, then served publicly with its sniffed type', async () => {
  const upload = (content_type: string, bytes: Buffer) => h.call('PUT', '/api/v1/tenants/pilot-a/branding/logo', { as: adminA, body: { content_type, data_base64: bytes.toString('base64') } });
  const svg = await upload('image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
  assert.equal(svg.statusCode, 400);
  assert.equal(svg.json().errors[0].field, 'data_base64');
  assert.equal((await upload('image/jpeg', png)).statusCode, 400);
  assert.equal((await upload('image/png', Buffer.concat([png, Buffer.alloc(300 * 1024)]))).statusCode, 400);

  const ok = await upload('image/png', png);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.match(ok.json().logo_url, /^\/api\/v1\/tenants\/pilot-a\/branding\/logo\?v=[0-9a-f]{16}$/);
  assert.equal(ok.json().product_name, 'Acme Govern');
  const logo = await h.app.inject({ method: 'GET', url: ok.json().logo_url });
  assert.equal(logo.statusCode, 200);
  assert.equal(logo.headers['content-type'], 'image/png');
  assert.equal(logo.headers['x-content-type-options'], 'nosniff');
  assert.deepEqual(logo.rawPayload, png);
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/tenants/pilot-a/branding/logo', headers: { 'if-none-match': logo.headers.etag as string } })).statusCode, 304);
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/tenants/pilot-b/branding/logo' })).statusCode, 404);
  // Re-branding without logo_url keeps the uploaded logo.
  const kept = await h.call('PUT', '/api/v1/tenants/pilot-a/branding', { as: adminA, body: { product_name: 'Acme Govern', colors } });
  assert.equal(kept.json().logo_url, ok.json().logo_url);
});

test('branding changes need the admin role; the public routes refuse writes', async () => {
  const res = await h.call('PUT', '/api/v1/tenants/pilot-a/branding', { as: ['pilot-a', 'user-engineer'], body: { product_name: 'X', colors } });
  assert.equal(res.statusCode, 403);
  assert.ok(res.json().reasons.includes('no role of subject user-engineer grants action branding.update'));
  assert.equal((await h.app.inject({ method: 'PUT', url: '/api/v1/tenants/pilot-a/branding', payload: { product_name: 'X', colors } })).statusCode, 401);
  assert.equal((await h.app.inject({ method: 'DELETE', url: '/api/v1/tenants/pilot-a/branding' })).statusCode, 405);
});

/**
 * Waits until the configuration notifications of the changes made so far (the tests before) have
 * reached this server: they arrive in order on its one listening connection, so a marker sent now
 * arrives after them. One arriving late would drop the cache this test reads.
 */
async function notificationsDelivered(): Promise<void> {
  const marker = `marker-${process.hrtime.bigint()}`;
  let arrived!: () => void;
  const delivered = new Promise<void>((resolve) => (arrived = resolve));
  const stop = await h.t.db.listen(CONFIG_CHANNEL, (payload) => payload === marker && arrived());
  try {
    await h.t.db.query('SELECT pg_notify($1, $2)', [CONFIG_CHANNEL, marker]);
    await delivered;
  } finally {
    await stop();
  }
}

test('configuration changed elsewhere shows as config drift until the branding cache reloads', async () => {
  const drift = async () => (await h.call('GET', '/api/v1/config/drift', { as: adminA })).json().readings.find((r: { kind: string }) => r.kind === 'config');
  // The tests before changed pilot-a's configuration: once their notifications are in, a governed
  // request brings this server up to its version (and drops what it had cached), so the entry
  // loaded next is the one the drift below compares.
  await notificationsDelivered();
  await drift();
  await publicBranding('pilot-a');
  assert.equal((await drift()).drifted, false);
  // Changed by another server whose notification this one missed (the trigger is off for the write).
  await h.t.db.exec('ALTER TABLE tenant_branding DISABLE TRIGGER tenant_branding_config_version');
  try {
    await withTenantTransaction(h.t.db, 'pilot-a', () => putBranding({ product_name: 'Changed Elsewhere', colors, logo_url: null, logo_type: null, logo: null }, h.clock.now()));
  } finally {
    await h.t.db.exec('ALTER TABLE tenant_branding ENABLE TRIGGER tenant_branding_config_version');
  }
  assert.equal((await drift()).drifted, true);
  assert.match((await h.app.inject({ method: 'GET', url: '/metrics' })).body, /companyos_config_drift\{tenant="pilot-a",kind="config"\} 1/);
  assert.equal((await publicBranding('pilot-a')).json().product_name, 'Acme Govern');
  h.clock.advance(BRANDING_REFRESH_MS);
  assert.equal((await publicBranding('pilot-a')).json().product_name, 'Changed Elsewhere');
  assert.equal((await drift()).drifted, false);
});
