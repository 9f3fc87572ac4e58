import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { currentTx } from '../src/context.ts';
import { tenantParamOf, type AnyAction } from '../src/pipeline/define-action.ts';
import { API_PREFIX } from '../src/pipeline/registrar.ts';

/** How to call one action against the victim's resources: path params naming them, and a valid body. */
export interface IsolationCase {
  params?: Record<string, string>;
  /** A query string (without `?`) the action requires. */
  query?: string;
  body?: unknown;
}

export interface IsolationOptions {
  app: FastifyInstance;
  db: Database;
  actions: AnyAction[];
  /** The tenant whose resources are attacked. */
  victim: string;
  /** A bearer credential of the attacking tenant (give its subject every role to make the test strongest). */
  attackerToken: string;
  attackerTenant: string;
  /** One case per action name; the harness fails when an action has none, so new actions must add one. */
  cases: Record<string, IsolationCase>;
  /** Strings that exist only in the victim's data and must never appear in a response to the attacker. */
  victimMarkers: string[];
}

/** Every table with a tenant_id column. */
export const tenantTables = async (db: Database): Promise<string[]> =>
  (
    await db.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
       WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((r) => r.table_name);

/**
 * A digest of everything the victim tenant holds, read through its own tenant context in one
 * query (one statement per table cost several times as much). The `isolation.denied` audit
 * events an attack is supposed to leave are excluded.
 */
async function snapshot(db: Database, tenant: string, tables: string[]): Promise<Record<string, string>> {
  return withTenantTransaction(db, tenant, async () => {
    const parts = tables.map((table) => {
      const filter = table === 'audit_events' ? ` WHERE type <> 'isolation.denied'` : '';
      return `SELECT '${table}' AS t, md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest, count(*)::int AS n FROM ${table} x${filter}`;
    });
    const rows = await currentTx().query<{ t: string; digest: string | null; n: number }>(parts.join(' UNION ALL '));
    return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.digest ?? ''}`]));
  });
}

async function isolationDenials(db: Database, tenant: string): Promise<number> {
  return withTenantTransaction(db, tenant, async () => {
    const rows = await currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE type = 'isolation.denied'`);
    return rows[0]!.n;
  });
}

function url(action: AnyAction, params: Record<string, string>): string {
  // `::` is a literal colon (`/entities::batch`), not a parameter.
  return API_PREFIX + action.path.replace(/::|:([A-Za-z]+)/g, (_: string, name: string | undefined) => {
    if (name === undefined) return ':';
    const value = params[name];
    if (value === undefined) throw new Error(`isolation case for ${action.name} lacks path param ${name}`);
    return encodeURIComponent(value);
  });
}

/**
 * For every action: acts as the attacker against the victim's resources, plainly and with an
 * X-Tenant-Id naming the victim, and asserts a denial or not-found (or a success confined to the
 * attacker's own tenant), that no victim data leaks, and that nothing was written to the victim.
 */
export async function assertTenantIsolation(o: IsolationOptions): Promise<void> {
  const tables = await tenantTables(o.db);
  const missing = o.actions.filter((a) => o.cases[a.name] === undefined).map((a) => a.name);
  assert.deepEqual(missing, [], 'every action needs an isolation case');

  // The victim's data must stay as it was before the first attack, so one digest of it serves every action.
  const before = await snapshot(o.db, o.victim, tables);
  for (const action of o.actions) {
    const c = o.cases[action.name]!;
    const path = url(action, c.params ?? {}) + (c.query !== undefined ? `?${c.query}` : '');
    const send = (headers: Record<string, string>) =>
      o.app.inject({
        method: action.method,
        url: path,
        headers: { authorization: `Bearer ${o.attackerToken}`, ...headers },
        ...(c.body !== undefined ? { payload: c.body as object } : {}),
      });

    const plain = await send({});
    const label = `${action.name} ${action.method} ${path} -> ${plain.statusCode} ${plain.body.slice(0, 200)}`;
    const tenantParam = tenantParamOf(action);
    const namesVictim = tenantParam !== undefined && c.params?.[tenantParam] === o.victim;
    if (namesVictim) assert.equal(plain.statusCode, 403, label);
    if (plain.statusCode < 400) {
      // A success must concern the attacker's own tenant only.
      assert.equal(action.scope, 'tenant', label);
    } else {
      assert.ok([403, 404].includes(plain.statusCode), label);
    }
    // A marker the attacker itself sent (echoed in `instance`, say) is no leak.
    const sent = path + JSON.stringify(c.body ?? null);
    for (const marker of o.victimMarkers.filter((m) => !sent.includes(m))) {
      assert.ok(!plain.body.includes(marker), `${label} leaks ${marker}`);
    }

    const denialsBefore = await isolationDenials(o.db, o.victim);
    const claimed = await send({ 'x-tenant-id': o.victim });
    assert.equal(claimed.statusCode, 403, `${action.name} with X-Tenant-Id`);
    assert.equal(claimed.json().type, 'https://companyos.dev/problems/tenant-isolation');
    assert.equal(await isolationDenials(o.db, o.victim), denialsBefore + 1, `${action.name}: isolation.denied audited in the victim tenant`);

    assert.deepEqual(await snapshot(o.db, o.victim, tables), before, `${action.name} wrote to the victim tenant`);
  }
}
