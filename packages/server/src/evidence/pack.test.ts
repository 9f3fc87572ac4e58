import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { FakeClock } from '../util/clock.ts';
import { sha256Hex } from '../util/canonical-json.ts';
import { sampleBundle, syntheticAuditEvents, syntheticDecisions, syntheticReceipts } from './golden/synthetic.ts';
import { jwksOf, localTenantKey, provenReceipts } from './golden/test-ledger.ts';
import { repack, replaceFile, resign, unpack } from './golden/repack.ts';
import { PACK_FILES, type PackWindow } from './layout.ts';
import type { ReceiptRecord } from './records.ts';
import { verifyPack } from './verify-pack.ts';
import { EvidencePackError, writePack, type WritePackOptions } from './write-pack.ts';

const tenant = 'tenant-a';
const window: PackWindow = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
const keyStart = new Date('2026-01-01T00:00:00Z');
const key = localTenantKey(generateKeyPairSync('ed25519').privateKey, keyStart);
const other = localTenantKey(generateKeyPairSync('ed25519').privateKey, keyStart);
const jwks = jwksOf(key);
const bundles = [sampleBundle(1), sampleBundle(2)];
const hashes = bundles.map((b) => b.bundle_hash);
const origin = 'companyos.test/ledger/tenant-a';
const ledger = await provenReceipts(origin, key, syntheticReceipts(tenant, window, 5, hashes));

function options(overrides: Partial<WritePackOptions> = {}): WritePackOptions {
  return {
    tenant,
    window,
    sources: {
      bundles,
      decisions: syntheticDecisions(tenant, window, 50, hashes),
      receipts: ledger.receipts,
      audit_events: syntheticAuditEvents(tenant, window, 200),
    },
    signer: key.signer,
    jwks,
    checkpoint: ledger.checkpoint,
    clock: new FakeClock('2026-03-02T08:00:00Z'),
    ...overrides,
  };
}

async function pack(opts: WritePackOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writePack(sink, opts);
  return Buffer.concat(chunks);
}

