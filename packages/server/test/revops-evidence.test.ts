import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { AuditEvent } from '../src/audit/audit-events.ts';
import { openAuditEvents } from '../src/audit/sealed-details.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { isPseudonym, shownActors } from '../src/identity/actor-pseudonyms.ts';
import { gzipChunks } from '../src/evidence/gzip-frame.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { jsonLines, packFiles, verifyAgainstJwks } from './support/pack-files.ts';
import { draftQuote, step, type As } from './support/revops-deal.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const ae: As = ['pilot-a', 'user-ae'];
const manager: As = ['pilot-a', 'user-sales-manager'];
const finance: As = ['pilot-a', 'user-finance'];
let h: TestApp;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'revops-evidence-'));
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const verify = (pack: Buffer) => verifyAgainstJwks(h, dir, pack);

/** A 30% deal edited once, approved by a sales manager and finance, and activated. */
async function activeDeal(): Promise<{ quoteId: string; opportunityId: string }> {
  const deal = await draftQuote(h, ae, 3500);
  await step(h, ae, deal.quoteId, 'submit-for-approval', { rationale: 'competitive displacement' });
  assert.equal((await h.call('PATCH', `/api/v1/revops/quotes/${deal.quoteId}`, { as: ae, body: { discount_bp: 3000 } })).statusCode, 200);
  await step(h, ae, deal.quoteId, 'submit-for-approval', { rationale: 'competitive displacement, 30%' });
  await step(h, manager, deal.quoteId, 'approve', { rationale: 'strategic logo' });
  await step(h, finance, deal.quoteId, 'approve', { rationale: 'margin above floor' });
  const active = await step(h, ae, deal.quoteId, 'activate', { effective_date: '2026-04-01' });
  assert.equal(active.json().status, 'active', active.body);
  return deal;
}

