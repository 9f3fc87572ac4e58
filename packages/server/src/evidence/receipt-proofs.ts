import { ed25519PublicKeyOf } from '../keys/jwk.ts';
import type { Jwks } from '../keys/jwks.ts';
import { decodeBase64Strict } from '../ledger/checkpoint/base64.ts';
import type { Checkpoint } from '../ledger/checkpoint/checkpoint.ts';
import { ed25519NoteVerifier } from '../ledger/checkpoint/ed25519-note-keys.ts';
import { openCheckpoint, peekOrigin } from '../ledger/checkpoint/signed-checkpoint.ts';
import { hashesEqual } from '../ledger/merkle/hashing.ts';
import { verifyInclusion } from '../ledger/merkle/verify.ts';
import { receiptEntryErrors, receiptLeafHash, type ReceiptEntry } from '../ledger/receipt-format.ts';

// A pack carries one checkpoint and many receipts, so the checkpoint's signature is checked once
// and each receipt line only costs its leaf hash and inclusion path. The checks are those of the
// ledger's `verifyReceiptBundle`, on a line that leaves out the bundle's shared checkpoint and keys.

const LINE_MEMBERS = ['receipt', 'leaf_index', 'leaf_hash', 'inclusion_proof'];

export interface ReceiptProofs {
  checkpoint: Checkpoint;
  /** Why the receipt line is not proven against the checkpoint, or undefined when it is. */
  check(line: unknown): string | undefined;
}

/**
 * Opens the pack's checkpoint with the tenant keys (the log's key name is the checkpoint origin).
 * Returns why it cannot be trusted instead when its signature does not verify.
 */
export function openReceiptProofs(checkpointNote: string, jwks: Jwks): ReceiptProofs | { error: string } {
  const origin = peekOrigin(checkpointNote);
  if (origin === undefined) return { error: 'checkpoint has no origin line' };
  let checkpoint: Checkpoint;
  try {
    const verifiers = jwks.keys.map((k) => ed25519NoteVerifier(origin, ed25519PublicKeyOf(k)!));
    checkpoint = openCheckpoint(checkpointNote, verifiers).checkpoint;
  } catch (err) {
    return { error: `checkpoint: ${(err as Error).message}` };
  }
  return { checkpoint, check: (line) => checkLine(line, checkpoint) };
}

function checkLine(line: unknown, checkpoint: Checkpoint): string | undefined {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) return 'receipt line must be an object';
  const r = line as Record<string, unknown>;
  const extra = Object.keys(r).filter((k) => !LINE_MEMBERS.includes(k));
  if (extra.length > 0) return `unexpected fields ${extra.join(', ')}`;
  const errors = receiptEntryErrors(r.receipt);
  if (errors.length > 0) return errors.join('; ');
  const leaf = receiptLeafHash(r.receipt as ReceiptEntry);
  const claimed = typeof r.leaf_hash === 'string' ? decodeBase64Strict(r.leaf_hash) : undefined;
  if (claimed === undefined || !hashesEqual(claimed, leaf)) return 'leaf_hash does not match the receipt';
  const index = r.leaf_index;
  if (!Number.isSafeInteger(index) || (index as number) < 0) return 'leaf_index must be a non-negative integer';
  const proof = Array.isArray(r.inclusion_proof) ? r.inclusion_proof.map((h) => (typeof h === 'string' ? decodeBase64Strict(h) : undefined)) : [undefined];
  if (proof.some((h) => h === undefined || h.length !== 32)) return 'inclusion_proof must be an array of base64 SHA-256 hashes';
  if ((index as number) >= checkpoint.size) return `leaf_index ${index} is beyond the checkpoint's tree size ${checkpoint.size}`;
  if (!verifyInclusion(leaf, index as number, checkpoint.size, proof as Buffer[], checkpoint.rootHash)) {
    return 'inclusion proof does not lead from the receipt to the checkpoint root';
  }
  return undefined;
}
