import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../http/schema.ts';

export const FlagId = Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,63}$', description: 'flag id: lower-case, dots and dashes' });
const VariantName = Type.String({ pattern: '^[a-z][a-z0-9_-]{0,31}$' });

export const FLAG_KINDS = ['release', 'experiment', 'operational', 'kill-switch', 'permission'] as const;
/** Kinds that are temporary by nature and must say when they go away. */
export const EXPIRING_KINDS: readonly string[] = ['release', 'experiment'];
export const VALUE_TYPES = ['boolean', 'string', 'number', 'json'] as const;

/** A condition on the subject or the context: `subject.roles`, `subject.attributes.country`, `context.env`, ... */
export const TargetingRule = Type.Object(
  {
    attribute: Type.String({ pattern: '^(subject|context)(\\.[A-Za-z0-9_-]+)+$' }),
    op: StringEnum(['in', 'not_in']),
    values: Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean()]), { minItems: 1, maxItems: 100 }),
    variant: VariantName,
  },
  { additionalProperties: false },
);
export type TargetingRule = Static<typeof TargetingRule>;

/** Serve `variant` to `percent` of targeting keys, chosen by a stable hash of flag and key. */
export const Rollout = Type.Object(
  { variant: VariantName, percent: Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01 }) },
  { additionalProperties: false },
);
export type Rollout = Static<typeof Rollout>;

/** How one tenant runs a flag: what it serves by default, to whom, and whether it is on at all. */
export const FlagSetting = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean({ description: 'false serves the off variant to everyone' })),
    variant: Type.Optional(VariantName),
    targeting: Type.Optional(Type.Array(TargetingRule, { maxItems: 50 })),
    rollout: Type.Optional(Rollout),
  },
  { additionalProperties: false },
);
export type FlagSetting = Static<typeof FlagSetting>;

export const FlagDefinition = Type.Object(
  {
    flag_id: FlagId,
    description: Type.String({ minLength: 1, maxLength: 500 }),
    owner: Type.String({ minLength: 1, maxLength: 120 }),
    kind: StringEnum(FLAG_KINDS),
    type: StringEnum(VALUE_TYPES),
    variants: Type.Record(VariantName, Type.Unknown(), { minProperties: 1 }),
    default_variant: VariantName,
    /** Served when the flag is disabled for a tenant or vetoed by its policy bundle. */
    off_variant: VariantName,
    targeting: Type.Optional(Type.Array(TargetingRule, { maxItems: 50 })),
    rollout: Type.Optional(Rollout),
    per_tenant_overrides: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' }), FlagSetting)),
    expires_at: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type FlagDefinition = Static<typeof FlagDefinition>;

const typeOf = (value: unknown): (typeof VALUE_TYPES)[number] | undefined =>
  typeof value === 'boolean' ? 'boolean' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : value !== undefined ? 'json' : undefined;

/** Variant names a setting refers to that the definition does not have. */
export function unknownVariants(def: FlagDefinition, setting: FlagSetting): string[] {
  const used = [setting.variant, setting.rollout?.variant, ...(setting.targeting ?? []).map((r) => r.variant)];
  return [...new Set(used.filter((v): v is string => v !== undefined && !(v in def.variants)))];
}

/** What is wrong with a definition beyond its schema: variant types, references, required expiry. */
export function definitionProblems(def: FlagDefinition): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(def.variants)) {
    if (typeOf(value) !== def.type) problems.push(`${def.flag_id}: variant ${name} is not a ${def.type}`);
  }
  for (const v of [def.default_variant, def.off_variant]) if (!(v in def.variants)) problems.push(`${def.flag_id}: no variant ${v}`);
  for (const v of unknownVariants(def, def)) problems.push(`${def.flag_id}: no variant ${v}`);
  for (const [tenant, setting] of Object.entries(def.per_tenant_overrides ?? {})) {
    for (const v of unknownVariants(def, setting)) problems.push(`${def.flag_id}: override for ${tenant} names unknown variant ${v}`);
  }
  if (EXPIRING_KINDS.includes(def.kind) && def.expires_at === undefined) problems.push(`${def.flag_id}: a ${def.kind} flag needs expires_at`);
  return problems;
}
