import { Type } from '@sinclair/typebox';
import { StringEnum } from '../http/schema.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { lineage, loadEntities, neighbourhood, type Direction as WalkDirection, type LineageStep } from './graph-queries.ts';
import type { Entity } from './entity-store.ts';
import { Direction, EntityParams, EntityView, entityView, Limit, limitOf, loadEntityResource, RelationshipView, TypeList, typesOf, type EntityResource } from './views.ts';
import { visibilityFor, type Visibility } from './visibility.ts';

const HIDDEN = 'hidden';
const withoutEntitlements = ({ entitled_subjects: _omitted, ...entity }: EntityResource): Entity => entity;

export const neighboursAction = defineAction({
  name: 'graph.neighbours.get',
  method: 'GET',
  path: '/graph/entity/:id',
  summary: 'An entity and its neighbours to depth 1-3, by relationship type and direction, up to a node limit; neighbours the caller may not see are counted, not named',
  scope: 'tenant',
  params: EntityParams,
  query: Type.Object(
    {
      depth: Type.Optional(StringEnum(['1', '2', '3'])),
      types: Type.Optional(TypeList),
      direction: Type.Optional(Direction),
      limit: Type.Optional(Limit(1000, 100)),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    entity: EntityView,
    neighbours: Type.Array(Type.Object({ entity: EntityView, depth: Type.Integer() })),
    relationships: Type.Array(RelationshipView),
    hidden: Type.Integer({ description: 'neighbours left out because the caller may not see them' }),
    truncated: Type.Boolean({ description: 'the node limit stopped the walk' }),
  }),
  resource: (ctx) => loadEntityResource(ctx),
  target: (ctx) => ctx.params.id,
  run: async (ctx, _input, r: EntityResource) => {
    const start = withoutEntitlements(r);
    const walk = await neighbourhood(start, {
      depth: Number(ctx.query.depth ?? '1'),
      direction: (ctx.query.direction ?? 'both') as WalkDirection,
      types: typesOf(ctx.query.types),
      limit: limitOf(ctx.query.limit, 1000, 100),
      subjectId: ctx.principal.subjectId,
    });
    const others = walk.nodes.filter((n) => n.depth > 0);
    const { visible, hidden } = visibilityFor(ctx.tenantId, ctx.principal).filterKnown(others, (n) => n.entity, walk.entitled);
    const shown = new Set([start.entity_id, ...visible.map((n) => n.entity.entity_id)]);
    return {
      entity: entityView(start),
      neighbours: visible.map((n) => ({ entity: entityView(n.entity), depth: n.depth })),
      relationships: walk.edges.filter((e) => shown.has(e.from_id) && shown.has(e.to_id)),
      hidden,
      truncated: walk.truncated,
    };
  },
});

const StepView = Type.Object({
  entity_id: Type.String(),
  type: Type.String(),
  depth: Type.Integer(),
  via: Type.Object({ relationship_id: Type.String(), from_id: Type.String(), type: Type.String(), to_id: Type.String() }, { description: `the edge that reached it; an end the caller may not see reads "${HIDDEN}"` }),
});

/** The visible steps of a walk, with any end of their edge the caller may not see replaced by a mark. */
async function visibleSteps(steps: LineageStep[], visibility: Visibility, start: string): Promise<{ steps: Array<LineageStep & { type: string }>; hidden: number }> {
  const entities = await loadEntities(steps.map((s) => s.entity_id));
  const typed = steps.flatMap((s) => {
    const entity = entities.get(s.entity_id);
    return entity === undefined ? [] : [{ step: s, entity }];
  });
  const { visible, hidden } = await visibility.filter(typed, (t) => t.entity);
  const seen = new Set([start, ...visible.map((v) => v.entity.entity_id)]);
  const mark = (id: string) => (seen.has(id) ? id : HIDDEN);
  return {
    steps: visible.map(({ step, entity }) => ({ ...step, type: entity.type, via: { ...step.via, from_id: mark(step.via.from_id), to_id: mark(step.via.to_id) } })),
    hidden,
  };
}

export const lineageAction = defineAction({
  name: 'graph.lineage.get',
  method: 'GET',
  path: '/entities/:id/lineage',
  summary: 'What an entity comes from (upstream) and what comes of it (downstream), along chosen relationship types, with cycle detection and a depth cap',
  scope: 'tenant',
  params: EntityParams,
  query: Type.Object(
    {
      direction: Type.Optional(StringEnum(['upstream', 'downstream', 'both'])),
      types: Type.Optional(TypeList),
      depth: Type.Optional(Type.String({ pattern: '^([1-9]|10)$', description: '1 to 10, default 5' })),
      limit: Type.Optional(Limit(5000, 1000)),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    entity: EntityView,
    upstream: Type.Array(StepView),
    downstream: Type.Array(StepView),
    hidden: Type.Integer({ description: 'entities left out because the caller may not see them' }),
    truncated: Type.Boolean({ description: 'the path limit stopped a walk' }),
  }),
  resource: (ctx) => loadEntityResource(ctx),
  target: (ctx) => ctx.params.id,
  run: async (ctx, _input, r: EntityResource) => {
    const direction = ctx.query.direction ?? 'both';
    const options = { types: typesOf(ctx.query.types), maxDepth: Number(ctx.query.depth ?? '5'), limit: limitOf(ctx.query.limit, 5000, 1000) };
    const visibility = visibilityFor(ctx.tenantId, ctx.principal);
    const walk = async (d: 'upstream' | 'downstream') => {
      if (direction !== 'both' && direction !== d) return { steps: [], hidden: 0, truncated: false };
      const found = await lineage(r.entity_id, { ...options, direction: d });
      return { ...(await visibleSteps(found.steps, visibility, r.entity_id)), truncated: found.truncated };
    };
    const up = await walk('upstream');
    const down = await walk('downstream');
    return { entity: entityView(withoutEntitlements(r)), upstream: up.steps, downstream: down.steps, hidden: up.hidden + down.hidden, truncated: up.truncated || down.truncated };
  },
});

export const readActions = [neighboursAction, lineageAction];
