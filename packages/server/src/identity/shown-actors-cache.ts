import { currentContext, type RequestContext } from '../context.ts';
import type { Database, Tx } from '../db/database.ts';
import type { ShownKeyRow } from './actor-pseudonyms.ts';

// What a pseudonym shows (its key's subject, or that a purge destroyed it) changes only when a
// purge destroys the key, and that moves the tenant's configuration version (migration 0038). So
// the key rows a request read are kept per database and tenant under the version its opening read
// saw, and a later request that saw the same version shows those pseudonyms without reading them
// again (audit lists, decision lists: the same few people on every page). A transaction that
// destroyed keys neither uses nor fills it: until it commits, its rows are not what others see.

const MAX_TENANTS = 1_000;
const MAX_KEYS_PER_TENANT = 10_000;

interface TenantEntry {
  version: string;
  rows: Map<string, ShownKeyRow>;
}

const byDatabase = new WeakMap<Database, Map<string, TenantEntry>>();
const destroying = new WeakSet<Tx>();

/** Marks the current transaction as one that destroys data keys. */
export function destroyingKeys(): void {
  const tx = currentContext()?.tx;
  if (tx !== undefined) destroying.add(tx);
}

/** Where this transaction may keep and find rows: a request's, at the configuration version it opened with. */
function place(): { tenants: Map<string, TenantEntry>; tenantId: string; version: string } | undefined {
  const ctx: RequestContext | undefined = currentContext();
  if (ctx?.configVersion === undefined || ctx.tx === undefined || ctx.databases === undefined || destroying.has(ctx.tx)) return undefined;
  let tenants = byDatabase.get(ctx.databases.current);
  if (tenants === undefined) byDatabase.set(ctx.databases.current, (tenants = new Map()));
  return { tenants, tenantId: ctx.tenantId, version: ctx.configVersion };
}

/** The kept rows of these key ids (those known), and the ids still to read. */
export function keptKeyRows(keyIds: readonly string[]): { rows: ShownKeyRow[]; missing: string[] } {
  const at = place();
  const entry = at?.tenants.get(at.tenantId);
  if (at === undefined || entry?.version !== at.version) return { rows: [], missing: [...keyIds] };
  const rows: ShownKeyRow[] = [];
  const missing: string[] = [];
  for (const id of keyIds) {
    const row = entry.rows.get(id);
    if (row === undefined) missing.push(id);
    else rows.push(row);
  }
  return { rows, missing };
}

/** Keeps key rows this transaction read, under the version it opened with. */
export function keepKeyRows(rows: readonly ShownKeyRow[]): void {
  const at = place();
  if (at === undefined || rows.length === 0) return;
  let entry = at.tenants.get(at.tenantId);
  if (entry === undefined || entry.version !== at.version) {
    // A newer version replaces the tenant's rows; a request that opened before it keeps nothing.
    if (entry !== undefined && BigInt(entry.version) > BigInt(at.version)) return;
    entry = { version: at.version, rows: new Map() };
  }
  at.tenants.delete(at.tenantId);
  at.tenants.set(at.tenantId, entry);
  if (at.tenants.size > MAX_TENANTS) at.tenants.delete(at.tenants.keys().next().value!);
  for (const row of rows) {
    entry.rows.set(String(row.key_id), { key_id: String(row.key_id), subject_id: row.subject_id, shredded_at: row.shredded_at, purge_id: row.purge_id });
    if (entry.rows.size > MAX_KEYS_PER_TENANT) entry.rows.delete(entry.rows.keys().next().value!);
  }
}
