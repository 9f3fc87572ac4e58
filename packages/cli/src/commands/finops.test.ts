import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { main } from '../main.ts';

let h: TestApp;
let url: string;
const out: string[] = [];
const err: string[] = [];
const { log, error } = console;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
});

after(async () => {
  Object.assign(console, { log, error });
  await h.close();
});

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const at = out.length;
  const code = await main(['finops', ...args, '--url', url, '--token', await h.token('demo-external', 'user-admin')]);
  return { code, out: out.slice(at).join('\n') };
}

test('estimate prices usage on a plan', async () => {
  const r = await run(['estimate', '--plan', 'companyos-internal-demo', '--period', '2026-03', 'policy_decision=123456', 'workflow_run=789']);
  assert.equal(r.code, 0);
  assert.match(r.out, /123,456 policy decisions \+ 789 workflow runs → €180\.46/);
});

test('rate, invoices and readings show the running month', async () => {
  const rated = await run(['rate', '--period', '2026-03', '--json']);
  assert.equal(rated.code, 0);
  const { invoice } = JSON.parse(rated.out) as { invoice: { invoice_id: string; number: string } };
  assert.equal(invoice.number, 'demo-external-2026-03');
  const list = await run(['invoices']);
  assert.match(list.out, /demo-external-2026-03\s+2026-03\s+draft/);
  const one = await run(['invoices', invoice.invoice_id]);
  assert.match(one.out, /base fee/);
  const readings = await run(['readings', '--meter', 'api_request']);
  assert.match(readings.out, /2026-03-02\s+api_request/);
  const usage = await run(['usage', '--meter', 'api_request', '--limit', '5']);
  assert.match(usage.out, /api_request/);
});

test('a bad argument is a usage error', async () => {
  const at = err.length;
  assert.equal((await run(['estimate', '--plan', 'pro', 'bananas'])).code, 2);
  assert.match(err.slice(at).join('\n'), /METER=QUANTITY/);
});

test('invoices evidence downloads a finalised invoice pack that verify accepts', async () => {
  const { invoice } = JSON.parse((await run(['rate', '--period', '2026-03', '--json'])).out) as { invoice: { invoice_id: string } };
  const fin = await h.call('POST', `/api/v1/finops/invoices/${invoice.invoice_id}/finalize`, { as: ['demo-external', 'user-admin'] });
  assert.equal(fin.statusCode, 200, fin.body);
  await h.app.ledger.flush('demo-external');
  const dir = mkdtempSync(join(tmpdir(), 'finops-cli-'));
  try {
    const file = join(dir, 'invoice.tar.gz');
    assert.equal((await run(['invoices', 'evidence', invoice.invoice_id, '-o', file])).code, 0);
    const at = out.length;
    assert.equal(await main(['verify', file]), 0);
    assert.match(out.slice(at).join('\n'), /usage_events/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
