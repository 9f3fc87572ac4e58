import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../http/schema.ts';

export const TenantId = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'lower-case slug' });
export const REGIONS = ['eu', 'us', 'uk', 'apac'] as const;
export const Region = StringEnum(REGIONS);
export const DataClass = StringEnum(['public', 'internal', 'confidential', 'restricted']);

export const Limits = Type.Object(
  {
    max_runs_per_hour: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    max_exports_per_day: Type.Integer({ minimum: 0, maximum: 100_000 }),
  },
  { additionalProperties: false },
);

export const Branding = Type.Object(
  {
    product_name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    primary_color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    logo_url: Type.Optional(Type.String({ format: 'uri', pattern: '^https://' })),
  },
  { additionalProperties: false },
);

/**
 * How long each data class is kept before the retention job purges it (ADR 0025), in days; a class
 * absent is kept until someone purges it. `former_subjects`: a disabled subject's personal data,
 * counted from the subject's last change.
 */
export const Retention = Type.Object(
  {
    former_subjects: Type.Optional(Type.Integer({ minimum: 1, maximum: 36_500, description: 'days a disabled subject is kept before it is purged' })),
  },
  { additionalProperties: false },
);
export type Retention = Static<typeof Retention>;

export const TenantConfig = Type.Object(
  {
    tenant_id: TenantId,
    display_name: Type.String({ minLength: 1, maxLength: 120 }),
    env: StringEnum(['dev', 'staging', 'prod']),
    policy_bundle_ref: Type.String({ minLength: 1, maxLength: 200 }),
    feature_flags: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,63}$' }), Type.Boolean()),
    data_region: Region,
    /** Shown, never stored: the tenant's active policy bundle decides them (see allowed-regions.ts). */
    allowed_regions: Type.Optional(Type.Array(Region, { minItems: 1, uniqueItems: true })),
    owner_contact: Type.String({ format: 'email', maxLength: 254 }),
    data_classes: Type.Array(DataClass, { uniqueItems: true }),
    redaction_preset: StringEnum(['strict', 'standard']),
    limits: Limits,
    branding: Branding,
    retention: Type.Optional(Retention),
  },
  { additionalProperties: false },
);
export type TenantConfig = Static<typeof TenantConfig>;

/** Fields a tenant admin may change; the tenant id never changes. */
export const TenantConfigPatch = Type.Object(
  {
    tenant_id: Type.Optional(TenantId),
    display_name: Type.Optional(TenantConfig.properties.display_name),
    env: Type.Optional(TenantConfig.properties.env),
    policy_bundle_ref: Type.Optional(TenantConfig.properties.policy_bundle_ref),
    feature_flags: Type.Optional(TenantConfig.properties.feature_flags),
    data_region: Type.Optional(Region),
    allowed_regions: TenantConfig.properties.allowed_regions,
    owner_contact: Type.Optional(TenantConfig.properties.owner_contact),
    data_classes: Type.Optional(TenantConfig.properties.data_classes),
    redaction_preset: Type.Optional(TenantConfig.properties.redaction_preset),
    limits: Type.Optional(Limits),
    branding: Type.Optional(Branding),
    retention: Type.Optional(Retention),
  },
  { additionalProperties: false },
);
export type TenantConfigPatch = Static<typeof TenantConfigPatch>;

/** The safe-defaults template for a new tenant: home region only, conservative quotas, strict redaction. */
export function defaultTenantConfig(input: {
  tenant_id: string;
  display_name: string;
  data_region: Static<typeof Region>;
  owner_contact: string;
  env?: 'dev' | 'staging' | 'prod' | undefined;
}): TenantConfig {
  return {
    tenant_id: input.tenant_id,
    display_name: input.display_name,
    env: input.env ?? 'dev',
    policy_bundle_ref: 'base',
    feature_flags: {},
    data_region: input.data_region,
    owner_contact: input.owner_contact,
    data_classes: ['public', 'internal'],
    redaction_preset: 'strict',
    limits: { max_runs_per_hour: 60, max_exports_per_day: 5 },
    branding: {},
  };
}
