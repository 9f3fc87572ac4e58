import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { verifyReceiptBundle } from '../src/ledger/receipt-format.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
let dir: string;
before(async () => {
  h = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'board-pack-'));
});
after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const operator: [string, string] = ['internal', 'user-platform-operator'];

/** The PDF's text as poppler extracts it, lines joined (a long figure wraps). */
function pdfText(pdf: Buffer): string {
  const file = join(dir, `${createHash('sha256').update(pdf).digest('hex')}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function boardPack(period: string): Promise<{ pdf: Buffer; headers: Record<string, unknown> }> {
  const res = await h.call('POST', '/api/v1/board-packs', { as: operator, body: { period } });
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  return { pdf: res.rawPayload, headers: res.headers };
}

const boardPackRows = async (): Promise<number> => ((await h.call('GET', '/api/v1/board-packs', { as: operator })).json().board_packs as unknown[]).length;

test('the board pack is a PDF of figures computed from stored data, its digest and inputs in a verifiable receipt', async () => {
  // Stored data to report: traffic in pilot-a's service samples, and a finalised invoice.
  for (let i = 0; i < 3; i++) assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).statusCode, 200);
  const assigned = await h.call('PUT', '/api/v1/finops/tenants/pilot-a/plan', { as: operator, body: { plan_id: 'pro', effective_from: '2026-03-01' } });
  assert.equal(assigned.statusCode, 200, assigned.body);
  const rated = await h.call('POST', '/api/v1/finops/invoices/rate', { as: ['pilot-a', 'user-admin'], body: { period: '2026-03' } });
  const invoice = rated.json().invoice as { invoice_id: string; total: number; currency: string };
  assert.equal((await h.call('POST', `/api/v1/finops/invoices/${invoice.invoice_id}/finalize`, { as: ['pilot-a', 'user-admin'] })).statusCode, 200);
  h.clock.advance(60_000);
  assert.ok((await h.app.serviceSamples.flush()) >= 1);
  for (const t of ['pilot-a', 'internal', 'pilot-b']) await h.app.ledger.flush(t);

  const { pdf, headers } = await boardPack('2026-q1');
  assert.equal(headers['content-type'], 'application/pdf');
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  assert.equal(headers['x-board-pack-sha256'], sha256);
  assert.ok(Number(headers['x-board-pack-ms']) >= 0);

  const text = pdfText(pdf);
  assert.match(text, /Board pack 2026-Q1/);
  assert.match(text, /cut at generation time/, 'Q1 is still running on 2026-03-02');
  assert.match(text, /North-star: receipted governed actions: \d+ receipts/);
  assert.match(text, /Uptime \(request-based\): 100\.000% of \d+ governed requests/);
  assert.match(text, /API p95 latency: \d+\.\d ms/);
  assert.match(text, /Partners: 4 partner tenants, 4 active/);
  assert.match(text, /Onboarding status: \d+ [a-z]/);
  assert.match(text, /Evidence coverage: (\d+\.\d+%|no data) of allowed actions have their receipt in the ledger/);
  assert.match(text, /SLA compliance: \S+ \(\d+ of \d+ tenant-days with traffic met availability/);
  assert.match(text, /Links Console: http\S*\/ .*pilot-a public keys: http\S*\/api\/v1\/tenants\/pilot-a\/jwks\.json/);
  assert.match(text, /Appendix: data sources/);
  assert.ok(invoice.total >= 49900, String(invoice.total));
  const amount = `${invoice.currency} ${(invoice.total / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
  assert.ok(text.includes(`Revenue (finalised invoices): ${amount}`), `${amount} in\n${text.slice(0, 2000)}`);
  // Every tenant with its active bundle hash, as the operator's list shows it.
  const tenants = (await h.call('GET', '/api/v1/tenants', { as: operator })).json().tenants as Array<{ tenant_id: string; policy_bundle: { hash: string } }>;
  for (const t of tenants) {
    assert.ok(text.includes(t.tenant_id), t.tenant_id);
    assert.ok(text.includes(`bundle sha256 ${t.policy_bundle.hash}`), `${t.tenant_id} bundle hash`);
  }
  assert.match(text, /Latest ledger checkpoint: size \d+, .*signature verifies/);
  // The appendix lists each source with the digest the response (and the receipt) carries.
  const inputs = String(headers['x-board-pack-inputs']).split(',').map((p) => p.split('='));
  assert.deepEqual(inputs.map(([name]) => name), ['tenants', 'policy_bundles', 'ledger_checkpoints', 'evidence', 'invoices', 'service_samples']);
  for (const [name, hex] of inputs) assert.ok(text.includes(`sha256 ${hex!}`), `${name} digest in the appendix`);

  // Rendered as an image, the first page is a real page with ink on it.
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', join(dir, `${sha256}.pdf`), join(dir, 'page')]);
  const page = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
  assert.ok(page !== undefined && statSync(join(dir, page)).size > 2000);

  // The receipt in the operator tenant's ledger carries the PDF's digest and the inputs'.
  await h.app.ledger.flush('internal');
  const receiptId = String(headers['x-receipt-id']);
  const bundle = (await h.call('GET', `/api/v1/provenance/receipts/${receiptId}`, { as: operator })).json();
  assert.equal(verifyReceiptBundle(bundle).ok, true);
  assert.equal(bundle.receipt.action, 'board.pack.create');
  assert.ok(bundle.receipt.evidence_refs.includes(`board-pack-pdf:sha256:${sha256}`));
  for (const [name, hex] of inputs) assert.ok(bundle.receipt.evidence_refs.includes(`board-input:${name}:sha256:${hex}`));

  const listed = (await h.call('GET', '/api/v1/board-packs', { as: operator })).json().board_packs as Array<{ sha256: string; period: string }>;
  assert.deepEqual([listed[0]!.sha256, listed[0]!.period], [sha256, '2026-Q1']);
});

test('a bad period is a 400 naming the syntax, and nothing is stored', async () => {
  const before = await boardPackRows();
  for (const period of ['2026-Q5', 'Q2-2026', '2026-Q2-end', '2031-Q1']) {
    const res = await h.call('POST', '/api/v1/board-packs', { as: operator, body: { period } });
    assert.equal(res.statusCode, 400, `${period}: ${res.body}`);
    assert.equal(res.json().type, 'https://companyos.dev/problems/invalid-request');
    assert.match(res.json().detail, period === '2031-Q1' ? /has not begun/ : /is not a period: write YYYY/);
  }
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.dictionary(fc.string(), fc.string())), async (period) => {
      const res = await h.call('POST', '/api/v1/board-packs', { as: operator, body: { period } });
      return res.statusCode === 400 || res.statusCode === 200 ? res.headers['content-type'] !== undefined : false;
    }),
    { numRuns: 25 },
  );
  const extra = await h.call('POST', '/api/v1/board-packs', { as: operator, body: { period: '2026-01', pages: 3 } });
  assert.equal(extra.statusCode, 400);
  assert.ok((await boardPackRows()) >= before);
});

test('only platform operators may generate or list board packs', async () => {
  for (const [method, body] of [['POST', { period: '2026-01' }], ['GET', undefined]] as const) {
    const res = await h.call(method, '/api/v1/board-packs', { as: ['pilot-a', 'user-admin'], ...(body ? { body } : {}) });
    assert.equal(res.statusCode, 403, res.body);
    assert.ok((res.json().reasons as string[]).some((r) => /platform/.test(r)));
  }
});
