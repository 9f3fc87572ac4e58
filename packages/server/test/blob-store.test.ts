import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import type { BlobStore } from '../src/blobs/blob-store.ts';
import { CHUNK_BYTES, PgBlobStore } from '../src/blobs/pg-blob-store.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { S3BlobStore } from '../src/blobs/s3-blob-store.ts';
import { runWithContext } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { insertSubject } from '../src/identity/subjects.ts';
import { asRole, createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { verifyPack } from '../src/evidence/index.ts';
import { readBlob, writeBlob } from './support/blobs.ts';
import { blobStore, BlobWriteRefused } from '../src/blobs/index.ts';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { BLOB_SWEEP_DELAY_MS } from '../src/workflows/purge/purge-job.ts';
import { createTestApp } from './support/test-app.ts';

// Both stores behind one contract: streamed writes, readable only once complete, replaced whole,
// and a key always names a blob of the tenant in context. The S3 store runs against s3rver, an
// S3-compatible server from npm, on this machine.
let t: TestDatabase;
let s3: S3rver;
let s3Dir: string;
const stores: Array<{ name: string; store: BlobStore }> = [];

before(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  s3Dir = mkdtempSync(join(tmpdir(), 's3rver-'));
  s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: 'evidence', configs: [] }] });
  const { port } = (await s3.run()) as AddressInfo;
  // s3rver checks signatures made with its fixed development credentials.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  stores.push(
    { name: 'postgres', store: new PgBlobStore(t.db) },
    { name: 's3', store: new S3BlobStore({ bucket: 'evidence', prefix: 'packs/', region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true }) },
  );
});
after(async () => {
  (stores.find((s) => s.name === 's3')?.store as S3BlobStore | undefined)?.close();
  await s3.close();
  rmSync(s3Dir, { recursive: true, force: true });
  await t.close();
});

