import { listSubjects, listSubjectsStatement, toSubject, type Subject, type SubjectRow } from '../../identity/subjects.ts';
import type { BatchRead } from '../../db/statement.ts';
import type { ActionContext } from '../../pipeline/define-action.ts';
import { canonicalSha256 } from '../../util/canonical-json.ts';
import { approvalsOf } from '../shared/history.ts';
import type { Approvals, PolicyPerson } from '../shared/workflow-policy.ts';
import { contractOfQuote, quoteHistory, type Contract, type Quote, type QuoteHistoryEntry } from './deal-store.ts';
import { allowedActions, type QuoteVerb } from './quote-permissions.ts';
import { discountDecision, discountInput, type DiscountDecision } from './discount-policy.ts';

// What a quote's actions share: its frozen terms, the approvals it holds and the ones it awaits.

/** The terms an approval freezes: everything that makes up the price. */
export function frozenTerms(q: Quote): Record<string, unknown> {
  return {
    quote_id: q.quote_id,
    version: q.version,
    currency: q.currency,
    lines: q.lines,
    discount_bp: q.discount_bp,
    terms: q.terms,
    subtotal_minor: q.subtotal_minor,
    discount_minor: q.discount_minor,
    total_minor: q.total_minor,
  };
}

/** The SHA-256 of the frozen terms' canonical JSON, carried by approvals and their receipts. */
export const termsDigest = (q: Quote): string => canonicalSha256(frozenTerms(q));

/** The evidence reference naming a quote's frozen terms. */
export const termsRef = (q: Quote): string => `revops-quote-terms:sha256:${termsDigest(q)}`;

/** The requester as the policy sees them: the owner, with the roles recorded at the last submit (or creation). */
export function requesterOf(q: Quote, history: QuoteHistoryEntry[]): PolicyPerson {
  const recorded = [...history].reverse().find((h) => h.transition === 'submit' || h.transition === 'create');
  return { id: q.owner, roles: (recorded?.details.roles as string[] | undefined) ?? [] };
}

/** Approvals count from the last submit on: an edit sends the quote back to draft and a new submit starts over. */
export const currentApprovals = (history: QuoteHistoryEntry[]): Approvals => approvalsOf(history, { since: 'submit' });

export function decide(tenantId: string, q: Quote, history: QuoteHistoryEntry[], extra: Approvals = []): DiscountDecision {
  return discountDecision(tenantId, discountInput(q, requesterOf(q, history), [...currentApprovals(history), ...extra]));
}

export interface PendingApproval {
  role: string;
  /** Who may give it: holders of the role, other than the owner and those who already approved. */
  candidates: string[];
}

export interface QuoteDetail extends Quote {
  missing_approvals: PendingApproval[];
  /** The steps the caller may take now (decided by the policy and the desk's rules). */
  allowed_actions: QuoteVerb[];
  terms_sha256: string;
  history: QuoteHistoryEntry[];
  contract: Contract | null;
}

/** What a step already holds of the quote, so its reply reads nothing again. */
export interface KnownParts {
  history?: QuoteHistoryEntry[];
  contract?: Contract | null;
  /** The tenant's subjects, read with the step's writes (`candidatesRead`), for the approvals a submitted quote awaits. */
  candidates?: BatchRead;
}

/** A read of who may give approvals, for a step to make with its writes when its quote stays submitted. */
export const candidatesRead = (q: Quote): BatchRead | undefined => (q.status === 'submitted' ? { statement: listSubjectsStatement() } : undefined);

const subjectsOf = (read: BatchRead | undefined): Promise<Subject[]> =>
  read?.rows === undefined ? listSubjects() : Promise.resolve(read.rows.map((r) => toSubject(r as unknown as SubjectRow)));

/** The quote's contract: only an activated quote has one. */
const contractOf = async (q: Quote): Promise<Contract | null> => (q.status === 'active' ? ((await contractOfQuote(q.quote_id)) ?? null) : null);

/** The quote as its caller sees it: with what it awaits and the steps the caller may take now. */
export async function quoteDetail(ctx: ActionContext<unknown, unknown>, q: Quote, known: KnownParts = {}): Promise<QuoteDetail> {
  const { tenantId } = ctx;
  const history = known.history ?? (await quoteHistory.list(q.quote_id));
  let missing: PendingApproval[] = [];
  if (q.status === 'submitted') {
    const roles = decide(tenantId, q, history).missing_approvals;
    const approved = new Set(currentApprovals(history).map((a) => a.approver.id));
    const subjects = roles.length === 0 ? [] : await subjectsOf(known.candidates);
    missing = roles.map((role) => ({
      role,
      candidates: subjects.filter((s) => s.roles.includes(role) && s.subject_id !== q.owner && !approved.has(s.subject_id)).map((s) => s.subject_id),
    }));
  }
  return {
    ...q,
    missing_approvals: missing,
    allowed_actions: allowedActions(ctx, q, history),
    terms_sha256: termsDigest(q),
    history,
    contract: known.contract !== undefined ? known.contract : await contractOf(q),
  };
}
