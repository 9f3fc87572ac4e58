// The graph API's answers as the console reads them, and where each entity opens in the console.

export interface GraphEntity {
  entity_id: string;
  type: string;
  properties: Record<string, unknown>;
  owner: string | null;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface GraphRelationship {
  relationship_id: string;
  from_id: string;
  to_id: string;
  type: string;
}

export interface Neighbourhood {
  entity: GraphEntity;
  neighbours: Array<{ entity: GraphEntity; depth: number }>;
  relationships: GraphRelationship[];
  /** Neighbours the caller may not see: counted by the server, never named. */
  hidden: number;
  truncated: boolean;
}

export interface EntityPage {
  entities: GraphEntity[];
  hidden: number;
  next_cursor: string | null;
}

export type Direction = 'both' | 'out' | 'in';

export interface WalkOptions {
  depth: 1 | 2 | 3;
  direction: Direction;
  /** Relationship types to follow; empty follows all. */
  types: string[];
}

export const DEFAULT_WALK: WalkOptions = { depth: 1, direction: 'both', types: [] };

export interface GraphType {
  kind: 'entity' | 'relationship';
  type_name: string;
  builtin: boolean;
}

export function neighbourhoodPath(entityId: string, walk: WalkOptions, limit = 200): string {
  const q = new URLSearchParams({ depth: String(walk.depth), direction: walk.direction, limit: String(limit) });
  if (walk.types.length > 0) q.set('types', walk.types.join(','));
  return `/graph/entity/${encodeURIComponent(entityId)}?${q}`;
}

const tenantBase = (tenantId: string) => `/tenants/${encodeURIComponent(tenantId)}`;

/** The explorer opened on one entity. */
export function explorerHref(tenantId: string, entityId: string): string {
  return `${tenantBase(tenantId)}/graph?${new URLSearchParams({ entity: entityId })}`;
}

const HIGH_RISK_PREFIX = 'high-risk-request:';

/** The graph entity of a high-risk request (its audit name). */
export const requestEntityId = (requestId: string) => `${HIGH_RISK_PREFIX}${requestId}`;

const QUOTE_PREFIX = 'revops-quote:';
const RECEIPT_PREFIX = 'receipt:';

/** The graph entity of a RevOps quote. */
export const quoteEntityId = (quoteId: string) => `${QUOTE_PREFIX}${quoteId}`;

/** The graph entity of a receipt. */
export const receiptEntityId = (receiptId: string) => `${RECEIPT_PREFIX}${receiptId}`;

const SUBJECT_PREFIX = 'subject:';

/** A subject's page. */
export const subjectHref = (tenantId: string, subjectId: string) => `${tenantBase(tenantId)}/subjects/${encodeURIComponent(subjectId)}`;

/** Where an entity's own page is: a high-risk request opens in the security workspace, a receipt or a subject on its page, the rest in the explorer. */
export function entityHref(tenantId: string, entityId: string): string {
  if (entityId.startsWith(SUBJECT_PREFIX)) return subjectHref(tenantId, entityId.slice(SUBJECT_PREFIX.length));
  if (entityId.startsWith(HIGH_RISK_PREFIX)) return `${tenantBase(tenantId)}/security?${new URLSearchParams({ request: entityId.slice(HIGH_RISK_PREFIX.length) })}`;
  if (entityId.startsWith(RECEIPT_PREFIX)) return `${tenantBase(tenantId)}/receipts/${encodeURIComponent(entityId.slice(RECEIPT_PREFIX.length))}`;
  return explorerHref(tenantId, entityId);
}

/** A short human name for an entity: its name-like property, else its id. */
export function entityLabel(e: GraphEntity): string {
  for (const key of ['name', 'display_name', 'title', 'action', 'operation', 'approver']) {
    const v = e.properties[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return e.entity_id;
}

/**
 * How a neighbour is linked, read from the entity the walk started from: `OWNS →` it owns the
 * neighbour, `← REQUESTED` the neighbour requested it. A neighbour further out shows the edge that reached it.
 */
export function linkOf(n: Neighbourhood, neighbourId: string): string {
  const start = n.entity.entity_id;
  const direct = n.relationships.filter((r) => (r.from_id === start && r.to_id === neighbourId) || (r.to_id === start && r.from_id === neighbourId));
  const edges = direct.length > 0 ? direct : n.relationships.filter((r) => r.to_id === neighbourId || r.from_id === neighbourId).slice(0, 1);
  return edges.map((r) => (r.to_id === neighbourId ? `${r.type} →` : `← ${r.type}`)).join(', ');
}
