import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from './support/test-app.ts';

// A real Prometheus (Debian's package) scrapes a running server every second with the repo's
// rules loaded; traffic is driven, then the recorded SLO series and an alert state are read back.
const rulesDir = fileURLToPath(new URL('../../../deploy/observability/', import.meta.url));
let h: TestApp;
let prometheus: ChildProcess;
let promUrl: string;
let workDir: string;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false, config: { metrics: { tenantLabel: false, sampleMs: 0 } } });
  // The first decisions compile the policy; they happen before Prometheus starts counting.
  await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] });
  await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-engineer'] });
  const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
  workDir = mkdtempSync(join(tmpdir(), 'companyos-prometheus-'));
  writeFileSync(
    join(workDir, 'prometheus.yml'),
    JSON.stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: [join(rulesDir, 'rules.generated.yaml'), join(rulesDir, 'alerts.yaml')],
      scrape_configs: [{ job_name: 'companyos', static_configs: [{ targets: [new URL(address).host] }] }],
    }),
  );
  const port = await freePort();
  promUrl = `http://127.0.0.1:${port}`;
  prometheus = spawn(
    'prometheus',
    [`--config.file=${join(workDir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(workDir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--enable-feature=exemplar-storage'],
    { stdio: 'ignore' },
  );
  await until(async () => (await fetch(`${promUrl}/-/ready`).catch(() => undefined))?.ok === true, 'Prometheus is ready');
});
after(async () => {
  prometheus?.kill('SIGTERM');
  await new Promise((resolve) => (prometheus?.exitCode !== null ? resolve(undefined) : prometheus.once('exit', resolve)));
  await h?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting until ${what}`);
}

async function query(q: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(q)}`);
  const body = (await res.json()) as { status: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
  assert.equal(body.status, 'success');
  return body.data.result;
}

test('Prometheus records the SLO series from live traffic, and a missing receipt puts its alert in pending', async () => {
  await until(async () => (await query('up{job="companyos"}')).some((r) => r.value[1] === '1'), 'the server is scraped');
  // Traffic over a few scrapes: allowed and denied actions, all decided well under 500 ms.
  let receiptId = '';
  for (let i = 0; i < 6; i++) {
    const ok = await h.call('POST', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'], body: { subject_id: `scraped-${i}`, display_name: 'S', roles: [] } });
    assert.equal(ok.statusCode, 201);
    receiptId = String(ok.headers['x-receipt-id']);
    assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-engineer'] })).statusCode, 403);
    await new Promise((r) => setTimeout(r, 700));
  }
  await until(async () => (await query('sum(companyos_action_requests_total)')).some((r) => Number(r.value[1]) >= 12), 'the traffic is scraped');

  // Recorded SLO series: no server errors, so the availability budget is whole. Decision latency
  // is recorded too (its value depends on this machine's load, so only its range is asserted).
  await until(async () => (await query('slo:sli_error:ratio_rate5m{slo="api-availability"}')).length === 1, 'the availability ratio is recorded');
  assert.equal(Number((await query('slo:sli_error:ratio_rate5m{slo="api-availability"}'))[0]!.value[1]), 0);
  assert.equal(Number((await query('slo:error_budget_remaining:ratio{slo="api-availability"}'))[0]!.value[1]), 1);
  const latency = Number((await query('slo:sli_error:ratio_rate5m{slo="decision-latency"}'))[0]!.value[1]);
  assert.ok(latency >= 0 && latency <= 1, `decision-latency error ratio ${latency}`);
  assert.deepEqual(await query('ALERTS{alertname=~"ApiAvailability.*"}'), []);

  // A receipt disappears (as the database owner, past the append-only guards): the gauge shows it
  // at the next scrape and ReceiptsMissing goes pending (it fires after 2 minutes).
  await h.t.db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('session_replication_role', 'replica', true)`);
    for (const table of ['ledger_queue', 'ledger_leaves', 'receipts']) await tx.query(`DELETE FROM ${table} WHERE tenant_id = 'pilot-a' AND receipt_id = $1`, [receiptId]);
  });
  await until(
    async () => (await query('ALERTS{alertname="ReceiptsMissing"}')).some((r) => r.metric.alertstate === 'pending' && r.metric.reason === 'absent'),
    'ReceiptsMissing is pending',
  );
});
