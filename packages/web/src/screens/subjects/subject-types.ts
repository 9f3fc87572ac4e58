import type { AuditEvent } from '../../api/types.ts';
import type { GraphEntity, Neighbourhood } from '../graph/graph-api.ts';

// A subject as the API answers it (GET /subjects/{id}), and what its page reads of the graph and
// the audit trail.

export interface Subject {
  subject_id: string;
  display_name: string;
  roles: string[];
  attributes: Record<string, unknown>;
  status: 'active' | 'disabled';
  created_at: string;
  updated_at: string;
}

/** The graph entity of a subject (its audit name). */
export const subjectEntityId = (subjectId: string) => `subject:${subjectId}`;

/** The subject's own edges out: the teams it is a MEMBER_OF and what it is ENTITLED_TO. */
export const SUBJECT_WALK = { depth: 1 as const, direction: 'out' as const, types: ['MEMBER_OF', 'ENTITLED_TO'] };

/** The entities at the other end of the subject's edges of one type. */
export function linkedBy(n: Neighbourhood, type: string): GraphEntity[] {
  const ids = new Set(n.relationships.filter((r) => r.type === type && r.from_id === n.entity.entity_id).map((r) => r.to_id));
  return n.neighbours.map((x) => x.entity).filter((e) => ids.has(e.entity_id));
}

/** The subject's recent changes with their receipts: the audit trail's allowed writes by it. */
export const recentReceiptsPath = (subjectId: string, limit = 10) => `/audit-events?${new URLSearchParams({ actor: subjectId, type: 'action.allowed', kind: 'write', limit: String(limit) })}`;

/** The receipt an allowed action's audit event names. */
export const receiptOf = (e: AuditEvent): string | undefined => (typeof e.details.receipt_id === 'string' ? e.details.receipt_id : undefined);
