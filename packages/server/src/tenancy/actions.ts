import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { asTenant } from '../db/tenant-tx.ts';
import { SubjectAttributes, SubjectIdSchema } from '../identity/actions.ts';
import { insertSubject } from '../identity/subjects.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { requireFeature } from '../flags/feature-guard.ts';
import { FlagId } from '../flags/flag-model.ts';
import { BundleTag } from '../policy/bundle-schema.ts';
import { defaultTenantConfig, Region, TenantConfig, TenantConfigPatch, TenantId } from './tenant-config.ts';
import { StringEnum } from '../http/schema.ts';
import { findTenant, getCurrentTenant, insertTenant, listTenantsPage, setTenantStatus, updateCurrentTenantConfig, type Tenant } from './tenants.ts';
import { After, NextAfter, nextAfter, PageLimit, pageLimit } from '../http/keyset-page.ts';
import { withBundlesAndFlags } from './tenant-listing.ts';
import { allowedRegions, shownConfig, storedConfig } from './allowed-regions.ts';
import { refuseRegionMove } from './region-move.ts';
import { canonicalJson, canonicalSha256 } from '../util/canonical-json.ts';
import { appendAuditEvent } from '../audit/audit-events.ts';
import { AuditEventView } from '../audit/actions.ts';
import { tenantOverview } from './tenant-overview.ts';
import { keepsRetention, scheduleRetention } from '../workflows/purge/retention-job.ts';

const TenantIdParams = Type.Object({ id: TenantId });

export const TenantView = Type.Object({
  tenant_id: Type.String(),
  status: StringEnum(['active', 'disabled', 'purged']),
  config: TenantConfig,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

/** What the platform operator's list adds: the tenant's active policy bundle and the flags on for it. */
const TenantListingView = Type.Composite([
  TenantView,
  Type.Object({
    policy_bundle: Type.Object({
      version: Type.Union([Type.Integer(), Type.Null()], { description: 'null: the server base bundle' }),
      hash: Type.String(),
      tags: Type.Array(BundleTag),
    }),
    enabled_flags: Type.Array(FlagId, { description: 'boolean flags on for the tenant itself (no subject)' }),
  }),
]);

/** One tenant as the operator's page shows it. */
const TenantOverviewView = Type.Composite([
  TenantListingView,
  Type.Object({
    plan: Type.Object({
      plan_id: Type.String(),
      plan_version: Type.Integer(),
      internal: Type.Boolean(),
      effective_from: Type.String({ format: 'date' }),
      assigned_by: Type.String(),
      assigned_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'null: the default plan, never assigned' }),
    }),
    activations: Type.Array(
      Type.Object({ version: Type.Integer(), hash: Type.String(), kind: StringEnum(['activate', 'rollback']), actor: Type.String(), activated_at: Type.String({ format: 'date-time' }) }),
      { description: 'newest first, up to 20' },
    ),
    keys: Type.Array(Type.Object({ kid: Type.String(), status: StringEnum(['active', 'retired']), nbf: Type.Integer(), exp: Type.Optional(Type.Integer()) }, { additionalProperties: true })),
    quotas: Type.Array(Type.Object({ quota: StringEnum(['runs', 'exports']), limit: Type.Integer(), used: Type.Integer(), window_seconds: Type.Integer() })),
    recent_audit: Type.Array(AuditEventView, { description: 'newest first, up to 20' }),
  }),
]);

const loadTenant = async (ctx: { params: { id: string } }): Promise<Tenant | undefined> => findTenant(ctx.params.id);

