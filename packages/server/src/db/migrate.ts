import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { sha256Hex } from '../util/canonical-json.ts';
import type { Database } from './database.ts';

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any fixed 64-bit key works; this one spells "cos-migr" so it is recognisable in pg_locks.
const MIGRATION_LOCK_KEY = '7165927245306259826';

export function loadMigrations(dir: string = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: file.slice(0, 4), name: file.slice(5, -4), sql, checksum: sha256Hex(sql) };
    });
}

/**
 * Applies pending migrations, each in its own transaction that first takes a transaction-scoped
 * advisory lock and re-checks what is applied, so concurrent starters never apply one twice.
 * Returns the versions it applied.
 */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const m of migrations) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
      const rows = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows[0] !== undefined) {
        if (rows[0].checksum !== m.checksum) {
          throw new Error(`migration ${m.version}_${m.name} was changed after it was applied`);
        }
        return false;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      return true;
    });
    if (didApply) applied.push(m.version);
  }
  return applied;
}

/** True when every known migration is recorded as applied (readiness). */
export async function migrationsCurrent(db: Database, migrations: Migration[] = loadMigrations()): Promise<boolean> {
  const exists = await db.query<{ present: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
  if (exists[0]?.present !== true) return false;
  const rows = await db.query<{ version: string }>('SELECT version FROM schema_migrations');
  const have = new Set(rows.map((r) => r.version));
  return migrations.every((m) => have.has(m.version));
}
