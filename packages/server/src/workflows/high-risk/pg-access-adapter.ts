import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { CATALOG_RETRY, retryingCatalogRace, type CatalogRetryOptions } from './catalog-retry.ts';

/** What a TEMP_DB_READ_ACCESS request names. */
export interface AccessTarget {
  schema: string;
  tables: string[];
}

export interface GrantedAccess {
  role: string;
  password: string;
  validUntil: Date;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** A quoted identifier; only plain lower-case names are accepted, so nothing needs escaping. */
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

/** The role name of a request (deterministic, so a revert finds it after a restart). */
export function roleFor(requestId: string): string {
  return `hr_${requestId.replace(/-/g, '').toLowerCase()}`;
}

/**
 * Grants and revokes temporary read access on a PostgreSQL database. Every statement is safe to
 * repeat: a grant recreates the role from scratch, a revert of a missing role does nothing; so a
 * transaction that lost a race with another GRANT or REVOKE on the same catalog row is run again.
 */
export class PgAccessAdapter {
  constructor(
    private readonly connectionString: string,
    private readonly retry: CatalogRetryOptions = CATALOG_RETRY,
  ) {}

  /** Runs `fn` in a transaction of its own session; a lost race on a catalog row runs it again from the start. */
  private transaction<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    return retryingCatalogRace(async () => {
      const client = new pg.Client({ connectionString: this.connectionString });
      client.on('error', () => {});
      await client.connect();
      try {
        await client.query('BEGIN');
        try {
          const result = await fn(client);
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      } finally {
        await client.end();
      }
    }, this.retry);
  }

  /** Creates a LOGIN role that may only SELECT the named tables, valid until `validUntil` as a backstop. */
  async grant(requestId: string, target: AccessTarget, validUntil: Date): Promise<GrantedAccess> {
    if (target.tables.length === 0) throw new Error('at least one table is needed');
    const role = roleFor(requestId);
    const password = randomBytes(24).toString('base64url');
    const schema = ident(target.schema);
    const tables = target.tables.map((t) => `${schema}.${ident(t)}`).join(', ');
    await this.transaction(async (c) => {
      await dropRole(c, role);
      // DDL takes no bind parameters: the password is base64url and the date an ISO string, both quote-free.
      await c.query(`CREATE ROLE ${ident(role)} LOGIN NOINHERIT PASSWORD '${password}' VALID UNTIL '${validUntil.toISOString()}'`);
      await c.query(`GRANT CONNECT ON DATABASE ${ident(await currentDatabase(c))} TO ${ident(role)}`);
      await c.query(`GRANT USAGE ON SCHEMA ${schema} TO ${ident(role)}`);
      await c.query(`GRANT SELECT ON ${tables} TO ${ident(role)}`);
    });
    return { role, password, validUntil };
  }

  /** Ends the role's sessions and drops it; returns whether there was a role to drop. */
  async revert(requestId: string): Promise<boolean> {
    const role = roleFor(requestId);
    return this.transaction((c) => dropRole(c, role));
  }
}

async function currentDatabase(c: pg.Client): Promise<string> {
  const r = await c.query<{ db: string }>('SELECT current_database() AS db');
  return r.rows[0]!.db;
}

async function dropRole(c: pg.Client, role: string): Promise<boolean> {
  const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (exists.rowCount === 0) return false;
  // NOLOGIN first so no new session starts between the terminate and the drop.
  await c.query(`ALTER ROLE ${ident(role)} NOLOGIN`);
  await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()', [role]);
  await c.query(`DROP OWNED BY ${ident(role)}`);
  await c.query(`DROP ROLE ${ident(role)}`);
  return true;
}
