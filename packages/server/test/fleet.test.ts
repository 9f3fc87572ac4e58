import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/db/database.ts';
import { PgliteDatabase } from '../src/db/pglite-database.ts';
import { DEV_ISSUER_KEY_FILE, DevIssuer } from '../src/identity/dev-issuer.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { migrate } from '../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

// A fleet on one PostgreSQL: three server processes share the database, a mixed load runs across
// them, one is killed with SIGKILL mid-load. Then: every acknowledged write is there with its
// receipt, every tenant's ledger verifies, no job's effect happened twice, and a policy
// activation was in force on every live server within a second. PGlite is one process: there the
// same checks run on a fleet of one, killed and restarted on its data directory.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const serverScript = fileURLToPath(new URL('./support/fleet-server.ts', import.meta.url));
const TENANTS = ['pilot-a', 'pilot-b', 'summit-internal'] as const;
const onPostgres = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '';

const root = mkdtempSync(join(tmpdir(), 'companyos-fleet-'));
const keyFile = join(root, DEV_ISSUER_KEY_FILE);
const issuer = DevIssuer.open({ keyFile });
const kek = randomBytes(32).toString('base64');
const children: ChildProcess[] = [];
let t: TestDatabase | undefined;
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await t?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts one server process with its own data dir (the dev issuer's key copied in), on `databaseUrl` or PGlite in `dataDir`. */
async function startServer(name: string, env: Record<string, string>): Promise<Server> {
  const dataDir = env.COMPANYOS_DATA_DIR ?? join(root, name);
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(keyFile, join(dataDir, DEV_ISSUER_KEY_FILE));
  // The server runs its TypeScript through the loader this test process runs under.
  const loaderArgs = process.execArgv.filter((arg) => !arg.startsWith('--test'));
  const child = spawn(process.execPath, [...loaderArgs, serverScript], {
    cwd: repo,
    env: {
      ...process.env,
      COMPANYOS_DATA_DIR: dataDir,
      COMPANYOS_PORT: '0',
      COMPANYOS_HOST: '127.0.0.1',
      // COMPANYOS_TEST_LOG=warn (for instance) shows the servers' logs on this test's stderr.
      COMPANYOS_LOG_LEVEL: process.env.COMPANYOS_TEST_LOG ?? 'silent',
      COMPANYOS_KEK: kek,
      COMPANYOS_LEDGER_LEASE_MS: '1500',
      COMPANYOS_JOB_LEASE_MS: '3000',
      COMPANYOS_CHECKPOINT_INTERVAL_MS: '500',
      COMPANYOS_DRAIN_TIMEOUT_MS: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  if (process.env.COMPANYOS_TEST_LOG !== undefined) child.stdout!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /FLEET-READY (\{.*\})/.exec(out);
      if (m !== null) resolve((JSON.parse(m[1]!) as { port: number }).port);
    });
    void exited.then(({ code, signal }) => reject(new Error(`server ${name} exited before listening (${code ?? signal})`)));
  });
  return { name, url: `http://127.0.0.1:${port}`, child, exited };
}

const tokens = new Map<string, string>();
async function token(tenant: string, subject: string, stepUp = false): Promise<string> {
  const key = `${tenant}/${subject}/${stepUp}`;
  if (!tokens.has(key)) tokens.set(key, await issuer.mint({ tenant, subject, stepUp, ttl: 3600 }));
  return tokens.get(key)!;
}

async function call(server: Server, method: string, path: string, tenant: string, subject: string, body?: unknown, stepUp = false): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(tenant, subject, stepUp)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
}

interface Ack {
  tenant: string;
  subjectId: string;
  receiptId: string;
}

/**
 * An open-loop mix over `servers` (round robin, fixed arrival rate, bounded count): governed
 * writes, reads, flag evaluations, audit listings and a few exports. Returns the acknowledged
 * writes and exports; requests to a dead server simply fail and are not acknowledged.
 */
