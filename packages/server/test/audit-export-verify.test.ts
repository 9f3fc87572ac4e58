import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { packKey } from '../src/audit/export-job.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { gzipChunks } from '../src/evidence/gzip-frame.ts';
import { getReceipt } from '../src/ledger/receipts.ts';
import { readBlob, writeBlob } from './support/blobs.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
const admin: [string, string] = ['pilot-a', 'user-admin'];
let windowFrom: string;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  windowFrom = h.clock.now().toISOString();
  await h.call('GET', '/api/v1/subjects', { as: admin });
  h.clock.advance(1_000);
});
after(() => h.close());

async function finishedExport(): Promise<string> {
  const created = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from: windowFrom, to: h.clock.now().toISOString() } });
  assert.equal(created.statusCode, 202, created.body);
  await h.app.jobs.runDue();
  return created.json().export_id as string;
}

const verify = (id: string, as: [string, string] = admin) => h.call('POST', `/api/v1/audit/exports/${id}/verify`, { as });

test("a fresh export verifies against the tenant's published keys, every check passed; the verification is receipted and audited", async () => {
  const id = await finishedExport();
  const res = await verify(id);
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json();
  assert.equal(report.ok, true);
  assert.deepEqual(report.failures, []);
  assert.deepEqual(
    report.checks.map((c: { check: string; outcome: string }) => `${c.check}:${c.outcome}`),
    ['archive:passed', 'signature:passed', 'digests:passed', 'records:passed', 'receipts:passed', 'counts:passed'],
  );
  assert.equal(report.tenant, 'pilot-a');
  assert.ok(report.counts.receipts >= 1);
  const jwks = (await h.call('GET', '/api/v1/tenants/pilot-a/jwks.json')).json();
  assert.deepEqual(report.keys, jwks.keys.map((k: { kid: string }) => k.kid));

  const receiptId = String(res.headers['x-receipt-id']);
  const receipt = await withTenantTransaction(h.t.db, 'pilot-a', () => getReceipt(receiptId));
  assert.equal(receipt?.body.action, 'audit.export.verify');
  assert.equal(receipt?.body.target, `export:${id}`);
  const events = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ action: 'audit.export.verify' }));
  assert.ok(events.some((e) => e.request_id === res.headers['x-request-id'] && e.target === `export:${id}`));
});

test('a stored pack altered in storage fails verification: a 200 with ok false naming the file whose digest changed', async () => {
  const id = await finishedExport();
  // Change one character of README.txt inside the archive and frame it again: the archive stays well formed.
  const tar = gunzipSync((await readBlob('pilot-a', packKey(id)))!);
  const at = tar.indexOf('evidence pack', tar.indexOf('README.txt\0'));
  assert.ok(at > 0);
  tar[at] = tar[at] === 0x65 ? 0x45 : 0x65;
  const framed: Buffer[] = [];
  for await (const chunk of gzipChunks(Readable.from([tar]))) framed.push(chunk);
  await writeBlob('pilot-a', packKey(id), Buffer.concat(framed));

  const res = await verify(id);
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json();
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.failures.map((f: { code: string; file?: string }) => `${f.code} ${f.file}`),
    ['file.digest README.txt'],
  );
  const outcome = Object.fromEntries(report.checks.map((c: { check: string; outcome: string }) => [c.check, c.outcome]));
  assert.equal(outcome.digests, 'failed');
  assert.equal(outcome.signature, 'passed');
});

test('a pack that is no archive at all fails with the later checks not run', async () => {
  const id = await finishedExport();
  await writeBlob('pilot-a', packKey(id), Buffer.from('not a pack'));
  const report = (await verify(id)).json();
  assert.equal(report.ok, false);
  assert.equal(report.failures[0].code, 'archive');
  const outcome = Object.fromEntries(report.checks.map((c: { check: string; outcome: string }) => [c.check, c.outcome]));
  assert.deepEqual(outcome, { archive: 'failed', signature: 'not_run', digests: 'not_run', records: 'not_run', receipts: 'not_run', counts: 'not_run' });
});

test('an unknown export is a 404, an unfinished one a 409, and only admins may verify', async () => {
  const unknown = await verify('01900000-0000-7000-8000-000000000000');
  assert.equal(unknown.statusCode, 404);
  assert.match(String(unknown.headers['content-type']), /problem\+json/);

  const created = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from: windowFrom, to: h.clock.now().toISOString() } });
  const early = await verify(created.json().export_id);
  assert.equal(early.statusCode, 409);
  assert.match(early.json().detail, /is queued, not done/);
  await h.app.jobs.runDue();

  const engineer = await verify(created.json().export_id, ['pilot-a', 'user-engineer']);
  assert.equal(engineer.statusCode, 403);
  assert.ok(engineer.json().reasons.includes('no role of subject user-engineer grants action audit.export.verify'));
  // Another tenant's admin does not learn that the export exists.
  assert.equal((await verify(created.json().export_id, ['pilot-b', 'user-admin'])).statusCode, 404);
});
