import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { asRole, createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { currentTx } from '../context.ts';
import { PgDatabase } from './pg-database.ts';
import { withTenantTransaction } from './tenant-tx.ts';

// A transaction's opening read runs in BEGIN's round trip and reads the transaction's settings. On
// PostgreSQL it is prepared once per connection, so its plan outlives the transaction that made it:
// it must still answer for each later transaction's own tenant.
let t: TestDatabase;
const TENANTS = ['opening-a', 'opening-b'];
const OPENING = `SELECT t.tenant_id, (SELECT count(*)::int FROM subjects) AS subjects FROM tenants t WHERE t.tenant_id = current_setting('app.tenant_id')`;

before(async () => {
  t = await createTestDatabase();
  for (const [i, id] of TENANTS.entries()) {
    await asRole(t.db, 'companyos_platform', null, (q) =>
      q(`INSERT INTO tenants (tenant_id, display_name, data_region, config, created_at, updated_at) VALUES ($1, $1, 'eu', '{}', now(), now())`, [id]),
    );
    // Tenant a has one subject, tenant b two: row-level security decides what each counts.
    for (let n = 0; n <= i; n++) {
      await asRole(t.db, 'companyos_app', id, (q) =>
        q(`INSERT INTO subjects (tenant_id, subject_id, display_name, created_at, updated_at) VALUES ($1, $2, 'S', now(), now())`, [id, `s${n}`]),
      );
    }
  }
});
after(() => t.close());

test('an opening read answers for its own transaction’s tenant, every time, however often it runs', async () => {
  for (let round = 0; round < 12; round++) {
    const tenant = TENANTS[round % 2]!;
    const { opened, prepared } = await withTenantTransaction(
      t.db,
      tenant,
      async (rows) => {
        // On PostgreSQL, the openings this transaction's connection holds prepared.
        const names = t.db instanceof PgDatabase ? await currentTx().query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE name LIKE 'companyos_opening_%'`) : [];
        return { opened: rows, prepared: names.length };
      },
      { opening: OPENING },
    );
    assert.deepEqual(opened, [{ tenant_id: tenant, subjects: round % 2 === 0 ? 1 : 2 }], `round ${round}`);
    // Prepared once on each connection that ran it, not once per transaction.
    if (t.db instanceof PgDatabase) assert.equal(prepared, 1, `round ${round}`);
  }
});
