import { Type, type Static } from '@sinclair/typebox';
import { BrandColors, contrastProblems } from '../branding/branding-model.ts';
import { invalidateBranding } from '../branding/branding-cache.ts';
import { putBranding } from '../branding/branding-store.ts';
import { currentBrandingView } from '../branding/branding-view.ts';
import { LOGO_TYPES, logoProblem } from '../branding/logo.ts';
import { isEnvelope, signEnvelope, verifyEnvelope, type DsseEnvelope } from '../evidence/dsse.ts';
import { FlagId, FlagSetting, unknownVariants } from '../flags/flag-model.ts';
import { flagService } from '../flags/flag-service.ts';
import { schemaCheck } from '../flags/json-schema.ts';
import { flagSettings, writeFlagSetting } from '../flags/flag-store.ts';
import { Problem } from '../http/problem.ts';
import { StringEnum } from '../http/schema.ts';
import { jwkValidAt, JwksError, parseJwks, type Jwks } from '../keys/jwks.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { defineAction, type RunContext } from '../pipeline/define-action.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { TenantConfig, TenantId } from './tenant-config.ts';
import { getCurrentTenant, updateCurrentTenantConfig } from './tenants.ts';
import { shownConfig, storedConfig } from './allowed-regions.ts';

// The white-label kit: a tenant's configuration, flag settings, branding and policy-bundle data as
// one JSON document, signed (DSSE) with the tenant's Ed25519 key, that another CompanyOS imports.

export const CONFIG_DOCUMENT_FORMAT = 'companyos.config-document/v1';
export const CONFIG_DOCUMENT_TYPE = 'application/vnd.companyos.config-document+json';

