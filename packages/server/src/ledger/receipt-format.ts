import { type Jwks, parseJwks } from '../keys/jwks.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { decodeBase64Strict } from './checkpoint/base64.ts';
import type { Checkpoint } from './checkpoint/checkpoint.ts';
import { openCheckpoint, peekOrigin } from './checkpoint/signed-checkpoint.ts';
import { jwksNoteVerifiers } from './checkpoint/tenant-verifiers.ts';
import { hashesEqual, leafHash } from './merkle/hashing.ts';
import { verifyInclusion } from './merkle/verify.ts';

/**
 * A ledger entry: what a receipt attests. The leaf is the RFC 8785 canonical JSON of this object;
 * the leaf index is assigned later by the integrator, so it is carried beside the entry, not in it.
 */
export interface ReceiptEntry {
  /** Absent in format 1; 2 where a person is named by pseudonym (`pseudonym:<key id>` as actor, `subject:pseudonym:<key id>` as target or evidence, ADR 0029). */
  version?: 2;
  receipt_id: string;
  tenant_id: string;
  actor: string;
  action: string;
  target: string | null;
  decision: string;
  bundle_hash: string;
  evidence_refs: string[];
  /** UTC, ISO 8601. */
  issued_at: string;
  request_id?: string;
}

const REQUIRED_STRINGS = ['receipt_id', 'tenant_id', 'actor', 'action', 'decision', 'bundle_hash', 'issued_at'] as const;
const MEMBERS = new Set<string>([...REQUIRED_STRINGS, 'target', 'evidence_refs', 'request_id', 'version']);
/** The formats a verifier accepts: 1 has no `version` member. */
const VERSIONS = new Set<unknown>([2]);
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Problems with a value claimed to be a receipt entry; empty when it is one. */
export function receiptEntryErrors(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['receipt must be an object'];
  const r = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const k of Object.keys(r)) if (!MEMBERS.has(k)) errors.push(`receipt has unexpected field ${k}`);
  for (const k of REQUIRED_STRINGS) if (typeof r[k] !== 'string' || r[k] === '') errors.push(`receipt ${k} must be a non-empty string`);
  if (r.target !== null && typeof r.target !== 'string') errors.push('receipt target must be a string or null');
  if (!Array.isArray(r.evidence_refs) || !r.evidence_refs.every((e) => typeof e === 'string')) {
    errors.push('receipt evidence_refs must be an array of strings');
  }
  if ('request_id' in r && typeof r.request_id !== 'string') errors.push('receipt request_id must be a string');
  if ('version' in r && !VERSIONS.has(r.version)) errors.push(`receipt version must be one of ${[...VERSIONS].join(', ')} (or absent for format 1)`);
  if (typeof r.issued_at === 'string' && (!UTC_TIMESTAMP.test(r.issued_at) || Number.isNaN(Date.parse(r.issued_at)))) {
    errors.push('receipt issued_at must be a UTC ISO 8601 timestamp');
  }
  return errors;
}

/** The leaf entry bytes: UTF-8 of the canonical JSON. */
export function receiptEntryBytes(entry: ReceiptEntry): Buffer {
  return Buffer.from(canonicalJson(entry), 'utf8');
}

/** The RFC 9162 leaf hash of a receipt: SHA-256(0x00 ‖ canonical JSON). */
export function receiptLeafHash(entry: ReceiptEntry): Buffer {
  return leafHash(receiptEntryBytes(entry));
}

export const RECEIPT_BUNDLE_FORMAT = 'companyos.receipt-bundle.v1';

/** Everything needed to check one receipt offline. Hashes are standard base64, as in checkpoints. */
export interface ReceiptBundle {
  format: typeof RECEIPT_BUNDLE_FORMAT;
  receipt: ReceiptEntry;
  leaf_index: number;
  leaf_hash: string;
  /** RFC 9162 inclusion path, leaf end first, against the checkpoint's tree size. */
  inclusion_proof: string[];
  /** The C2SP signed checkpoint note the proof leads to. */
  checkpoint: string;
  /** The tenant's public keys (active and retired). */
  jwks: Jwks;
}

export function buildReceiptBundle(input: {
  receipt: ReceiptEntry;
  leafIndex: number;
  inclusionProof: readonly Uint8Array[];
  checkpoint: string;
  jwks: Jwks;
}): ReceiptBundle {
  return {
    format: RECEIPT_BUNDLE_FORMAT,
    receipt: input.receipt,
    leaf_index: input.leafIndex,
    leaf_hash: receiptLeafHash(input.receipt).toString('base64'),
    inclusion_proof: input.inclusionProof.map((h) => Buffer.from(h).toString('base64')),
    checkpoint: input.checkpoint,
    jwks: input.jwks,
  };
}

