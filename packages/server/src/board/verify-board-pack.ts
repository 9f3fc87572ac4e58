import type { Jwks } from '../keys/jwks.ts';
import { verifyReceiptBundle } from '../ledger/receipt-format.ts';
import { sha256Hex } from '../util/canonical-json.ts';

export interface BoardPackVerification {
  ok: boolean;
  errors: string[];
  sha256: string;
  receiptId: string | null;
  /** The receipt's target: the period asked for. */
  target: string | null;
  /** Each input the receipt names, with its digest. */
  inputs: Array<{ name: string; sha256: string }>;
  treeSize: number | null;
  signedBy: string[];
}

const INPUT_REF = /^board-input:([a-z_]+):sha256:([0-9a-f]{64})$/;

/**
 * Checks a board pack PDF against its receipt bundle offline: the receipt is in the signing
 * tenant's log under a checkpoint signed by one of its keys (`jwks`, or the bundle's own), it is
 * the receipt of a board pack, and it names this PDF's SHA-256. Fails closed.
 */
export function verifyBoardPack(pdf: Uint8Array, bundle: unknown, options: { jwks?: Jwks } = {}): BoardPackVerification {
  const sha256 = sha256Hex(pdf);
  const result = verifyReceiptBundle(bundle, options.jwks === undefined ? {} : { jwks: options.jwks });
  const errors = [...result.errors];
  const receipt = (bundle as { receipt?: { receipt_id?: unknown; action?: unknown; target?: unknown; evidence_refs?: unknown } } | null)?.receipt;
  const refs = Array.isArray(receipt?.evidence_refs) ? receipt.evidence_refs.filter((r): r is string => typeof r === 'string') : [];
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') errors.push('the file is not a PDF');
  if (receipt?.action !== 'board.pack.create') errors.push(`the receipt is of action ${String(receipt?.action)}, not board.pack.create`);
  if (!refs.includes(`board-pack-pdf:sha256:${sha256}`)) errors.push(`the receipt does not name this PDF (its SHA-256 is ${sha256}): the file was changed, or the receipt is another pack's`);
  const inputs = refs.flatMap((r) => {
    const m = INPUT_REF.exec(r);
    return m === null ? [] : [{ name: m[1]!, sha256: m[2]! }];
  });
  return {
    ok: errors.length === 0,
    errors,
    sha256,
    receiptId: typeof receipt?.receipt_id === 'string' ? receipt.receipt_id : null,
    target: typeof receipt?.target === 'string' ? receipt.target : null,
    inputs,
    treeSize: result.checkpoint?.size ?? null,
    signedBy: result.signedBy ?? [],
  };
}
