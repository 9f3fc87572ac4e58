import { after, before, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { putBranding } from '../src/branding/branding-store.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { flagChanges, writeFlagSetting } from '../src/flags/flag-store.ts';
import { LocalKeyProvider } from '../src/keys/key-provider.ts';
import { CONFIG_DOCUMENT_TYPE } from '../src/tenancy/config-document.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Two installations: the kit is exported from one and imported into the other. Services are
// per process, so both get the same key-encryption key; the kit is verified by public keys only.
let source: TestApp;
let target: TestApp;
before(async () => {
  const keyProvider = new LocalKeyProvider(randomBytes(32));
  source = await createTestApp({ keyProvider });
  target = await createTestApp({ keyProvider });
});
after(async () => {
  await source.close();
  await target.close();
});

const colors = { primary: '#0b5d1e', on_primary: '#ffffff', background: '#ffffff', text: '#102015' };
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('kit-logo')]);
const exportKit = async (tenant: string) => {
  const res = await source.call('GET', `/api/v1/tenants/${tenant}/kit`, { as: [tenant, 'user-admin'] });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { kit: { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] }; jwks: { keys: { kid: string }[] } };
};
const importKit = (tenant: string, body: unknown, stepUp = true) => target.call('POST', `/api/v1/tenants/${tenant}/kit`, { as: [tenant, 'user-admin'], stepUp, body });

test('the kit is one signed document holding configuration, flags, branding and bundle data', async () => {
  const admin: [string, string] = ['pilot-a', 'user-admin'];
  assert.equal((await source.call('PUT', '/api/v1/tenants/pilot-a/branding', { as: admin, body: { product_name: 'Green Govern', colors } })).statusCode, 200);
  assert.equal((await source.call('PUT', '/api/v1/tenants/pilot-a/branding/logo', { as: admin, body: { content_type: 'image/png', data_base64: png.toString('base64') } })).statusCode, 200);
  assert.equal((await source.call('PUT', '/api/v1/flags/console.audit-view/setting', { as: admin, body: { rollout: { variant: 'timeline', percent: 50 } } })).statusCode, 200);
  assert.equal((await source.call('PATCH', '/api/v1/tenants/pilot-a/config', { as: admin, body: { display_name: 'Green Pilot', data_classes: ['public', 'internal', 'confidential'] } })).statusCode, 200);

  const { kit, jwks } = await exportKit('pilot-a');
  assert.equal(kit.payloadType, CONFIG_DOCUMENT_TYPE);
  assert.equal(kit.signatures[0]!.keyid, jwks.keys[0]!.kid);
  const doc = JSON.parse(Buffer.from(kit.payload, 'base64').toString('utf8'));
  assert.equal(doc.format, 'companyos.config-document/v1');
  assert.equal(doc.source_tenant, 'pilot-a');
  assert.equal(doc.config.display_name, 'Green Pilot');
  assert.deepEqual(doc.flags, { 'console.audit-view': { rollout: { variant: 'timeline', percent: 50 } } });
  assert.deepEqual([doc.branding.product_name, doc.branding.logo.data_base64], ['Green Govern', png.toString('base64')]);
  assert.equal(typeof doc.bundle.hash, 'string');
  assert.ok(doc.bundle.data.roles.CompanyAdmin.includes('flag.set'));
});

