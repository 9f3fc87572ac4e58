import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The trust portal in the browser: an auditor invited by two tenants switches between them and
// never sees the other's data; a partner sees fewer fields than an auditor where the policy says
// so; a revoked viewer is signed out.
let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;

before(async () => {
  // A KEK of its own: the platform key that signs the console's provenance derives from it.
  consolePage = await openConsolePage({ kek: randomBytes(32) });
  ({ server, page } = consolePage);
});
after(() => consolePage?.close());

async function adminToken(tenant: string, stepUp = false): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant_id: tenant, subject_id: 'user-admin', step_up: stepUp }) });
  return ((await res.json()) as { token: string }).token;
}

async function callApi(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function invite(tenant: string, email: string, role: 'auditor' | 'partner'): Promise<{ id: string; link: string }> {
  const expires = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const res = await callApi(await adminToken(tenant), 'POST', '/portal/invitations', { email, role, expires_at: expires });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.invitation.invitation_id, link: `${server.url}${res.body.accept_url}` };
}

const posture = (p: Page) => p.getByRole('definition').first();

async function acceptIn(p: Page, link: string, tenant: string): Promise<void> {
  await p.goto(link);
  await p.waitForURL(`**/portal/${tenant}/overview`);
  await p.getByRole('region', { name: 'Trust posture' }).getByText('Latest checkpoint signature').waitFor();
}

test('an auditor of two tenants switches between them and never sees the other tenant', async () => {
  const a = await invite('pilot-a', 'ada@audit.example.com', 'auditor');
  const b = await invite('pilot-b', 'ada@audit.example.com', 'auditor');
  await acceptIn(page, a.link, 'pilot-a');
  assert.equal(await posture(page).textContent(), 'Pilot A');
  // The second invitation joins the same sign-in: the switcher lists both tenants.
  await acceptIn(page, b.link, 'pilot-b');
  assert.equal(await posture(page).textContent(), 'Pilot B');
  const switcher = page.getByLabel('Tenant');
  assert.deepEqual(await switcher.locator('option').allTextContents(), ['Pilot A (auditor)', 'Pilot B (auditor)']);
  assert.ok(!(await page.locator('main').textContent())!.includes('Pilot A'), 'nothing of pilot-a while viewing pilot-b');
  await assertAccessible(page, 'portal-overview');

  await switcher.selectOption('pilot-a');
  await page.waitForURL('**/portal/pilot-a/overview');
  await page.getByRole('region', { name: 'Trust posture' }).getByText('Pilot A').waitFor();
  assert.ok(!(await page.locator('main').textContent())!.includes('Pilot B'));

  // Every tab answers for the tenant viewed.
  for (const [tab, heading] of [['Audit', 'Evidence packs'], ['Billing and usage', 'Billing and usage'], ['Finance', 'Finance'], ['Supply chain', 'Supply chain']] as const) {
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: tab, exact: true }).click();
    const section = page.getByRole('region', { name: heading });
    await section.waitFor();
    await section.getByText(/^Loading /).waitFor({ state: 'detached' });
    assert.equal(await section.getByRole('alert').count(), 0, `${tab} loads without a problem`);
    assert.ok(!(await section.textContent())!.includes('Pilot B'), `${tab} shows nothing of pilot-b`);
  }
  // The supply chain's provenance checks in the browser against the platform key.
  const check = page.getByRole('button', { name: /^Check console\/index\.html here$/ });
  await check.click();
  await page.getByText('Verified in your browser', { exact: true }).waitFor();
});

test('a partner sees fewer fields than an auditor where the presentation policy says so', async () => {
  const partnerContext: BrowserContext = await consolePage.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const partnerPage = await partnerContext.newPage();
    partnerPage.setDefaultTimeout(10_000);
    await acceptIn(partnerPage, (await invite('pilot-a', 'pat@partner.example.com', 'partner')).link, 'pilot-a');
    await acceptIn(page, (await invite('pilot-a', 'ada2@audit.example.com', 'auditor')).link, 'pilot-a');
    const terms = async (p: Page) => p.getByRole('region', { name: 'Trust posture' }).getByRole('term').allTextContents();
    const auditorTerms = await terms(page);
    const partnerTerms = await terms(partnerPage);
    assert.ok(auditorTerms.includes('Checkpoint root') && auditorTerms.includes('Bundle version'), auditorTerms.join());
    assert.ok(!partnerTerms.includes('Checkpoint root') && !partnerTerms.includes('Bundle version'), partnerTerms.join());
    assert.ok(partnerTerms.length < auditorTerms.length);
    assert.ok(partnerTerms.every((t) => auditorTerms.includes(t)));
  } finally {
    await partnerContext.close();
  }
});

