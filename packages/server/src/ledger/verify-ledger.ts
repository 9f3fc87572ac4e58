import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { currentTenantId, currentTx } from '../context.ts';
import { renderJwks, type Jwks } from '../keys/jwks.ts';
import { DbTenantKeyStore } from '../keys/db-key-store.ts';
import { openCheckpoint } from './checkpoint/signed-checkpoint.ts';
import { jwksNoteVerifiers } from './checkpoint/tenant-verifiers.ts';
import { DbNodeStore } from './db-node-store.ts';
import { findCheckpoint, leavesFrom, listCheckpoints, queuedCount, type LeafRecord, type StoredCheckpoint } from './ledger-store.ts';
import { EMPTY_FRONTIER, appendLeaves, frontierRoot, type Frontier } from './merkle/frontier.ts';
import { hashesEqual } from './merkle/hashing.ts';
import { consistencyProof } from './merkle/proofs.ts';
import { verifyConsistency } from './merkle/verify.ts';
import { ledgerOrigin } from './origin.ts';
import { receiptEntryErrors, receiptLeafHash, type ReceiptEntry } from './receipt-format.ts';
import { getCurrentTenant } from '../tenancy/tenants.ts';

export interface LedgerVerification {
  ok: boolean;
  tenantId: string;
  /** Leaves in the log. */
  size: number;
  /** Checkpoints whose signature, root and consistency with the previous one were checked. */
  checkpoints: number;
  /** Leaves after the newest checkpoint (rebuilt, not yet covered by a signature). */
  unsigned: number;
  /** Committed receipts still waiting for a leaf index. */
  queued: number;
  /** The first leaf index whose receipt is missing, altered or out of place. */
  firstBadIndex?: number;
  errors: string[];
}

const PAGE = 10_000;

/**
 * Rebuilds a tenant's tree from the stored receipts and checks it against every signed
 * checkpoint: each signature (with the tenant's keys, or `jwks` obtained out of band), each root,
 * and the consistency of each checkpoint with the one before. Reads in the tenant's own context.
 */
export function verifyTenantLedger(db: Database, tenantId: string, options: { jwks?: Jwks } = {}): Promise<LedgerVerification> {
  return withTenantTransaction(db, tenantId, async () => {
    const errors: string[] = [];
    // An empty log of a tenant that does not exist is a mistyped name, not a verified ledger.
    if ((await getCurrentTenant()) === undefined) errors.push(`no tenant ${tenantId} in this database`);
    let firstBad: number | undefined;
    const bad = (index: number, message: string): void => {
      errors.push(`leaf ${index}: ${message}`);
      if (firstBad === undefined || index < firstBad) firstBad = index;
    };
    const origin = ledgerOrigin(tenantId);
    const jwks = options.jwks ?? renderJwks(await new DbTenantKeyStore().list());
    const verifiers = jwksNoteVerifiers(origin, jwks);
    const checkpoints = await listCheckpoints();
    const signed = checkpoints.filter((cp) => checkpointSignatureOk(cp, verifiers, origin, errors));

    // Rebuild leaf by leaf, comparing the root at each checkpoint's size.
    let frontier: Frontier = EMPTY_FRONTIER;
    let next = 0;
    let cpAt = 0;
    let checked = 0;
    const compare = async (upTo: number): Promise<void> => {
      while (cpAt < signed.length && signed[cpAt]!.size <= upTo) {
        const cp = signed[cpAt]!;
        const previous = cpAt === 0 ? undefined : signed[cpAt - 1];
        if (cp.size === frontier.size && !hashesEqual(frontierRoot(frontier), cp.rootHash)) {
          errors.push(`checkpoint ${cp.size}: the receipts do not hash to its signed root`);
          const from = previous?.size ?? 0;
          if (firstBad === undefined || firstBad < from || firstBad >= cp.size) await locateBadLeaf(from, cp.size, bad);
        } else checked++;
        if (previous !== undefined && !(await consistent(previous, cp))) errors.push(`checkpoint ${cp.size} is not consistent with checkpoint ${previous.size}`);
        cpAt++;
      }
    };
    for (;;) {
      const page = await leavesFrom(next, PAGE);
      if (page.length === 0) break;
      const hashes: Uint8Array[] = [];
      for (const leaf of page) {
        if (leaf.index !== next) {
          bad(next, `missing (the log continues at ${leaf.index})`);
          return finish();
        }
        const problem = leafProblem(leaf, tenantId);
        if (problem !== undefined) bad(leaf.index, problem);
        hashes.push(leaf.entry === null ? Buffer.alloc(32) : receiptLeafHash(leaf.entry));
        next++;
        // Compare at checkpoint boundaries inside the page.
        if (cpAt < signed.length && signed[cpAt]!.size === next) {
          frontier = appendLeaves(frontier, hashes.splice(0)).frontier;
          await compare(next);
        }
      }
      frontier = appendLeaves(frontier, hashes).frontier;
    }
    await compare(frontier.size);
    for (const cp of signed.slice(cpAt)) {
      errors.push(`checkpoint ${cp.size} covers more leaves than the log holds (${frontier.size})`);
      if (firstBad === undefined || frontier.size < firstBad) firstBad = frontier.size;
    }
    // Every receipt is either a leaf or queued; counts keep this check linear on any plan.
    const counts = await currentTx().query<{ receipts: number; leaves: number; queued: number }>(
      `SELECT (SELECT count(*)::float8 FROM receipts WHERE tenant_id = $1) AS receipts,
              (SELECT count(*)::float8 FROM ledger_leaves WHERE tenant_id = $1) AS leaves,
              (SELECT count(*)::float8 FROM ledger_queue WHERE tenant_id = $1) AS queued`,
      [currentTenantId()],
    );
    const c = counts[0]!;
    if (c.receipts !== c.leaves + c.queued) errors.push(`${c.receipts - c.leaves - c.queued} receipts are neither in the log nor queued for it`);
    return finish();

    async function finish(): Promise<LedgerVerification> {
      const last = signed.at(-1)?.size ?? 0;
      return {
        ok: errors.length === 0,
        tenantId,
        size: next,
        checkpoints: checked,
        unsigned: Math.max(0, next - last),
        queued: await queuedCount(),
        ...(firstBad === undefined ? {} : { firstBadIndex: firstBad }),
        errors,
      };
    }
  });
}