test('importing into another installation: verified, dry run first, applied as one action, refusals named', async () => {
  const { kit, jwks } = await exportKit('pilot-a');
  const dry = await importKit('pilot-b', { kit, jwks, dry_run: true });
  assert.equal(dry.statusCode, 200, dry.body);
  assert.equal(dry.json().dry_run, true);
  assert.equal((await target.app.inject({ method: 'GET', url: '/api/v1/tenants/pilot-b/branding' })).json().product_name, 'Pilot B');

  const res = await importKit('pilot-b', { kit, jwks });
  assert.equal(res.statusCode, 200, res.body);
  const out = res.json();
  assert.deepEqual(out.applied, dry.json().applied);
  assert.deepEqual(out.applied, ['config.display_name', 'config.data_classes', 'branding', 'flags.console.audit-view']);
  assert.deepEqual(out.refused, [
    { item: 'config.data_region', reason: 'the data_region of a tenant is its own and is not imported' },
    { item: 'config.owner_contact', reason: 'the owner_contact of a tenant is its own and is not imported' },
    { item: 'config.allowed_regions', reason: "decided by this tenant's active policy version, not imported with the settings" },
  ]);
  assert.ok(out.unchanged.includes('bundle.data'));
  assert.equal(out.signed_by, jwks.keys[0]!.kid);

  const branding = (await target.app.inject({ method: 'GET', url: '/api/v1/tenants/pilot-b/branding' })).json();
  assert.deepEqual([branding.product_name, branding.colors], ['Green Govern', colors]);
  const config = (await target.call('GET', '/api/v1/tenants/pilot-b/config', { as: ['pilot-b', 'user-admin'] })).json();
  assert.deepEqual([config.display_name, config.data_region, config.owner_contact], ['Green Pilot', 'us', 'admin@pilot-b.example.com']);
  const changes = await withTenantTransaction(target.t.db, 'pilot-b', () => flagChanges('console.audit-view'));
  assert.deepEqual([changes[0]!.kind, changes[0]!.request_id], ['import', res.headers['x-request-id']]);

  // Importing the same kit again changes nothing.
  const again = (await importKit('pilot-b', { kit, jwks })).json();
  assert.deepEqual(again.applied, []);
});

test('a tampered kit, a foreign key or a missing step-up is refused and nothing is applied', async () => {
  const { kit, jwks } = await exportKit('pilot-a');
  const doc = JSON.parse(Buffer.from(kit.payload, 'base64').toString('utf8'));
  const tampered = { ...kit, payload: Buffer.from(JSON.stringify({ ...doc, config: { ...doc.config, display_name: 'Evil' } })).toString('base64') };
  const bad = await importKit('demo-external', { kit: tampered, jwks });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().detail, /does not verify/);
  const other = (await exportKit('pilot-b')).jwks;
  const foreign = await importKit('demo-external', { kit, jwks: other });
  assert.equal(foreign.statusCode, 400);
  assert.match(foreign.json().detail, /no Ed25519 key with kid/);
  const noStepUp = await importKit('demo-external', { kit, jwks }, false);
  assert.equal(noStepUp.statusCode, 403);
  assert.ok(noStepUp.json().reasons.includes('the action requires a recent step-up authentication'));
  assert.equal((await target.app.inject({ method: 'GET', url: '/api/v1/tenants/demo-external/branding' })).json().product_name, 'Demo External');
});

test('flags unknown here and unreadable branding are refused by name; the rest applies', async () => {
  await withTenantTransaction(source.t.db, 'summit-internal', async () => {
    await writeFlagSetting('legacy.checkout', { variant: 'on' }, { actor: 'ops', kind: 'set', requestId: null, at: source.clock.now() });
    await writeFlagSetting('tenancy.region-change', { variant: 'on' }, { actor: 'ops', kind: 'set', requestId: null, at: source.clock.now() });
    await putBranding({ product_name: 'Faint', colors: { ...colors, text: '#f0f0f0' }, logo_url: null, logo_type: null, logo: null }, source.clock.now());
  });
  const { kit, jwks } = await exportKit('summit-internal');
  const out = (await importKit('summit-internal', { kit, jwks })).json();
  assert.deepEqual(out.refused, [
    { item: 'branding', reason: 'colors.text: contrast #f0f0f0 on #ffffff is 1.13:1; at least 4.5:1 is needed' },
    { item: 'flags.legacy.checkout', reason: 'no flag legacy.checkout is defined here' },
  ]);
  assert.deepEqual(out.applied, ['flags.tenancy.region-change']);
});
