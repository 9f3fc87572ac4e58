import { currentTenantId, currentTx } from '../context.ts';
import { ENTITY_COLUMNS, REL_COLUMNS, toEntity, toRelationship, type Entity, type Relationship, type Row } from './entity-store.ts';

// Walks over the current tenant's graph: neighbourhoods (breadth first, every level in one query) and
// lineage (a recursive query that never revisits a node on its path, with a depth cap).

export type Direction = 'out' | 'in' | 'both';

/**
 * The relationship types asked for ($3); when none are, every type but RECEIPTED_BY, since the
 * receipts of an object's changes would otherwise crowd out its neighbours (ask for it by name).
 */
const typeFilter = (column: string) => `(CASE WHEN cardinality($3::text[]) = 0 THEN ${column} <> 'RECEIPTED_BY' ELSE ${column} = ANY($3::text[]) END)`;

export interface Neighbourhood {
  /** Every node reached, with the depth it was first reached at (the start at 0). */
  nodes: Array<{ entity: Entity; depth: number }>;
  edges: Relationship[];
  /** True when the node limit stopped the walk. */
  truncated: boolean;
}

export async function loadEntities(ids: string[]): Promise<Map<string, Entity>> {
  if (ids.length === 0) return new Map();
  const rows = await currentTx().query<Row<Entity>>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE tenant_id = $1 AND entity_id = ANY($2::text[])`, [
    currentTenantId(),
    ids,
  ]);
  return new Map(rows.map((r) => [r.entity_id, toEntity(r)]));
}

/**
 * The edges touching any of `frontier` (an SQL array) in the direction asked, of the given types
 * (all when empty), at most $4. Each direction stops reading at $4 edges in its index's order
 * before they are sorted: a hub (a bundle's Policy governs every decision made under it) costs no
 * more than $4 rows, and a walk that reaches the limit is truncated either way.
 */
function edgesAround(frontier: string, direction: Direction): string {
  const parts: string[] = [];
  if (direction !== 'in') parts.push(`(SELECT ${REL_COLUMNS} FROM relationships WHERE tenant_id = $1 AND from_id = ANY(${frontier}) AND ${typeFilter('type')} LIMIT $4)`);
  if (direction !== 'out') parts.push(`(SELECT ${REL_COLUMNS} FROM relationships WHERE tenant_id = $1 AND to_id = ANY(${frontier}) AND ${typeFilter('type')} LIMIT $4)`);
  return `SELECT * FROM (${parts.join(' UNION ')}) AS around ORDER BY relationship_id LIMIT $4`;
}

/**
 * One statement for a whole walk: the edges of each level (level n starts from the nodes level
 * n - 1 met first), the entities they reach with whether `subjectId` is entitled to each. Levels
 * past a truncated one are read but not used.
 */
function walkStatement(depth: number, direction: Direction): string {
  // The start and the nodes met by the first n levels.
  const metUpTo = (n: number) => ['SELECT $2::text AS id', ...Array.from({ length: n }, (_, i) => `SELECT id FROM met${i + 1}`)].join(' UNION ALL ');
  const levels: string[] = [];
  for (let n = 1; n <= depth; n++) {
    const frontier = n === 1 ? 'ARRAY[$2::text]' : `ARRAY(SELECT id FROM met${n - 1})`;
    levels.push(`level${n} AS (${edgesAround(frontier, direction)})`);
    levels.push(`met${n} AS (SELECT DISTINCT ends.id FROM level${n}, LATERAL (VALUES (level${n}.from_id), (level${n}.to_id)) AS ends (id) WHERE ends.id NOT IN (${metUpTo(n - 1)}))`);
  }
  const levelColumns = Array.from({ length: depth }, (_, i) => `(SELECT coalesce(json_agg(l ORDER BY l.relationship_id), '[]') FROM level${i + 1} AS l) AS level${i + 1}`);
  return `WITH ${levels.join(',\n')},
    reached AS (${metUpTo(depth)})
    SELECT ${levelColumns.join(', ')},
      (SELECT coalesce(json_agg(e), '[]') FROM (SELECT ${ENTITY_COLUMNS} FROM entities WHERE tenant_id = $1 AND entity_id IN (SELECT id FROM reached)) AS e) AS entities,
      ARRAY(SELECT to_id FROM relationships WHERE tenant_id = $1 AND from_id = $5 AND type = 'ENTITLED_TO' AND to_id IN (SELECT id FROM reached)) AS entitled`;
}

export async function neighbourhood(
  start: Entity,
  o: { depth: number; direction: Direction; types: string[]; limit: number; subjectId: string },
): Promise<Neighbourhood & { entitled: Set<string> }> {
  // A few more edges than nodes left suffices to see whether the limit is reached.
  const edgeLimit = (o.limit + 1) * 4;
  const [row] = await currentTx().query<Record<string, unknown>>(walkStatement(o.depth, o.direction), [currentTenantId(), start.entity_id, o.types, edgeLimit, `subject:${o.subjectId}`]);
  const depthOf = new Map<string, number>([[start.entity_id, 0]]);
  const edges = new Map<string, Relationship>();
  let truncated = false;
  for (let depth = 1; depth <= o.depth && !truncated; depth++) {
    const found = (row![`level${depth}`] as Array<Row<Relationship>>).map(toRelationship);
    let met = 0;
    for (const e of found) {
      edges.set(e.relationship_id, e);
      // One end is in the frontier; the other, if not met before, is a neighbour at this depth.
      for (const id of [e.from_id, e.to_id]) {
        if (depthOf.has(id)) continue;
        if (depthOf.size > o.limit) {
          truncated = true;
          break;
        }
        depthOf.set(id, depth);
        met++;
      }
      if (truncated) break;
    }
    if (found.length >= edgeLimit) truncated = true;
    if (met === 0) break;
  }
  const entities = new Map((row!.entities as Array<Row<Entity>>).map((r) => [r.entity_id, toEntity(r)]));
  const nodes = [...depthOf].flatMap(([id, depth]) => {
    const entity = entities.get(id);
    return entity === undefined ? [] : [{ entity, depth }];
  });
  // Only edges between nodes kept.
  const kept = [...edges.values()].filter((e) => depthOf.has(e.from_id) && depthOf.has(e.to_id));
  return { nodes, edges: kept, truncated, entitled: new Set(row!.entitled as string[]) };
}

export interface LineageStep {
  entity_id: string;
  depth: number;
  /** The edge that reached it: from the node one step nearer the start. */
  via: { relationship_id: string; from_id: string; type: string; to_id: string };
}

/**
 * The nodes upstream (following edges backwards) or downstream of `start` along the given
 * relationship types, each at the least depth it is reached at. A node already on the path is
 * not entered again (cycles end there), the walk stops at `maxDepth`, and at most `limit` paths
 * are explored, so a dense graph cannot make the query run away.
 */
export async function lineage(startId: string, o: { direction: 'upstream' | 'downstream'; types: string[]; maxDepth: number; limit: number }): Promise<{ steps: LineageStep[]; truncated: boolean }> {
  const [near, far] = o.direction === 'upstream' ? ['to_id', 'from_id'] : ['from_id', 'to_id'];
  const rows = await currentTx().query<{ entity_id: string; depth: number; relationship_id: string; from_id: string; type: string; to_id: string; total: number }>(
    `WITH RECURSIVE walk (entity_id, depth, path, relationship_id, from_id, type, to_id) AS (
       SELECT $2::text, 0, ARRAY[$2::text], NULL::uuid, NULL::text, NULL::text, NULL::text
       UNION ALL
       SELECT r.${far}, w.depth + 1, w.path || r.${far}, r.relationship_id, r.from_id, r.type, r.to_id
       FROM walk w JOIN relationships r ON r.tenant_id = $1 AND r.${near} = w.entity_id
       WHERE w.depth < $4 AND ${typeFilter('r.type')} AND NOT r.${far} = ANY(w.path)
     ),
     explored AS (SELECT * FROM walk WHERE depth > 0 LIMIT $5)
     SELECT DISTINCT ON (entity_id) entity_id, depth, relationship_id::text, from_id, type, to_id, (SELECT count(*)::int FROM explored) AS total
     FROM explored ORDER BY entity_id, depth, relationship_id`,
    [currentTenantId(), startId, o.types, o.maxDepth, o.limit],
  );
  const steps = rows
    .map((r) => ({ entity_id: r.entity_id, depth: r.depth, via: { relationship_id: r.relationship_id, from_id: r.from_id, type: r.type, to_id: r.to_id } }))
    .sort((a, b) => a.depth - b.depth || (a.entity_id < b.entity_id ? -1 : 1));
  return { steps, truncated: (rows[0]?.total ?? 0) >= o.limit };
}