const as = <T>(tenantId: string, fn: () => Promise<T>) => runWithContext({ tenantId, requestId: 'blob-test' }, fn);

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(store: BlobStore, tenantId: string, key: string): Promise<Buffer | undefined> {
  return as(tenantId, async () => {
    const blob = await store.get(key);
    if (blob === undefined) return undefined;
    const parts: Buffer[] = [];
    for await (const part of blob.stream) parts.push(part as Buffer);
    const bytes = Buffer.concat(parts);
    assert.equal(blob.size, bytes.length);
    return bytes;
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('a large blob streams in and out unchanged, with its digest and size', async () => {
  // Over two database chunks and two S3 multipart parts (8 MiB each), fed in odd-sized pieces.
  const bytes = randomBytes(2 * 8 * 1024 * 1024 + 12_345);
  for (const { name, store } of stores) {
    const stored = await as('pilot-a', () => store.put('exports/large.tar.gz', pieces(bytes, 300_001), 'application/gzip'));
    assert.deepEqual(stored, { sha256: sha(bytes), size: bytes.length }, name);
    assert.ok((await read(store, 'pilot-a', 'exports/large.tar.gz'))!.equals(bytes), name);
  }
  const chunks = await asRole(t.db, 'companyos_app', 'pilot-a', (q) =>
    q<{ n: number }>(`SELECT count(*)::int AS n FROM blob_chunks c JOIN blobs b USING (tenant_id, blob_id) WHERE b.key = 'exports/large.tar.gz'`),
  );
  assert.equal(chunks[0]!.n, Math.ceil(bytes.length / CHUNK_BYTES));
});

test("a key names only the tenant's own blob; a missing blob is undefined", async () => {
  for (const { name, store } of stores) {
    await as('pilot-a', () => store.put('exports/mine.txt', pieces(Buffer.from('pilot-a only'), 4), 'text/plain'));
    assert.equal(await read(store, 'pilot-b', 'exports/mine.txt'), undefined, name);
    assert.equal(await read(store, 'pilot-a', 'exports/none.txt'), undefined, name);
    assert.equal((await read(store, 'pilot-a', 'exports/mine.txt'))!.toString(), 'pilot-a only', name);
  }
});

test('a write that fails midway leaves the stored blob as it was, and nothing half-written behind', async () => {
  for (const { name, store } of stores) {
    await as('pilot-a', () => store.put('exports/kept.txt', pieces(Buffer.from('first version'), 5), 'text/plain'));
    async function* failing(): AsyncGenerator<Buffer> {
      yield randomBytes(CHUNK_BYTES + 10);
      throw new Error('the pack could not be made');
    }
    await assert.rejects(as('pilot-a', () => store.put('exports/kept.txt', failing(), 'text/plain')), /could not be made/, name);
    assert.equal((await read(store, 'pilot-a', 'exports/kept.txt'))!.toString(), 'first version', name);
    await as('pilot-a', () => store.put('exports/kept.txt', pieces(Buffer.from('second version'), 5), 'text/plain'));
    assert.equal((await read(store, 'pilot-a', 'exports/kept.txt'))!.toString(), 'second version', name);
  }
  const leftovers = await asRole(t.db, 'companyos_app', 'pilot-a', (q) => q(`SELECT 1 FROM blobs WHERE status = 'writing'`));
  assert.equal(leftovers.length, 0);
});

test('keys that could escape their tenant are refused', async () => {
  for (const { store } of stores) {
    for (const key of ['../pilot-b/x', '/abs', 'a/../../b', 'a//b', '']) {
      await assert.rejects(as('pilot-a', () => store.put(key, pieces(Buffer.from('x'), 1), 'text/plain')), /invalid blob key/);
    }
  }
});

test("deleting all of a tenant's blobs leaves every other tenant's, and a second run finds nothing", async () => {
  for (const { name, store } of stores) {
    for (const key of ['purge/a.txt', 'purge/nested/b.txt']) await as('summit-internal', () => store.put(key, pieces(Buffer.from(key), 3), 'text/plain'));
    await as('demo-external', () => store.put('purge/a.txt', pieces(Buffer.from('demo-external keeps this'), 3), 'text/plain'));
    const deleted = await withTenantTransaction(t.db, 'summit-internal', () => store.deleteAll());
    assert.deepEqual(deleted.sort(), ['purge/a.txt', 'purge/nested/b.txt'], name);
    assert.equal(await read(store, 'summit-internal', 'purge/a.txt'), undefined, name);
    assert.deepEqual(await withTenantTransaction(t.db, 'summit-internal', () => store.deleteAll()), [], name);
    assert.equal((await read(store, 'demo-external', 'purge/a.txt'))!.toString(), 'demo-external keeps this', name);
  }
  assert.equal((await asRole(t.db, 'companyos_app', 'summit-internal', (q) => q('SELECT 1 FROM blob_chunks'))).length, 0, 'no chunk outlives its blob');
});

test('with COMPANYOS_BLOB_STORE=s3 an evidence pack is written to the bucket, downloaded from it and verifies', async () => {
  const s3Store = stores.find((s) => s.name === 's3')!.store as S3BlobStore;
  const h = await createTestApp({
    config: { blobs: { store: 's3', bucket: 'evidence', prefix: 'packs/', region: 'us-east-1', endpoint: s3Store.endpoint, forcePathStyle: true } },
    ledgerBackground: false,
    jobsBackground: false,
  });
  try {
    const admin: [string, string] = ['pilot-a', 'user-admin'];
    const from = h.clock.now().toISOString();
    await h.call('GET', '/api/v1/subjects', { as: admin });
    h.clock.advance(1_000);
    const created = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from, to: h.clock.now().toISOString() } });
    assert.equal(created.statusCode, 202, created.body);
    const id = created.json().export_id as string;
    // The pack waits until the window's decisions are written.
    await policyRuntime().engine.flushDecisions();
    await h.app.jobs.runDue();
    const download = await h.call('GET', `/api/v1/audit/exports/${id}/download`, { as: admin });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['x-pack-sha256'], sha(download.rawPayload));
    const inBucket = await read(s3Store, 'pilot-a', `exports/${id}.tar.gz`);
    assert.ok(inBucket!.equals(download.rawPayload));
    const jwks = (await h.call('GET', '/api/v1/tenants/pilot-a/jwks.json')).json();
    const verified = await verifyPack(Readable.from([download.rawPayload]), { trustedJwks: jwks });
    assert.deepEqual(verified.failures, []);
    // Nothing of it in the database's blob tables.
    assert.equal((await asRole(h.t.db, 'companyos_app', 'pilot-a', (q) => q('SELECT 1 FROM blobs'))).length, 0);
  } finally {
    await h.close();
  }
});

