import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';

// Citus-ready: the schema the migrations build can be distributed by tenant_id (every tenant-owned
// table co-located on it), and no query of the server joins rows of two tenants.
//
// What is checked, statically, on the catalog the migrations produce and on the server's SQL text:
// - every table has a tenant_id column, or is named below as a table that stays local;
// - every tenant-owned table's primary key leads with tenant_id;
// - every unique constraint and unique index includes tenant_id (Citus enforces uniqueness per shard);
// - every foreign key includes tenant_id, referencing tenant_id of the other table at the same place;
// - every JOIN in the server's SQL (and in the migrations' functions) has tenant_id in its condition,
//   and no query lists two tables in one FROM (a join without a condition to check).
// Not checked: SQL built from runtime strings beyond a literal's text, and joins hidden in
// subqueries correlated on other columns; reviews and the isolation tests cover those.
const LOCAL_TABLES: Record<string, string> = {
  schema_migrations: 'the migration ledger of each node, written by the migrator, never by tenants',
};

const srcDir = fileURLToPath(new URL('../', import.meta.url));
let t: TestDatabase;
let tables: Array<{ name: string; hasTenant: boolean }>;
before(async () => {
  t = await createTestDatabase();
  tables = await t.db.query<{ name: string; hasTenant: boolean }>(
    `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS "hasTenant"
     FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
});
after(() => t.close());

const columnsOf = (table: string, nums: string) =>
  `array(SELECT a.attname FROM unnest(${nums}) WITH ORDINALITY AS k(num, ord) JOIN pg_attribute a ON a.attrelid = ${table} AND a.attnum = k.num ORDER BY k.ord)::text[]`;

test('every table is tenant-owned or named as one that stays local', () => {
  assert.ok(tables.length > 20, tables.map((x) => x.name).join(', '));
  const unowned = tables.filter((x) => !x.hasTenant && LOCAL_TABLES[x.name] === undefined).map((x) => x.name);
  assert.deepEqual(unowned, [], 'tables without tenant_id must be tenant-owned or listed in LOCAL_TABLES with a reason');
});

test("every tenant-owned table's primary key leads with tenant_id", async () => {
  const rows = await t.db.query<{ name: string; cols: string[] | null }>(
    `SELECT c.relname AS name, (SELECT ${columnsOf('i.indrelid', 'i.indkey')} FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS cols
     FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')`,
  );
  const owned = new Set(tables.filter((x) => x.hasTenant).map((x) => x.name));
  const bad = rows.filter((r) => owned.has(r.name) && r.cols?.[0] !== 'tenant_id').map((r) => `${r.name} (${r.cols?.join(', ') ?? 'no primary key'})`);
  assert.deepEqual(bad, []);
});

test('every unique constraint and unique index of a tenant-owned table includes tenant_id', async () => {
  const rows = await t.db.query<{ table: string; index: string; cols: string[] }>(
    `SELECT c.relname AS table, x.relname AS index, ${columnsOf('i.indrelid', 'i.indkey')} AS cols
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
     WHERE c.relnamespace = 'public'::regnamespace AND i.indisunique`,
  );
  const owned = new Set(tables.filter((x) => x.hasTenant).map((x) => x.name));
  const bad = rows.filter((r) => owned.has(r.table) && !r.cols.includes('tenant_id')).map((r) => `${r.table}.${r.index} (${r.cols.join(', ')})`);
  assert.deepEqual(bad, []);
});

test('every foreign key carries tenant_id to tenant_id of the table it references', async () => {
  const rows = await t.db.query<{ name: string; table: string; cols: string[]; ref: string; refCols: string[] }>(
    `SELECT con.conname AS name, c.relname AS table, ${columnsOf('con.conrelid', 'con.conkey')} AS cols,
            r.relname AS ref, ${columnsOf('con.confrelid', 'con.confkey')} AS "refCols"
     FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
     WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace`,
  );
  assert.ok(rows.length > 10);
  const bad = rows.filter((r) => {
    const at = r.cols.indexOf('tenant_id');
    return at < 0 || r.refCols[at] !== 'tenant_id';
  });
  assert.deepEqual(bad.map((r) => `${r.table}.${r.name}: (${r.cols.join(', ')}) -> ${r.ref} (${r.refCols.join(', ')})`), []);
});

/** Each JOIN of `sql`, up to the clause that follows its condition. */
function joinsOf(sql: string): string[] {
  const out: string[] = [];
  // SQL keywords are written in capitals in this code base; `join(` in TypeScript is not one.
  for (const m of sql.matchAll(/\bJOIN\b/g)) {
    const rest = sql.slice(m.index + 4);
    const end = rest.search(/\b(WHERE|JOIN|ORDER\s+BY|GROUP\s+BY|LIMIT|RETURNING|UNION|HAVING|WINDOW|FOR\s+UPDATE)\b|[)`'"]\s*(,|;|$)/i);
    out.push(`JOIN${end < 0 ? rest : rest.slice(0, end)}`.replace(/\s+/g, ' ').trim());
  }
  return out;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|sql)$/.test(name) && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

test('the join check finds a join without tenant_id, and one whose condition has it passes', () => {
  assert.deepEqual(joinsOf('SELECT * FROM receipts r JOIN ledger_leaves l ON l.receipt_id = r.receipt_id WHERE r.tenant_id = $1'), ['JOIN ledger_leaves l ON l.receipt_id = r.receipt_id']);
  assert.deepEqual(joinsOf('FROM a JOIN b USING (tenant_id, id) ORDER BY 1'), ['JOIN b USING (tenant_id, id)']);
});

test('no query of the server joins two tables except on tenant_id', () => {
  const files = sourceFiles(srcDir);
  assert.ok(files.length > 100);
  const bad: string[] = [];
  let joins = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const join of joinsOf(text)) {
      joins++;
      // A join to a set-returning function (unnest, jsonb_array_elements ...) meets no other tenant.
      if (/^JOIN (LATERAL )?[a-z_]+\(/i.test(join)) continue;
      if (!/tenant_id/.test(join) || /^JOIN \w+( \w+)?$/i.test(join)) bad.push(`${relative(srcDir, file)}: ${join}`);
    }
    for (const line of text.split('\n')) {
      // REVOKE ... FROM role, role names roles, not tables.
      if (/\b(REVOKE|GRANT)\b/.test(line)) continue;
      for (const m of line.matchAll(/\bFROM\s+[a-z_]+(\s+[a-z_]+)?\s*,\s*[a-z_]+\b/g)) bad.push(`${relative(srcDir, file)}: comma join "${m[0]}"`);
    }
  }
  assert.ok(joins >= 5, `found ${joins} joins`);
  assert.deepEqual(bad, []);
});