async function* once(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

test('a written pack verifies, and its manifest says what it holds', async () => {
  const progress: string[] = [];
  const bytes = await pack(options({ onProgress: (p) => p.done && progress.push(`${p.kind}:${p.records}`) }));
  const result = await verifyPack(once(bytes), {});
  assert.deepEqual(result.failures, []);
  assert.equal(result.ok, true);
  assert.deepEqual(result.manifest?.counts, { bundles: 2, decisions: 50, receipts: 5, audit_events: 200 });
  assert.deepEqual(result.manifest?.window, { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
  assert.equal(result.manifest?.created_at, '2026-03-02T08:00:00.000Z');
  assert.deepEqual(progress, ['bundles:2', 'decisions:50', 'receipts:5', 'audit_events:200']);
});

test('the same input gives the same bytes', async () => {
  assert.ok((await pack(options())).equals(await pack(options())));
});

test('standard tools read the pack and agree with the manifest', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-pack-'));
  t.after(() => rmSync(dir, { recursive: true }));
  writeFileSync(join(dir, 'pack.tar.gz'), await pack(options()));
  assert.deepEqual(execFileSync('tar', ['-tzf', join(dir, 'pack.tar.gz')]).toString().trim().split('\n'), PACK_FILES);
  execFileSync('tar', ['-xzf', join(dir, 'pack.tar.gz'), '-C', dir]);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  for (const f of manifest.files) assert.equal(sha256Hex(readFileSync(join(dir, f.name))), f.sha256, f.name);
  assert.match(readFileSync(join(dir, 'README.txt'), 'utf8'), /Tenant: +tenant-a/);
  assert.equal(readFileSync(join(dir, 'audit_events.jsonl'), 'utf8').split('\n').length, 201);
});

test('verifies from a file path', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-pack-'));
  t.after(() => rmSync(dir, { recursive: true }));
  const file = join(dir, 'p.tar.gz');
  writeFileSync(file, await pack(options()));
  assert.equal((await verifyPack(file, {})).ok, true);
});

test('filters apply to every record file', async () => {
  const grace = <T extends { actor: string | null }>(r: T) => r.actor === 'user:grace';
  const denied = options({
    filters: { actors: ['user:grace'], outcome: 'denied' },
    sources: {
      bundles,
      decisions: [...syntheticDecisions(tenant, window, 70, hashes)].filter((d) => grace(d) && !d.allow),
      audit_events: [...syntheticAuditEvents(tenant, window, 70)].filter((e) => grace(e) && e.decision === 'deny'),
    },
  });
  const result = await verifyPack(once(await pack(denied)), {});
  assert.equal(result.ok, true, JSON.stringify(result.failures));
  assert.deepEqual(result.manifest?.filters, { actors: ['user:grace'], outcome: 'denied' });
  assert.ok(result.manifest!.counts.audit_events > 0);
  const graceReceipts = ledger.receipts.filter((r) => grace(r.receipt));
  assert.ok(graceReceipts.length > 0);
  await assert.rejects(pack({ ...denied, sources: { receipts: graceReceipts } }), /outcome is not denied/);
  const allowed = await pack(options({ filters: { actors: ['user:grace'] }, sources: { receipts: graceReceipts } }));
  assert.equal((await verifyPack(once(allowed), {})).ok, true);
});

test('the writer refuses records the pack does not cover', async () => {
  const late = await provenReceipts(origin, key, syntheticReceipts(tenant, { from: window.to, to: '2026-03-03T00:00:00Z' }, 1, hashes));
  const forged: ReceiptRecord = { ...ledger.receipts[1]!, leaf_index: 2 };
  const cases: [Partial<WritePackOptions>, RegExp][] = [
    [{ sources: { receipts: late.receipts }, checkpoint: late.checkpoint }, /receipts.jsonl record 1: \S+: 2026-03-02T00:00:00.000Z is outside the window/],
    [{ sources: { audit_events: syntheticAuditEvents('tenant-b', window, 1) } }, /belongs to tenant tenant-b/],
    [{ filters: { actions: ['x'] }, sources: { audit_events: syntheticAuditEvents(tenant, window, 1) } }, /not in the filter/],
    [{ sources: { decisions: syntheticDecisions(tenant, window, 1, ['f'.repeat(64)]) } }, /bundle f+ is not in the pack/],
    [{ sources: { bundles: [{ ...bundles[0]!, bundle_hash: hashes[1]! }] } }, /does not match its hash/],
    [{ sources: { receipts: [forged] } }, /record 1: inclusion proof does not lead/],
    [{ sources: { receipts: ledger.receipts }, checkpoint: late.checkpoint }, /record 1: leaf_index 0 .*|inclusion proof/],
  ];
  for (const [overrides, message] of cases) {
    await assert.rejects(pack(options(overrides)), (err: Error) => err instanceof EvidencePackError && message.test(err.message));
  }
  await assert.rejects(pack(options({ window: { from: window.to, to: window.from } })), /window must end after it starts/);
});

test('the writer refuses keys that cannot make a verifiable pack', async () => {
  const other = localTenantKey(generateKeyPairSync('ed25519').privateKey, keyStart);
  await assert.rejects(pack(options({ signer: { kid: key.signer.kid, sign: other.sign } })), /would not verify.*does not verify/);
  await assert.rejects(pack(options({ signer: other.signer })), /has no key \S+ valid at/);
  const retired = localTenantKey(generateKeyPairSync('ed25519').privateKey, keyStart, new Date('2026-02-01T00:00:00Z'));
  await assert.rejects(pack(options({ signer: retired.signer, jwks: jwksOf(key, retired) })), /valid at 2026-03-02T08:00:00.000Z/);
  await assert.rejects(pack(options({ jwks: { keys: [{ ...key.jwk, kid: 'k1' }] } })), /jwks: .*thumbprint/);
  await assert.rejects(pack(options({ checkpoint: ledger.checkpoint.replace(/\n— .*/, '\n— x AAAA') })), /checkpoint/);
});

test('a trusted JWKS must hold the signing key', async () => {
  const bytes = await pack(options());
  assert.equal((await verifyPack(once(bytes), { trustedJwks: jwks })).ok, true);
  const untrusted = await verifyPack(once(bytes), { trustedJwks: jwksOf(other) });
  assert.deepEqual(
    untrusted.failures.map((f) => f.code),
    ['checkpoint.signature', 'signature.untrusted'],
  );
  assert.match(untrusted.failures[1]!.message, /no Ed25519 key with kid/);
  const malformed = await verifyPack(once(bytes), { trustedJwks: { keys: [{ kty: 'RSA' }] } });
  assert.equal(malformed.ok, false);
  assert.equal(malformed.failures[0]!.code, 'jwks.invalid');
});

test('a rotated key still verifies the packs it signed, and only those', async () => {
  const bytes = await pack(options());
  const retiredOld = { ...key.jwk, status: 'retired' as const, exp: Math.floor(Date.parse('2026-03-10T00:00:00Z') / 1000) };
  const rotated = { keys: [other.jwk, retiredOld] };
  assert.equal((await verifyPack(once(bytes), { trustedJwks: rotated })).ok, true);
  const retiredEarly = { keys: [other.jwk, { ...retiredOld, exp: Math.floor(Date.parse('2026-03-02T00:00:00Z') / 1000) }] };
  const result = await verifyPack(once(bytes), { trustedJwks: retiredEarly });
  assert.deepEqual(result.failures.map((f) => f.code), ['signature.untrusted']);
  assert.match(result.failures[0]!.message, /was not valid at 2026-03-02T08:00:00.000Z/);
});

test('many bad records give a short report', async () => {
  const many = Array.from({ length: 50 }, () => ledger.receipts[0]!);
  const bytes = await pack(options({ sources: { receipts: many } }));
  // Each copy of receipt 0 is valid; moving them all to leaf 1 breaks every proof.
  const moved = replaceFile(await unpack(bytes), 'receipts.jsonl', (d) => Buffer.from(d.toString().replaceAll('"leaf_index":0', '"leaf_index":1')));
  const result = await verifyPack(once(await repack(moved)), { maxFailuresPerCode: 3 });
  assert.deepEqual(result.failures.slice(0, 3).map((f) => [f.code, f.line]), [['receipt.proof', 1], ['receipt.proof', 2], ['receipt.proof', 3]]);
  assert.equal(result.failures.find((f) => f.code === 'file.digest')?.file, 'receipts.jsonl');
  assert.ok(result.failures.some((f) => f.message === '47 more receipt.proof failures not listed'));
  assert.equal(result.failures.filter((f) => f.code === 'receipt.proof').length, 4);
});

test('a signed manifest that lies about its counts fails', async () => {
  const entries = await unpack(await pack(options()));
  const lying = await repack(await resign(entries, key.signer, (m) => ({ ...m, counts: { ...m.counts, audit_events: 199 } })));
  const result = await verifyPack(once(lying), {});
  assert.deepEqual(result.failures.map((f) => [f.code, f.file]), [['count.mismatch', 'audit_events.jsonl']]);
});

test('an envelope taken from another pack fails', async () => {
  const mine = await unpack(await pack(options()));
  const theirs = await unpack(await pack(options({ sources: { bundles } })));
  const envelope = theirs.find((e) => e.name === 'manifest.dsse.json')!.data;
  const swapped = await repack(replaceFile(mine, 'manifest.dsse.json', () => envelope));
  const result = await verifyPack(once(swapped), {});
  // The signature is good, but over another pack's statement.
  assert.deepEqual(result.failures.map((f) => [f.code, f.file]), [['statement.mismatch', 'manifest.dsse.json']]);
});

test('a file twice, a pack with no manifest, and an unreadable manifest all fail', async () => {
  const entries = await unpack(await pack(options()));
  const twice = await verifyPack(once(await repack([...entries, entries[4]!])), {});
  assert.deepEqual(twice.failures.map((f) => [f.code, f.file]), [['file.duplicate', 'README.txt']]);
  const headless = await verifyPack(once(await repack(entries.slice(1))), {});
  assert.deepEqual(headless.failures.map((f) => [f.code, f.file]), [['file.missing', 'manifest.json']]);
  assert.equal(headless.manifest, undefined);
  const garbled = await verifyPack(once(await repack(replaceFile(entries, 'manifest.json', () => Buffer.from('{')))), {});
  assert.deepEqual(garbled.failures.map((f) => f.code), ['manifest.invalid']);
  assert.equal(garbled.ok, false);
});

test('a pack signed by another key, with its own JWKS, only fails against the trusted keys', async () => {
  const intruder = localTenantKey(generateKeyPairSync('ed25519').privateKey, keyStart);
  const forged = await pack(options({ signer: intruder.signer, jwks: jwksOf(key, intruder) }));
  assert.equal((await verifyPack(once(forged), {})).ok, true);
  const result = await verifyPack(once(forged), { trustedJwks: jwks });
  assert.deepEqual(result.failures.map((f) => f.code), ['signature.untrusted']);
});

test('a tar time other than the creation time of the pack fails', async () => {
  const entries = await unpack(await pack(options()));
  const retimed = entries.map((e) => (e.name === 'bundles.jsonl' ? { ...e, mtime: e.mtime + 1 } : e));
  const result = await verifyPack(once(await repack(retimed)), {});
  assert.deepEqual(result.failures.map((f) => [f.code, f.file]), [['archive', 'bundles.jsonl']]);
});

test('a failed pack destroys its target', async () => {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  await assert.rejects(writePack(sink, options({ tenant: '' })), /tenant is required/);
  assert.equal(sink.destroyed, true);
});

const usage = {
  meter_readings: [
    { tenant_id: tenant, meter: 'workflow_run', day: '2026-03-01', quantity: 7, events: 2 },
    { tenant_id: tenant, meter: 'seat', day: '2026-03-01', quantity: 1, events: 1 },
  ],
  usage_events: [
    { event_id: 'u1', tenant_id: tenant, meter: 'workflow_run', quantity: 3, occurred_at: '2026-03-01T10:00:00.000Z', subject: 'ann' },
    { event_id: 'u2', tenant_id: tenant, meter: 'workflow_run', quantity: 4, occurred_at: '2026-03-01T11:00:00.000Z', subject: null },
  ],
};
const withUsage = () => options({ sources: { ...options().sources, ...usage } });

test('a pack may carry the usage files, last, counted and listed; without them nothing changes', async () => {
  const bytes = await pack(withUsage());
  const result = await verifyPack(once(bytes), {});
  assert.deepEqual(result.failures, []);
  assert.deepEqual(result.manifest?.counts, { bundles: 2, decisions: 50, receipts: 5, audit_events: 200, meter_readings: 2, usage_events: 2 });
  assert.deepEqual((await unpack(bytes)).map((e) => e.name), [...PACK_FILES, 'meter_readings.jsonl', 'usage_events.jsonl']);
  assert.deepEqual((await unpack(await pack(options()))).map((e) => e.name), PACK_FILES);
});

test('usage files are refused unlisted, out of order, or with records of another tenant or outside the window', async () => {
  const plain = await unpack(await pack(options()));
  const extra = (await unpack(await pack(withUsage()))).slice(-2);
  const unlisted = await verifyPack(once(await repack([...plain, ...extra])), {});
  assert.equal(unlisted.ok, false);
  assert.deepEqual([...new Set(unlisted.failures.map((f) => f.code))], ['file.extra']);

  const entries = await unpack(await pack(withUsage()));
  const swapped = await verifyPack(once(await repack([...entries.slice(0, -2), entries.at(-1)!, entries.at(-2)!])), {});
  assert.ok(swapped.failures.some((f) => f.code === 'file.order'));

  const foreign = replaceFile(entries, 'usage_events.jsonl', (d) => Buffer.from(d.toString().replace(`"tenant_id":"${tenant}"`, '"tenant_id":"tenant-b"')));
  const late = replaceFile(entries, 'meter_readings.jsonl', (d) => Buffer.from(d.toString().replaceAll('2026-03-01', '2026-03-05')));
  for (const [tampered, code] of [[foreign, 'record.tenant'], [late, 'record.window']] as const) {
    const result = await verifyPack(once(await repack(await resign(tampered, key.signer))), {});
    assert.equal(result.ok, false);
    assert.deepEqual([...new Set(result.failures.map((f) => f.code))], [code]);
  }
});
