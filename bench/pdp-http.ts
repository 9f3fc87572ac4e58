// Benchmark of the decision service over HTTP: OPA's data API (`POST /v1/data/companyos/authz/decision`)
// answering the reference authorization workload (1,000 roles, allow and deny with reasons),
// keep-alive, with 1 and with 16 connections, against OPA's own server figures.
//   node --import tsx bench/pdp-http.ts [--seconds N] [--roles N] [--workload DIR]

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTarGzip } from 'nanotar';

const repo = resolve(import.meta.dirname, '..');
const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const arg = (name: string, fallback: number) => Number(option(name) ?? fallback);
// The reference workload, beside the repository unless named.
const shared = resolve(option('workload') ?? resolve(repo, '../shared/bench/authz'));
const SECONDS = arg('seconds', 5);
const ROLES = arg('roles', 1000);
const PATH = '/v1/data/companyos/authz/decision';
// OPA's own server on this kind of machine (../shared/bench/README.md).
const OPA = { p50OneClientUs: [500, 700], rps16: [3200, 3900] };

interface Sample {
  requests: number;
  seconds: number;
  latenciesUs: number[];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** One request on a keep-alive agent; resolves with the parsed body. */
function post(agent: Agent, port: number, body: string): Promise<{ status: number; json: any }> {
  return new Promise((resolveReq, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, method: 'POST', path: PATH, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveReq({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Closed loop: each connection sends its next request when the previous answer arrives. */
async function capacity(port: number, connections: number, bodies: string[]): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latenciesUs: number[] = [];
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let i = c; performance.now() < until; i++) {
        const t = performance.now();
        await post(agent, port, bodies[i % bodies.length]!);
        latenciesUs.push((performance.now() - t) * 1000);
      }
    }),
  );
  agent.destroy();
  return { requests: latenciesUs.length, seconds: (performance.now() - started) / 1000, latenciesUs };
}

/** Open loop: requests leave on a fixed schedule; latency counts from the scheduled send time. */
async function openLoop(port: number, connections: number, rate: number, bodies: string[]): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latenciesUs: number[] = [];
  const total = Math.floor(rate * SECONDS);
  const interval = 1000 / rate;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(post(agent, port, bodies[i % bodies.length]!).then(() => void latenciesUs.push((performance.now() - scheduled) * 1000)));
  }
  await Promise.all(pending);
  agent.destroy();
  return { requests: total, seconds: (performance.now() - started) / 1000, latenciesUs };
}

function summary(s: Sample) {
  const sorted = [...s.latenciesUs].sort((a, b) => a - b);
  return { rps: s.requests / s.seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

async function main(): Promise<number> {
  if (!existsSync(join(shared, 'authz.rego')) || !existsSync(join(shared, 'gen-data.mjs'))) {
    console.log(`benchmark skipped: the reference workload is not at ${shared}`);
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pdp-bench-'));
  const children: ReturnType<typeof spawn>[] = [];
  const servers: ReturnType<typeof createServer>[] = [];
  try {
    execFileSync(process.execPath, [join(shared, 'gen-data.mjs'), String(ROLES)], { cwd: dir });
    const bundle = await createTarGzip([
      { name: '.manifest', data: JSON.stringify({ revision: 'bench', roots: [''] }) },
      { name: 'authz.rego', data: readFileSync(join(shared, 'authz.rego'), 'utf8') },
      { name: 'data.json', data: readFileSync(join(dir, 'data.json'), 'utf8') },
    ]);
    // The bundle server stands in for CompanyOS: the service only polls it.
    const bundleServer = createServer((_req, res) => res.writeHead(200, { etag: '"bench"' }).end(bundle));
    servers.push(bundleServer);
    await new Promise<void>((r) => bundleServer.listen(0, '127.0.0.1', r));
    const port = await freePort();
    // The service runs in a process of its own, as OPA's server did, so the load generator does not share its event loop.
    const child = spawn(
      process.execPath,
      [join(repo, 'packages/pdp/bin/companyos-pdp.mjs'), '--tenant', 'bench', '--bundle-url', `http://127.0.0.1:${(bundleServer.address() as AddressInfo).port}/b.tar.gz`, '--no-decision-logs', '--no-persist', '--addr', `127.0.0.1:${port}`, '--poll-interval', '60s', '--log-level', 'warn'],
      { env: { ...process.env, COMPANYOS_PDP_API_KEY: 'unused' }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    children.push(child);
    for (let ready = false, i = 0; !ready; i++) {
      if (i > 300) throw new Error('the decision service did not activate its bundle within 30 s');
      await new Promise((r) => setTimeout(r, 100));
      ready = await fetch(`http://127.0.0.1:${port}/health?bundles`).then((r) => r.ok, () => false);
    }

    const allow = JSON.stringify({ input: JSON.parse(readFileSync(join(dir, 'input-allow.json'), 'utf8')) });
    const deny = JSON.stringify({ input: JSON.parse(readFileSync(join(dir, 'input-deny.json'), 'utf8')) });
    // The figures only mean something when the answers are right.
    const agent = new Agent({ keepAlive: true });
    const a = await post(agent, port, allow);
    const d = await post(agent, port, deny);
    agent.destroy();
    if (a.json.result?.allow !== true || a.json.result.reasons.length !== 0) throw new Error(`wrong allow decision: ${JSON.stringify(a.json)}`);
    if (d.json.result?.allow !== false || d.json.result.reasons.length !== 4) throw new Error(`wrong deny decision: ${JSON.stringify(d.json)}`);
    const bodies = [allow, deny];

    console.log(`decision service over HTTP: POST ${PATH}, ${ROLES} roles, allow and deny alternating, keep-alive, ${SECONDS} s per run`);
    await capacity(port, 16, bodies); // warm-up
    const rows: string[][] = [];
    const results: Record<number, { closed: ReturnType<typeof summary>; open: ReturnType<typeof summary>; rate: number }> = {};
    for (const connections of [1, 16]) {
      const closed = summary(await capacity(port, connections, bodies));
      const rate = Math.max(50, Math.floor(closed.rps * 0.5));
      const open = summary(await openLoop(port, connections, rate, bodies));
      results[connections] = { closed, open, rate };
      rows.push([String(connections), closed.rps.toFixed(0), closed.p50.toFixed(0), closed.p99.toFixed(0), String(rate), open.p50.toFixed(0), open.p99.toFixed(0)]);
    }
    const header = ['connections', 'max req/s', 'p50 µs', 'p99 µs', 'open-loop req/s', 'p50 µs', 'p99 µs'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
    console.log(`\n${line(header)}\n${rows.map(line).join('\n')}`);
    console.log('(max: closed loop, each connection sends when answered; open loop: fixed arrival rate at half of max, latency from the scheduled send time)');
    console.log(`\nOPA's own server on this kind of machine: p50 ${OPA.p50OneClientUs.join('–')} µs with one client; ${OPA.rps16.join('–')} req/s at 16 connections`);
    console.log(`  one client p50: ${results[1]!.closed.p50.toFixed(0)} µs (${results[1]!.closed.p50 <= OPA.p50OneClientUs[1]! ? 'at or below' : 'above'} OPA's)`);
    console.log(`  16 connections: ${results[16]!.closed.rps.toFixed(0)} req/s (${results[16]!.closed.rps >= OPA.rps16[0]! ? 'at or above' : 'below'} OPA's)`);
    console.log('The machine is shared: latency figures vary with its load; compare runs made together.');
    return 0;
  } finally {
    for (const c of children) c.kill('SIGTERM');
    for (const s of servers) s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
