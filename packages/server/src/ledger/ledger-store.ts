import { currentTenantId, currentTx } from '../context.ts';
import type { Row } from '../db/database.ts';
import type { Statement } from '../db/statement.ts';
import type { LeaseView } from './ledger-lease.ts';
import type { ReceiptEntry } from './receipt-format.ts';

// The current tenant's log bookkeeping: leaf indexes, the integration queue and checkpoints.

export interface StoredCheckpoint {
  size: number;
  rootHash: Buffer;
  note: string;
  kid: string;
  createdAt: Date;
}

interface CheckpointRow {
  size: number;
  root_hash: Uint8Array;
  note: string;
  kid: string;
  created_at: Date | string;
}

const checkpointColumns = 'tree_size::float8 AS size, root_hash, note, kid, created_at';
const toCheckpoint = (r: CheckpointRow): StoredCheckpoint => ({
  size: r.size,
  rootHash: Buffer.from(r.root_hash),
  note: r.note,
  kid: r.kid,
  createdAt: new Date(r.created_at),
});

/** The log's size (leaves integrated so far; indexes are dense from 0) and its newest checkpoint. */
export interface TreeState {
  size: number;
  last: StoredCheckpoint | undefined;
}

type TreeStateRow = { max_leaf: number | null } & { [K in keyof CheckpointRow]: CheckpointRow[K] | null };

// Read in one statement; `tenant` is the SQL naming the tenant: a parameter, or the transaction's setting.
const treeStateColumns = (tenant: string) => `(SELECT max(leaf_index)::float8 FROM ledger_leaves WHERE tenant_id = ${tenant}) AS max_leaf, c.size, c.root_hash, c.note, c.kid, c.created_at`;
// The newest checkpoint by its key (tenant, tree size), or nulls when the log has none.
const treeStateFrom = (tenant: string) =>
  `(SELECT 1) AS one LEFT JOIN (SELECT tenant_id, tree_size, ${checkpointColumns} FROM ledger_checkpoints) AS c
     ON c.tenant_id = ${tenant} AND c.tree_size = (SELECT max(tree_size) FROM ledger_checkpoints WHERE tenant_id = ${tenant})`;

function toTreeState(r: TreeStateRow): TreeState {
  return { size: r.max_leaf === null ? 0 : r.max_leaf + 1, last: r.size === null ? undefined : toCheckpoint(r as CheckpointRow) };
}

/** The read of TreeState; `treeStateOf` reads its rows. */
export const treeStateStatement = (): Statement => ({ sql: `SELECT ${treeStateColumns('$1')} FROM ${treeStateFrom('$1')}`, params: [currentTenantId()] });
export const treeStateOf = (rows: Row[]): TreeState => toTreeState(rows[0] as TreeStateRow);

/** What an integration step looks at before it takes the tenant's lease: the lease, the queue's length and the tree. */
export interface IntegrationState extends TreeState {
  lease: LeaseView | undefined;
  queued: number;
}

/**
 * IntegrationState as the read that opens the step's transaction (made in BEGIN's round trip, so
 * it names the tenant by the transaction's setting); `integrationState` reads its rows.
 */
export const INTEGRATION_STATE_READ = (() => {
  const tenant = "current_setting('app.tenant_id')";
  return `SELECT ${treeStateColumns(tenant)}, (SELECT count(*)::int FROM ledger_queue WHERE tenant_id = ${tenant}) AS queued,
    l.holder AS lease_holder, l.expires_at > clock_timestamp() AS lease_live,
    CASE WHEN l.expires_at > clock_timestamp() THEN extract(epoch FROM l.expires_at - clock_timestamp()) * 1000 ELSE 0 END::float8 AS lease_ms_left
  FROM ${treeStateFrom(tenant)} LEFT JOIN ledger_leases l ON l.tenant_id = ${tenant}`;
})();

export function integrationState(rows: Row[]): IntegrationState {
  const r = rows[0] as TreeStateRow & { queued: number; lease_holder: string | null; lease_live: boolean | null; lease_ms_left: number | null };
  return {
    ...toTreeState(r),
    queued: Number(r.queued),
    lease: r.lease_holder === null ? undefined : { holder: r.lease_holder, live: r.lease_live === true, msLeft: r.lease_live === true ? Number(r.lease_ms_left) : 0 },
  };
}

export interface QueuedReceipt {
  receiptId: string;
  entry: ReceiptEntry;
}

/** Committed receipts without a leaf index yet, in the order they were queued (`queuedOf` reads the rows). */
export function queuedReceiptsStatement(limit: number): Statement {
  return {
    sql: `SELECT q.receipt_id, r.body FROM ledger_queue q
     JOIN receipts r ON r.tenant_id = q.tenant_id AND r.receipt_id = q.receipt_id
     WHERE q.tenant_id = $1 ORDER BY q.seq LIMIT $2`,
    params: [currentTenantId(), limit],
  };
}

export const queuedOf = (rows: Row[]): QueuedReceipt[] => (rows as Array<{ receipt_id: string; body: ReceiptEntry }>).map((r) => ({ receiptId: r.receipt_id, entry: r.body }));

/** Gives `receiptIds` the leaf indexes from `first` on, and takes them off the queue: two writes to batch. */
export function recordLeavesStatements(first: number, receiptIds: readonly string[]): Statement[] {
  const tenantId = currentTenantId();
  return [
    {
      sql: `INSERT INTO ledger_leaves (tenant_id, leaf_index, receipt_id) SELECT $1, $2::bigint + ord - 1, id FROM unnest($3::uuid[]) WITH ORDINALITY AS r(id, ord)`,
      params: [tenantId, first, receiptIds],
    },
    { sql: `DELETE FROM ledger_queue WHERE tenant_id = $1 AND receipt_id = ANY ($2::uuid[])`, params: [tenantId, receiptIds] },
  ];
}