async function mixedLoad(servers: () => Server[], o: { rate: number; seconds: number; tag: string; during?: Array<{ atMs: number; run: () => Promise<void> }> }) {
  const acks: Ack[] = [];
  const exports: Array<{ tenant: string; exportId: string }> = [];
  const outcomes = new Map<string, number>();
  const total = o.rate * o.seconds;
  const started = Date.now();
  const inflight: Array<Promise<void>> = [];
  const events = [...(o.during ?? [])];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / o.rate;
    while (events.length > 0 && events[0]!.atMs <= due - started) inflight.push(events.shift()!.run());
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const live = servers();
    // Every tenant's requests go round every server: a tenant tied to the server that is killed
    // would have no acknowledged write when that server is slow to answer its first requests.
    const server = live[Math.floor(i / TENANTS.length) % live.length]!;
    const tenant = TENANTS[i % TENANTS.length]!;
    const kind = i % 10;
    inflight.push(
      (async () => {
        let res: Response;
        try {
          if (kind < 4) {
            const subjectId = `${o.tag}-${i}`;
            res = await call(server, 'POST', '/subjects', tenant, 'user-admin', { subject_id: subjectId, display_name: `Load ${i}`, roles: ['engineer'] }, true);
            if (res.status === 201) acks.push({ tenant, subjectId, receiptId: res.headers.get('x-receipt-id')! });
          } else if (kind < 7) res = await call(server, 'GET', '/subjects', tenant, 'user-engineer');
          else if (kind < 9) res = await call(server, 'POST', '/flags/evaluate', tenant, 'user-engineer', { flags: ['identity.api-key-admin-roles'] });
          // Not pilot-a: its bundle changes during the run, and a pack citing a bundle that is no
          // longer current cannot be made yet (the content of past base bundles is not kept).
          else if (i % 50 === 19 && tenant !== 'pilot-a') {
            res = await call(server, 'POST', '/audit/exports', tenant, 'user-admin', { from: '2026-01-01T00:00:00Z', to: new Date(Date.now() - 1000).toISOString() }, true);
            if (res.status === 202) exports.push({ tenant, exportId: ((await res.json()) as { export_id: string }).export_id });
          } else res = await call(server, 'GET', '/audit-events?limit=5', tenant, 'user-admin');
          await res.arrayBuffer().catch(() => undefined);
          outcomes.set(String(res.status), (outcomes.get(String(res.status)) ?? 0) + 1);
        } catch {
          outcomes.set('failed', (outcomes.get('failed') ?? 0) + 1);
        }
      })(),
    );
  }
  for (const e of events) inflight.push(e.run());
  await Promise.all(inflight);
  return { acks, exports, outcomes };
}

async function waitFor(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  for (const started = Date.now(); !(await check()); ) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const count = async (db: Database, sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params))[0]!.n);

/** Every acknowledged write is stored with its receipt, and the receipt has a leaf in the tenant's log. */
async function assertAcknowledgedWrites(db: Database, acks: Ack[]): Promise<void> {
  assert.ok(acks.length > 0, 'the load acknowledged writes');
  for (const ack of acks) {
    assert.equal(await count(db, 'SELECT count(*) AS n FROM subjects WHERE tenant_id = $1 AND subject_id = $2', [ack.tenant, ack.subjectId]), 1, `${ack.tenant}/${ack.subjectId}`);
    assert.equal(
      await count(db, `SELECT count(*) AS n FROM receipts r JOIN ledger_leaves l ON l.tenant_id = r.tenant_id AND l.receipt_id = r.receipt_id WHERE r.tenant_id = $1 AND r.receipt_id = $2 AND r.action = 'subject.create'`, [ack.tenant, ack.receiptId]),
      1,
      `receipt ${ack.receiptId} of ${ack.tenant}/${ack.subjectId}`,
    );
  }
}

