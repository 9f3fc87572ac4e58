import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { main } from '../main.ts';

// `companyos revops` against a running server: the deal, from lead to verified evidence.
let h: TestApp;
let url: string;
let dir: string;
const out: string[] = [];
const err: string[] = [];
const { log, error } = console;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'companyos-revops-cli-'));
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
});

after(async () => {
  Object.assign(console, { log, error });
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `companyos ...` as a pilot-a subject: its exit code and what it printed. */
async function run(subject: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [outAt, errAt] = [out.length, err.length];
  const code = await main([...args, '--url', url, '--token', await h.token('pilot-a', subject)]).catch((e: Error) => {
    err.push(e.message);
    return 1;
  });
  return { code, out: out.slice(outAt).join('\n'), err: err.slice(errAt).join('\n') };
}

test('a 30% deal from lead to contract, and its evidence pack verifies', async () => {
  const lead = await run('user-ae', ['revops', 'leads', 'create', '--company', 'Acme GmbH', '--contact-name', 'Jo Buyer', '--contact-email', 'jo@acme.example.com', '--segment', 'enterprise', '--region', 'eu', '--value', '1200000', '--currency', 'EUR', '-q']);
  assert.equal(lead.code, 0, lead.err);
  const deal = lead.out.trim();
  const quote = await run('user-ae', ['revops', 'quotes', 'create', '--opportunity', deal, '--currency', 'EUR', '--line', 'platform-seat:10:120000', '--discount-bp', '3000', '-q']);
  assert.equal(quote.code, 0, quote.err);
  const id = quote.out.trim();

  const early = await run('user-ae', ['revops', 'activate', id]);
  assert.equal(early.code, 1);
  assert.match(early.err, /cannot activate a quote that is draft/);
  assert.match((await run('user-ae', ['revops', 'submit', id, '--rationale', 'competitive displacement'])).out, /submitted \(awaiting approval by: finance, sales_manager\)/);
  assert.match((await run('user-sales-manager', ['revops', 'approve', id, '--rationale', 'strategic logo'])).out, /submitted \(awaiting approval by: finance\)/);
  assert.match((await run('user-finance', ['revops', 'approve', id, '--rationale', 'margin above floor'])).out, /: approved$/);
  const active = await run('user-ae', ['revops', 'activate', id, '--effective-date', '2026-04-01']);
  assert.match(active.out, /active; contract .* from 2026-04-01, 12 months, 840000 EUR/);

  const shown = await run('user-finance', ['revops', 'quotes', 'show', id]);
  assert.match(shown.out, /subtotal 1200000 EUR, discount 30% = 360000, total 840000 EUR/);
  assert.match(shown.out, /user-finance\s+approve\s+submitted -> approved\s+margin above floor/);
  assert.match((await run('user-ae', ['revops', 'quotes', 'list', '--status', 'active'])).out, new RegExp(`${id}\\s+active\\s+user-ae\\s+30%\\s+840000 EUR`));

  await h.app.ledger.flush('pilot-a');
  const file = join(dir, 'deal.tar.gz');
  const saved = await run('user-finance', ['revops', 'evidence', deal, '-o', file]);
  assert.equal(saved.code, 0, saved.err);
  const at = out.length;
  assert.equal(await main(['verify', file, '--jwks', `${url}/api/v1/tenants/pilot-a/jwks.json`]), 0, out.slice(at).join('\n'));
  assert.match(out.slice(at).join('\n'), /^OK: /m);
});

test('impact lists the open quotes a policy version would re-route', async () => {
  const lead = await run('user-ae', ['revops', 'leads', 'create', '--company', 'Initech', '--contact-name', 'Bill', '--contact-email', 'bill@initech.example.com', '--segment', 'enterprise', '--region', 'us', '--value', '500000', '--currency', 'USD', '-q']);
  const quote = await run('user-ae', ['revops', 'quotes', 'create', '--opportunity', lead.out.trim(), '--currency', 'USD', '--line', 'seat:5:100000', '--discount-bp', '1800', '-q']);
  const proposed = await h.call('POST', '/api/v1/policy/versions', { as: ['pilot-a', 'user-admin'], body: { message: 'threshold 15%', data_patch: { revops: { discount: { self_approve_max_pct: 15 } } } } });
  const version = String(proposed.json().version.version);
  const impact = await run('user-admin', ['revops', 'impact', version]);
  assert.equal(impact.code, 0, impact.err);
  assert.match(impact.out, new RegExp(`${quote.out.trim()}\\s+draft\\s+18%\\s+self-approved\\s+finance \\+ sales_manager`));
});