export interface LoggedReceipt {
  entry: ReceiptEntry;
  /** Undefined until the integrator has given the receipt its leaf. */
  index: number | undefined;
}

type LoggedReceiptRow = { body: ReceiptEntry; i: number | null } & { [K in keyof CheckpointRow]?: CheckpointRow[K] | null };

// A receipt's body with its leaf index; `withCheckpoint` joins the log's newest checkpoint to the row.
function readLoggedReceipt(receiptId: string, withCheckpoint: boolean): Promise<LoggedReceiptRow[]> {
  return currentTx().query<LoggedReceiptRow>(
    `SELECT r.body, l.leaf_index::float8 AS i${withCheckpoint ? ', c.tree_size::float8 AS size, c.root_hash, c.note, c.kid, c.created_at' : ''} FROM receipts r
     LEFT JOIN ledger_leaves l ON l.tenant_id = r.tenant_id AND l.receipt_id = r.receipt_id
     ${withCheckpoint ? 'LEFT JOIN ledger_checkpoints c ON c.tenant_id = r.tenant_id AND c.tree_size = (SELECT max(tree_size) FROM ledger_checkpoints WHERE tenant_id = $1)' : ''}
     WHERE r.tenant_id = $1 AND r.receipt_id = $2`,
    [currentTenantId(), receiptId],
  );
}

/** A receipt's body with its leaf index, in one read; undefined when there is no such receipt. */
export async function loggedReceipt(receiptId: string): Promise<LoggedReceipt | undefined> {
  const [row] = await readLoggedReceipt(receiptId, false);
  return row === undefined ? undefined : { entry: row.body, index: row.i ?? undefined };
}

/** A logged receipt with the log's newest checkpoint (undefined while it has none), what a proof of it needs, in one read. */
export async function loggedReceiptWithCheckpoint(receiptId: string): Promise<(LoggedReceipt & { checkpoint: StoredCheckpoint | undefined }) | undefined> {
  const [row] = await readLoggedReceipt(receiptId, true);
  if (row === undefined) return undefined;
  return { entry: row.body, index: row.i ?? undefined, checkpoint: row.size === null ? undefined : toCheckpoint(row as CheckpointRow) };
}

export async function leafIndexOf(receiptId: string): Promise<number | undefined> {
  const rows = await currentTx().query<{ i: number }>('SELECT leaf_index::float8 AS i FROM ledger_leaves WHERE tenant_id = $1 AND receipt_id = $2', [
    currentTenantId(),
    receiptId,
  ]);
  return rows[0]?.i;
}

export async function queuedCount(): Promise<number> {
  const rows = await currentTx().query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_queue WHERE tenant_id = $1', [currentTenantId()]);
  return rows[0]!.n;
}

export function insertCheckpointStatement(cp: StoredCheckpoint): Statement {
  return {
    sql: 'INSERT INTO ledger_checkpoints (tenant_id, tree_size, root_hash, note, kid, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    params: [currentTenantId(), cp.size, cp.rootHash, cp.note, cp.kid, cp.createdAt.toISOString()],
  };
}

/** The newest checkpoint, or with `covering`, the oldest one whose tree contains that leaf. */
export async function findCheckpoint(covering?: number): Promise<StoredCheckpoint | undefined> {
  const rows =
    covering === undefined
      ? await currentTx().query<CheckpointRow>(`SELECT ${checkpointColumns} FROM ledger_checkpoints WHERE tenant_id = $1 ORDER BY tree_size DESC LIMIT 1`, [
          currentTenantId(),
        ])
      : await currentTx().query<CheckpointRow>(
          `SELECT ${checkpointColumns} FROM ledger_checkpoints WHERE tenant_id = $1 AND tree_size > $2 ORDER BY tree_size LIMIT 1`,
          [currentTenantId(), covering],
        );
  return rows[0] === undefined ? undefined : toCheckpoint(rows[0]);
}

export async function checkpointAt(size: number): Promise<StoredCheckpoint | undefined> {
  const rows = await currentTx().query<CheckpointRow>(`SELECT ${checkpointColumns} FROM ledger_checkpoints WHERE tenant_id = $1 AND tree_size = $2`, [
    currentTenantId(),
    size,
  ]);
  return rows[0] === undefined ? undefined : toCheckpoint(rows[0]);
}

export async function listCheckpoints(): Promise<StoredCheckpoint[]> {
  const rows = await currentTx().query<CheckpointRow>(`SELECT ${checkpointColumns} FROM ledger_checkpoints WHERE tenant_id = $1 ORDER BY tree_size`, [
    currentTenantId(),
  ]);
  return rows.map(toCheckpoint);
}

export interface LeafRecord {
  index: number;
  receiptId: string;
  /** The stored receipt body, or null when the receipt row is gone. */
  entry: ReceiptEntry | null;
}

/** Leaves from `from` on, in index order, each with its receipt as stored now. */
export async function leavesFrom(from: number, limit: number): Promise<LeafRecord[]> {
  const rows = await currentTx().query<{ i: number; receipt_id: string; body: ReceiptEntry | null }>(
    `SELECT l.leaf_index::float8 AS i, l.receipt_id, r.body FROM ledger_leaves l
     LEFT JOIN receipts r ON r.tenant_id = l.tenant_id AND r.receipt_id = l.receipt_id
     WHERE l.tenant_id = $1 AND l.leaf_index >= $2 ORDER BY l.leaf_index LIMIT $3`,
    [currentTenantId(), from, limit],
  );
  return rows.map((r) => ({ index: r.i, receiptId: r.receipt_id, entry: r.body }));
}
