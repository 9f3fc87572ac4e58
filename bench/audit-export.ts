// Benchmark of audit exports from the database: inserts N audit events for one tenant, then runs
// the export the way the server does (POST /api/v1/audit/exports, the durable job paging the
// database, the pack written to the data dir) and verifies the pack. PGlite always; PostgreSQL
// too when DATABASE_URL is set. Prints time, pack size, and the process RSS before and at its
// peak during the export (PGlite's own memory is part of the process and of the baseline).
//   node --import tsx bench/audit-export.ts [--events 100000]

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../packages/server/src/http/app.ts';
import { DevIssuer } from '../packages/server/src/identity/dev-issuer.ts';
import { LocalKeyProvider } from '../packages/server/src/keys/key-provider.ts';
import { createLogger } from '../packages/server/src/logger.ts';
import { seedDemo } from '../packages/server/src/seed/seed-demo.ts';
import { verifyPack } from '../packages/server/src/evidence/index.ts';
import { FakeClock } from '../packages/server/src/util/clock.ts';
import { createTestDatabase } from '../packages/server/test/support/test-database.ts';

const TARGET_SECONDS_PER_MILLION = 60;
const TARGET_RSS_GROWTH_MB = 200;
const tenant = 'pilot-a';
const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
const mb = (bytes: number) => Math.round(bytes / 1048576);

const { values } = parseArgs({ options: { events: { type: 'string', default: '100000' } } });
const events = Number(values.events);

async function run(engine: 'pglite' | 'postgres'): Promise<void> {
  const saved = process.env.DATABASE_URL;
  if (engine === 'pglite') delete process.env.DATABASE_URL;
  const t = await createTestDatabase();
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-audit-export-'));
  const clock = new FakeClock('2026-03-02T09:00:00.000Z');
  const issuer = DevIssuer.open({ clock });
  try {
    await seedDemo(t.db, { clock });
    // Events spread over the window, a tenth of them denials; inserted as the owner in batches.
    for (let from = 0; from < events; from += 100_000) {
      await t.db.query(
        `INSERT INTO audit_events (tenant_id, event_id, occurred_at, type, actor, action, decision, reasons, details)
         SELECT $1, gen_random_uuid(), $2::timestamptz + g * ($3::float8 * interval '1 millisecond'), 'action.allowed', 'user-' || (g % 50),
                'bench.action', CASE WHEN g % 10 = 0 THEN 'deny' ELSE 'allow' END, '[]', jsonb_build_object('n', g)
         FROM generate_series($4::int, $5::int) g`,
        [tenant, window.from, (Date.parse(window.to) - Date.parse(window.from)) / events, from, Math.min(events, from + 100_000) - 1],
      );
    }
    const app = await buildApp({ logger: createLogger({ level: 'warn' }), database: t.db, clock, devIssuer: issuer, config: { dataDir }, ledgerBackground: false, jobsBackground: false, keyProvider: new LocalKeyProvider(randomBytes(32)) });
    try {
      const token = await issuer.mint({ tenant, subject: 'user-admin', stepUp: true });
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const started = performance.now();
      const created = await app.inject({ method: 'POST', url: '/api/v1/audit/exports', headers: { authorization: `Bearer ${token}` }, payload: window });
      if (created.statusCode !== 202) throw new Error(`export refused: ${created.body}`);
      const id = created.json().export_id as string;
      await app.jobs.runDue();
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const status = (await app.inject({ method: 'GET', url: `/api/v1/audit/exports/${id}`, headers: { authorization: `Bearer ${token}` } })).json();
      if (status.status !== 'done') throw new Error(`export ${status.status}: ${status.error}`);
      if (status.counts.audit_events !== events) throw new Error(`pack holds ${status.counts.audit_events} events, not ${events}`);
      const verifyStarted = performance.now();
      const verified = await verifyPack(join(dataDir, 'exports', tenant, `${id}.tar.gz`), {});
      if (!verified.ok) throw new Error(`pack does not verify: ${JSON.stringify(verified.failures.slice(0, 3))}`);
      const verifySeconds = (performance.now() - verifyStarted) / 1000;
      const growth = mb(peak - baseline);
      const perMillion = (seconds * 1_000_000) / events;
      console.log(
        `${engine.padEnd(8)} ${String(events).padStart(9)} events  export ${seconds.toFixed(1).padStart(6)} s  verify ${verifySeconds.toFixed(1).padStart(5)} s  ` +
          `pack ${mb(status.pack_size)} MB  rss ${mb(baseline)} -> ${mb(peak)} MB (+${growth})`,
      );
      console.log(`  ${perMillion <= TARGET_SECONDS_PER_MILLION ? 'ok' : 'MISSED'}: ${perMillion.toFixed(1)} s per million events (target <= ${TARGET_SECONDS_PER_MILLION})`);
      console.log(`  ${growth <= TARGET_RSS_GROWTH_MB ? 'ok' : 'MISSED'}: RSS growth ${growth} MB (target <= ${TARGET_RSS_GROWTH_MB})`);
    } finally {
      await app.close();
    }
  } finally {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await run('pglite');
if (process.env.DATABASE_URL) await run('postgres');
