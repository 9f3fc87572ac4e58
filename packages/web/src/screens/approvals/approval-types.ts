// The approvals inbox as the server sends it (GET /approvals?assignee=me).

export interface PendingApproval {
  flow: string;
  id: string;
  title: string;
  requestedBy: string;
  requestedAt: string;
  rationaleHistory: Array<{ by: string; at: string; decision: string; rationale: string | null }>;
  allows: string;
  requiredApprovers: string[];
  link: string;
  decide: { approve: string; deny: string };
}

export const INBOX_PATH = '/approvals?assignee=me';

/** Flow names as people read them. */
export const FLOW_TITLES: Record<string, string> = { high_risk: 'High-risk access', revops_quote: 'Quote discount' };

/** `role:team_lead` → "a team lead"; `subject:ada` → "ada". */
export function approverLabel(a: string): string {
  if (a.startsWith('role:')) return `someone with role ${a.slice(5)}`;
  if (a.startsWith('subject:')) return a.slice(8);
  return a;
}
