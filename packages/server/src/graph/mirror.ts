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

const upsertEntitySql = `INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
  ON CONFLICT (tenant_id, entity_id) DO UPDATE SET type = EXCLUDED.type, properties = EXCLUDED.properties, owner = EXCLUDED.owner, updated_at = EXCLUDED.updated_at`;

const upsertEntityParams = (e: MirroredEntity, at: Date): unknown[] => [currentTenantId(), e.entity_id, e.type, JSON.stringify(e.properties), e.owner ?? null, e.source, at.toISOString()];

/** The write (or refresh) of one entity as a statement, to batch with the write of its object (`runBatch`). */
export const entityStatement = (e: MirroredEntity, at: Date): Statement => ({ sql: upsertEntitySql, params: upsertEntityParams(e, at) });

/** Writes (or refreshes) many entities of one domain in one statement, each with its own time. */
async function mirrorEntities(items: Array<MirroredEntity & { at: string }>): Promise<void> {
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

/** An edge of a mirrored entity to or from another entity. */
export interface MirroredLink {
  from_id: string;
  type: string;
  to_id: string;
}

/**
 * The write (or refresh) of an entity and its edges as statements, to batch with the write of its
 * object (`runBatch`: one round trip). Each edge has the entity at one end; it is added unless it
 * is there already or its other end is not in the graph (the entity is written by a sibling
 * statement, and the edge's foreign keys are checked at the end of the batch).
 */
export function entityWithLinksStatements(e: MirroredEntity, links: MirroredLink[], at: Date): Statement[] {
  const other = (l: MirroredLink): string => (l.from_id === e.entity_id ? l.to_id : l.from_id);
  const edges: Statement = {
    sql: `INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
          SELECT $1::text, l.id, l.from_id, l.to_id, l.type, $2::text, $3::timestamptz FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[]) AS l (id, from_id, to_id, type, other)
          WHERE EXISTS (SELECT 1 FROM entities WHERE tenant_id = $1 AND entity_id = l.other)
          ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING`,
    params: [
      currentTenantId(),
      e.source,
      at.toISOString(),
      links.map(() => uuidv7(at.getTime())),
      links.map((l) => l.from_id),
      links.map((l) => l.to_id),
      links.map((l) => l.type),
      links.map(other),
    ],
  };
  return [entityStatement(e, at), edges];
}

/** Removes a domain's edges of one type from an entity (a subject that changed team). */
export async function unlinkAll(fromId: string, type: string, source: string): Promise<void> {
  await currentTx().query(`DELETE FROM relationships WHERE tenant_id = $1 AND from_id = $2 AND type = $3 AND source = $4`, [currentTenantId(), fromId, type, source]);
}

const linkSql = `INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
  SELECT $1, $2, $3, $4, $5, $6, $7
  WHERE EXISTS (SELECT 1 FROM entities WHERE tenant_id = $1 AND entity_id = $3) AND EXISTS (SELECT 1 FROM entities WHERE tenant_id = $1 AND entity_id = $4)
  ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING`;

/** The decision a receipt's action was allowed by, as the pipeline knows it when it writes the receipt. */
export interface ReceiptDecision {
  decision_id: string;
  bundle_hash: string;
}

/** A PolicyDecision entity's id, and the id of the Policy entity of the bundle it was made under. */
export const decisionEntityId = (decisionId: string): string => `decision:${decisionId}`;
export const policyEntityId = (bundleHash: string): string => `policy:${bundleHash}`;

const decisionProperties = (d: { decision_id: string; action: string | null; actor: string | null; allow: boolean; bundle_hash: string }) =>
  JSON.stringify({ decision_id: d.decision_id, action: d.action, actor: d.actor, allow: d.allow, bundle_hash: d.bundle_hash });

/**
 * The receipt's entity and its edges, as statements for the batch that writes the receipt (one
 * round trip on the hot path). Only the receipts of changes (`link`) are linked: an object's
 * reads would bury its history. A change's receipt is linked from what it concerns (RECEIPTED_BY)
 * and to the decision that allowed it (DECIDED_BY). The decision log writes its decisions later,
 * in a transaction of its own, so the PolicyDecision entity is written here as well (the log
 * fills in the same row): neither side's edge waits for the other's commit, which an existence
 * check in two concurrent transactions could never see.
 */
export function receiptEntityStatements(
  r: { tenant_id: string; receipt_id: string; action: string; actor: string; target: string | null; issued_at: string },
  o: { link: boolean; decision?: ReceiptDecision | undefined; concerns?: string | null | undefined },
): Statement[] {
  const id = `receipt:${r.receipt_id}`;
  const entity: Statement = {
    sql: `INSERT INTO entities (tenant_id, entity_id, type, properties, source, created_at, updated_at) VALUES ($1, $2, 'Receipt', $3, 'ledger', $4, $4)`,
    params: [r.tenant_id, id, JSON.stringify({ receipt_id: r.receipt_id, action: r.action, actor: r.actor, target: r.target }), r.issued_at],
  };
  if (!o.link) return [entity];
  const statements = [entity];
  const at = Date.parse(r.issued_at);
  // Linked from the entity as the graph names it: a person's target is stored by pseudonym, their entity by subject id.
  const concerns = o.concerns ?? r.target;
  if (concerns !== null) {
    // The receipt's own row is inserted by a sibling of this statement: the target's existence is
    // checked here (it is written earlier in the same transaction), the receipt's by the foreign
    // key at the end of the statement.
    statements.push({
      sql: `INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
            SELECT $1, $2, $3, $4, 'RECEIPTED_BY', 'ledger', $5 WHERE EXISTS (SELECT 1 FROM entities WHERE tenant_id = $1 AND entity_id = $3)`,
      params: [r.tenant_id, uuidv7(at), concerns, id, r.issued_at],
    });
  }
  if (o.decision !== undefined) {
    const decision = decisionEntityId(o.decision.decision_id);
    statements.push(
      {
        sql: `INSERT INTO entities (tenant_id, entity_id, type, properties, source, created_at, updated_at) VALUES ($1, $2, 'PolicyDecision', $3, 'policy', $4, $4)
              ON CONFLICT (tenant_id, entity_id) DO NOTHING`,
        params: [r.tenant_id, decision, decisionProperties({ ...o.decision, action: r.action, actor: r.actor, allow: true }), r.issued_at],
      },
      {
        sql: `INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at) VALUES ($1, $2, $3, $4, 'DECIDED_BY', 'ledger', $5)`,
        params: [r.tenant_id, uuidv7(at), id, decision, r.issued_at],
      },
    );
  }
  return statements;
}

/**
 * The statements that write logged decisions into the graph: each a PolicyDecision entity (filling
 * in one its receipt wrote first), the Policy entity of each bundle they cite, and the bundle's
 * GOVERNS edge to each decision. So "which decision, under which bundle, allowed this" is a walk
 * from the object along RECEIPTED_BY, DECIDED_BY and GOVERNS. Run them as one batch
 * (db/statement.ts), with the decisions themselves.
 */
export function mirrorDecisionsStatements(
  records: Array<{ decision_id: string; timestamp: string; action: string | null; actor: string | null; allow: boolean; bundle_hash: string }>,
): Statement[] {
  // One row per decision: an upload may repeat one, and a row cannot be updated twice in one statement.
  const unique = [...new Map(records.map((d) => [d.decision_id, d])).values()];
  if (unique.length === 0) return [];
  const col = <T>(f: (d: (typeof records)[number]) => T): T[] => unique.map(f);
  const params = [
    currentTenantId(),
    col((d) => decisionEntityId(d.decision_id)),
    col((d) => policyEntityId(d.bundle_hash)),
    col((d) => decisionProperties(d)),
    col((d) => d.bundle_hash),
    col((d) => d.timestamp),
    col((d) => uuidv7(Date.parse(d.timestamp))),
  ];
  const input = `WITH input AS (
       SELECT * FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[], $6::timestamptz[], $7::uuid[]) AS u (decision, policy, properties, bundle_hash, at, edge_id)
     )`;
  return [
    {
      sql: `${input} INSERT INTO entities (tenant_id, entity_id, type, properties, source, created_at, updated_at)
       SELECT $1::text, decision, 'PolicyDecision', properties, 'policy', at, at FROM input
       ON CONFLICT (tenant_id, entity_id) DO UPDATE SET properties = EXCLUDED.properties, updated_at = EXCLUDED.updated_at`,
      params,
    },
    {
      sql: `${input} INSERT INTO entities (tenant_id, entity_id, type, properties, source, created_at, updated_at)
       SELECT DISTINCT ON (policy) $1::text, policy, 'Policy', jsonb_build_object('bundle_hash', bundle_hash), 'policy', at, at FROM input ORDER BY policy, at
       ON CONFLICT (tenant_id, entity_id) DO NOTHING`,
      params,
    },
    {
      sql: `${input} INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
       SELECT $1::text, edge_id, policy, decision, 'GOVERNS', 'policy', at FROM input
       ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING`,
      params,
    },
  ];
}
