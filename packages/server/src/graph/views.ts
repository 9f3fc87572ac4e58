import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../http/schema.ts';
import type { ActionContext } from '../pipeline/define-action.ts';
import { entitiesWithEntitled, type Entity } from './entity-store.ts';

// The graph API's shapes (request parts and views) and the resource its entity actions decide on.

export const ENTITY_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$';
export const EntityId = Type.String({ pattern: ENTITY_ID_PATTERN, description: 'an entity id: a UUID for entities made here, `subject:<id>` and the like for mirrored domain objects' });
export const Uuid = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' });
export const EntityTypeName = Type.String({ pattern: '^[A-Z][A-Za-z0-9_]{0,63}$' });
export const RelationshipTypeName = Type.String({ pattern: '^[A-Z][A-Z0-9_]{0,63}$' });
export const Properties = Type.Record(Type.String({ maxLength: 200 }), Type.Unknown(), { maxProperties: 200, description: 'checked against the JSON Schema of the type' });
export const ClientKey = Type.String({ minLength: 1, maxLength: 200, description: 'the client\u2019s idempotency key: a retry with the same key returns the entity it made' });
export const Owner = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$', description: 'a subject id' });
/** A comma-separated list of relationship types. */
export const TypeList = Type.String({ pattern: '^[A-Z][A-Z0-9_]{0,63}(,[A-Z][A-Z0-9_]{0,63}){0,19}$', description: 'relationship types, comma-separated (default: all)' });
export const Limit = (max: number, dflt: number) => Type.String({ pattern: '^[1-9][0-9]{0,4}$', description: `1 to ${max}, default ${dflt}` });

export const EntityView = Type.Object({
  entity_id: Type.String(),
  type: Type.String(),
  properties: Type.Record(Type.String(), Type.Unknown()),
  owner: Nullable(Type.String()),
  source: Type.String({ description: '`api` for entities made here; otherwise the domain that owns the object' }),
  key: Nullable(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const RelationshipView = Type.Object({
  relationship_id: Type.String(),
  from_id: Type.String(),
  to_id: Type.String(),
  type: Type.String(),
  properties: Type.Record(Type.String(), Type.Unknown()),
  source: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});

export const Direction = StringEnum(['out', 'in', 'both']);

export const entityView = (e: Entity) => {
  const { client_key, ...rest } = e;
  return { ...rest, key: client_key };
};

/** What the policy sees of an entity: the entity and the subjects entitled to it (the caller first). */
export type EntityResource = Entity & { entity_id: string; entitled_subjects: string[] };

export const EntityParams = Type.Object({ id: EntityId });

export async function loadEntityResource(ctx: ActionContext<{ id: string }, unknown>, o: { lock?: boolean } = {}): Promise<EntityResource | undefined> {
  return entityResource(ctx, ctx.params.id, o);
}

export async function entityResource(ctx: Pick<ActionContext, 'principal'>, id: string, o: { lock?: boolean } = {}): Promise<EntityResource | undefined> {
  return (await entityResources(ctx, [id], o)).get(id);
}

/** Entities by id as the policy sees them, in one read; absent ids are absent from the map. */
export function entityResources(ctx: Pick<ActionContext, 'principal'>, ids: string[], o: { lock?: boolean } = {}): Promise<Map<string, EntityResource>> {
  return entitiesWithEntitled(ids, ctx.principal.subjectId, o);
}

export function limitOf(raw: string | undefined, max: number, dflt: number): number {
  return raw === undefined ? dflt : Math.min(Number(raw), max);
}

export function typesOf(raw: string | undefined): string[] {
  return raw === undefined ? [] : [...new Set(raw.split(','))];
}
