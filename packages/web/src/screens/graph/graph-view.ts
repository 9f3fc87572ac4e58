import type { GraphEntity, GraphRelationship, Neighbourhood } from './graph-api.ts';

/** What the explorer shows: the walk from the focus merged with one level around each expanded node. */
export interface GraphView {
  focus: GraphEntity;
  /** Every node but the focus, nearest first, with its distance from the focus (or from the node that expanded to it, plus one). */
  nodes: Array<{ entity: GraphEntity; depth: number }>;
  edges: GraphRelationship[];
  /** Neighbours left out by policy, per node whose neighbourhood was read (only non-zero counts). */
  hidden: Array<{ around: GraphEntity; count: number }>;
  truncated: boolean;
}

export function mergeNeighbourhoods(focus: Neighbourhood, expansions: Neighbourhood[]): GraphView {
  const depth = new Map<string, { entity: GraphEntity; depth: number }>();
  const place = (entity: GraphEntity, d: number) => {
    const known = depth.get(entity.entity_id);
    if (known === undefined || d < known.depth) depth.set(entity.entity_id, { entity, depth: d });
  };
  place(focus.entity, 0);
  for (const n of focus.neighbours) place(n.entity, n.depth);
  for (const x of expansions) {
    const base = depth.get(x.entity.entity_id)?.depth ?? 0;
    for (const n of x.neighbours) place(n.entity, base + n.depth);
  }
  const edges = new Map<string, GraphRelationship>();
  for (const r of [focus, ...expansions].flatMap((n) => n.relationships)) edges.set(r.relationship_id, r);
  return {
    focus: focus.entity,
    nodes: [...depth.values()].filter((n) => n.entity.entity_id !== focus.entity.entity_id).sort((a, b) => a.depth - b.depth || a.entity.entity_id.localeCompare(b.entity.entity_id)),
    edges: [...edges.values()],
    hidden: [focus, ...expansions].filter((n) => n.hidden > 0).map((n) => ({ around: n.entity, count: n.hidden })),
    truncated: [focus, ...expansions].some((n) => n.truncated),
  };
}
