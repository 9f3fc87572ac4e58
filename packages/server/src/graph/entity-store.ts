import { currentTenantId, currentTx } from '../context.ts';
import { uuidv7 } from '../util/ids.ts';

// The current tenant's entities and relationships. Every query names tenant_id, and every join
// carries it, so a query plan never leaves the tenant's rows (and the schema stays distributable).

export interface Entity {
  entity_id: string;
  type: string;
  properties: Record<string, unknown>;
  owner: string | null;
  source: string;
  client_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface Relationship {
  relationship_id: string;
  from_id: string;
  to_id: string;
  type: string;
  properties: Record<string, unknown>;
  source: string;
  created_at: string;
}

export interface NewEntity {
  entity_id?: string | undefined;
  type: string;
  properties: Record<string, unknown>;
  owner?: string | null | undefined;
  client_key?: string | null | undefined;
}

type Row<T> = Omit<T, 'created_at' | 'updated_at'> & { created_at: Date | string; updated_at?: Date | string };

const ENTITY_COLUMNS = 'entity_id, type, properties, owner, source, client_key, created_at, updated_at';
const REL_COLUMNS = 'relationship_id, from_id, to_id, type, properties, source, created_at';

const iso = (v: Date | string): string => new Date(v).toISOString();
const toEntity = (r: Row<Entity>): Entity => ({ ...r, created_at: iso(r.created_at), updated_at: iso(r.updated_at!) });
const toRelationship = (r: Row<Relationship>): Relationship => {
  const { updated_at: _ignored, ...rest } = r;
  return { ...rest, relationship_id: String(r.relationship_id), created_at: iso(r.created_at) };
};

/**
 * Inserts entities in one statement (arrays through unnest). An item whose client key is already
 * taken is not inserted again: the entity that key made is returned in its place, so a retried
 * create or batch gives the same answer. Returns the entities in the order of `items`, with
 * `created` telling which are new.
 */
export async function insertEntities(items: NewEntity[], at: Date, source = 'api'): Promise<Array<Entity & { created: boolean }>> {
  const ids = items.map((i) => i.entity_id ?? uuidv7(at.getTime()));
  const col = <T>(f: (i: NewEntity, n: number) => T): T[] => items.map(f);
  const inserted = await currentTx().query<Row<Entity>>(
    `INSERT INTO entities (tenant_id, entity_id, type, properties, owner, client_key, source, created_at, updated_at)
     SELECT $1, * , $7, $8, $8 FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[])
     ON CONFLICT (tenant_id, client_key) WHERE client_key IS NOT NULL DO NOTHING
     RETURNING ${ENTITY_COLUMNS}`,
    [
      currentTenantId(),
      ids,
      col((i) => i.type),
      col((i) => JSON.stringify(i.properties)),
      col((i) => i.owner ?? null),
      col((i) => i.client_key ?? null),
      source,
      at.toISOString(),
    ],
  );
  const byId = new Map(inserted.map((r) => [r.entity_id, toEntity(r)]));
  const keys = items.filter((_, n) => !byId.has(ids[n]!)).map((i) => i.client_key).filter((k): k is string => typeof k === 'string');
  const existing = keys.length === 0 ? [] : await currentTx().query<Row<Entity>>(
    `SELECT ${ENTITY_COLUMNS} FROM entities WHERE tenant_id = $1 AND client_key = ANY($2::text[])`,
    [currentTenantId(), keys],
  );
  const byKey = new Map(existing.map((r) => [r.client_key!, toEntity(r)]));
  return items.map((item, n) => {
    const made = byId.get(ids[n]!);
    if (made !== undefined) return { ...made, created: true };
    return { ...byKey.get(item.client_key!)!, created: false };
  });
}

export async function updateEntity(entityId: string, patch: { properties?: Record<string, unknown> | undefined; owner?: string | null | undefined }, at: Date): Promise<Entity> {
  const rows = await currentTx().query<Row<Entity>>(
    `UPDATE entities SET properties = coalesce($3, properties), owner = CASE WHEN $4 THEN $5 ELSE owner END, updated_at = $6
     WHERE tenant_id = $1 AND entity_id = $2 RETURNING ${ENTITY_COLUMNS}`,
    [currentTenantId(), entityId, patch.properties === undefined ? null : JSON.stringify(patch.properties), patch.owner !== undefined, patch.owner ?? null, at.toISOString()],
  );
  return toEntity(rows[0]!);
}

/** How a receipt's evidence names a relationship: its id and what it joined. */
export const relationshipRef = (e: Relationship): string => `relationship:${e.relationship_id}:${e.from_id}-${e.type}->${e.to_id}`;

/** Deletes an entity and (by cascade) its relationships; returns those relationships, to name what went. */
export async function deleteEntity(entityId: string): Promise<Relationship[]> {
  const edges = await currentTx().query<Row<Relationship>>(
    `SELECT ${REL_COLUMNS} FROM relationships WHERE tenant_id = $1 AND (from_id = $2 OR to_id = $2) ORDER BY relationship_id`,
    [currentTenantId(), entityId],
  );
  await currentTx().query(`DELETE FROM entities WHERE tenant_id = $1 AND entity_id = $2`, [currentTenantId(), entityId]);
  return edges.map(toRelationship);
}

export interface EntityFilters {
  type?: string | undefined;
  owner?: string | undefined;
  /** Properties the entity must contain (JSON containment). */
  where?: Record<string, unknown> | undefined;
  /** Keyset: entities after this id. */
  after?: string | undefined;
  limit: number;
}

/** One page of entities in id order (UUIDv7 ids make it creation order for the API's own). */
export async function listEntities(f: EntityFilters): Promise<Entity[]> {
  const rows = await currentTx().query<Row<Entity>>(
    `SELECT ${ENTITY_COLUMNS} FROM entities WHERE tenant_id = $1
       AND ($2::text IS NULL OR type = $2) AND ($3::text IS NULL OR owner = $3)
       AND ($4::jsonb IS NULL OR properties @> $4) AND ($5::text IS NULL OR entity_id > $5)
     ORDER BY entity_id LIMIT $6`,
    [currentTenantId(), f.type ?? null, f.owner ?? null, f.where === undefined ? null : JSON.stringify(f.where), f.after ?? null, f.limit],
  );
  return rows.map(toEntity);
}

export interface NewRelationship {
  from_id: string;
  to_id: string;
  type: string;
  properties: Record<string, unknown>;
}

/** Inserts a relationship, or returns the one already joining the same ends with the same type. */
export async function insertRelationship(r: NewRelationship, at: Date, source = 'api'): Promise<Relationship & { created: boolean }> {
  const rows = await currentTx().query<Row<Relationship>>(
    `INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, properties, source, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING RETURNING ${REL_COLUMNS}`,
    [currentTenantId(), uuidv7(at.getTime()), r.from_id, r.to_id, r.type, JSON.stringify(r.properties), source, at.toISOString()],
  );
  if (rows[0] !== undefined) return { ...toRelationship(rows[0]), created: true };
  return { ...(await findRelationship(r.from_id, r.type, r.to_id))!, created: false };
}

export async function findRelationship(fromId: string, type: string, toId: string): Promise<Relationship | undefined> {
  const rows = await currentTx().query<Row<Relationship>>(
    `SELECT ${REL_COLUMNS} FROM relationships WHERE tenant_id = $1 AND from_id = $2 AND type = $3 AND to_id = $4`,
    [currentTenantId(), fromId, type, toId],
  );
  return rows[0] === undefined ? undefined : toRelationship(rows[0]);
}

export async function getRelationship(relationshipId: string): Promise<Relationship | undefined> {
  const rows = await currentTx().query<Row<Relationship>>(`SELECT ${REL_COLUMNS} FROM relationships WHERE tenant_id = $1 AND relationship_id = $2`, [
    currentTenantId(),
    relationshipId,
  ]);
  return rows[0] === undefined ? undefined : toRelationship(rows[0]);
}

export async function deleteRelationship(relationshipId: string): Promise<void> {
  await currentTx().query(`DELETE FROM relationships WHERE tenant_id = $1 AND relationship_id = $2`, [currentTenantId(), relationshipId]);
}

/**
 * Entities by id, each with the subjects entitled (ENTITLED_TO) to it (`first` among them
 * when it is, then by id, at most 100), in one read. Absent ids are absent from the map.
 */
export async function entitiesWithEntitled(entityIds: string[], first: string, o: { lock?: boolean } = {}): Promise<Map<string, Entity & { entitled_subjects: string[] }>> {
  const rows = await currentTx().query<Row<Entity> & { entitled: string[] }>(
    `SELECT ${ENTITY_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')},
       ARRAY(SELECT r.from_id FROM relationships r WHERE r.tenant_id = e.tenant_id AND r.to_id = e.entity_id AND r.type = 'ENTITLED_TO' AND r.from_id LIKE 'subject:%'
             ORDER BY (r.from_id = $3) DESC, r.from_id LIMIT 100) AS entitled
     FROM entities e WHERE e.tenant_id = $1 AND e.entity_id = ANY($2::text[])${o.lock === true ? ' FOR UPDATE OF e' : ''}`,
    [currentTenantId(), entityIds, `subject:${first}`],
  );
  return new Map(
    rows.map(({ entitled, ...row }) => {
      const entity = toEntity(row as Row<Entity>);
      return [entity.entity_id, { ...entity, entitled_subjects: entitled.map((id) => id.slice('subject:'.length)) }];
    }),
  );
}

/** Of these entities, the ones the subject is entitled to. */
export async function entitledAmong(subjectId: string, entityIds: string[]): Promise<Set<string>> {
  if (entityIds.length === 0) return new Set();
  const rows = await currentTx().query<{ to_id: string }>(
    `SELECT to_id FROM relationships WHERE tenant_id = $1 AND from_id = $2 AND type = 'ENTITLED_TO' AND to_id = ANY($3::text[])`,
    [currentTenantId(), `subject:${subjectId}`, entityIds],
  );
  return new Set(rows.map((r) => r.to_id));
}

export { ENTITY_COLUMNS, REL_COLUMNS, toEntity, toRelationship };
export type { Row };
