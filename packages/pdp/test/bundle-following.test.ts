import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTarGzip } from 'nanotar';
import { opa, startControlPlane, startTestPdp, TENANT, waitFor, type ControlPlane } from './support/control-plane.ts';

// The decision service follows the tenant's active bundle by polling, and keeps deciding with the
// last good bundle whatever happens to the control plane.
const POLL_MS = 200;
let cp: ControlPlane;
const decisionDir = mkdtempSync(join(tmpdir(), 'companyos-pdp-follow-'));

before(async () => {
  cp = await startControlPlane();
});
after(async () => {
  await cp.close();
  rmSync(decisionDir, { recursive: true, force: true });
});

const regions = async (url: string) => (await opa(url, 'GET', '/v1/data/allowed_regions')).json?.result;
const input = { subject: { id: 'tom', tenant_id: TENANT, roles: ['engineer'], attributes: { region: 'us' } }, action: 'tenant.config.get', resource: null, tenant: { id: TENANT, status: 'active', data_region: 'eu', allowed_regions: ['eu'], redaction_preset: 'strict' }, context: { step_up: false } };
const decide = async (url: string) => (await opa(url, 'POST', '/v1/data/companyos/authz/decision', { input })).json;

test('an activation in CompanyOS reaches the decision service within one polling interval; an unchanged bundle is not downloaded again', async () => {
  const s = await startTestPdp(cp, ['--poll-interval', `${POLL_MS}ms`], decisionDir);
  try {
    await waitFor(() => s.pdp.bundle.revision !== null, 10_000, 'the first activation');
    // Unchanged: polls succeed with 304s, and nothing is activated again.
    const first = s.pdp.bundle.lastActivation;
    const downloads = s.pdp.bundle.lastSuccessfulDownload!.getTime();
    await waitFor(() => s.pdp.bundle.lastSuccessfulDownload!.getTime() > downloads + POLL_MS, 5000, 'another poll');
    assert.equal(s.pdp.bundle.lastActivation, first);

    assert.equal((await decide(s.pdp.url)).result.allow, false);
    const hash = await cp.activate({ allowed_regions: ['eu', 'us'] });
    const activatedAt = new Date();
    await waitFor(async () => s.pdp.bundle.revision === hash, 30_000, 'the new revision');
    // Within one polling interval: the first poll that began after the activation brought it,
    // so it was active before a second such poll reached the control plane. Judged by order, not
    // by the clock, so a busy machine cannot fail it.
    const pollsSince = cp.bundleRequests.filter((at) => at >= activatedAt);
    if (pollsSince.length >= 2) assert.ok(s.pdp.bundle.lastActivation! <= pollsSince[1]!, 'activated by the first poll after the activation');
    assert.deepEqual(await regions(s.pdp.url), ['eu', 'us']);
    assert.equal((await decide(s.pdp.url)).result.allow, true);
  } finally {
    await s.close();
  }
});

test('with the control plane gone the decision service keeps serving; restarted while it is gone, it serves the bundle saved on disk', async () => {
  const s = await startTestPdp(cp, ['--poll-interval', `${POLL_MS}ms`], decisionDir);
  let restarted: Awaited<ReturnType<typeof startTestPdp>> | undefined;
  try {
    await waitFor(() => s.pdp.bundle.lastSuccessfulDownload !== null, 10_000, 'a download');
    const revision = s.pdp.bundle.revision;
    const before = await decide(s.pdp.url);
    assert.equal(before.result.allow, true);

    await cp.kill();
    // A poll may first meet the control plane draining (503); then it is gone.
    await waitFor(() => /unreachable/.test(s.pdp.bundle.lastError ?? ''), 5000, 'a poll that finds the control plane gone');
    assert.equal(s.pdp.bundle.revision, revision);
    assert.deepEqual((await decide(s.pdp.url)).result, before.result);
    assert.equal((await opa(s.pdp.url, 'GET', '/health?bundles')).status, 200);

    await s.close();
    restarted = await startTestPdp(cp, ['--poll-interval', `${POLL_MS}ms`], decisionDir);
    // Ready before any download can succeed: the saved bundle was activated at start.
    assert.equal(restarted.pdp.bundle.revision, revision);
    assert.equal(restarted.pdp.bundle.lastSuccessfulDownload, null);
    assert.equal((await opa(restarted.pdp.url, 'GET', '/health?bundles')).status, 200);
    assert.deepEqual((await decide(restarted.pdp.url)).result, before.result);
  } finally {
    await restarted?.close();
    await s.close().catch(() => {});
  }
});

/** A bundle server that serves whatever the test sets, with an ETag per body. */
async function fakeBundleServer(): Promise<{ url: string; serve(body: Buffer | undefined): void; server: Server }> {
  let body: Buffer | undefined;
  let n = 0;
  const server = createServer((req, res) => {
    if (body === undefined) return void res.writeHead(503).end('down');
    const etag = `"v${n}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { etag, 'content-type': 'application/gzip' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bundle.tar.gz`,
    serve(b) {
      body = b;
      n++;
    },
    server,
  };
}

const tarball = (files: Record<string, string>) => createTarGzip(Object.entries(files).map(([name, data]) => ({ name, data })));

test('a bundle that is corrupt, does not compile or strays outside its roots, or a failing server, is not activated; the last good one keeps deciding', async () => {
  const fake = await fakeBundleServer();
  const good = Buffer.from(await tarball({ '.manifest': JSON.stringify({ revision: 'a'.repeat(64), roots: ['app'] }), 'app/policy.rego': 'package app\n\nallow if input.user == "alice"\n', 'app/data.json': '{"level": 3}' }));
  fake.serve(good);
  const s = await startTestPdp(cp, ['--bundle-url', fake.url, '--no-decision-logs', '--no-persist', '--poll-interval', '50ms']);
  try {
    await waitFor(() => s.pdp.bundle.revision === 'a'.repeat(64), 5000, 'the good bundle');
    const allowed = async () => (await opa(s.pdp.url, 'POST', '/v1/data/app/allow', { input: { user: 'alice' } })).json.result;
    assert.equal(await allowed(), true);
    assert.equal((await opa(s.pdp.url, 'GET', '/v1/data/app/level')).json.result, 3);

    const bad: [string, Buffer | undefined, RegExp][] = [
      ['garbage', Buffer.from('not a bundle'), /not a gzip archive/],
      ['a module that does not parse', Buffer.from(await tarball({ '.manifest': '{"revision": "b"}', 'app/policy.rego': 'package app\n\nallow if {' })), /does not compile/],
      ['a package outside the roots', Buffer.from(await tarball({ '.manifest': '{"revision": "c", "roots": ["app"]}', 'other/p.rego': 'package other\n\nx := 1\n' })), /outside the bundle's roots/],
      ['the server failing', undefined, /answered 503/],
    ];
    for (const [label, body, reason] of bad) {
      fake.serve(body);
      await waitFor(() => reason.test(s.pdp.bundle.lastError ?? ''), 5000, label);
      assert.equal(s.pdp.bundle.revision, 'a'.repeat(64), label);
      assert.equal(await allowed(), true, label);
    }
  } finally {
    await s.close();
    fake.server.close();
  }
});
