import { after, before, test } from 'node:test';
import { brandingActions } from '../src/branding/actions.ts';
import { putBranding } from '../src/branding/branding-store.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { flagActions } from '../src/flags/actions.ts';
import { writeFlagSetting } from '../src/flags/flag-store.ts';
import { updateSubject } from '../src/identity/subjects.ts';
import { configDocumentActions } from '../src/tenancy/config-document.ts';
import { assertTenantIsolation } from './isolation-harness.ts';
import { BRAND_COLORS as colors, PNG_LOGO as png } from './support/branding-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The victim's flags and branding are written directly (no requests of its own), so nothing
// but an attack could change what the harness snapshots.

let h: TestApp;
before(async () => {
  h = await createTestApp();
});
after(() => h.close());

test('tenant B cannot read or change tenant A flags, branding or kit', async () => {
  await withTenantTransaction(h.t.db, 'pilot-a', async () => {
    await putBranding({ product_name: 'Secret Brand A', colors, logo_url: null, logo_type: 'image/png', logo: png }, h.clock.now());
    await writeFlagSetting('console.audit-view', { variant: 'timeline', targeting: [{ attribute: 'subject.attributes.department', op: 'in', values: ['only-in-a-dept'], variant: 'table' }] }, { actor: 'user-admin', kind: 'set', requestId: null, at: h.clock.now() });
  });
  const roles = ['CompanyAdmin', 'security', 'engineer', 'team_lead', 'finance'];
  await withTenantTransaction(h.t.db, 'pilot-b', () => updateSubject('user-admin', { roles }, h.clock.now()));
  await assertTenantIsolation({
    app: h.app,
    db: h.t.db,
    actions: [...flagActions, ...brandingActions, ...configDocumentActions],
    victim: 'pilot-a',
    attackerTenant: 'pilot-b',
    attackerToken: await h.token('pilot-b', 'user-admin', { stepUp: true, ttl: 3600 }),
    victimMarkers: ['Secret Brand A', 'only-in-a-dept', png.toString('base64')],
    cases: {
      'flag.list': {},
      'flag.get': { params: { flagId: 'identity.api-key-admin-roles' } },
      'flag.evaluate': { body: {} },
      'flag.set': { params: { flagId: 'tenancy.region-change' }, body: { variant: 'on' } },
      'flag.revert': { params: { flagId: 'tenancy.region-change' } },
      'config.drift.get': {},
      'branding.update': { params: { id: 'pilot-a' }, body: { product_name: 'Owned', colors } },
      'branding.logo.upload': { params: { id: 'pilot-a' }, body: { content_type: 'image/png', data_base64: png.toString('base64') } },
      'tenant.kit.export': { params: { id: 'pilot-a' } },
      'tenant.kit.import': { params: { id: 'pilot-a' }, body: { kit: { payloadType: 'x', payload: 'e30=', signatures: [{ keyid: 'k', sig: 's' }] }, jwks: { keys: [{}] } } },
    },
  });
});
