import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { deleteEntity, insertEntities, listEntities, relationshipRef, updateEntity, type Entity, type NewEntity, type Relationship } from './entity-store.ts';
import { checkProperties } from './graph-types.ts';
import {
  ClientKey,
  ENTITY_ID_PATTERN,
  EntityParams,
  EntityTypeName,
  EntityView,
  entityView,
  Limit,
  limitOf,
  loadEntityResource,
  Owner,
  Properties,
  RelationshipView,
  type EntityResource,
} from './views.ts';
import { visibilityFor } from './visibility.ts';

const PATH = '/entities';
export const MAX_BATCH = 10_000;

const NewEntityInput = Type.Object(
  { type: EntityTypeName, properties: Type.Optional(Properties), owner: Type.Optional(Owner), key: Type.Optional(ClientKey) },
  { additionalProperties: false },
);

/** An item whose key made an entity before must describe the same entity: a key is not reused for another. */
function sameAsBefore(made: Entity & { created: boolean }, item: NewEntity): boolean {
  return made.created || (made.type === item.type && canonicalJson(made.properties) === canonicalJson(item.properties));
}

function keyReused(keys: string[]): Problem {
  return new Problem('conflict', `the key ${keys[0]!} already made an entity with other content`, { keys: keys.slice(0, 20) });
}

/** Entities made through the API may be changed there; mirrored ones belong to their domain. */
function requireApiEntity(e: Entity, verb: string): void {
  if (e.source !== 'api') throw new Problem('conflict', `${e.entity_id} mirrors a ${e.source} object and cannot be ${verb} here; change the object itself`, { source: e.source });
}

export const createEntity = defineAction({
  name: 'graph.entity.create',
  method: 'POST',
  path: PATH,
  summary: 'Create an entity of a built-in or tenant-defined type; its properties are checked against the type\u2019s JSON Schema',
  scope: 'tenant',
  status: 201,
  input: NewEntityInput,
  response: EntityView,
  target: (_ctx, _input, _r, result) => (result as Entity).entity_id,
  run: async (ctx, input) => {
    const item = { type: input.type, properties: input.properties ?? {}, owner: input.owner ?? ctx.principal.subjectId, client_key: input.key };
    await checkProperties('entity', [item]);
    const [made] = await insertEntities([item], ctx.now);
    if (!sameAsBefore(made!, item)) throw keyReused([input.key!]);
    return entityView(made!);
  },
});

export const batchEntities = defineAction({
  name: 'graph.entity.batch',
  method: 'POST',
  path: `${PATH}::batch`,
  summary: `Ingest up to ${MAX_BATCH} entities at once (a JSON array, or NDJSON as application/x-ndjson): all or nothing, idempotent by each item\u2019s key`,
  scope: 'tenant',
  bodyLimit: 32 * 1024 * 1024,
  input: Type.Array(Type.Object({ type: EntityTypeName, properties: Type.Optional(Properties), owner: Type.Optional(Owner), key: ClientKey }, { additionalProperties: false }), {
    minItems: 1,
    maxItems: MAX_BATCH,
  }),
  response: Type.Object({
    created: Type.Integer({ description: 'entities made by this call' }),
    existing: Type.Integer({ description: 'items whose key had made an entity before (returned, not made again)' }),
    entities: Type.Array(Type.Object({ key: Type.String(), entity_id: Type.String(), created: Type.Boolean() })),
  }),
  run: async (ctx, input) => {
    const seen = new Set<string>();
    const dupes = input.filter((i) => seen.size === seen.add(i.key).size).map((i) => i.key);
    if (dupes.length > 0) throw new Problem('invalid-request', `the key ${dupes[0]!} is used by more than one item`, { errors: dupes.slice(0, 20).map((k) => ({ in: 'body', field: 'key', message: `${k} is repeated` })) });
    const items = input.map((i) => ({ type: i.type, properties: i.properties ?? {}, owner: i.owner ?? ctx.principal.subjectId, client_key: i.key }));
    await checkProperties('entity', items);
    const made = await insertEntities(items, ctx.now);
    const reused = made.flatMap((m, n) => (sameAsBefore(m, items[n]!) ? [] : [items[n]!.client_key]));
    if (reused.length > 0) throw keyReused(reused);
    const created = made.filter((m) => m.created).length;
    return { created, existing: made.length - created, entities: made.map((m, n) => ({ key: items[n]!.client_key, entity_id: m.entity_id, created: m.created })) };
  },
});

