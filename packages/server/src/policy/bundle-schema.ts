import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DataClass, Region } from '../tenancy/tenant-config.ts';

// The settings' enums are declared for the HTTP validator; TypeBox's own checker needs literals.
const literals = (schema: TSchema) => Type.Union((schema as unknown as { enum: string[] }).enum.map((v) => Type.Literal(v)));
const RegionValue = literals(Region);

const ActionName = Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$' });
const RoleName = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,63}$' });
/** A short label of what a bundle governs (`pii`, `finance`, `export`), shown to platform operators. */
export const BundleTag = Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$' });
const Pointer = Type.String({ pattern: '^/(input|result)(/[^/]+)*$', description: 'a JSON pointer into the decision log entry' });

/** A decision-log mask rule, as in OPA: remove a field, or replace its value. */
export const MaskRule = Type.Union([
  Pointer,
  Type.Object({ op: Type.Literal('remove'), path: Pointer }, { additionalProperties: false }),
  Type.Object({ op: Type.Literal('upsert'), path: Pointer, value: Type.Unknown() }, { additionalProperties: false }),
]);
export type MaskRule = Static<typeof MaskRule>;

const Approvals = Type.Object(
  {
    requester_roles: Type.Array(RoleName, { minItems: 1 }),
    approver_roles: Type.Array(RoleName, { minItems: 1 }),
  },
  { additionalProperties: true },
);

/**
 * The data document of a bundle (`data.json`): the role catalog, the tenant's constraints
 * (regions, data classes, limits, features), tags naming what it governs and the settings of the
 * domain policies. `tenant` is free-form, for the tenant's own modules.
 */
export const BundleData = Type.Object(
  {
    platform_tenants: Type.Array(Type.String()),
    platform_actions: Type.Array(ActionName),
    step_up_actions: Type.Array(ActionName),
    export_actions: Type.Array(ActionName),
    roles: Type.Record(RoleName, Type.Array(ActionName)),
    allowed_regions: Type.Optional(Type.Array(RegionValue, { minItems: 1, uniqueItems: true })),
    data_classes: Type.Optional(Type.Array(literals(DataClass), { uniqueItems: true })),
    limits: Type.Optional(Type.Record(Type.String(), Type.Number())),
    features: Type.Optional(Type.Record(Type.String(), Type.Object({ allowed: Type.Boolean(), reason: Type.Optional(Type.String()) }))),
    tags: Type.Optional(Type.Array(BundleTag, { maxItems: 20, uniqueItems: true })),
    mask_rules: Type.Array(MaskRule),
    export: Type.Object({
      admin_roles: Type.Array(RoleName),
      step_up_max_age_s: Type.Integer({ minimum: 60, maximum: 3600 }),
      /** Regions besides the tenant's data region whose users may receive its evidence (policies/base/export.rego). */
      cross_region_allowed: Type.Optional(Type.Array(RegionValue, { uniqueItems: true })),
    }),
    high_risk: Type.Object({
      operations: Type.Record(Type.String(), Type.Intersect([Approvals, Type.Object({ max_duration_minutes: Type.Integer({ minimum: 1 }) })])),
    }),
    /** Who may ask for a purge of each scope, and whose approvals it needs (policies/base/purge). */
    purge: Type.Optional(Type.Object({ scopes: Type.Record(Type.String(), Approvals) })),
    revops: Type.Object({
      discount: Type.Intersect([Approvals, Type.Object({ self_approve_max_pct: Type.Number({ minimum: 0, maximum: 100 }) })]),
    }),
    presentation: Type.Object({
      purposes: Type.Record(Type.String(), Type.Object({ legal_bases: Type.Array(Type.String()) })),
      record_types: Type.Record(
        Type.String(),
        Type.Object({
          fields: Type.Array(Type.String()),
          always: Type.Array(Type.String()),
          purposes: Type.Record(Type.String(), Type.Array(Type.String())),
          roles: Type.Record(Type.String(), Type.Array(Type.String())),
        }),
      ),
    }),
    tenant: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** Entity types seen only by the roles listed (and by subjects entitled to the entity). */
    graph: Type.Optional(Type.Object({ restricted_types: Type.Record(Type.String(), Type.Array(RoleName)) })),
    /** Who may resolve a critical incident. */
    incidents: Type.Optional(Type.Object({ critical_resolver_roles: Type.Array(RoleName, { minItems: 1 }) })),
  },
  { additionalProperties: false },
);
export type BundleData = Static<typeof BundleData>;

/** What is wrong with a data document, one line per problem (empty when it is valid). */
export function dataProblems(data: unknown): string[] {
  return [...Value.Errors(BundleData, data)].map((e) => `data.json${e.path.replaceAll('/', '.') || ''}: ${e.message}`).slice(0, 50);
}
