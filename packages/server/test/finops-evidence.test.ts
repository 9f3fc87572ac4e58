import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { canonicalSha256 } from '../src/util/canonical-json.ts';
import { jsonLines, packFiles, verifyAgainstJwks } from './support/pack-files.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const DEMO: [string, string] = ['demo-external', 'user-admin'];
let h: TestApp;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'finops-evidence-'));
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = (events: Array<Record<string, unknown>>) =>
  h.call('POST', '/api/v1/finops/usage', {
    as: DEMO,
    body: JSON.stringify(events.map((e) => ({ specversion: '1.0', source: 'test', ...e }))),
    headers: { 'content-type': 'application/cloudevents-batch+json' },
  });

type Line = { kind: string; meter: string | null; quantity: number; segment_from: string; segment_to: string };

/** A March of usage for demo-external, rated and finalised in April. */
async function finalisedInvoice(): Promise<{ id: string; sha256: string }> {
  h.clock.set('2026-03-25T09:00:00.000Z');
  const res = await report([
    { id: 'ev-d1', type: 'policy_decision', subject: 'connector-a', time: '2026-03-03T10:00:00Z', data: { quantity: 40_000 } },
    { id: 'ev-d2', type: 'policy_decision', subject: 'connector-b', time: '2026-03-17T10:00:00Z', data: { quantity: 2_500 } },
    { id: 'ev-w1', type: 'workflow_run', time: '2026-03-05T11:00:00Z', data: { quantity: 120 } },
    { id: 'ev-w2', type: 'workflow_run', time: '2026-03-05T12:00:00Z', data: { quantity: 30 } },
  ]);
  assert.equal(res.statusCode, 200, res.body);
  // The report's own decision is March usage too: write it now, before the month is rated.
  await policyRuntime().engine.flushDecisions();
  h.clock.set('2026-04-01T06:00:00.000Z');
  const rated = await h.call('POST', '/api/v1/finops/invoices/rate', { as: DEMO, body: { period: '2026-03' } });
  const id = rated.json().invoice.invoice_id as string;
  const draft = await h.call('GET', `/api/v1/finops/invoices/${id}/evidence`, { as: DEMO });
  assert.equal(draft.statusCode, 409, 'a draft has no pack: its usage may still change');
  assert.match(draft.json().detail, /draft.*finalise it first/);
  const fin = await h.call('POST', `/api/v1/finops/invoices/${id}/finalize`, { as: DEMO });
  assert.equal(fin.statusCode, 200, fin.body);
  // Usage of March arriving after finalisation is not the invoice's.
  h.clock.advance(60_000);
  await report([{ id: 'ev-late', type: 'workflow_run', time: '2026-03-20T11:00:00Z', data: { quantity: 999 } }]);
  await policyRuntime().engine.flushDecisions();
  await h.app.ledger.flush('demo-external');
  return { id, sha256: fin.json().sha256 };
}

test('the evidence pack of a finalised invoice verifies offline, and each line equals the usage behind it', async () => {
  const { id, sha256 } = await finalisedInvoice();
  const res = await h.call('GET', `/api/v1/finops/invoices/${id}/evidence`, { as: DEMO });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/gzip');
  const pack = res.rawPayload;
  const verified = await verifyAgainstJwks(h, dir, pack, 'demo-external');
  assert.deepEqual(verified.failures, []);
  assert.equal(verified.ok, true);

  const files = await packFiles(pack);
  // The invoice document is in the audit trail, and its hash is the one the receipt records.
  const finalized = jsonLines(files.get('audit_events.jsonl')).find((e) => e.type === 'invoice.finalized')!;
  const doc = finalized.details.document;
  assert.equal(canonicalSha256(doc), sha256);
  const receipt = jsonLines(files.get('receipts.jsonl')).map((r) => r.receipt).find((r) => r.action === 'finops.invoice.finalized')!;
  assert.ok(receipt.evidence_refs.includes(`sha256:${sha256}`));

  const readings = jsonLines(files.get('meter_readings.jsonl'));
  const events = jsonLines(files.get('usage_events.jsonl'));
  assert.equal(verified.manifest!.counts.usage_events, events.length);
  assert.ok(!events.some((e) => e.idempotency_key === 'ev-late'), 'late usage is left out');
  // Every reading is the sum of its day's events; every usage line the sum (seats: the peak) of its readings.
  for (const r of readings.filter((x) => x.meter !== 'seat')) {
    const sum = events.filter((e) => e.meter === r.meter && e.occurred_at.startsWith(r.day)).reduce((s, e) => s + e.quantity, 0);
    assert.equal(r.quantity, sum, `${r.meter} on ${r.day}`);
  }
  const usageLines = (doc.lines as Line[]).filter((l) => l.kind === 'usage');
  assert.ok(usageLines.some((l) => l.meter === 'workflow_run' && l.quantity === 150));
  assert.ok(usageLines.some((l) => l.meter === 'policy_decision' && l.quantity >= 42_500));
  for (const line of usageLines) {
    const days = readings.filter((r) => r.meter === line.meter && r.day >= line.segment_from && r.day <= line.segment_to).map((r) => r.quantity as number);
    const expected = line.meter === 'seat' ? Math.max(0, ...days) : days.reduce((s, q) => s + q, 0);
    assert.equal(line.quantity, expected, `line ${line.meter}`);
  }

  // Stable: the same invoice gives the same content.
  const again = await packFiles((await h.call('GET', `/api/v1/finops/invoices/${id}/evidence`, { as: DEMO })).rawPayload);
  for (const name of ['manifest.json', 'usage_events.jsonl', 'meter_readings.jsonl', 'audit_events.jsonl', 'receipts.jsonl']) assert.equal(again.get(name), files.get(name), name);

  // A changed byte anywhere fails verification.
  for (const at of [10, Math.floor(pack.length / 2), pack.length - 12]) {
    const bad = Buffer.from(pack);
    bad[at] = bad[at]! ^ 0x01;
    assert.equal((await verifyAgainstJwks(h, dir, bad, 'demo-external')).ok, false, `byte ${at}`);
  }
});

test("another tenant's invoice pack is not found", async () => {
  const listed = (await h.call('GET', '/api/v1/finops/invoices', { as: DEMO })).json().invoices[0];
  const res = await h.call('GET', `/api/v1/finops/invoices/${listed.invoice_id}/evidence`, { as: ['pilot-b', 'user-admin'] });
  assert.equal(res.statusCode, 404);
});