export const getEntityAction = defineAction({
  name: 'graph.entity.get',
  method: 'GET',
  path: `${PATH}/:id`,
  summary: 'One entity (the policy may let a subject read one it owns or is entitled to)',
  scope: 'tenant',
  params: EntityParams,
  response: EntityView,
  resource: (ctx) => loadEntityResource(ctx),
  target: (ctx) => ctx.params.id,
  run: async (_ctx, _input, r: EntityResource) => {
    const { entitled_subjects: _omitted, ...entity } = r;
    return entityView(entity);
  },
});

export const updateEntityAction = defineAction({
  name: 'graph.entity.update',
  method: 'PATCH',
  path: `${PATH}/:id`,
  summary: 'Replace an entity\u2019s properties (checked against its type\u2019s schema) or change its owner',
  scope: 'tenant',
  params: EntityParams,
  input: Type.Object({ properties: Type.Optional(Properties), owner: Type.Optional(Type.Union([Owner, Type.Null()])) }, { additionalProperties: false, minProperties: 1 }),
  response: EntityView,
  resource: (ctx) => loadEntityResource(ctx, { lock: true }),
  target: (ctx) => ctx.params.id,
  run: async (ctx, input, r: EntityResource) => {
    requireApiEntity(r, 'changed');
    if (input.properties !== undefined) await checkProperties('entity', [{ type: r.type, properties: input.properties }]);
    return entityView(await updateEntity(r.entity_id, input, ctx.now));
  },
});

export const deleteEntityAction = defineAction({
  name: 'graph.entity.delete',
  method: 'DELETE',
  path: `${PATH}/:id`,
  summary: 'Delete an entity and its relationships; the receipt names the entity and each relationship that went',
  scope: 'tenant',
  params: EntityParams,
  response: Type.Object({ deleted: EntityView, relationships: Type.Array(RelationshipView) }),
  resource: (ctx) => loadEntityResource(ctx, { lock: true }),
  target: (ctx) => ctx.params.id,
  evidenceRefs: (_ctx, _input, r, result) => [
    `entity:${r.entity_id}:${r.type}`,
    ...(result as { relationships: Relationship[] }).relationships.map(relationshipRef),
  ],
  run: async (_ctx, _input, r: EntityResource) => {
    requireApiEntity(r, 'deleted');
    const relationships = await deleteEntity(r.entity_id);
    const { entitled_subjects: _omitted, ...entity } = r;
    return { deleted: entityView(entity), relationships };
  },
});

const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!new RegExp(ENTITY_ID_PATTERN).test(id)) throw new Problem('invalid-request', 'the cursor is not one this API gave out', { errors: [{ in: 'querystring', field: 'after', message: 'unknown cursor' }] });
  return id;
}

function parseWhere(raw: string): Record<string, unknown> {
  let where: unknown;
  try {
    where = JSON.parse(raw);
  } catch {
    where = undefined;
  }
  if (where === null || typeof where !== 'object' || Array.isArray(where)) {
    throw new Problem('invalid-request', 'where must be a JSON object of properties to match', { errors: [{ in: 'querystring', field: 'where', message: 'must be a JSON object' }] });
  }
  return where as Record<string, unknown>;
}

export const listEntitiesAction = defineAction({
  name: 'graph.entity.list',
  method: 'GET',
  path: PATH,
  summary: 'Entities by type, owner and property values, a page at a time (keyset pagination); ones the caller may not see are counted, not listed',
  scope: 'tenant',
  query: Type.Object(
    {
      type: Type.Optional(EntityTypeName),
      owner: Type.Optional(Owner),
      where: Type.Optional(Type.String({ maxLength: 2000, description: 'a JSON object the properties must contain, e.g. {"status":"open"}' })),
      after: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,300}$', description: 'the next_cursor of the page before' })),
      limit: Type.Optional(Limit(1000, 100)),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ entities: Type.Array(EntityView), hidden: Type.Integer({ description: 'entities of this page the caller may not see' }), next_cursor: Type.Union([Type.String(), Type.Null()]) }),
  run: async (ctx) => {
    const limit = limitOf(ctx.query.limit, 1000, 100);
    const page = await listEntities({
      type: ctx.query.type,
      owner: ctx.query.owner,
      where: ctx.query.where === undefined ? undefined : parseWhere(ctx.query.where),
      after: ctx.query.after === undefined ? undefined : decodeCursor(ctx.query.after),
      limit,
    });
    const { visible, hidden } = await visibilityFor(ctx.tenantId, ctx.principal).filter(page, (e) => e);
    const last = page.at(-1);
    return { entities: visible.map(entityView), hidden, next_cursor: page.length === limit && last !== undefined ? encodeCursor(last.entity_id) : null };
  },
});

export const entityActions = [createEntity, batchEntities, getEntityAction, updateEntityAction, deleteEntityAction, listEntitiesAction];
