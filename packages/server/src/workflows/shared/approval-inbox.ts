import type { Tx } from '../../db/database.ts';
import type { Principal } from '../../identity/principal.ts';
import type { HistoryEntry } from './history.ts';

// One inbox of everything waiting for a person's approval, across flows. Each flow registers a
// source that lists its own pending items the person may approve, asking its approval policy; the
// inbox only gathers them. A new flow registers its source the same way.

export interface RationaleEntry {
  by: string;
  at: string;
  /** The step taken (request, submit, approve, deny, reject, ...). */
  decision: string;
  rationale: string | null;
}

export interface PendingApproval {
  flow: string;
  id: string;
  title: string;
  requestedBy: string;
  requestedAt: string;
  rationaleHistory: RationaleEntry[];
  /** What approving will allow, in plain words. */
  allows: string;
  /** Who must still approve after this person: roles (`role:<name>`) or people (`subject:<id>`). */
  requiredApprovers: string[];
  /** The item's page in the console. */
  link: string;
  /** The API paths that approve or deny it (each takes a rationale). */
  decide: { approve: string; deny: string };
}

export interface InboxContext {
  tx: Tx;
  tenantId: string;
  principal: Principal;
  now: Date;
  /** Whether the pipeline would allow `action` on the resource its path parameters name, for this person. */
  can(action: string, resource: Record<string, string>): Promise<boolean>;
}

export interface ApprovalSource {
  flow: string;
  pending(ctx: InboxContext): Promise<PendingApproval[]>;
}

const sources = new Map<string, ApprovalSource>();

/** Adds a flow's source (a flow registered again replaces its source). */
export function registerApprovalSource(source: ApprovalSource): void {
  sources.set(source.flow, source);
}

/** Every source's pending items for the person in `ctx`, oldest request first. */
export async function approvalInbox(ctx: InboxContext): Promise<PendingApproval[]> {
  const items: PendingApproval[] = [];
  // One after the other: they share the request's transaction.
  for (const source of sources.values()) items.push(...(await source.pending(ctx)));
  return items.sort((a, b) => (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : a.id < b.id ? -1 : 1));
}

/** The steps of a workflow history that carry a rationale, as the inbox shows them. */
export const rationaleHistory = (history: HistoryEntry[]): RationaleEntry[] =>
  history.filter((h) => h.rationale !== null).map((h) => ({ by: h.actor, at: h.at, decision: h.transition, rationale: h.rationale }));

export const roleApprovers = (roles: string[]): string[] => roles.map((r) => `role:${r}`);
