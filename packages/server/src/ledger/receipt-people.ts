import { pseudonymInRef, pseudonymsIn, shownActors, shownRef, withShownActors } from '../identity/actor-pseudonyms.ts';
import type { ReceiptEntry } from './receipt-format.ts';

/** Who a receipt names, as readers see them: its actor, target and evidence references. */
export interface ReceiptPeople {
  actor: string;
  target: string | null;
  evidence_refs: string[];
}

/**
 * The people a receipt names as the audit listing shows them (ADR 0029): the subject id behind a
 * live pseudonym, `[purged] <purge id>` once its key is gone. Beside the receipt, never in it: the
 * receipt stays as signed.
 */
export async function receiptPeople(r: ReceiptEntry): Promise<ReceiptPeople> {
  const refs = [r.target, ...r.evidence_refs].flatMap((ref) => pseudonymInRef(ref) ?? []);
  const shown = await shownActors([...pseudonymsIn(r.actor), ...refs]);
  return {
    actor: withShownActors(r.actor, shown) as string,
    target: shownRef(r.target, shown),
    evidence_refs: r.evidence_refs.map((ref) => shownRef(ref, shown)!),
  };
}
