import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { parsePdpArgs, startPdp, type Pdp, type PdpOptions } from '../../src/index.ts';

export const TENANT = 'pilot-a';
const ADMIN: [string, string] = [TENANT, 'user-admin'];

/** A CompanyOS server listening on a port, with an API key for the tenant's decision service. */
export interface ControlPlane {
  h: TestApp;
  url: string;
  agentKey: string;
  /** When each bundle download request reached the control plane, in order. */
  bundleRequests: Date[];
  /** Proposes and activates a version of the tenant's bundle with this data patch; returns its hash. */
  activate(patch: Record<string, unknown>): Promise<string>;
  /** Stops serving HTTP (the database stays, for assertions). */
  kill(): Promise<void>;
  close(): Promise<void>;
}

export async function startControlPlane(): Promise<ControlPlane> {
  const h = await createTestApp();
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const subject = await h.call('POST', '/api/v1/subjects', { as: ADMIN, body: { subject_id: 'pdp-eu-1', display_name: 'Decision service eu-1', roles: ['policy_agent'] } });
  assert.equal(subject.statusCode, 201, subject.body);
  const key = await h.call('POST', '/api/v1/api-keys', { as: ADMIN, body: { subject_id: 'pdp-eu-1', name: 'pdp', roles: ['policy_agent'] } });
  assert.equal(key.statusCode, 201, key.body);
  let killed = false;
  const bundleRequests: Date[] = [];
  // A second listener on the HTTP server only watches; Fastify's own answers the request.
  h.app.server.on('request', (req: { url?: string }) => {
    if (req.url?.includes('/policy/bundles/') === true) bundleRequests.push(new Date());
  });
  return {
    h,
    url,
    agentKey: key.json().secret,
    bundleRequests,
    async activate(patch) {
      const proposed = await h.call('POST', '/api/v1/policy/versions', { as: ADMIN, body: { message: `patch ${JSON.stringify(patch)}`, data_patch: patch } });
      assert.equal(proposed.statusCode, 201, proposed.body);
      const { version, hash } = proposed.json().version as { version: number; hash: string };
      const activated = await h.call('POST', `/api/v1/policy/versions/${version}/activate`, { as: ADMIN, stepUp: true });
      assert.equal(activated.statusCode, 200, activated.body);
      return hash;
    },
    async kill() {
      killed = true;
      await h.app.close();
    },
    async close() {
      if (!killed) await h.app.close();
      await h.t.close();
    },
  };
}

/** A decision service for the control plane's tenant, on a free port, with its own data dir. */
export async function startTestPdp(cp: ControlPlane, args: string[] = [], dataDir?: string): Promise<{ pdp: Pdp; options: PdpOptions; dataDir: string; close(): Promise<void> }> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'companyos-pdp-'));
  const options = parsePdpArgs(['--tenant', TENANT, '--url', cp.url, '--addr', '127.0.0.1:0', '--data-dir', dir, '--poll-interval', '200ms', '--upload-interval', '200ms', ...args], {
    COMPANYOS_PDP_API_KEY: cp.agentKey,
  });
  const pdp = await startPdp(options, pino({ level: process.env.COMPANYOS_TEST_LOG ?? 'silent' }));
  return {
    pdp,
    options,
    dataDir: dir,
    async close() {
      await pdp.close();
      if (dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it holds; returns how long that took. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what = 'the condition'): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`${what} did not hold within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

/** A request to the decision service shaped as OPA's REST API documents it. */
export async function opa(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
}