test('the evidence pack of a deal verifies offline and holds its lead, quote versions, approvals with rationales, decisions and contract', async () => {
  const { quoteId, opportunityId } = await activeDeal();
  const early = await h.call('GET', `/api/v1/evidence/revops/deals/${opportunityId}`, { as: finance });
  assert.equal(early.statusCode, 409, 'a step not yet under a checkpoint makes the pack wait');
  assert.equal(early.headers['retry-after'], '5');

  await h.app.ledger.flush('pilot-a');
  await policyRuntime().engine.flushDecisions();
  const res = await h.call('GET', `/api/v1/evidence/revops/deals/${opportunityId}`, { as: finance });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/gzip');
  const pack = res.rawPayload;
  const verified = await verify(pack);
  assert.deepEqual(verified.failures, []);
  assert.equal(verified.ok, true);

  const files = await packFiles(pack);
  const receipts = jsonLines(files.get('receipts.jsonl')).map((r) => r.receipt);
  assert.deepEqual(receipts.map((r) => r.action).sort(), [
    'revops.lead.create',
    'revops.quote.activate',
    'revops.quote.approve',
    'revops.quote.approve',
    'revops.quote.create',
    'revops.quote.submit',
    'revops.quote.submit',
    'revops.quote.update',
  ]);
  const events = jsonLines(files.get('audit_events.jsonl'));
  const lead = events.find((e) => e.type === 'revops.lead.routed')!.details.lead;
  // The routed owner is named by pseudonym in the event's snapshot, as its actor is.
  const owner = await withTenantTransaction(h.t.db, 'pilot-a', () => shownActors([lead.owner]));
  assert.deepEqual([lead.team, isPseudonym(lead.owner), owner.get(lead.owner)], ['enterprise', true, 'user-ae']);
  assert.equal(events.find((e) => e.type === 'revops.opportunity.created')!.details.opportunity.opportunity_id, opportunityId);
  // The pack carries the rationales as stored, sealed; the tenant's data keys open them.
  assert.ok(!files.get('audit_events.jsonl')!.includes('margin above floor'));
  const opened = await withTenantTransaction(h.t.db, 'pilot-a', () => openAuditEvents(events as AuditEvent[]));
  const history = opened.filter((e) => e.type === 'revops.quote.history').map((e) => e.details as Record<string, any>);
  // It names people by pseudonym, which the tenant resolves while their data keys live.
  assert.ok(history.every((d) => isPseudonym(d.actor)));
  const shown = await withTenantTransaction(h.t.db, 'pilot-a', () => shownActors(history.map((d) => d.actor)));
  assert.deepEqual(
    history.map((d) => `${d.transition}:${shown.get(d.actor)}:${d.rationale}`),
    [
      'create:user-ae:null',
      'submit:user-ae:competitive displacement',
      'edit:user-ae:null',
      'submit:user-ae:competitive displacement, 30%',
      'approve:user-sales-manager:strategic logo',
      'approve:user-finance:margin above floor',
      'activate:user-ae:null',
    ],
  );
  // Both quote versions, and the totals each approval froze.
  assert.deepEqual(history.filter((d) => d.quote !== undefined).map((d) => [d.quote.version, d.quote.discount_bp, d.quote.total_minor]), [[1, 3500, 844_999], [2, 3000, 909_999]]);
  const approvals = history.filter((d) => d.transition === 'approve');
  const approveReceipts = receipts.filter((r) => r.action === 'revops.quote.approve');
  for (const a of approvals) {
    assert.equal(a.details.total_minor, 909_999);
    assert.ok(approveReceipts.every((r) => r.evidence_refs.includes(`revops-quote-terms:sha256:${a.details.terms_sha256}`)));
  }
  const contract = history.find((d) => d.transition === 'activate')!.details.contract;
  assert.deepEqual([contract.quote_id, contract.amount_minor, contract.effective_date, contract.term_months], [quoteId, 909_999, '2026-04-01', 12]);
  // Every step's decision, with the bundle it was decided under, and that bundle.
  const bundles = jsonLines(files.get('bundles.jsonl')).map((b) => b.bundle_hash);
  // The pack carries them as stored: their actor is a pseudonym, read here as the subject id.
  const decisions = jsonLines(files.get('decisions.jsonl'));
  const deciders = await withTenantTransaction(h.t.db, 'pilot-a', () => shownActors(decisions.map((d) => d.actor as string)));
  assert.ok(decisions.some((d) => d.action === 'revops.quote.approve' && isPseudonym(d.actor) && deciders.get(d.actor) === 'user-finance' && d.allow === true && bundles.includes(d.bundle_hash)));

  // Stable: reading the deal again and downloading the pack again gives the same records.
  await h.call('GET', `/api/v1/revops/opportunities/${opportunityId}`, { as: finance });
  const again = await packFiles((await h.call('GET', `/api/v1/evidence/revops/deals/${opportunityId}`, { as: manager })).rawPayload);
  for (const name of ['receipts.jsonl', 'audit_events.jsonl', 'decisions.jsonl', 'bundles.jsonl']) assert.equal(again.get(name), files.get(name), name);

  // One changed byte of a sealed rationale no longer matches the signed manifest.
  const tar = gunzipSync(pack);
  tar[tar.indexOf('sealed:v1:')] = 'S'.charCodeAt(0);
  const tampered = await verify(Buffer.concat(await Readable.from(gzipChunks(Readable.from([tar]))).toArray()));
  assert.equal(tampered.ok, false);
  assert.ok(tampered.failures.some((f) => f.file === 'audit_events.jsonl'), JSON.stringify(tampered.failures));
});

test('the deal pack is for deal readers; an unknown deal is a 404 after the decision', async () => {
  assert.equal((await h.call('GET', `/api/v1/evidence/revops/deals/${randomUUID()}`, { as: ['pilot-a', 'user-engineer'] })).statusCode, 403);
  assert.equal((await h.call('GET', `/api/v1/evidence/revops/deals/${randomUUID()}`, { as: finance })).statusCode, 404);
});
