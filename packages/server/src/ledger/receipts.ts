import { currentTenantId, currentTx } from '../context.ts';
import { storedActor, storedRef } from '../identity/actor-pseudonyms.ts';
import type { Statement } from '../db/statement.ts';
import { receiptEntityStatements, type ReceiptDecision } from '../graph/mirror.ts';
import { canonicalSha256 } from '../util/canonical-json.ts';
import { uuidv7 } from '../util/ids.ts';

/**
 * The receipt format written now: 2 names a person by pseudonym (ADR 0029) — as actor
 * `pseudonym:<key id>`, as target or evidence `subject:pseudonym:<key id>`; receipts without
 * `version` are format 1.
 */
export const RECEIPT_VERSION = 2;

/** What a receipt attests. Its SHA-256 is taken over the RFC 8785 canonical JSON of this body. */
export interface ReceiptBody {
  version?: typeof RECEIPT_VERSION;
  receipt_id: string;
  tenant_id: string;
  /** A person's pseudonym (prepared in the transaction), or a system actor. */
  actor: string;
  action: string;
  /** What the action concerns; a person as `subject:pseudonym:<key id>` when prepared. */
  target: string | null;
  decision: 'allow';
  bundle_hash: string;
  evidence_refs: string[];
  issued_at: string;
  request_id: string;
}

export interface Receipt {
  body: ReceiptBody;
  sha256: string;
  /** The entity the receipt concerns, as the graph names it (a person by subject id), when just built. */
  concerns?: string | null;
}

export function buildReceipt(input: Omit<ReceiptBody, 'receipt_id' | 'tenant_id' | 'issued_at'>, at: Date): Receipt {
  const body: ReceiptBody = {
    receipt_id: uuidv7(at.getTime()),
    tenant_id: currentTenantId(),
    issued_at: at.toISOString(),
    ...input,
    actor: storedActor(input.actor),
    target: storedRef(input.target),
    evidence_refs: input.evidence_refs.map((ref) => storedRef(ref)),
    version: RECEIPT_VERSION,
  };
  return { body, sha256: canonicalSha256(body), concerns: input.target };
}

function receiptStatement(r: Receipt): Statement {
  return {
    sql: `INSERT INTO receipts (tenant_id, receipt_id, issued_at, action, actor, target, body, sha256)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    params: [r.body.tenant_id, r.body.receipt_id, r.body.issued_at, r.body.action, r.body.actor, r.body.target, JSON.stringify(r.body), r.sha256],
  };
}

/**
 * The receipt's row with its entity in the graph, linked from what it concerns (and to the
 * decision that allowed it), for the batch that writes it. Every writer of receipts goes through
 * here, so no receipt of a change is missing from its object's history. `link: false` is for the
 * receipts of reads.
 */
export function receiptStatements(r: Receipt, o: { link: boolean; decision?: ReceiptDecision | undefined } = { link: true }): Statement[] {
  return [receiptStatement(r), ...receiptEntityStatements(r.body, { ...o, concerns: r.concerns })];
}

export async function getReceipt(receiptId: string): Promise<Receipt | undefined> {
  const rows = await currentTx().query<{ body: ReceiptBody; sha256: string }>(
    'SELECT body, sha256 FROM receipts WHERE tenant_id = $1 AND receipt_id = $2',
    [currentTenantId(), receiptId],
  );
  return rows[0];
}

export async function listReceipts(limit = 100): Promise<Receipt[]> {
  return currentTx().query<{ body: ReceiptBody; sha256: string }>(
    'SELECT body, sha256 FROM receipts WHERE tenant_id = $1 ORDER BY receipt_id DESC LIMIT $2',
    [currentTenantId(), limit],
  );
}
