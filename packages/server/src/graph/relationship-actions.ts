import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { StringEnum } from '../http/schema.ts';
import { SubjectIdSchema } from '../identity/actions.ts';
import { defineAction, type ActionContext } from '../pipeline/define-action.ts';
import { deleteRelationship, findRelationship, getRelationship, insertRelationship, relationshipRef, type Relationship } from './entity-store.ts';
import { checkProperties, checkTenantSchema, isBuiltinType, listTypes, putTenantType, TYPE_NAME_PATTERN, type TypeKind } from './graph-types.ts';
import { EntityId, entityResources, Properties, RelationshipTypeName, RelationshipView, Uuid, type EntityResource } from './views.ts';
import { visibilityFor } from './visibility.ts';

const ENTITLED_TO = 'ENTITLED_TO';
type Ctx = Pick<ActionContext, 'tenantId' | 'principal'>;

/** Both ends, loaded for the decision; an end the caller may not see is as good as absent. */
async function loadEnds(ctx: Ctx, fromId: string, toId: string): Promise<{ from: EntityResource; to: EntityResource } | undefined> {
  const ends = await entityResources(ctx, [fromId, toId]);
  const [from, to] = [ends.get(fromId), ends.get(toId)];
  if (from === undefined || to === undefined) return undefined;
  const { hidden } = await visibilityFor(ctx.tenantId, ctx.principal).filter([from, to], (e) => e);
  return hidden > 0 ? undefined : { from, to };
}

export const createRelationship = defineAction({
  name: 'graph.relationship.create',
  method: 'POST',
  path: '/relationships',
  summary: 'Relate two entities of the caller tenant (entitlements are granted through /entitlements)',
  scope: 'tenant',
  status: 201,
  input: Type.Object({ from: EntityId, to: EntityId, type: RelationshipTypeName, properties: Type.Optional(Properties) }, { additionalProperties: false }),
  response: RelationshipView,
  resource: (ctx, input) => loadEnds(ctx, input.from, input.to),
  target: (_ctx, _input, _r, result) => `relationship:${(result as Relationship).relationship_id}`,
  evidenceRefs: (_ctx, _input, _r, result) => [relationshipRef(result as Relationship)],
  run: async (ctx, input) => {
    if (input.type === ENTITLED_TO) throw new Problem('invalid-request', 'grant entitlements with POST /api/v1/entitlements', { errors: [{ in: 'body', field: 'type', message: 'ENTITLED_TO is granted through /entitlements' }] });
    const properties = input.properties ?? {};
    await checkProperties('relationship', [{ type: input.type, properties }]);
    const { created: _created, ...edge } = await insertRelationship({ from_id: input.from, to_id: input.to, type: input.type, properties }, ctx.now);
    return edge;
  },
});

export const deleteRelationshipAction = defineAction({
  name: 'graph.relationship.delete',
  method: 'DELETE',
  path: '/relationships/:id',
  summary: 'Delete a relationship made through the API; the receipt names it',
  scope: 'tenant',
  params: Type.Object({ id: Uuid }),
  response: Type.Object({ deleted: RelationshipView }),
  resource: async (ctx) => {
    const edge = await getRelationship(ctx.params.id);
    return edge === undefined || (await loadEnds(ctx, edge.from_id, edge.to_id)) === undefined ? undefined : edge;
  },
  target: (ctx) => `relationship:${ctx.params.id}`,
  evidenceRefs: (_ctx, _input, edge) => [relationshipRef(edge)],
  run: async (_ctx, _input, edge) => {
    if (edge.type === ENTITLED_TO) throw new Problem('conflict', 'revoke entitlements with DELETE /api/v1/entitlements/{subject}/{entity}');
    if (edge.source !== 'api') throw new Problem('conflict', `this relationship mirrors ${edge.source} data and cannot be deleted here`, { source: edge.source });
    await deleteRelationship(edge.relationship_id);
    return { deleted: edge };
  },
});

/** The entitlement's resource: the entity, with the subject it would entitle (both must exist). */
async function entitlementResource(ctx: Ctx, subjectId: string, entityId: string): Promise<(EntityResource & { grantee: string }) | undefined> {
  const ends = await loadEnds(ctx, `subject:${subjectId}`, entityId);
  return ends === undefined ? undefined : { ...ends.to, grantee: subjectId };
}

const EntitlementView = Type.Object({ subject_id: Type.String(), entity_id: Type.String(), relationship: RelationshipView });

