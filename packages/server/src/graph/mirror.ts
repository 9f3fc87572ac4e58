import { currentTenantId, currentTx } from '../context.ts';
import type { Statement } from '../db/statement.ts';
import { uuidv7 } from '../util/ids.ts';

// How a domain puts its objects in the graph: each calls these inside its own transaction, right
// where it writes the object, so the graph is never behind. An entity's id is the object's audit
// name (`subject:alice`, `high-risk-request:<id>`), the same string its receipts name as target.
// A domain that lands later (RevOps leads, opportunities, quotes, contracts) calls the same two
// functions; nothing here needs to know about it.

export interface MirroredEntity {
  entity_id: string;
  type: string;
  properties: Record<string, unknown>;
  owner?: string | null | undefined;
  /** The domain that owns the object ('identity', 'high_risk', ...). */
  source: string;
}

/** Writes (or refreshes) the entity of a domain object. */
export function mirrorEntity(e: MirroredEntity, at: Date): Promise<void> {
  return mirrorEntities([{ ...e, at: at.toISOString() }]);
}

/** Writes (or refreshes) many entities of one domain in one statement, each with its own time. */
export async function mirrorEntities(items: Array<MirroredEntity & { at: string }>): Promise<void> {
  if (items.length === 0) return;
  const col = <T>(f: (e: MirroredEntity & { at: string }) => T): T[] => items.map(f);
  await currentTx().query(
    `INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
     SELECT $1, id, type, properties, owner, source, at, at FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[], $7::timestamptz[]) AS u (id, type, properties, owner, source, at)
     ON CONFLICT (tenant_id, entity_id) DO UPDATE SET type = EXCLUDED.type, properties = EXCLUDED.properties, owner = EXCLUDED.owner, updated_at = EXCLUDED.updated_at`,
    [currentTenantId(), col((e) => e.entity_id), col((e) => e.type), col((e) => JSON.stringify(e.properties)), col((e) => e.owner ?? null), col((e) => e.source), col((e) => e.at)],
  );
}

/** Links two entities, unless the edge is there already or either end is not in the graph. */
export async function mirrorLink(fromId: string, type: string, toId: string, source: string, at: Date): Promise<void> {
  await currentTx().query(linkSql, [currentTenantId(), uuidv7(at.getTime()), fromId, toId, type, source, at.toISOString()]);
}

/** Removes a domain's edges of one type from an entity (a subject that changed team). */
export async function unlinkAll(fromId: string, type: string, source: string): Promise<void> {
  await currentTx().query(`DELETE FROM relationships WHERE tenant_id = $1 AND from_id = $2 AND type = $3 AND source = $4`, [currentTenantId(), fromId, type, source]);
}

const linkSql = `INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
  SELECT $1, $2, $3, $4, $5, $6, $7
  WHERE EXISTS (SELECT 1 FROM entities WHERE tenant_id = $1 AND entity_id = $3) AND EXISTS (SELECT 1 FROM entities WHERE tenant_id = $1 AND entity_id = $4)
  ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING`;

/**
 * The receipt's entity, and the edge from what it concerns when that is in the graph, as
 * statements for the batch that writes the receipt (one round trip on the hot path). Only the
 * receipts of changes (`link`) are linked: an object's reads would bury its history.
 */
export function receiptEntityStatements(
  r: { tenant_id: string; receipt_id: string; action: string; actor: string; target: string | null; issued_at: string },
  o: { link: boolean },
): Statement[] {
  const id = `receipt:${r.receipt_id}`;
  const entity: Statement = {
    sql: `INSERT INTO entities (tenant_id, entity_id, type, properties, source, created_at, updated_at) VALUES ($1, $2, 'Receipt', $3, 'ledger', $4, $4)`,
    params: [r.tenant_id, id, JSON.stringify({ receipt_id: r.receipt_id, action: r.action, actor: r.actor, target: r.target }), r.issued_at],
  };
  if (r.target === null || !o.link) return [entity];
  // The receipt's own row is inserted by a sibling of this statement: the target's existence is
  // checked here, the receipt's by the foreign key at the end of the statement.
  const edge: Statement = {
    sql: `INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
          SELECT $1, $2, $3, $4, 'RECEIPTED_BY', 'ledger', $5 WHERE EXISTS (SELECT 1 FROM entities WHERE tenant_id = $1 AND entity_id = $3)`,
    params: [r.tenant_id, uuidv7(Date.parse(r.issued_at)), r.target, id, r.issued_at],
  };
  return [entity, edge];
}
