import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { ledgerCommand } from './ledger.ts';
import { verifyReceiptCommand } from './verify-receipt.ts';

// `verify-receipt` on a bundle the server returned, and `ledger verify` on the server's database.
let h: TestApp;
let dir: string;
let url: string;
const saved = { ...process.env };
const printed: string[] = [];
const print = console.log;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'companyos-ledger-cli-'));
  process.env.COMPANYOS_DATA_DIR = dir;
  h = await createTestApp({ ledgerBackground: false });
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  console.log = (...args: unknown[]) => void printed.push(args.join(' '));
});

after(async () => {
  process.env = saved;
  console.log = print;
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

test('verify-receipt accepts a served bundle with the fetched JWKS and rejects an edited one', async () => {
  const id = String((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).headers['x-receipt-id']);
  await h.app.ledger.flush('pilot-a');
  const bundle = (await h.call('GET', `/api/v1/provenance/receipts/${id}`, { as: ['pilot-a', 'user-admin'] })).json();
  const file = join(dir, 'receipt.json');
  writeFileSync(file, JSON.stringify(bundle));
  const jwks = `${url}/api/v1/tenants/pilot-a/jwks.json`;
  assert.equal(await verifyReceiptCommand([file, '--jwks', jwks]), 0);
  assert.match(printed.at(-1)!, /^OK: included in the tree of size \d+, signed by /);

  writeFileSync(file, JSON.stringify({ ...bundle, receipt: { ...bundle.receipt, action: 'tenant.disable' } }));
  assert.equal(await verifyReceiptCommand([file, '--jwks', jwks]), 1);
  assert.equal(printed.at(-1), 'FAILED');
  const other = join(dir, 'other.json');
  writeFileSync(other, JSON.stringify((await h.app.inject({ method: 'GET', url: '/api/v1/tenants/pilot-b/jwks.json' })).json()));
  writeFileSync(file, JSON.stringify(bundle));
  assert.equal(await verifyReceiptCommand([file, '--jwks', other]), 1, "another tenant's keys");
});

test('ledger verify checks the log in the configured database, and fails for a tenant it does not hold', async (t) => {
  // The test database is reachable from the command only on a PostgreSQL server; with PGlite the
  // command opens the (empty) data dir instead, which holds no tenant at all.
  if (h.t.url !== undefined) process.env.DATABASE_URL = h.t.url;
  else delete process.env.DATABASE_URL;
  const code = await ledgerCommand(['verify', '--tenant', 'pilot-a', '--json']);
  const report = JSON.parse(printed.at(-1)!);
  assert.equal(code, h.t.url !== undefined ? 0 : 1);
  assert.equal(report.ok, h.t.url !== undefined);
  assert.equal(report.size > 0, h.t.url !== undefined);
  t.diagnostic(`verified ${report.size} leaves`);

  assert.equal(await ledgerCommand(['verify', '--tenant', 'no-such-tenant']), 1);
  assert.deepEqual(printed.slice(-2), ['  - no tenant no-such-tenant in this database', 'FAILED']);
  await assert.rejects(ledgerCommand(['verify']), /--tenant is required/);
});
