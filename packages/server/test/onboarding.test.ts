import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { currentTx } from '../src/context.ts';
import { flagSettings } from '../src/flags/flag-store.ts';
import { partnerTemplate } from '../src/onboarding/template.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
let hooks: Server;
let hookBase: string;
/** Paths the receiver refuses with a 503. */
const down = new Set<string>();
const received: Array<{ path: string; body: string; signature: string }> = [];

before(async () => {
  // The partners' webhooks are a local receiver, which the default target check refuses.
  h = await createTestApp({ config: { webhookTargets: { allowPrivate: false, allowHosts: ['127.0.0.1'] } } });
  hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body, signature: String(req.headers['x-companyos-signature']) });
      res.statusCode = down.has(req.url ?? '') ? 503 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  hookBase = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((resolve) => hooks.close(resolve));
  await h.close();
});

const operator: [string, string] = ['internal', 'user-platform-operator'];
const COHORT = 'partners-2026-03';
const row = (id: string) => ({ name: `Partner ${id}`, region: 'eu', owner: `owner@${id}.example.com`, admin: `admin-${id}`, webhook_url: `${hookBase}/${id}`, plan: 'pro' });

interface StepAnswer {
  step: string | null;
  outcome: string;
  next: string | null;
  done: string[];
  webhook_secret?: string;
  detail: Record<string, unknown>;
}

