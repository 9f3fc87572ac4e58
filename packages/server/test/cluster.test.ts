import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DevIssuer, DEV_ISSUER_KEY_FILE } from '../src/identity/dev-issuer.ts';

// `companyos serve` with COMPANYOS_WORKERS: on PostgreSQL several processes share the port and
// are replaced when one dies; on PGlite the server says it runs one process. Always on the local
// PostgreSQL server (the database named by DATABASE_URL's server, else 127.0.0.1:5432).

const CLI = fileURLToPath(new URL('../../cli/bin/companyos.mjs', import.meta.url));
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function freshDatabase(): Promise<string> {
  const name = `companyos_cluster_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Served {
  child: ChildProcess;
  port: number;
  dataDir: string;
  output: () => string;
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
}

async function startServe(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'companyos-cluster-'));
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...inherited, COMPANYOS_PORT: String(port), COMPANYOS_DATA_DIR: dataDir, COMPANYOS_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  const waitFor = async (pattern: RegExp, ms = 180_000) => {
    const until = Date.now() + ms;
    while (!pattern.test(out)) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; output:\n${out}`);
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}; output:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, port, dataDir, output: () => out, waitFor };
}

/** The pids of the processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return tasks === '' ? [] : tasks.split(/\s+/).map(Number);
}

test('on PostgreSQL, COMPANYOS_WORKERS processes share the port; a killed worker is replaced; SIGTERM stops them all', async () => {
  const s = await startServe({ DATABASE_URL: await freshDatabase(), COMPANYOS_WORKERS: '2' });
  await s.waitFor(/CompanyOS is running at/);
  assert.match(s.output(), /PostgreSQL \(DATABASE_URL\), 2 server process\(es\)/);
  const workers = childrenOf(s.child.pid!);
  assert.equal(workers.length, 2, s.output());

  const issuer = DevIssuer.open({ keyFile: join(s.dataDir, DEV_ISSUER_KEY_FILE) });
  const headers = { authorization: `Bearer ${await issuer.mint({ tenant: 'pilot-a', subject: 'user-admin' })}`, connection: 'close' };
  const base = `http://127.0.0.1:${s.port}`;
  // New connections are spread over the workers; each one serves governed requests.
  for (let i = 0; i < 6; i++) {
    const res = await fetch(`${base}/api/v1/subjects`, { headers });
    assert.equal(res.status, 200, await res.text());
  }

  // The crash-loop guard leaves a worker that dies in its first seconds dead; this one has run longer.
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  process.kill(workers[0]!, 'SIGKILL');
  await s.waitFor(/server worker died; starting another/);
  const until = Date.now() + 30_000;
  while (!(childrenOf(s.child.pid!).length === 2 && !childrenOf(s.child.pid!).includes(workers[0]!))) {
    assert.ok(Date.now() < until, `no replacement worker; output:\n${s.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (let i = 0; i < 4; i++) assert.equal((await fetch(`${base}/api/v1/subjects`, { headers })).status, 200);

  const last = childrenOf(s.child.pid!);
  s.child.kill('SIGTERM');
  const code = await new Promise((resolve) => s.child.once('exit', (c) => resolve(c)));
  assert.equal(code, 0, s.output());
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  assert.deepEqual(last.filter(alive), [], 'every worker has exited with the primary');
});

test('on PGlite the server runs one process whatever COMPANYOS_WORKERS says, and says so', async () => {
  const s = await startServe({ COMPANYOS_WORKERS: '4' });
  await s.waitFor(/CompanyOS is running at/);
  await s.waitFor(/PGlite is single-process: running 1 server process instead of 4/);
  assert.deepEqual(childrenOf(s.child.pid!), []);
  const res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
  assert.equal(res.status, 200);
  s.child.kill('SIGTERM');
  assert.equal(await new Promise((resolve) => s.child.once('exit', (c) => resolve(c))), 0);
});