export const grantEntitlement = defineAction({
  name: 'graph.entitlement.grant',
  method: 'POST',
  path: '/entitlements',
  summary: 'Entitle a subject to an entity (ENTITLED_TO); the authz policy reads entitlements, so a rule can let a subject read what it is entitled to',
  scope: 'tenant',
  status: 201,
  input: Type.Object({ subject_id: SubjectIdSchema, entity_id: EntityId }, { additionalProperties: false }),
  response: EntitlementView,
  resource: (ctx, input) => entitlementResource(ctx, input.subject_id, input.entity_id),
  target: (_ctx, input) => input.entity_id,
  evidenceRefs: (_ctx, input, _r, result) => [`subject:${input.subject_id}`, relationshipRef((result as { relationship: Relationship }).relationship)],
  run: async (ctx, input) => {
    const { created: _created, ...edge } = await insertRelationship({ from_id: `subject:${input.subject_id}`, to_id: input.entity_id, type: ENTITLED_TO, properties: { granted_by: ctx.principal.subjectId } }, ctx.now);
    return { subject_id: input.subject_id, entity_id: input.entity_id, relationship: edge };
  },
});

export const revokeEntitlement = defineAction({
  name: 'graph.entitlement.revoke',
  method: 'DELETE',
  path: '/entitlements/:subjectId/:entityId',
  summary: 'Revoke a subject\u2019s entitlement to an entity',
  scope: 'tenant',
  params: Type.Object({ subjectId: SubjectIdSchema, entityId: EntityId }),
  response: EntitlementView,
  resource: async (ctx) => {
    const r = await entitlementResource(ctx, ctx.params.subjectId, ctx.params.entityId);
    if (r === undefined) return undefined;
    const edge = await findRelationship(`subject:${ctx.params.subjectId}`, ENTITLED_TO, ctx.params.entityId);
    return edge === undefined ? undefined : { ...r, relationship: edge };
  },
  target: (ctx) => ctx.params.entityId,
  evidenceRefs: (ctx, _input, r) => [`subject:${ctx.params.subjectId}`, relationshipRef(r.relationship)],
  run: async (ctx, _input, r) => {
    await deleteRelationship(r.relationship.relationship_id);
    return { subject_id: ctx.params.subjectId, entity_id: ctx.params.entityId, relationship: r.relationship };
  },
});

const TypeView = Type.Object({
  kind: StringEnum(['entity', 'relationship']),
  type_name: Type.String(),
  description: Type.String(),
  schema: Type.Record(Type.String(), Type.Unknown()),
  builtin: Type.Boolean(),
  created_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  updated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const listTypesAction = defineAction({
  name: 'graph.type.list',
  method: 'GET',
  path: '/graph/types',
  summary: 'The entity and relationship types: the built-in ones and the tenant\u2019s own, with their JSON Schemas',
  scope: 'tenant',
  response: Type.Object({ types: Type.Array(TypeView) }),
  run: async () => ({ types: await listTypes() }),
});

export const putTypeAction = defineAction({
  name: 'graph.type.put',
  method: 'PUT',
  path: '/graph/types/:kind/:name',
  summary: 'Define (or redefine) a tenant type with the JSON Schema its properties must satisfy (no regular expressions, no outside references)',
  scope: 'tenant',
  params: Type.Object({ kind: StringEnum(['entity', 'relationship']), name: Type.String({ pattern: TYPE_NAME_PATTERN.entity }) }),
  input: Type.Object({ description: Type.Optional(Type.String({ maxLength: 500 })), schema: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: false }),
  response: TypeView,
  target: (ctx) => `graph-type:${ctx.params.kind}:${ctx.params.name}`,
  run: async (ctx, input) => {
    const kind = ctx.params.kind as TypeKind;
    if (!new RegExp(TYPE_NAME_PATTERN[kind]).test(ctx.params.name)) {
      throw new Problem('invalid-request', `a ${kind} type name must match ${TYPE_NAME_PATTERN[kind]}`, { errors: [{ in: 'params', field: 'name', message: `must match ${TYPE_NAME_PATTERN[kind]}` }] });
    }
    if (isBuiltinType(kind, ctx.params.name)) throw new Problem('conflict', `${ctx.params.name} is a built-in ${kind} type`);
    checkTenantSchema(input.schema);
    return putTenantType({ kind, type_name: ctx.params.name, description: input.description ?? '', schema: input.schema }, ctx.now);
  },
});

export const relationshipActions = [createRelationship, deleteRelationshipAction, grantEntitlement, revokeEntitlement, listTypesAction, putTypeAction];