export const ConfigDocument = Type.Object(
  {
    format: Type.Literal(CONFIG_DOCUMENT_FORMAT),
    source_tenant: TenantId,
    exported_at: Type.String({ format: 'date-time' }),
    config: TenantConfig,
    branding: Type.Object(
      {
        product_name: Type.String({ minLength: 1, maxLength: 80 }),
        colors: BrandColors,
        logo_url: Type.Union([Type.String({ format: 'uri', pattern: '^https://' }), Type.Null()]),
        logo: Type.Union([Type.Object({ content_type: StringEnum(LOGO_TYPES), data_base64: Type.String() }, { additionalProperties: false }), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    flags: Type.Record(FlagId, FlagSetting),
    bundle: Type.Object({ hash: Type.String(), data: Type.Unknown() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type ConfigDocument = Static<typeof ConfigDocument>;

const validDocument = schemaCheck(ConfigDocument);

/** Settings an import may change; the tenant's identity, home region, owner and bundle reference stay its own. */
const IMPORTED_FIELDS = ['display_name', 'env', 'feature_flags', 'allowed_regions', 'data_classes', 'redaction_preset', 'limits', 'branding'] as const;
const KEPT_FIELDS = ['data_region', 'owner_contact', 'policy_bundle_ref'] as const;

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

type BrandingSection = ConfigDocument['branding'];

/** The branding of the tenant in context as the document carries it (an uploaded logo inline). */
async function brandingSection(): Promise<{ config: TenantConfig; branding: BrandingSection }> {
  const found = (await currentBrandingView())!;
  const logo = found.stored?.logo ?? null;
  return {
    config: shownConfig(found.config),
    branding: {
      product_name: found.view.product_name,
      colors: found.view.colors,
      logo_url: logo === null ? found.view.logo_url : null,
      logo: logo === null ? null : { content_type: found.stored!.logo_type as (typeof LOGO_TYPES)[number], data_base64: Buffer.from(logo).toString('base64') },
    },
  };
}

/** The current tenant's configuration document, in its transaction. */
export async function buildConfigDocument(now: Date): Promise<ConfigDocument> {
  const { config, branding } = await brandingSection();
  const bundle = flagService().bundle(config.tenant_id);
  return {
    format: CONFIG_DOCUMENT_FORMAT,
    source_tenant: config.tenant_id,
    exported_at: now.toISOString(),
    config,
    branding,
    flags: Object.fromEntries(await flagSettings()),
    bundle: { hash: bundle.hash, data: bundle.data },
  };
}

/** Checks the kit's signature against the source's published JWKS and its shape; fails closed. */
export function openKit(kit: unknown, jwks: unknown): { document: ConfigDocument; kid: string } {
  const refuse = (detail: string) => new Problem('invalid-request', `the configuration document is refused: ${detail}`, { errors: [{ in: 'body', field: 'kit', message: detail }] });
  if (!isEnvelope(kit)) throw refuse('it is not a DSSE envelope');
  if (kit.payloadType !== CONFIG_DOCUMENT_TYPE) throw refuse(`its payload type is ${kit.payloadType}, not ${CONFIG_DOCUMENT_TYPE}`);
  let keys: Jwks;
  try {
    keys = parseJwks(jwks);
  } catch (error) {
    if (error instanceof JwksError) throw refuse(`the JWKS is invalid: ${error.message}`);
    throw error;
  }
  const checked = verifyEnvelope(kit, keys);
  if (!checked.ok) throw refuse(checked.reason);
  let document: unknown;
  try {
    document = JSON.parse(checked.payload.toString('utf8'));
  } catch {
    throw refuse('its payload is not JSON');
  }
  if (!validDocument(document)) {
    throw refuse(validDocument.problems().join('; '));
  }
  const exportedAt = new Date(document.exported_at);
  const expired = checked.keys.find((k) => !jwkValidAt(k, exportedAt));
  if (expired !== undefined) throw refuse(`key ${expired.kid} was not valid when the document says it was signed`);
  return { document, kid: checked.keys[0]!.kid };
}

export interface ImportOutcome {
  source_tenant: string;
  signed_by: string;
  dry_run: boolean;
  applied: string[];
  unchanged: string[];
  refused: { item: string; reason: string }[];
}

type ImportContext = Pick<RunContext, 'tenantId' | 'requestId' | 'now' | 'principal'>;

/** What an import will do: the outcome so far and the writes of every accepted item. */
class ImportPlan {
  readonly effects: (() => Promise<unknown>)[] = [];
  constructor(readonly out: ImportOutcome) {}

  accept(item: string, effect?: () => Promise<unknown>): void {
    this.out.applied.push(item);
    if (effect !== undefined) this.effects.push(effect);
  }

  refuse(item: string, reason: string): void {
    this.out.refused.push({ item, reason });
  }

  unchanged(item: string): void {
    this.out.unchanged.push(item);
  }
}

// Settings: one update with every accepted field.
async function planConfig(plan: ImportPlan, doc: ConfigDocument, ctx: ImportContext): Promise<void> {
  const tenant = (await getCurrentTenant())!;
  const shown = shownConfig(tenant.config);
  const patch: Partial<TenantConfig> = {};
  for (const field of KEPT_FIELDS) {
    if (!same(doc.config[field], tenant.config[field])) plan.refuse(`config.${field}`, `the ${field} of a tenant is its own and is not imported`);
  }
  for (const field of IMPORTED_FIELDS) {
    if (same(doc.config[field], shown[field])) plan.unchanged(`config.${field}`);
    else if (field === 'allowed_regions') {
      plan.refuse('config.allowed_regions', "decided by this tenant's active policy version, not imported with the settings");
    } else {
      Object.assign(patch, { [field]: doc.config[field] });
      plan.accept(`config.${field}`);
    }
  }
  if (Object.keys(patch).length === 0) return;
  plan.effects.push(async () => {
    await updateCurrentTenantConfig({ ...storedConfig(tenant.config), ...patch }, ctx.now);
    invalidateBranding(ctx.tenantId);
  });
}

async function planBranding(plan: ImportPlan, doc: ConfigDocument, ctx: ImportContext): Promise<void> {
  const b = doc.branding;
  const logo = b.logo === null ? null : Buffer.from(b.logo.data_base64, 'base64');
  const problems = [
    ...contrastProblems(b.colors).map((p) => `${p.field}: ${p.message}`),
    ...(b.logo === null ? [] : [logoProblem(logo!, b.logo.content_type)].filter((p): p is string => p !== undefined)),
  ];
  if (problems.length > 0) plan.refuse('branding', problems.join('; '));
  else if (same(b, (await brandingSection()).branding)) plan.unchanged('branding');
  else {
    plan.accept('branding', async () => {
      await putBranding({ product_name: b.product_name, colors: b.colors, logo_url: b.logo_url, logo_type: b.logo?.content_type ?? null, logo }, ctx.now);
      invalidateBranding(ctx.tenantId);
    });
  }
}

// The tenant ends with exactly the document's flag settings (settings it lacks are cleared).
async function planFlags(plan: ImportPlan, doc: ConfigDocument, ctx: ImportContext): Promise<void> {
  const service = flagService();
  const mine = await flagSettings();
  const change = { actor: ctx.principal.subjectId, kind: 'import' as const, requestId: ctx.requestId, at: ctx.now };
  let changed = false;
  for (const flagId of [...new Set([...Object.keys(doc.flags), ...mine.keys()])].sort()) {
    const item = `flags.${flagId}`;
    const wanted = doc.flags[flagId] ?? null;
    const def = service.definitions.get(flagId);
    const unknown = def === undefined || wanted === null ? [] : unknownVariants(def, wanted);
    if (def === undefined) plan.refuse(item, `no flag ${flagId} is defined here`);
    else if (unknown.length > 0) plan.refuse(item, `flag ${flagId} has no variant ${unknown.join(', ')} here`);
    else if (same(wanted, mine.get(flagId))) plan.unchanged(item);
    else {
      changed = true;
      plan.accept(item, () => writeFlagSetting(flagId, wanted, change));
    }
  }
  if (changed) plan.effects.push(async () => service.invalidate(ctx.tenantId));
}

// Policy-bundle data changes only through the bundle lifecycle (propose, test, activate).
function planBundle(plan: ImportPlan, doc: ConfigDocument, ctx: ImportContext): void {
  if (same(doc.bundle.data, flagService().bundle(ctx.tenantId).data)) plan.unchanged('bundle.data');
  else plan.refuse('bundle.data', "it differs from this tenant's active bundle; propose it as a bundle version (policy.bundle.propose) and activate it");
}

/**
 * Compares the document with the current tenant item by item, then (unless a dry run) applies
 * every accepted item in the caller's transaction. Nothing refused is applied.
 */
export async function importConfigDocument(ctx: ImportContext, doc: ConfigDocument, kid: string, dryRun: boolean): Promise<ImportOutcome> {
  const plan = new ImportPlan({ source_tenant: doc.source_tenant, signed_by: kid, dry_run: dryRun, applied: [], unchanged: [], refused: [] });
  await planConfig(plan, doc, ctx);
  await planBranding(plan, doc, ctx);
  await planFlags(plan, doc, ctx);
  planBundle(plan, doc, ctx);
  if (!dryRun) for (const effect of plan.effects) await effect();
  return plan.out;
}

const Params = Type.Object({ id: TenantId });
const Envelope = Type.Object({
  payloadType: Type.String(),
  payload: Type.String(),
  signatures: Type.Array(Type.Object({ keyid: Type.String(), sig: Type.String() }), { minItems: 1 }),
});

export const exportKit = defineAction({
  name: 'tenant.kit.export',
  method: 'GET',
  path: '/tenants/:id/kit',
  summary: "Export the tenant's configuration, flags, branding and bundle data as one signed document (the white-label kit)",
  scope: 'tenant',
  tenantParam: 'id',
  params: Params,
  response: Type.Object({ kit: Envelope, jwks: Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) }) }),
  target: (ctx) => `tenant:${ctx.tenantId}:kit`,
  run: async (ctx): Promise<{ kit: DsseEnvelope; jwks: Jwks }> => {
    const document = await buildConfigDocument(ctx.now);
    const keys = ledgerServices().keys;
    const kit = await signEnvelope(CONFIG_DOCUMENT_TYPE, Buffer.from(canonicalJson(document), 'utf8'), await keys.signer(ctx.now));
    return { kit, jwks: await keys.jwks() };
  },
});

export const importKit = defineAction({
  name: 'tenant.kit.import',
  method: 'POST',
  path: '/tenants/:id/kit',
  summary: "Import a signed configuration document into the tenant: verified and validated first, applied as one action; names everything refused",
  scope: 'tenant',
  tenantParam: 'id',
  params: Params,
  input: Type.Object(
    {
      kit: Envelope,
      /** The source tenant's published keys (its GET /tenants/{id}/jwks.json). */
      jwks: Type.Object({ keys: Type.Array(Type.Unknown(), { minItems: 1 }) }),
      dry_run: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    source_tenant: Type.String(),
    signed_by: Type.String(),
    dry_run: Type.Boolean(),
    applied: Type.Array(Type.String()),
    unchanged: Type.Array(Type.String()),
    refused: Type.Array(Type.Object({ item: Type.String(), reason: Type.String() })),
  }),
  target: (ctx) => `tenant:${ctx.tenantId}:kit`,
  run: async (ctx, input) => {
    const { document, kid } = openKit(input.kit, input.jwks);
    return importConfigDocument(ctx, document, kid, input.dry_run === true);
  },
});

export const configDocumentActions = [exportKit, importKit];
