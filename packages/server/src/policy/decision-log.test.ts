import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database, TransactionOptions, Tx } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { bundleFromFiles } from './bundle.ts';
import { BundleArchive } from './bundle-archive.ts';
import { DecisionLogWriter, type DecisionRecord } from './decision-log.ts';

/** A database that records, per transaction, the tenant set and the decision ids and bundle hashes inserted. */
function recordingDatabase(fail = false) {
  const writes: { tenant: string; ids: string[] }[] = [];
  const archived: { tenant: string; hash: string }[] = [];
  const db = {
    engine: 'pglite',
    async transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      const tenant = options.settings?.find(([name]) => name === 'app.tenant_id')?.[1] ?? '';
      const tx: Tx = {
        query: async <R extends object>(sql: string, params: unknown[] = []) => {
          if (sql.includes('INSERT INTO policy_decisions')) {
            if (fail) throw new Error('database down');
            writes.push({ tenant, ids: params[1] as string[] });
          }
          if (sql.includes('INSERT INTO policy_bundle_contents')) archived.push({ tenant, hash: params[1] as string });
          return [] as R[];
        },
        queryEach: async (statements) => Promise.all(statements.map((st) => tx.query(st.sql, st.params))),
        exec: async () => {},
        atCommit: (sql, params) => {
          atCommit = [sql, params];
        },
      };
      // As the databases do: the statement at commit runs once the transaction's function is done.
      let atCommit: [string, unknown[]] | undefined;
      const result = await fn(tx);
      if (atCommit !== undefined) await tx.query(...atCommit);
      return result;
    },
  } as unknown as Database;
  return { db, writes, archived };
}

const bundle = bundleFromFiles([{ path: 'authz.rego', content: 'package companyos.authz\n' }]);
// A system actor: this database holds no data keys to name a person by (ADR 0029).
const record = (tenant: string, id: string): DecisionRecord => ({
  decision_id: id, tenant_id: tenant, timestamp: '2026-01-01T00:00:00.000Z', actor: 'system:probe', action: 'a.b', allow: true, reasons: [],
  bundle_hash: bundle.hash, path: 'companyos/authz/decision', input: {}, result: {}, latency_ns: 1,
});
const writer = (db: Database, options: { flushMs: number; maxBatch: number }) => new DecisionLogWriter(db, createLogger({ level: 'silent' }), new BundleArchive(), options);

test('decisions are written per tenant, one statement per tenant and batch, with the bundle they cite', async () => {
  const { db, writes, archived } = recordingDatabase();
  const log = writer(db, { flushMs: 60_000, maxBatch: 100 });
  log.append(bundle, record('a', '1'));
  log.append(bundle, record('b', '2'));
  log.append(bundle, record('a', '3'));
  assert.deepEqual(writes, [], 'nothing is written on the request path');
  await log.flush();
  assert.deepEqual(writes, [{ tenant: 'a', ids: ['1', '3'] }, { tenant: 'b', ids: ['2'] }]);
  assert.deepEqual(archived, [{ tenant: 'a', hash: bundle.hash }, { tenant: 'b', hash: bundle.hash }]);
});

test('a full batch is written without waiting for the timer', async () => {
  const { db, writes } = recordingDatabase();
  const log = writer(db, { flushMs: 60_000, maxBatch: 2 });
  log.append(bundle, record('a', '1'));
  log.append(bundle, record('a', '2'));
  await log.flush();
  log.append(bundle, record('a', '3'));
  await log.flush();
  assert.deepEqual(writes.map((w) => w.ids), [['1', '2'], ['3']]);
});

test('a failed write is logged and does not stop later batches', async () => {
  const failing = recordingDatabase(true);
  const log = writer(failing.db, { flushMs: 60_000, maxBatch: 100 });
  log.append(bundle, record('a', '1'));
  await log.flush();
  log.append(bundle, record('a', '2'));
  await assert.doesNotReject(log.flush());
});