export const createTenant = defineAction({
  name: 'tenant.create',
  method: 'POST',
  path: '/tenants',
  summary: 'Create a tenant from the safe-defaults template (platform operators)',
  scope: 'platform',
  status: 201,
  input: Type.Object(
    {
      tenant_id: TenantId,
      display_name: Type.String({ minLength: 1, maxLength: 120 }),
      data_region: Region,
      owner_contact: Type.String({ format: 'email', maxLength: 254 }),
      env: Type.Optional(StringEnum(['dev', 'staging', 'prod'])),
      /** The tenant's first CompanyAdmin, so someone can sign in to the new tenant. */
      admin: Type.Optional(
        Type.Object(
          {
            subject_id: SubjectIdSchema,
            display_name: Type.String({ minLength: 1, maxLength: 120 }),
            attributes: Type.Optional(SubjectAttributes),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  response: TenantView,
  target: (_ctx, input) => `tenant:${input.tenant_id}`,
  run: async (ctx, input) => {
    const { admin, ...settings } = input;
    const created = await insertTenant(defaultTenantConfig(settings), ctx.now);
    if (created === undefined) throw new Problem('conflict', `tenant ${input.tenant_id} already exists`);
    if (admin !== undefined) {
      // In the tenant's data region unless told otherwise, so the first admin may export its evidence.
      const attributes = { region: created.config.data_region, ...admin.attributes };
      await asTenant(created.tenant_id, () => insertSubject({ subject_id: admin.subject_id, display_name: admin.display_name, roles: ['CompanyAdmin'], attributes }, ctx.now));
    }
    // The signing key exists from the start, so the tenant's JWKS can be pinned before its first receipt.
    await asTenant(created.tenant_id, () => ledgerServices().keys.signer(ctx.now), { scope: 'tenant' });
    return shownTenant(created);
  },
});

export const listTenantsAction = defineAction({
  name: 'tenant.list',
  method: 'GET',
  path: '/tenants',
  summary: 'List the tenants in id order, a page at a time, with their active policy bundle and enabled flags (platform operators)',
  scope: 'platform',
  query: Type.Object({ limit: PageLimit, after: After }, { additionalProperties: false }),
  response: Type.Object({ tenants: Type.Array(TenantListingView), next_after: NextAfter }),
  run: async (ctx) => {
    const limit = pageLimit(ctx.query);
    const tenants = await listTenantsPage(ctx.query.after ?? null, limit);
    return { tenants: await withBundlesAndFlags(tenants), next_after: nextAfter(tenants, limit, (t) => t.tenant_id) };
  },
});

export const getTenant = defineAction({
  name: 'tenant.get',
  method: 'GET',
  path: '/tenants/:id',
  summary: 'Read one tenant (platform operators)',
  scope: 'platform',
  params: TenantIdParams,
  response: TenantView,
  resource: loadTenant,
  target: (ctx) => `tenant:${ctx.params.id}`,
  run: async (_ctx, _input, tenant) => shownTenant(tenant),
});

/** Why an operator disables or enables a tenant: required, recorded in the receipt and in both tenants' audit. */
const StatusChange = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false });

/** Sets a tenant's status and records why, in the operator's audit and in the tenant's own. */
async function changeStatus(ctx: { tenantId: string; requestId: string; now: Date; principal: { subjectId: string }; params: { id: string } }, status: 'active' | 'disabled', reason: string, tenant: Tenant) {
  // A purged tenant's status is final: its data and keys are gone (ADR 0029).
  if (tenant.status === 'purged') throw new Problem('conflict', `tenant ${ctx.params.id} was purged; its status cannot change`, { tenant_id: ctx.params.id, state: tenant.status });
  const changed = (await setTenantStatus(ctx.params.id, status, ctx.now))!;
  const event = { type: 'tenant.status_changed', actor: ctx.principal.subjectId, action: status === 'active' ? 'tenant.enable' : 'tenant.disable', target: `tenant:${ctx.params.id}`, decision: 'allow' as const, requestId: ctx.requestId, details: { status, reason, operator_tenant: ctx.tenantId }, at: ctx.now };
  await appendAuditEvent(event);
  if (ctx.params.id !== ctx.tenantId) await asTenant(ctx.params.id, () => appendAuditEvent(event), { scope: 'tenant' });
  return shownTenant(changed);
}

const reasonRef = (input: { reason: string }): string => `reason:sha256:${canonicalSha256(input.reason)}`;

export const disableTenant = defineAction({
  name: 'tenant.disable',
  method: 'POST',
  path: '/tenants/:id/disable',
  summary: "Disable a tenant with a reason: its users can no longer sign in or run actions (platform operators, step-up; never the operator's own platform tenant)",
  scope: 'platform',
  params: TenantIdParams,
  input: StatusChange,
  response: TenantView,
  resource: loadTenant,
  target: (ctx) => `tenant:${ctx.params.id}`,
  evidenceRefs: (_ctx, input) => [reasonRef(input)],
  run: async (ctx, input, tenant) => {
    // Disabling the tenant the operators sign in to would lock every operator out, this one included.
    if (ctx.params.id === ctx.tenantId) {
      throw new Problem('platform-tenant-protected', `tenant ${ctx.params.id} is the platform tenant you operate from and cannot be disabled`, { tenant_id: ctx.params.id });
    }
    return changeStatus(ctx, 'disabled', input.reason, tenant);
  },
});

export const enableTenant = defineAction({
  name: 'tenant.enable',
  method: 'POST',
  path: '/tenants/:id/enable',
  summary: 'Enable a disabled tenant with a reason (platform operators)',
  scope: 'platform',
  params: TenantIdParams,
  input: StatusChange,
  response: TenantView,
  resource: loadTenant,
  target: (ctx) => `tenant:${ctx.params.id}`,
  evidenceRefs: (_ctx, input) => [reasonRef(input)],
  run: async (ctx, input, tenant) => changeStatus(ctx, 'active', input.reason, tenant),
});

export const tenantOverviewAction = defineAction({
  name: 'tenant.overview',
  method: 'GET',
  path: '/tenants/:id/overview',
  summary: "One tenant as its operator page shows it: status, region, plan, active bundle and its activations, flags, keys, quotas and usage, recent audit events (platform operators)",
  scope: 'platform',
  params: TenantIdParams,
  response: TenantOverviewView,
  resource: loadTenant,
  target: (ctx) => `tenant:${ctx.params.id}`,
  run: async (ctx, _input, tenant) => tenantOverview(tenant, ctx.now),
});

export const getTenantConfig = defineAction({
  name: 'tenant.config.get',
  method: 'GET',
  path: '/tenants/:id/config',
  summary: "Read the caller's tenant settings",
  scope: 'tenant',
  tenantParam: 'id',
  params: TenantIdParams,
  response: TenantConfig,
  // The pipeline read the tenant in this same transaction.
  resource: async (ctx) => ctx.tenant,
  target: (ctx) => `tenant:${ctx.tenantId}`,
  run: async (_ctx, _input, tenant) => shownConfig(tenant.config),
});

export const updateTenantConfig = defineAction({
  name: 'tenant.config.update',
  method: 'PATCH',
  path: '/tenants/:id/config',
  summary: "Change the caller's tenant settings (tenant admins); fields absent from the body keep their value",
  scope: 'tenant',
  tenantParam: 'id',
  params: TenantIdParams,
  input: TenantConfigPatch,
  response: TenantConfig,
  resource: () => getCurrentTenant(),
  target: (ctx) => `tenant:${ctx.tenantId}`,
  run: async (ctx, input, tenant) => {
    if (input.tenant_id !== undefined && input.tenant_id !== tenant.tenant_id) {
      throw new Problem('invalid-request', 'the tenant id cannot be changed', {
        errors: [{ in: 'body', field: 'tenant_id', message: 'must equal the tenant being configured' }],
      });
    }
    // Moving the home region moves where the tenant's data must live: never between region
    // databases by a settings change, and otherwise only where the flag is on.
    if (input.data_region !== undefined && input.data_region !== tenant.config.data_region) {
      refuseRegionMove(tenant.tenant_id, tenant.config.data_region, input.data_region);
      await requireFeature('tenancy.region-change', 'changing the home data region');
    }
    const { allowed_regions: regions, ...changes } = input;
    const next = { ...storedConfig(tenant.config), ...changes, tenant_id: tenant.tenant_id };
    const allowed = allowedRegions(tenant.tenant_id, next.data_region);
    if (regions !== undefined && canonicalJson(regions) !== canonicalJson(allowed)) {
      throw new Problem('invalid-request', `allowed regions are decided by the tenant's active policy version: propose one with data_patch {"allowed_regions": [...]} and activate it`, {
        errors: [{ in: 'body', field: 'allowed_regions', message: `the active policy allows ${allowed.join(', ')}` }],
      });
    }
    if (!allowed.includes(next.data_region)) {
      throw new Problem('invalid-request', 'the home region must be one of the allowed regions of the active policy version', {
        errors: [{ in: 'body', field: 'data_region', message: `must be one of ${allowed.join(', ')}` }],
      });
    }
    const updated = await updateCurrentTenantConfig(next, ctx.now);
    // A retention period starts the daily retention job (ADR 0025); it keeps itself going from then on.
    if (keepsRetention(updated.config.retention)) await scheduleRetention(ctx.now);
    return shownConfig(updated.config);
  },
});

const shownTenant = (tenant: Tenant): Tenant => ({ ...tenant, config: shownConfig(tenant.config) });

export const tenancyActions = [createTenant, listTenantsAction, getTenant, tenantOverviewAction, disableTenant, enableTenant, getTenantConfig, updateTenantConfig];
