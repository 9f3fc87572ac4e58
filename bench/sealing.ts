// Benchmark of sealed fields (ADR 0025) on the database: what sealing adds to a write and opening
// to a read. Seals one field per write for N subjects (the first write of each creates its data
// key; later ones find it), then opens them all in pages of 100 as a listing does. PGlite always;
// PostgreSQL too when DATABASE_URL is set. Prints microseconds per sealed field (first write of a
// subject, later writes) and per opened field, in one tenant transaction per write or page.
//   node --import tsx bench/sealing.ts [--subjects 500] [--writes 5]

import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { withTenantTransaction } from '../packages/server/src/db/tenant-tx.ts';
import { DataKeys, useDataKeys } from '../packages/server/src/keys/data-keys.ts';
import { LocalKeyProvider } from '../packages/server/src/keys/key-provider.ts';
import { openFields, sealAuthored } from '../packages/server/src/keys/sealing.ts';
import { seedDemo } from '../packages/server/src/seed/seed-demo.ts';
import { FakeClock } from '../packages/server/src/util/clock.ts';
import { createTestDatabase } from '../packages/server/test/support/test-database.ts';

// A sealed write adds one indexed lookup of the subject's live key and one AES-GCM per field (the
// unwrapped key is cached); the lookup stays, so that no text is ever sealed under a key that a
// rolled-back or concurrent transaction never made live.
const TARGET_US_PER_SEALED_WRITE = 2_000;
const REF = { kind: 'bench_history', field: 'rationale' };
const { values } = parseArgs({ options: { subjects: { type: 'string', default: '500' }, writes: { type: 'string', default: '5' } } });
const subjects = Number(values.subjects);
const writes = Number(values.writes);

async function run(engine: 'pglite' | 'postgres'): Promise<void> {
  const saved = process.env.DATABASE_URL;
  if (engine === 'pglite') delete process.env.DATABASE_URL;
  const t = await createTestDatabase();
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  try {
    const clock = new FakeClock('2026-03-02T09:00:00.000Z');
    await seedDemo(t.db, { clock });
    useDataKeys(new DataKeys(new LocalKeyProvider(randomBytes(32))));
    const sealed: string[] = [];
    const seal = async (i: number) => sealed.push(await withTenantTransaction(t.db, 'pilot-a', () => sealAuthored(`rationale ${i} of a person`, `user-${i}`, REF, clock.now())));
    // The same transactions without sealing, to subtract the cost of a transaction itself.
    const bare = () => withTenantTransaction(t.db, 'pilot-a', async () => undefined);
    const time = async (n: number, fn: (i: number) => Promise<unknown>) => {
      const started = performance.now();
      for (let i = 0; i < n; i++) await fn(i);
      return ((performance.now() - started) * 1000) / n;
    };
    const tx = await time(subjects, bare);
    const first = (await time(subjects, seal)) - tx;
    const later = (await time(subjects * (writes - 1), (i) => seal(i % subjects))) - tx;
    const pages = Math.ceil(sealed.length / 100);
    const open = ((await time(pages, (p) => withTenantTransaction(t.db, 'pilot-a', () => openFields(sealed.slice(p * 100, p * 100 + 100).map((value) => ({ value, ref: REF })))))) - tx) / 100;
    const verdict = later <= TARGET_US_PER_SEALED_WRITE ? 'ok' : 'MISSED';
    console.log(`${engine}: ${subjects} subjects x ${writes} writes; per sealed field ${first.toFixed(0)} us on a subject's first write (key created), ${later.toFixed(0)} us later (target <= ${TARGET_US_PER_SEALED_WRITE}: ${verdict}); per opened field ${open.toFixed(1)} us in pages of 100`);
  } finally {
    await t.close();
  }
}

await run('pglite');
if (process.env.DATABASE_URL) await run('postgres');
