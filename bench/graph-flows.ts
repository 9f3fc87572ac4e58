// The graph workload: a 10-tenant dataset of 50,000 entities with realistic fan-out (teams,
// people, assets, workflows, runbooks; memberships, ownership, entitlements, and every action's
// receipt), then an open-loop mix of six flows across the ten tenants at once: create-entity,
// grant-entitlement, run-workflow (a high-risk request), approval, policy-simulate and
// provenance-fetch (a receipt with its inclusion proof); then neighbours at depth 2 of an entity
// with a 50-edge fan-out. Prints p50/p95/p99, the achieved rate and the errors as a table, and
// writes them as JSON beside it (bench/results/graph-flows-<engine>.json).
//   node --import tsx bench/graph-flows.ts [--engines pglite,postgresql] [--rate 500] [--duration S] [--warmup S]
//     [--entities N] [--tenants N] [--workers N] [--profile DIR]
// --profile writes the server's CPU profile (node --cpu-prof) to DIR when it stops; use --workers 1
// so one process serves everything. --explain (PostgreSQL) runs the walks of the neighbours flow on
// the dataset with EXPLAIN (ANALYZE, BUFFERS), prints each statement's time and writes the plans
// to bench/results/graph-walk-plans.txt.
// On PostgreSQL the database is vacuumed and analyzed once the dataset is in, as autovacuum would
// be soon after a bulk load. The mixed run reports its CPU time per request (support/cpu-time.ts).
// PostgreSQL runs when DATABASE_URL is set. Latency counts from each request's scheduled send
// time; this process, the server and the database share the machine's cores.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DevIssuer, DEV_ISSUER_KEY_FILE } from '../packages/server/src/identity/dev-issuer.ts';
import { drained, fixtures, fmt, maintainDatabase, printTable, serverOptions, startServer, type Row, type Server } from './support/flow-server.ts';
import { BENCH_TENANTS, flowRequest, type TenantFixture } from './support/flows.ts';
import { runOpenLoop, warmUp, type OpenLoopRequest } from './support/open-loop.ts';
import { cpuPerRequest, cpuSnapshot } from './support/cpu-time.ts';
import { explainWalks, plansText } from './support/explain-walks.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RATE = Number(arg('--rate') ?? 500);
const DURATION_S = Number(arg('--duration') ?? 10);
const WARM_UP_S = Number(arg('--warmup') ?? 10);
const ENTITIES = Number(arg('--entities') ?? 50_000);
const TENANT_COUNT = Number(arg('--tenants') ?? 10);
const FAN_OUT = 50;
const ENGINES = (arg('--engines') ?? (process.env.DATABASE_URL === undefined ? 'pglite' : 'pglite,postgresql')).split(',');
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));

const FLOWS = ['create-entity', 'grant-entitlement', 'run-workflow', 'approval', 'policy-simulate', 'provenance-fetch'] as const;
type Flow = (typeof FLOWS)[number];

/** What the flows need of one tenant beyond the shared fixture: tokens of its actors, assets, and requests awaiting approval. */
interface GraphTenant extends TenantFixture {
  engineer: string;
  lead: string;
  assets: string[];
  hub: string;
  pending: string[];
}

async function call(server: Server, token: string, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${server.origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : JSON.parse(text), headers: res.headers };
}

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