function checkpointSignatureOk(cp: StoredCheckpoint, verifiers: ReturnType<typeof jwksNoteVerifiers>, origin: string, errors: string[]): boolean {
  try {
    const { checkpoint } = openCheckpoint(cp.note, verifiers, origin);
    if (checkpoint.size !== cp.size || !hashesEqual(checkpoint.rootHash, cp.rootHash)) {
      errors.push(`checkpoint ${cp.size}: the signed note says size ${checkpoint.size} with another root`);
      return false;
    }
    return true;
  } catch (e) {
    errors.push(`checkpoint ${cp.size}: ${(e as Error).message}`);
    return false;
  }
}

function leafProblem(leaf: LeafRecord, tenantId: string): string | undefined {
  if (leaf.entry === null) return `receipt ${leaf.receiptId} is missing`;
  const shape = receiptEntryErrors(leaf.entry);
  if (shape.length > 0) return shape.join('; ');
  const entry: ReceiptEntry = leaf.entry;
  if (entry.receipt_id !== leaf.receiptId) return `holds receipt ${entry.receipt_id}, logged as ${leaf.receiptId}`;
  if (entry.tenant_id !== tenantId) return `receipt belongs to tenant ${entry.tenant_id}`;
  return undefined;
}

const nodes = new DbNodeStore();

/** The stored tree must prove each signed head consistent with the one before it. */
async function consistent(a: StoredCheckpoint, b: StoredCheckpoint): Promise<boolean> {
  try {
    return verifyConsistency(a.size, b.size, await consistencyProof(nodes, a.size, b.size), a.rootHash, b.rootHash);
  } catch {
    return false;
  }
}

/**
 * A checkpoint's root does not match the receipts: the first leaf in [from, to) whose receipt no
 * longer hashes to the leaf the log stored is the altered one. When the stored leaves were
 * rewritten too, all that is known is that the change lies in that range: report its start.
 */
async function locateBadLeaf(from: number, to: number, bad: (index: number, message: string) => void): Promise<void> {
  for (let at = from; at < to; at += PAGE) {
    const page = await leavesFrom(at, Math.min(PAGE, to - at));
    const stored = await nodes.getNodes(page.map((l) => ({ level: 0, index: l.index })));
    for (const [i, leaf] of page.entries()) {
      if (leaf.entry === null) continue;
      const h = stored[i];
      if (h === undefined || !hashesEqual(h, receiptLeafHash(leaf.entry))) {
        bad(leaf.index, `receipt ${leaf.receiptId} does not match the leaf hash the log recorded`);
        return;
      }
    }
  }
  bad(from, `a receipt between leaves ${from} and ${to - 1} was changed, and so were the stored leaf hashes`);
}

export interface CheckpointStatus {
  size: number;
  rootHash: string;
  kid: string;
  createdAt: string;
  /** Whether its signed note opens under the tenant's published keys and states its size and root. */
  signatureOk: boolean;
  errors: string[];
}

/** The current tenant's newest checkpoint and whether its signature verifies (undefined: none yet). */
export async function latestCheckpointStatus(): Promise<CheckpointStatus | undefined> {
  const cp = await findCheckpoint();
  if (cp === undefined) return undefined;
  const origin = ledgerOrigin(currentTenantId());
  const errors: string[] = [];
  const signatureOk = checkpointSignatureOk(cp, jwksNoteVerifiers(origin, renderJwks(await new DbTenantKeyStore().list())), origin, errors);
  return { size: cp.size, rootHash: cp.rootHash.toString('base64'), kid: cp.kid, createdAt: cp.createdAt.toISOString(), signatureOk, errors };
}
