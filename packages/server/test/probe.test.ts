import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { currentTx } from '../src/context.ts';
import { storedFormsOf } from '../src/identity/actor-pseudonyms.ts';
import { runGoldenPath, type ProbeHttp } from '../src/observability/probe/golden-path.ts';
import { ensureProbeTenant, PROBE_TENANT, ProbeTenantTaken } from '../src/observability/probe/probe-tenant.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The golden-path probe: sign-in, a decision, a receipted action with its inclusion proof, an
// evidence pack verified offline; one-shot against any tenant admin's step-up token, and on a
// schedule inside the server in a tenant of its own.

let h: TestApp;
let ticking: NodeJS.Timeout;
before(async () => {
  h = await createTestApp({ config: { checkpointEvery: 1000, checkpointIntervalMs: 50, metrics: { tenantLabel: false, sampleMs: 60_000, probeIntervalS: 1 } } });
  // The server's clock moves on its own, as a real one would: export windows end in the past.
  ticking = setInterval(() => h.clock.advance(100), 100);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await h.close();
  clearInterval(ticking);
});

const injected: ProbeHttp = async (method, url, o) => {
  const res = await h.app.inject({
    method: method as 'GET',
    url,
    headers: o.token === undefined ? {} : { authorization: `Bearer ${o.token}` },
    ...(o.body !== undefined ? { payload: o.body as object } : {}),
  });
  return { status: res.statusCode, headers: res.headers as Record<string, string | undefined>, body: res.rawPayload };
};

const probe = async (token: string) => runGoldenPath({ http: injected, token, now: () => h.clock.now(), timeoutMs: 30_000 });

test('the golden path passes for a tenant admin with a step-up token, each check saying what it proved', async () => {
  const report = await probe(await h.token('pilot-a', 'user-admin', { stepUp: true }));
  assert.equal(report.ok, true, JSON.stringify(report.checks));
  assert.deepEqual(
    report.checks.map((c) => [c.check, c.outcome]),
    [
      ['sign_in', 'ok'],
      ['decision', 'ok'],
      ['action_receipt', 'ok'],
      ['evidence_pack', 'ok'],
    ],
  );
  assert.match(report.checks[2]!.detail, /^receipt [0-9a-f-]{36} included in the tree of size \d+$/);
  assert.match(report.checks[3]!.detail, /verified offline/);
  assert.equal(report.tenant, 'pilot-a');
});

test('a failing check names why, and the checks after it are skipped', async () => {
  const noStepUp = await probe(await h.token('pilot-a', 'user-admin'));
  assert.equal(noStepUp.ok, false);
  assert.deepEqual(noStepUp.checks.map((c) => c.outcome), ['ok', 'ok', 'ok', 'failed']);
  assert.match(noStepUp.checks[3]!.detail, /step-up/);

  const unknown = await probe(await h.token('pilot-a', 'nobody-here'));
  assert.deepEqual(unknown.checks.map((c) => c.outcome), ['failed', 'skipped', 'skipped', 'skipped']);
  assert.match(unknown.checks[0]!.detail, /^the token was not accepted: HTTP 401/);

  const notJwt = await probe('cos_not_a_jwt');
  assert.match(notJwt.checks[0]!.detail, /not a JWT/);
});

test('on a schedule the server probes its own tenant and records runs, durations and the last success', async () => {
  const seen = async (): Promise<string> => (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
  let text = '';
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && !/^companyos_probe_runs_total\{check="evidence_pack",outcome="ok"\} [1-9]/m.test(text)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    text = await seen();
  }
  for (const check of ['sign_in', 'decision', 'action_receipt', 'evidence_pack']) {
    assert.match(text, new RegExp(`^companyos_probe_runs_total\\{check="${check}",outcome="ok"\\} [1-9]`, 'm'), check);
    assert.match(text, new RegExp(`^companyos_probe_runs_total\\{check="${check}",outcome="failed"\\} 0$`, 'm'), check);
    assert.match(text, new RegExp(`^companyos_probe_duration_seconds_count\\{check="${check}"\\} [1-9]`, 'm'), check);
    assert.match(text, new RegExp(`^companyos_probe_last_success_timestamp_seconds\\{check="${check}"\\} \\d`, 'm'), check);
  }
  // The probe acted only in its own tenant.
  const byProbe = async (tenant: string) =>
    withTenantTransaction(h.t.db, tenant, async () => (await currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM receipts WHERE actor = ANY($1)`, [await storedFormsOf(['probe-runner'])]))[0]!.n);
  assert.ok((await byProbe(PROBE_TENANT)) > 0);
  for (const customer of ['internal', 'pilot-a', 'pilot-b', 'summit-internal', 'demo-external']) assert.equal(await byProbe(customer), 0, customer);
});

test('a tenant of the probe tenant\'s id that the probe did not make is never probed', async () => {
  const other = await createTestApp();
  try {
    const created = await other.call('POST', '/api/v1/tenants', {
      as: ['internal', 'user-platform-operator'],
      body: { tenant_id: PROBE_TENANT, display_name: 'Someone', data_region: 'eu', owner_contact: 'someone@example.com' },
    });
    assert.equal(created.statusCode, 201, created.body);
    await assert.rejects(ensureProbeTenant(other.t.db, other.clock.now()), ProbeTenantTaken);
  } finally {
    await other.close();
  }
});