const expect = (what: string, r: { status: number; json: unknown }, ...ok: number[]) => {
  if (!ok.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
};

/** The demo tenants plus new ones up to ten, each with an engineer, a team lead and a security officer. */
async function tenants(server: Server, issuer: DevIssuer): Promise<string[]> {
  const operator = await issuer.mint({ tenant: 'internal', subject: 'user-platform-operator', ttl: 3600 });
  const ids = BENCH_TENANTS.slice(0, TENANT_COUNT);
  for (let i = 1; ids.length < TENANT_COUNT; i++) {
    const id = `bench-${i}`;
    const r = await call(server, operator, 'POST', '/api/v1/tenants', { tenant_id: id, display_name: `Bench ${i}`, data_region: 'eu', owner_contact: 'bench@example.com', admin: { subject_id: 'user-admin', display_name: 'Bench Admin' } });
    expect(`create ${id}`, r, 201, 409);
    ids.push(id);
  }
  for (const tenant of ids) {
    const admin = await issuer.mint({ tenant, subject: 'user-admin', ttl: 3600 });
    for (const [subject_id, roles, department] of [
      ['user-engineer', ['engineer'], 'engineering'],
      ['user-team-lead', ['team_lead', 'engineer'], 'engineering'],
      ['user-security', ['security', 'security_officer'], 'security'],
    ] as const) {
      expect(`subject ${tenant}/${subject_id}`, await call(server, admin, 'POST', '/api/v1/subjects', { subject_id, display_name: subject_id, roles, attributes: { department } }), 201, 409);
    }
  }
  return ids;
}

/**
 * One tenant's share of the dataset through the batch API (NDJSON, 5,000 items a call): teams,
 * people, assets, workflows and runbooks in the proportions of a mid-size company; then the edges:
 * people in teams, workflows governing assets, entitlements, and a hub asset owning FAN_OUT others.
 */
async function generate(server: Server, fx: TenantFixture, perTenant: number, tag: string): Promise<{ assets: string[]; hub: string }> {
  const shares: Array<[string, number]> = [['Team', 0.004], ['Person', 0.1], ['Workflow', 0.096], ['Runbook', 0.2], ['Asset', 0.6]];
  const items = shares.flatMap(([type, share]) => Array.from({ length: Math.max(1, Math.round(perTenant * share)) }, (_, i) => ({ key: `${tag}-${type}-${i}`, type, properties: { name: `${type.toLowerCase()}-${i}` } })));
  const ids = new Map<string, string[]>();
  for (let at = 0; at < items.length; at += 5_000) {
    const chunk = items.slice(at, at + 5_000);
    const r = await call(server, fx.token, 'POST', '/api/v1/entities:batch', chunk.map((c) => JSON.stringify(c)).join('\n'), 'application/x-ndjson');
    expect(`batch ${fx.tenant}`, r, 200);
    for (const [n, e] of (r.json.entities as Array<{ entity_id: string }>).entries()) {
      const type = chunk[n]!.type;
      ids.set(type, [...(ids.get(type) ?? []), e.entity_id]);
    }
  }
  const of = (type: string) => ids.get(type) ?? [];
  const [teams, people, workflows, assets] = [of('Team'), of('Person'), of('Workflow'), of('Asset')];
  const hub = assets[0]!;
  const edges: Array<{ from: string; to: string; type: string }> = [
    ...assets.slice(1, FAN_OUT + 1).map((to) => ({ from: hub, to, type: 'OWNS' })),
    // Each owned asset links on to two more, so depth 2 of the hub is ~150 nodes.
    ...assets.slice(1, FAN_OUT + 1).flatMap((from, i) => [assets[FAN_OUT + 1 + 2 * i]!, assets[FAN_OUT + 2 + 2 * i]!].map((to) => ({ from, to, type: 'OWNS' }))),
    ...people.slice(0, 100).map((from, i) => ({ from, to: teams[i % teams.length]!, type: 'MEMBER_OF' })),
    ...workflows.slice(0, 50).map((from, i) => ({ from, to: assets[200 + i]!, type: 'GOVERNS' })),
  ];
  await pool(edges, 8, async (e) => expect(`edge ${fx.tenant}`, await call(server, fx.token, 'POST', '/api/v1/relationships', e), 201));
  return { assets, hub };
}

const json = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const HIGH_RISK_BODY = JSON.stringify({ operation: 'TEMP_DB_READ_ACCESS', target: { database: 'companyos', schema: 'public', tables: ['orders'] }, duration_minutes: 30, rationale: 'bench load' });
const STATUS: Record<Flow, number> = { 'create-entity': 201, 'grant-entitlement': 201, 'run-workflow': 201, approval: 200, 'policy-simulate': 200, 'provenance-fetch': 200 };

/** The `n`-th request of a flow, round-robin over the tenants. */
function graphRequest(flow: Flow, all: GraphTenant[], n: number, tag: string): OpenLoopRequest {
  const t = all[n % all.length]!;
  const i = Math.floor(n / all.length);
  switch (flow) {
    case 'create-entity':
      return { method: 'POST', path: '/api/v1/entities', headers: json(t.token), body: JSON.stringify({ type: 'Asset', properties: { name: `load-${tag}-${n}` } }) };
    case 'grant-entitlement':
      return { method: 'POST', path: '/api/v1/entitlements', headers: json(t.token), body: JSON.stringify({ subject_id: 'user-engineer', entity_id: t.assets[i % t.assets.length] }) };
    case 'run-workflow':
      return { method: 'POST', path: '/api/v1/high-risk-ops/requests', headers: json(t.engineer), body: HIGH_RISK_BODY };
    case 'approval':
      return { method: 'POST', path: `/api/v1/high-risk-ops/requests/${t.pending[i % t.pending.length]!}/approve`, headers: json(t.lead), body: JSON.stringify({ rationale: 'bench approval' }) };
    case 'policy-simulate':
      return flowRequest('policy-simulate', [t], 0, tag);
    case 'provenance-fetch':
      return flowRequest('receipt-proof', [t], 0, tag);
  }
}

async function setUp(server: Server): Promise<GraphTenant[]> {
  const issuer = DevIssuer.open({ keyFile: join(server.dataDir, DEV_ISSUER_KEY_FILE) });
  const ids = await tenants(server, issuer);
  const fx = await fixtures(server, ids);
  const tag = randomBytes(3).toString('hex');
  const started = Date.now();
  const out: GraphTenant[] = [];
  // Each approval in the load needs a request of its own still awaiting the lead's approval.
  const approvals = Math.ceil((RATE * DURATION_S) / FLOWS.length / ids.length) + 1;
  for (const f of fx) {
    const { assets, hub } = await generate(server, f, Math.round(ENTITIES / ids.length), tag);
    const engineer = await issuer.mint({ tenant: f.tenant, subject: 'user-engineer', ttl: 3600 });
    const lead = await issuer.mint({ tenant: f.tenant, subject: 'user-team-lead', ttl: 3600 });
    const pending: string[] = [];
    await pool(Array.from({ length: approvals }), 4, async () => {
      const r = await call(server, engineer, 'POST', '/api/v1/high-risk-ops/requests', HIGH_RISK_BODY);
      expect(`request ${f.tenant}`, r, 201);
      pending.push(r.json.request_id as string);
    });
    out.push({ ...f, engineer, lead, assets, hub, pending });
    console.error(`${f.tenant}: ${assets.length} assets and the rest of its share, edges and ${pending.length} pending requests (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  console.error(`dataset: ${ids.length} tenants, ~${ENTITIES} entities, ${approvals} pending requests each, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return out;
}

async function run(server: Server, all: GraphTenant[], engine: string): Promise<Row[]> {
  const tag = randomBytes(4).toString('hex');
  const flowOf = (n: number): [Flow, number] => [FLOWS[n % FLOWS.length]!, Math.floor(n / FLOWS.length)];
  // A fresh server compiles its hot paths and opens its connections during its first requests: the
  // mix is ramped up to the rate first, not counted. Approvals are left out of it, since each
  // consumes one of the pending requests the measured run approves.
  const warming = FLOWS.filter((f) => f !== 'approval');
  const warm = await warmUp({
    origin: server.origin,
    rate: RATE,
    seconds: WARM_UP_S,
    request: (n) => graphRequest(warming[n % warming.length]!, all, Math.floor(n / warming.length), `warm-${tag}`),
    ok: () => true,
  });
  await drained(server);
  console.error(`warm-up (not counted): the mix without approvals, ramped to ${RATE} rps over ${WARM_UP_S} s; its last step's p95 ${fmt(warm.p95)} ms`);
  const perFlow = new Map<Flow, Array<{ ms: number; ok: boolean }>>();
  const before = cpuSnapshot();
  const mixed = await runOpenLoop({
    origin: server.origin,
    rate: RATE,
    durationS: DURATION_S,
    request: (n) => {
      const [flow, i] = flowOf(n);
      return graphRequest(flow, all, i, tag);
    },
    ok: (n, status) => status === STATUS[flowOf(n)[0]],
    onLatency: (n, ms, ok) => {
      const flow = flowOf(n)[0];
      if (!perFlow.has(flow)) perFlow.set(flow, []);
      perFlow.get(flow)!.push({ ms, ok });
    },
  });
  await drained(server);
  const rows: Row[] = [{ engine, flow: 'mixed', ...mixed, cpu: cpuPerRequest(before, cpuSnapshot(), server.pid, mixed.sent) }];
  for (const flow of FLOWS) rows.push({ engine, flow, ...summarize(perFlow.get(flow) ?? [], Math.round((RATE / FLOWS.length) * 10) / 10, DURATION_S) });
  const hubs = all.map((t) => t.hub);
  const neighbours = await runOpenLoop({
    origin: server.origin,
    rate: 50,
    durationS: Math.min(DURATION_S, 5),
    request: (n) => ({ method: 'GET', path: `/api/v1/graph/entity/${hubs[n % hubs.length]!}?depth=2&limit=500`, headers: { authorization: `Bearer ${all[n % all.length]!.token}` } }),
    ok: (_n, status) => status === 200,
  });
  rows.push({ engine, flow: `neighbours depth 2 (fan-out ${FAN_OUT})`, ...neighbours });
  await drained(server);
  return rows;
}

const percentile = (sorted: number[], p: number): number => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)]!);