export interface BundleVerification {
  ok: boolean;
  errors: string[];
  /** The verified checkpoint, when its signature checked out. */
  checkpoint?: Checkpoint;
  /** kids of the tenant keys whose checkpoint signatures verified. */
  signedBy?: string[];
}

export interface BundleVerifyOptions {
  /** Require the checkpoint to come from this log. */
  origin?: string;
  /** Require the receipt to belong to this tenant. */
  tenantId?: string;
  /** Trusted keys obtained out of band; when given, the bundle's own JWKS is ignored. */
  jwks?: unknown;
}

const BUNDLE_MEMBERS = new Set(['format', 'receipt', 'leaf_index', 'leaf_hash', 'inclusion_proof', 'checkpoint', 'jwks']);

/**
 * Checks a receipt bundle: the receipt is well formed, its leaf hash is included at leaf_index in
 * the tree the checkpoint commits to, and the checkpoint is signed by a key of the JWKS (the log's
 * key name is the checkpoint origin). Fails closed: `ok` only when every check ran and passed.
 */
export function verifyReceiptBundle(bundle: unknown, options: BundleVerifyOptions = {}): BundleVerification {
  const errors: string[] = [];
  const fail = (): BundleVerification => ({ ok: false, errors });
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) return { ok: false, errors: ['bundle must be a JSON object'] };
  const b = bundle as Record<string, unknown>;
  if (b.format !== RECEIPT_BUNDLE_FORMAT) errors.push(`bundle format must be ${RECEIPT_BUNDLE_FORMAT}`);
  for (const k of Object.keys(b)) if (!BUNDLE_MEMBERS.has(k)) errors.push(`bundle has unexpected field ${k}`);

  const receiptErrors = receiptEntryErrors(b.receipt);
  errors.push(...receiptErrors);
  if (options.tenantId !== undefined && receiptErrors.length === 0 && (b.receipt as ReceiptEntry).tenant_id !== options.tenantId) {
    errors.push(`receipt belongs to tenant ${(b.receipt as ReceiptEntry).tenant_id}, expected ${options.tenantId}`);
  }
  const leaf = receiptErrors.length === 0 ? receiptLeafHash(b.receipt as ReceiptEntry) : undefined;
  if (leaf !== undefined) {
    const claimed = typeof b.leaf_hash === 'string' ? decodeBase64Strict(b.leaf_hash) : undefined;
    if (claimed === undefined || !hashesEqual(claimed, leaf)) errors.push('leaf_hash does not match the receipt');
  }
  const index = b.leaf_index;
  if (!Number.isSafeInteger(index) || (index as number) < 0) errors.push('leaf_index must be a non-negative integer');
  const proof = Array.isArray(b.inclusion_proof) ? b.inclusion_proof.map((h) => (typeof h === 'string' ? decodeBase64Strict(h) : undefined)) : undefined;
  if (proof === undefined || proof.some((h) => h === undefined || h.length !== 32)) {
    errors.push('inclusion_proof must be an array of base64 SHA-256 hashes');
  }

  let jwks: Jwks | undefined;
  try {
    jwks = parseJwks(options.jwks ?? b.jwks);
  } catch (e) {
    errors.push((e as Error).message);
  }
  if (typeof b.checkpoint !== 'string') {
    errors.push('checkpoint must be a signed note');
    return fail();
  }
  if (jwks === undefined) return fail();

  const origin = options.origin ?? peekOrigin(b.checkpoint);
  if (origin === undefined) {
    errors.push('checkpoint has no origin line');
    return fail();
  }
  try {
    const verifiers = jwksNoteVerifiers(origin, jwks);
    const { checkpoint, verified } = openCheckpoint(b.checkpoint, verifiers, options.origin);
    const signedBy = verified.map((s) => verifiers.find((v) => v.keyId === s.keyId)!.kid);
    if (errors.length > 0 || leaf === undefined || proof === undefined) return { ...fail(), checkpoint, signedBy };
    const leafIndex = index as number;
    if (leafIndex >= checkpoint.size) errors.push(`leaf_index ${leafIndex} is beyond the checkpoint's tree size ${checkpoint.size}`);
    else if (!verifyInclusion(leaf, leafIndex, checkpoint.size, proof as Uint8Array[], checkpoint.rootHash)) {
      errors.push('inclusion proof does not lead from the receipt to the checkpoint root');
    }
    return { ok: errors.length === 0, errors, checkpoint, signedBy };
  } catch (e) {
    errors.push(`checkpoint: ${(e as Error).message}`);
    return fail();
  }
}
