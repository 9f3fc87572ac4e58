// Deals through the whole RevOps flow, each step a governed request through the app's full HTTP
// stack (light-my-request, no sockets): lead (enterprise, promoted) → quote (30%) → submit →
// approve (sales manager) → approve (finance) → activate. Prints p50 and p95 per step.
//   node --import tsx bench/revops-flow.ts [--deals N] [--max-seconds S]
// (default 50 deals; the full run is --deals 10000). With --max-seconds the run stops
// after the deal in progress at S seconds and reports the deals it completed, saying so.
// On PGlite, or on PostgreSQL when DATABASE_URL is set (a fresh database, dropped after).
// Timings on a shared, loaded machine are noisy: read them as orders of magnitude.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../packages/server/src/http/app.ts';
import { DevIssuer } from '../packages/server/src/identity/dev-issuer.ts';
import { createLogger } from '../packages/server/src/logger.ts';
import { seedDemo } from '../packages/server/src/seed/seed-demo.ts';
import { createTestDatabase } from '../packages/server/test/support/test-database.ts';
import { leadBody, quoteBody } from '../packages/server/test/support/revops-deal.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const DEALS = Number(arg('--deals') ?? 50);
const MAX_MS = arg('--max-seconds') === undefined ? Infinity : Number(arg('--max-seconds')) * 1000;
const TENANT = 'pilot-a';
const STEPS = ['lead', 'quote', 'submit', 'approve (manager)', 'approve (finance)', 'activate'] as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const t = await createTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'revops-bench-'));
const issuer = DevIssuer.open();
await seedDemo(t.db);
const app = await buildApp({ logger: createLogger({ level: 'silent' }), config: { dataDir }, database: t.db, devIssuer: issuer });
try {
  const token = async (subject: string) => `Bearer ${await issuer.mint({ tenant: TENANT, subject, ttl: 86_400 })}`;
  const [ae, manager, finance] = [await token('user-ae'), await token('user-sales-manager'), await token('user-finance')];
  const samples = new Map<string, number[]>(STEPS.map((s) => [s, []]));
  async function timed(step: (typeof STEPS)[number], method: 'POST', url: string, authorization: string, payload: object): Promise<Record<string, any>> {
    const start = process.hrtime.bigint();
    const res = await app.inject({ method, url, headers: { authorization }, payload });
    samples.get(step)!.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (res.statusCode >= 300) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
    return res.json();
  }
  const started = Date.now();
  let done = 0;
  for (let i = 0; i < DEALS && Date.now() - started < MAX_MS; i++, done++) {
    const lead = await timed('lead', 'POST', '/api/v1/revops/leads', ae, leadBody({ company: `Bench ${i}` }));
    const quote = await timed('quote', 'POST', '/api/v1/revops/quotes', ae, quoteBody(lead.opportunity.opportunity_id, 3000));
    const q = `/api/v1/revops/quotes/${quote.quote_id}`;
    await timed('submit', 'POST', `${q}/submit-for-approval`, ae, { rationale: 'benchmark deal' });
    await timed('approve (manager)', 'POST', `${q}/approve`, manager, { rationale: 'benchmark approval' });
    await timed('approve (finance)', 'POST', `${q}/approve`, finance, { rationale: 'benchmark approval' });
    await timed('activate', 'POST', `${q}/activate`, ae, {});
  }
  const engine = t.url === undefined ? 'PGlite' : 'PostgreSQL';
  const cut = done < DEALS ? ` (stopped at --max-seconds: ${done} of ${DEALS} deals)` : '';
  console.log(`revops-flow on ${engine}: ${done} deals, ${((Date.now() - started) / 1000).toFixed(1)} s${cut}`);
  console.log('step                 p50 ms   p95 ms');
  for (const [step, xs] of samples) {
    const sorted = [...xs].sort((a, b) => a - b);
    console.log(`${step.padEnd(20)} ${percentile(sorted, 50).toFixed(2).padStart(7)}  ${percentile(sorted, 95).toFixed(2).padStart(7)}`);
  }
} finally {
  await app.close();
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
}