test("with COMPANYOS_BLOB_STORE=s3 a tenant purge deletes the tenant's objects from the bucket and counts them in the manifest", async () => {
  const s3Store = stores.find((s) => s.name === 's3')!.store as S3BlobStore;
  const h = await createTestApp({
    config: { blobs: { store: 's3', bucket: 'evidence', prefix: 'purged/', region: 'us-east-1', endpoint: s3Store.endpoint, forcePathStyle: true } },
    ledgerBackground: false,
    jobsBackground: false,
  });
  try {
    for (const tenantId of ['pilot-a', 'pilot-b']) for (const key of ['exports/kept.txt', 'boards/q1.tar.gz']) await writeBlob(tenantId, key, Buffer.from(key));
    await withTenantTransaction(h.t.db, 'pilot-b', () => insertSubject({ subject_id: 'user-owner', display_name: 'Olu Owner', roles: ['CompanyAdmin'], attributes: {} }, h.clock.now()));
    const asked = await h.call('POST', '/api/v1/purge-requests', { as: ['pilot-b', 'user-owner'], body: { scope: 'tenant', subject: 'pilot-b', rationale: 'contract ended' } });
    assert.equal(asked.statusCode, 201, asked.body);
    const id = asked.json().purge_id as string;
    for (const approver of ['user-admin', 'user-security']) {
      const res = await h.call('POST', `/api/v1/purge-requests/${id}/approve`, { as: ['pilot-b', approver], body: { rationale: 'agreed' } });
      assert.equal(res.statusCode, 200, res.body);
    }
    const operator = await h.call('POST', `/api/v1/tenants/pilot-b/purge-requests/${id}/approve`, { as: ['internal', 'user-platform-operator'], stepUp: true, body: { rationale: 'agreed' } });
    assert.equal(operator.json().status, 'approved', operator.body);
    // An upload under way: it passed its check while the tenant was active, and lands only after the purge.
    let land!: () => void;
    let begun!: () => void;
    const landing = new Promise<void>((resolve) => (land = resolve));
    const reading = new Promise<void>((resolve) => (begun = resolve));
    async function* inFlight(): AsyncGenerator<Buffer> {
      begun();
      yield Buffer.from('half ');
      await landing;
      yield Buffer.from('a pack');
    }
    const upload = runWithContext({ tenantId: 'pilot-b', requestId: 'in-flight' }, () => blobStore().put('exports/in-flight.txt', inFlight(), 'text/plain'));
    upload.catch(() => undefined);
    await reading;
    await policyRuntime().engine.flushDecisions();
    await h.app.jobs.runDue();
    const [row] = await h.t.db.query<{ status: string; manifest: { blobs: { store: string; deleted: number; keys_sha256: string } } }>(
      `SELECT status, manifest FROM purge_requests WHERE tenant_id = 'pilot-b' AND purge_id = $1`,
      [id],
    );
    assert.equal(row!.status, 'done');
    assert.deepEqual(row!.manifest.blobs, { store: 's3', deleted: 2, keys_sha256: sha(Buffer.from(['boards/q1.tar.gz', 'exports/kept.txt'].join('\n'))) });
    assert.equal(await readBlob('pilot-b', 'exports/kept.txt'), undefined, "the purged tenant's objects are gone");
    assert.equal((await readBlob('pilot-a', 'exports/kept.txt'))?.toString(), 'exports/kept.txt', "another tenant's objects stay");
    // The upload lands after the purge: it finds its tenant purged, deletes what it stored and fails.
    land();
    await assert.rejects(upload, BlobWriteRefused);
    assert.equal(await readBlob('pilot-b', 'exports/in-flight.txt'), undefined);
    // One that landed after the listing and whose writer died before its check: the sweep deletes it, and says so.
    const writer = new S3BlobStore({ bucket: 'evidence', prefix: 'purged/', region: 'us-east-1', endpoint: s3Store.endpoint, forcePathStyle: true });
    await runWithContext({ tenantId: 'pilot-b', requestId: 'orphan' }, () => writer.put('exports/orphan.txt', pieces(Buffer.from('orphan'), 3), 'text/plain'));
    writer.close();
    h.clock.advance(BLOB_SWEEP_DELAY_MS);
    await h.app.jobs.runDue();
    assert.equal(await readBlob('pilot-b', 'exports/orphan.txt'), undefined);
    const [swept] = await withTenantTransaction(h.t.db, 'pilot-b', () => listAuditEvents({ type: 'purge.blobs_swept' }));
    assert.deepEqual([swept?.details.store, swept?.details.keys], ['s3', ['exports/orphan.txt']]);
  } finally {
    await h.close();
  }
});