/** The pack with one byte of README.txt flipped, compressed again: a well-formed archive whose file no longer matches the manifest. */
function flipReadmeByte(pack: Buffer): Buffer {
  const tar = gunzipSync(pack);
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = tar.subarray(at, at + 100).toString('ascii').replace(/\0.*$/s, '');
    const size = parseInt(tar.subarray(at + 124, at + 135).toString('ascii'), 8);
    if (name === 'README.txt') {
      tar[at + 512 + 10] ^= 0x01;
      return gzipSync(tar);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error('no README.txt in the pack');
}

test('an evidence pack verifies in the browser, and a tampered one fails naming the check', async () => {
  const created = await callApi(await adminToken('pilot-a', true), 'POST', '/audit/exports', { from: '2026-01-01T00:00:00.000Z', to: new Date().toISOString() });
  assert.equal(created.status, 202, JSON.stringify(created.body));
  const exportId = created.body.export_id as string;
  const finished = await fetch(`${server.url}/api/v1/audit/exports/${exportId}?wait=60`, { headers: { authorization: `Bearer ${await adminToken('pilot-a')}` } });
  assert.equal(((await finished.json()) as { status: string }).status, 'done');

  const context: BrowserContext = await consolePage.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const viewer = await context.newPage();
    viewer.setDefaultTimeout(15_000);
    await acceptIn(viewer, (await invite('pilot-a', 'eve@audit.example.com', 'auditor')).link, 'pilot-a');
    await viewer.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Audit', exact: true }).click();
    const audit = viewer.getByRole('region', { name: 'Evidence packs' });
    const verify = audit.getByRole('button', { name: 'Download and verify' }).first();
    await verify.click();
    await audit.getByText('Verified in your browser: every check passed.').waitFor();
    const checks = audit.getByRole('list', { name: 'Verification checks' });
    assert.equal(await checks.getByRole('listitem').count(), 6);
    assert.ok((await checks.textContent())!.includes('passed — Signature: signed by'), await checks.textContent() ?? '');

    // The same pack with one byte flipped in transit.
    await viewer.route(`**/api/v1/portal/audit/${exportId}/download`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: flipReadmeByte(await response.body()) });
    });
    await verify.click();
    await audit.getByText('Verification failed: Pack digest, File digests.').waitFor();
    const failed = (await audit.getByRole('list', { name: 'Verification checks' }).textContent())!;
    assert.match(failed, /FAILED — File digests: README\.txt does not have the SHA-256 the manifest lists/);
    assert.match(failed, /passed — Signature/, 'the signature still holds: it is the file that changed');
  } finally {
    await context.close();
  }
});

test('a revoked viewer is signed out', async () => {
  const token = await adminToken('pilot-a');
  const listed = await fetch(`${server.url}/api/v1/portal/invitations`, { headers: { authorization: `Bearer ${token}` } });
  const auditors = ((await listed.json()) as { invitations: { invitation_id: string; email: string; status: string }[] }).invitations.filter((i) => i.email === 'ada2@audit.example.com' && i.status === 'accepted');
  assert.equal(auditors.length, 1);
  assert.equal((await callApi(token, 'POST', `/portal/invitations/${auditors[0]!.invitation_id}/revoke`)).status, 200);
  // The sign-in of this page now holds pilot-a's revoked invitation and pilot-b's: both tenants' first
  // invitations are revoked too, so nothing is left to view.
  const tokenB = await adminToken('pilot-b');
  for (const [tenant, t] of [['pilot-a', token], ['pilot-b', tokenB]] as const) {
    const all = (await (await fetch(`${server.url}/api/v1/portal/invitations`, { headers: { authorization: `Bearer ${t}` } })).json()) as { invitations: { invitation_id: string; email: string; status: string }[] };
    for (const i of all.invitations.filter((x) => x.email === 'ada@audit.example.com' && x.status === 'accepted')) {
      assert.equal((await callApi(t, 'POST', `/portal/invitations/${i.invitation_id}/revoke`)).status, 200, tenant);
    }
  }
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Finance', exact: true }).click();
  await page.getByRole('heading', { name: 'You are signed out of the trust portal' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('companyos.portal.sign-in')), null);
});