/** One flow's share of the mixed run, in the shape of a run of its own. */
function summarize(samples: Array<{ ms: number; ok: boolean }>, rate: number, durationS: number): Omit<Row, 'engine' | 'flow'> {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const ok = samples.filter((s) => s.ok).length;
  return { rate, sent: samples.length, ok, errors: samples.length - ok, errorKinds: {}, achievedRate: ok / durationS, maxSendLagMs: NaN, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main(): Promise<void> {
  console.log(`graph flows — ${TENANT_COUNT} tenants, ~${ENTITIES} entities, open loop at ${RATE} rps for ${DURATION_S} s across all tenants; latency from the scheduled send time`);
  console.log('targets (PostgreSQL): p95 ≤ 25 ms per flow at 500 rps, error rate < 0.5%; neighbours at depth 2 on a 50-edge fan-out p95 ≤ 10 ms\n');
  const rows: Row[] = [];
  for (const engine of ENGINES) {
    const server = await startServer(engine, serverOptions(arg));
    try {
      const label = engine === 'postgresql' ? `PostgreSQL ×${server.workers}` : 'PGlite';
      const all = await setUp(server);
      if (server.databaseUrl !== undefined) await maintainDatabase(server.databaseUrl);
      const result = await run(server, all, label);
      rows.push(...result);
      mkdirSync(RESULTS, { recursive: true });
      if (process.argv.includes('--explain') && server.databaseUrl !== undefined) {
        const explained = await explainWalks(server.databaseUrl, all[0]!.tenant, all[0]!.hub, 'user-engineer');
        writeFileSync(join(RESULTS, 'graph-walk-plans.txt'), plansText(explained));
        console.log(`\nplans of the walks on ${all[0]!.tenant}'s hub (${RESULTS}graph-walk-plans.txt):`);
        for (const e of explained) console.log(`  ${e.step}: ${e.ms} ms`);
      }
      writeFileSync(join(RESULTS, `graph-flows-${engine}.json`), `${JSON.stringify({ engine: label, rate: RATE, durationS: DURATION_S, entities: ENTITIES, tenants: TENANT_COUNT, rows: result }, null, 2)}\n`);
    } finally {
      await server.stop();
    }
  }
  console.log('');
  printTable(rows);
  for (const r of rows) {
    const errorRate = r.sent === 0 ? 0 : r.errors / r.sent;
    const target = r.flow.startsWith('neighbours') ? 10 : 25;
    if (r.p95 > target || errorRate >= 0.005) console.log(`${r.engine} ${r.flow}: p95 ${fmt(r.p95)} ms, error rate ${(errorRate * 100).toFixed(2)}% — misses the target`);
  }
  console.log(`\nresults: ${RESULTS}graph-flows-<engine>.json`);
}

await main();