/** Every export finished once: one completion receipt and one completion event each, whatever the retries. */
async function assertJobsRanOnce(db: Database, exports: Array<{ tenant: string; exportId: string }>): Promise<void> {
  for (const e of exports) {
    const target = `export:${e.exportId}`;
    assert.equal(await count(db, `SELECT count(*) AS n FROM audit_exports WHERE tenant_id = $1 AND export_id = $2 AND status = 'done'`, [e.tenant, e.exportId]), 1, target);
    assert.equal(await count(db, `SELECT count(*) AS n FROM receipts WHERE tenant_id = $1 AND action = 'audit.export.complete' AND target = $2`, [e.tenant, target]), 1, target);
    assert.equal(await count(db, `SELECT count(*) AS n FROM audit_events WHERE tenant_id = $1 AND type = 'export.completed' AND target = $2`, [e.tenant, target]), 1, target);
    assert.equal(await count(db, `SELECT count(*) AS n FROM blobs WHERE tenant_id = $1 AND key = $2 AND status = 'stored'`, [e.tenant, `exports/${e.exportId}.tar.gz`]), 1, target);
  }
}

async function assertLedgersVerify(db: Database): Promise<void> {
  await waitFor('every receipt integrated', async () => (await count(db, 'SELECT count(*) AS n FROM ledger_queue')) === 0, 20_000);
  for (const tenant of TENANTS) {
    const report = await verifyTenantLedger(db, tenant);
    assert.ok(report.ok, `${tenant}: ${report.errors.join('; ')}`);
    assert.equal(report.queued, 0, tenant);
    assert.ok(report.size > 0, tenant);
  }
}

/** A subject in the US, allowed while pilot-a's bundle allows the US. */
async function allowUs(server: Server): Promise<void> {
  const created = await call(server, 'POST', '/subjects', 'pilot-a', 'user-admin', { subject_id: 'tom', display_name: 'Tom', roles: ['engineer'], attributes: { region: 'us' } }, true);
  assert.equal(created.status, 201, await created.text());
  await activateRegions(server, ['eu', 'us']);
}

async function activateRegions(server: Server, regions: string[]): Promise<void> {
  const proposed = await call(server, 'POST', '/policy/versions', 'pilot-a', 'user-admin', { message: `regions ${regions.join(',')}`, data_patch: { allowed_regions: regions } }, true);
  assert.equal(proposed.status, 201, await proposed.clone().text());
  const { version } = ((await proposed.json()) as { version: { version: number } }).version;
  const activated = await call(server, 'POST', `/policy/versions/${version}/activate`, 'pilot-a', 'user-admin', undefined, true);
  assert.equal(activated.status, 200, await activated.text());
}

/**
 * Activates "EU only" on `from`; for each server, how long after the activation answered the
 * first request that was refused was sent (the propagation delay: a server's own response time
 * under load is not part of it).
 */