async function step(id: string, cohort = COHORT): Promise<StepAnswer> {
  h.clock.advance(1000);
  const res = await h.call('POST', `/api/v1/onboarding/tenants/${id}/steps`, { as: operator, body: { cohort, row: row(id) } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as StepAnswer;
}

/** Runs steps until the tenant is done or a step fails; the evidence step waits on its export job. */
async function onboard(id: string): Promise<{ answers: StepAnswer[]; secret: string | undefined }> {
  const answers: StepAnswer[] = [];
  for (let i = 0; i < 12; i++) {
    const a = await step(id);
    answers.push(a);
    if (a.outcome === 'pending') await h.app.jobs.runDue();
    if (a.next === null || a.outcome === 'failed' || a.outcome === 'skipped') break;
  }
  return { answers, secret: answers.find((a) => a.webhook_secret !== undefined)?.webhook_secret };
}

const cohort = async () => (await h.call('GET', `/api/v1/onboarding/cohorts/${COHORT}`, { as: operator })).json();
const eventCount = (id: string) => withTenantTransaction(h.t.db, id, async () => (await currentTx().query<{ n: number }>('SELECT count(*)::int AS n FROM onboarding_events'))[0]!.n);

test('a cohort of five: each tenant created, admin, template, signed test event, first pack verified; a failing webhook raises the alert, a re-run resumes', async () => {
  const ids = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];
  down.add('/hooli');
  const secrets = new Map<string, string>();
  for (const id of ids) {
    const { answers, secret } = await onboard(id);
    if (secret !== undefined) secrets.set(id, secret);
    const last = answers.at(-1)!;
    if (id === 'hooli') assert.deepEqual([last.step, last.outcome, last.detail.attempts, last.detail.last_status], ['webhook', 'failed', 3, 503]);
    else assert.deepEqual([last.step, last.outcome, last.next, last.detail.verified], ['evidence', 'done', null, true], JSON.stringify(answers));
  }
  // Every test event is signed with the tenant's own secret: t=<unix>,v1=HMAC-SHA256("<t>.<body>").
  for (const id of ids) {
    const events = received.filter((r) => r.path === `/${id}`);
    assert.ok(events.length >= 1);
    for (const e of events) {
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(e.signature)!;
      assert.equal(v1, createHmac('sha256', secrets.get(id)!).update(`${t}.${e.body}`).digest('hex'), id);
      assert.equal(JSON.parse(e.body).type, 'onboarding.test');
    }
  }
  // The tenant exists with the template's branding, its admin, and the plan of the row.
  const token = await h.token('acme', 'admin-acme');
  const branding = await h.app.inject({ method: 'GET', url: '/api/v1/tenants/acme/branding' });
  assert.equal(branding.json().product_name, 'Partner acme Trust Center');
  const flags = await withTenantTransaction(h.t.db, 'acme', () => flagSettings());
  assert.deepEqual(Object.fromEntries(flags), partnerTemplate().flags, 'the flag settings of the template');
  assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/subjects', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);

  let report = await cohort();
  assert.deepEqual(report.totals, { tenants: 5, onboarded: 4, verified: 4, failed: 1, in_progress: 0 });
  assert.deepEqual(report.alert.raised, true);
  assert.match(report.alert.message, /1 of 5 tenants of cohort partners-2026-03 failed \(20% > 10%\)/);
  const hooli = report.tenants.find((t: { tenant_id: string }) => t.tenant_id === 'hooli');
  assert.deepEqual([hooli.state, hooli.failed_step, hooli.error], ['failed', 'webhook', 'the endpoint answered 503']);
  assert.ok(report.time_to_first_verify_ms.p50 > 0);

  // A re-run skips what is done and writes nothing for a finished tenant...
  const before = await eventCount('acme');
  assert.equal((await step('acme')).outcome, 'skipped');
  assert.equal(await eventCount('acme'), before);
  // ...and resumes a failed one at its failed step, with the webhook it registered the first time.
  down.delete('/hooli');
  const resumed = await onboard('hooli');
  assert.deepEqual(resumed.answers.map((a) => `${a.step}:${a.outcome}`).slice(0, 2), ['webhook:done', 'evidence:pending']);
  assert.equal(resumed.secret, undefined, 'the secret is shown only when the webhook is registered');
  assert.equal(resumed.answers.at(-1)!.outcome, 'done');
  report = await cohort();
  assert.deepEqual([report.totals.verified, report.totals.failed, report.alert.raised], [5, 0, false]);
});

test('a tenant that exists outside onboarding, or in another cohort, is refused', async () => {
  const res = await h.call('POST', '/api/v1/onboarding/tenants/pilot-a/steps', { as: operator, body: { cohort: COHORT, row: row('pilot-a') } });
  assert.equal(res.statusCode, 409);
  assert.match(res.json().detail, /was not onboarded with a cohort/);
  const other = await h.call('POST', '/api/v1/onboarding/tenants/acme/steps', { as: operator, body: { cohort: 'another', row: row('acme') } });
  assert.equal(other.statusCode, 409);
  assert.match(other.json().detail, /being onboarded in cohort partners-2026-03/);
});

test('bad bodies are 400s that name the field, and only operators may onboard', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({ cohort: fc.oneof(fc.constant(COHORT), fc.string({ maxLength: 70 })), row: fc.oneof(fc.constant(row('zeta')), fc.dictionary(fc.constantFrom('name', 'region', 'owner', 'admin', 'webhook_url', 'plan', 'x'), fc.oneof(fc.string({ maxLength: 10 }), fc.integer()))) }, { requiredKeys: [] }),
      async (body) => {
        const res = await h.call('POST', '/api/v1/onboarding/tenants/zeta/steps', { as: operator, body });
        // 409: a valid row for zeta in another cohort than the one it was started in.
        assert.ok([200, 400, 409].includes(res.statusCode), `${res.statusCode} ${res.body}`);
        if (res.statusCode !== 200) assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      },
    ),
    { numRuns: 30 },
  );
  const unknownPlan = await h.call('POST', '/api/v1/onboarding/tenants/omega/steps', { as: operator, body: { cohort: COHORT, row: { ...row('omega'), plan: 'gold' } } });
  assert.equal(unknownPlan.statusCode, 400);
  assert.equal((await h.call('GET', '/api/v1/onboarding/cohorts/omega', { as: operator })).json().totals.tenants, 0, 'nothing half-written');
  const denied = await h.call('GET', `/api/v1/onboarding/cohorts/${COHORT}`, { as: ['pilot-a', 'user-admin'] });
  assert.equal(denied.statusCode, 403);
});