async function measurePropagation(from: Server, servers: Server[]): Promise<Map<string, number>> {
  await activateRegions(from, ['eu']);
  const activatedAt = Date.now();
  const took = new Map<string, number>();
  await Promise.all(
    servers.map(async (s) => {
      for (;;) {
        const sentAt = Date.now();
        const res = await call(s, 'GET', '/tenants/pilot-a/config', 'pilot-a', 'tom');
        await res.arrayBuffer();
        if (res.status === 403 || sentAt - activatedAt > 5_000) {
          took.set(s.name, sentAt - activatedAt);
          return;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }),
  );
  return took;
}

async function drain(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  const { code, signal } = await server.exited;
  assert.deepEqual({ code, signal }, { code: 0, signal: null }, `${server.name} drained and exited cleanly`);
}

if (onPostgres) {
  before(async () => {
    t = await createTestDatabase();
    await seedDemo(t.db);
  });

  test('three servers on one PostgreSQL, one killed with SIGKILL mid-load, behave as one', async (ctx) => {
    const fleet = await Promise.all(['s1', 's2', 's3'].map((name) => startServer(name, { DATABASE_URL: t!.url! })));
    await allowUs(fleet[0]!);
    let live = [...fleet];
    let propagation = new Map<string, number>();
    const victim = fleet[1]!;
    const load = await mixedLoad(() => fleet, {
      rate: 60,
      seconds: 8,
      tag: 'fleet',
      during: [
        {
          atMs: 2_500,
          run: async () => {
            victim.child.kill('SIGKILL');
            await victim.exited;
            live = live.filter((s) => s !== victim);
          },
        },
        { atMs: 4_000, run: async () => void (propagation = await measurePropagation(fleet[0]!, live)) },
      ],
    });
    assert.equal((await victim.exited).signal, 'SIGKILL');
    assert.ok((load.outcomes.get('failed') ?? 0) > 0, 'requests to the killed server failed');
    assert.equal(load.outcomes.get('500') ?? 0, 0, `no 500s: ${JSON.stringify([...load.outcomes])}`);
    for (const s of live) assert.ok(propagation.get(s.name)! <= 1_000, `activation in force on ${s.name} after ${propagation.get(s.name)} ms`);

    // Exports queued on the victim or held by it when it died are retried by the others.
    await waitFor('every export finished', async () => (await count(t!.db, `SELECT count(*) AS n FROM audit_exports WHERE status <> 'done'`)) === 0, 30_000);
    assert.ok(load.exports.length > 0);
    await assertJobsRanOnce(t!.db, load.exports);
    const retried = await count(t!.db, `SELECT count(*) AS n FROM jobs WHERE attempts > 1`);
    ctx.diagnostic(`outcomes ${JSON.stringify(Object.fromEntries(load.outcomes))}; acknowledged writes ${load.acks.length}; exports ${load.exports.length} (${retried} retried); activation in force after ${JSON.stringify(Object.fromEntries(propagation))} ms`);
    await assertLedgersVerify(t!.db);
    await assertAcknowledgedWrites(t!.db, load.acks);
    for (const s of live) await drain(s);
    assert.equal(await count(t!.db, `SELECT count(*) AS n FROM ledger_leases WHERE expires_at > clock_timestamp()`), 0, 'drained servers hold no leases');
  });
} else {
  test('on PGlite the fleet is one process: killed with SIGKILL mid-load and restarted on its data dir, it loses no acknowledged write', async () => {
    const dataDir = join(root, 'single');
    const pglite = join(dataDir, 'pglite');
    mkdirSync(pglite, { recursive: true });
    const seeding = await PgliteDatabase.open({ dataDir: pglite });
    await migrate(seeding);
    await seedDemo(seeding);
    await seeding.close();

    const first = await startServer('single', { COMPANYOS_DATA_DIR: dataDir });
    // Seeded while no server ran; the server reads it from its data dir.
    await allowUs(first);
    const propagation = await measurePropagation(first, [first]);
    assert.ok(propagation.get('single')! <= 1_000);
    let current = first;
    const load = await mixedLoad(() => [current], {
      rate: 30,
      seconds: 4,
      tag: 'single',
      during: [
        {
          atMs: 2_000,
          run: async () => {
            first.child.kill('SIGKILL');
            await first.exited;
          },
        },
      ],
    });
    assert.equal((await first.exited).signal, 'SIGKILL');
    assert.equal(load.outcomes.get('500') ?? 0, 0, `no 500s: ${JSON.stringify([...load.outcomes])}`);
    // The same data dir, a new process: it recovers the database and takes the work over.
    current = await startServer('single', { COMPANYOS_DATA_DIR: dataDir });
    const more = await mixedLoad(() => [current], { rate: 20, seconds: 1, tag: 'after' });
    await waitFor('every export finished', async () => {
      for (const tenant of TENANTS) {
        const res = await call(current, 'GET', '/audit/exports', tenant, 'user-admin');
        const { exports } = (await res.json()) as { exports: Array<{ status: string }> };
        if (!exports.every((e) => e.status === 'done')) return false;
      }
      return true;
    }, 30_000);
    await drain(current);
    const db = await PgliteDatabase.open({ dataDir: pglite });
    try {
      await assertJobsRanOnce(db, [...load.exports, ...more.exports]);
      await assertLedgersVerify(db);
      await assertAcknowledgedWrites(db, [...load.acks, ...more.acks]);
    } finally {
      await db.close();
    }
  });
}
