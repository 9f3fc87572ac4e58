import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Problem } from '../../http/problem.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineAction, type ActionContext, type RunContext } from '../../pipeline/define-action.ts';
import { Denied } from '../../pipeline/execute.ts';
import { currentTenantId } from '../../context.ts';
import { asTenant } from '../../db/tenant-tx.ts';
import { TenantId } from '../../tenancy/tenant-config.ts';
import { uuidv7 } from '../../util/ids.ts';
import { Decide, HistoryView, IdParams, MaybeDecide, Rationale } from '../shared/schemas.ts';
import { PURGE_JOB } from './purge-job.ts';
import { missingPlatformApprovals, missingPurgeApprovals, platformApprovalsOf, platformApproverRoles, purgeDecision, purgeFullyApproved, purgePolicyInput } from './purge-policy.ts';
import { appendPurgeHistory, getPurgeHistory, getPurgeRequest, insertPurgeRequest, listPurgeRequests, purgeSnapshot, purgeTarget, setPurgeStatus, type PurgeHistoryEntry, type PurgeRequest } from './purge-store.ts';
import { nextState, PURGE_SCOPES, PURGE_STATES, type PurgeState, type PurgeTransition } from './state-machine.ts';

const PATH = '/purge-requests';
const State = Type.Union(PURGE_STATES.map((s) => Type.Literal(s)));
const Scope = Type.Union(PURGE_SCOPES.map((s) => Type.Literal(s)));

const ManifestView = Type.Object({
  purge_id: Type.String(),
  scope: Scope,
  subject: Type.String(),
  completed_at: Type.String({ format: 'date-time' }),
  deleted: Type.Array(Type.Object({ table: Type.String(), rows: Type.Integer(), keys_sha256: Type.String() })),
  rewritten: Type.Optional(
    Type.Array(Type.Object({ table: Type.String(), column: Type.String(), rows: Type.Integer(), keys_sha256: Type.String() }), {
      description: "a subject purge: the mutable records that named the subject, now naming its pseudonym, per column",
    }),
  ),
  // Absent from the manifests of purges that ran before sealing.
  shredded_keys: Type.Optional(Type.Array(Type.String(), { description: 'the data keys destroyed; what was sealed under them reads as [purged]' })),
  not_shreddable: Type.Optional(Type.Array(Type.Object({ table: Type.String(), rows: Type.Integer() }), { description: 'append-only records still naming the subject in plain text' })),
  retained: Type.Array(Type.String()),
  beyond_reach: Type.Optional(Type.Array(Type.String(), { description: 'copies a purge cannot reach' })),
});
const PurgeView = Type.Object({
  purge_id: Type.String(),
  scope: Scope,
  subject: Type.String(),
  requester: Type.String(),
  rationale: Type.String(),
  status: State,
  approver_roles: Type.Array(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  manifest: Type.Union([ManifestView, Type.Null()]),
});
const DetailView = Type.Composite([
  PurgeView,
  Type.Object({
    platform_approver_roles: Type.Array(Type.String(), { description: "roles of a platform tenant's operators the purge also needs, by the server's base policy" }),
    missing_approvals: Type.Array(Type.String()),
    history: Type.Array(HistoryView),
  }),
]);

type Ctx = ActionContext<Static<typeof IdParams>, unknown>;
type RunCtx = RunContext<Static<typeof IdParams>, unknown>;
const target = (ctx: Ctx) => purgeTarget(ctx.params.id);
const refuse = (ctx: Pick<RunCtx, 'bundleHash' | 'params'>, reason: string) => new Denied({ reasons: [reason], bundleHash: ctx.bundleHash }, reason, purgeTarget(ctx.params.id));

async function detail(tenantId: string, r: PurgeRequest): Promise<Static<typeof DetailView>> {
  const history = await getPurgeHistory(r.purge_id);
  const missing = r.status === 'requested' ? [...missingPurgeApprovals(tenantId, purgePolicyInput(r, history)), ...missingPlatformApprovals(r.scope, platformApprovalsOf(history))] : [];
  return { ...r, platform_approver_roles: platformApproverRoles(r.scope), missing_approvals: missing, history };
}

/** A step by `actor` at `at`: the request's new state and its history entry. */
async function transition(at: Date, actor: string, r: PurgeRequest, t: PurgeTransition, to: PurgeState, rationale: string | null, details: Record<string, unknown> = {}): Promise<void> {
  if (to !== r.status) await setPurgeStatus(r.purge_id, to, at);
  await appendPurgeHistory(r.purge_id, { at: at.toISOString(), actor, transition: t, from_state: r.status, to_state: to, rationale, details });
}

/**
 * Records an approval by `actor` (the history as read before it) and, once the tenant's policy
 * and the platform's both say the approvals suffice, approves the purge and queues its job.
 */
async function approve(at: Date, r: PurgeRequest, history: PurgeHistoryEntry[], actor: string, rationale: string, details: Record<string, unknown>): Promise<void> {
  const asked = [...history, { seq: history.length + 1, at: at.toISOString(), actor, transition: 'approve' as const, from_state: r.status, to_state: r.status, rationale, details }];
  const to = purgeFullyApproved(currentTenantId(), purgePolicyInput(r, asked), platformApprovalsOf(asked)) ? nextState(r.status, 'approve') : r.status;
  if (to === 'approved') details.job_id = (await enqueue(PURGE_JOB, { purge_id: r.purge_id }, { now: at, idempotencyKey: r.purge_id, maxAttempts: 5 })).job_id;
  await transition(at, actor, r, 'approve', to, rationale, details);
}

function onRequest<I extends TSchema>(verb: string, def: { summary: string; input: I; run: (ctx: RunCtx, input: Static<I>, r: PurgeRequest) => Promise<Static<typeof DetailView>> }) {
  return defineAction({
    name: `purge.request.${verb}`,
    method: 'POST',
    path: `${PATH}/:id/${verb}`,
    scope: 'tenant',
    params: IdParams,
    response: DetailView,
    resource: (ctx) => getPurgeRequest(ctx.params.id, { lock: true }),
    target,
    ...def,
  });
}

function requireApproverRole(ctx: RunCtx, r: PurgeRequest, verb: string): void {
  if (ctx.principal.roles.some((role) => r.approver_roles.includes(role))) return;
  throw refuse(ctx, `${verb} a purge needs a role among ${r.approver_roles.join(', ')}; ${ctx.principal.subjectId} has none`);
}

export const createPurgeRequest = defineAction({
  name: 'purge.request.create',
  method: 'POST',
  path: PATH,
  summary: "Ask to purge a subject's personal data, an entity or the whole tenant; it runs once two different people with the roles the policy names approve",
  scope: 'tenant',
  status: 201,
  input: Type.Object(
    {
      scope: Scope,
      subject: Type.String({ minLength: 1, maxLength: 300, pattern: '^[A-Za-z0-9][A-Za-z0-9._@:/-]*$', description: 'the subject id (scope subject), entity id (scope entity) or the id of the tenant asked in (scope tenant)' }),
      rationale: Rationale,
    },
    { additionalProperties: false },
  ),
  response: DetailView,
  target: (_ctx, _input, _r, result) => purgeTarget((result as { purge_id: string }).purge_id),
  run: async (ctx, input) => {
    const requester = { id: ctx.principal.subjectId, roles: ctx.principal.roles };
    const decision = purgeDecision(ctx.tenantId, { requester, scope: input.scope, approvals: [] });
    if (!decision.allow) throw new Denied({ reasons: decision.reasons, bundleHash: ctx.bundleHash }, `the purge policy refused a ${input.scope} purge`);
    if (input.scope === 'tenant' && input.subject !== ctx.tenantId) {
      throw new Problem('invalid-request', `a tenant purge names the tenant it is asked in (${ctx.tenantId})`, { errors: [{ in: 'body', field: 'subject', message: `must be ${ctx.tenantId} for scope tenant` }] });
    }
    if (input.scope === 'subject' && input.subject === requester.id) throw new Problem('invalid-request', 'a purge of your own data is requested by someone else', { errors: [{ in: 'body', field: 'subject', message: 'must not be the requester' }] });
    const purgeId = uuidv7(ctx.now.getTime());
    const r = await insertPurgeRequest({ purge_id: purgeId, scope: input.scope, subject: input.subject, requester: requester.id, rationale: input.rationale, approver_roles: decision.approver_roles, created_at: ctx.now.toISOString() });
    await appendPurgeHistory(purgeId, { at: ctx.now.toISOString(), actor: requester.id, transition: 'request', from_state: null, to_state: 'requested', rationale: input.rationale, details: { roles: requester.roles, bundle_hash: ctx.bundleHash } }, { snapshot: { key: 'purge', value: await purgeSnapshot(r, ctx.now) } });
    return detail(ctx.tenantId, r);
  },
});

export const approvePurgeRequest = onRequest('approve', {
  summary: 'Approve a purge with a rationale; once the policy says the approvals suffice, the purge job is queued',
  input: Decide,
  run: async (ctx, input, r) => {
    nextState(r.status, 'approve');
    const me = ctx.principal.subjectId;
    if (me === r.requester) throw refuse(ctx, `${me} requested purge ${r.purge_id} and cannot approve it`);
    const history = await getPurgeHistory(r.purge_id);
    if (history.some((h) => h.transition === 'approve' && h.actor === me)) throw new Problem('conflict', `${me} has already approved purge ${r.purge_id}`, { state: r.status });
    requireApproverRole(ctx, r, 'approving');
    await approve(ctx.now, r, history, me, input.rationale, { roles: ctx.principal.roles, bundle_hash: ctx.bundleHash });
    return detail(ctx.tenantId, (await getPurgeRequest(r.purge_id))!);
  },
});

export const denyPurgeRequest = onRequest('deny', {
  summary: 'Deny a pending purge with a rationale',
  input: Decide,
  run: async (ctx, input, r) => {
    const to = nextState(r.status, 'deny');
    requireApproverRole(ctx, r, 'denying');
    await transition(ctx.now, ctx.principal.subjectId, r, 'deny', to, input.rationale, { roles: ctx.principal.roles });
    return detail(ctx.tenantId, (await getPurgeRequest(r.purge_id))!);
  },
});

export const cancelPurgeRequest = onRequest('cancel', {
  summary: 'Withdraw a pending purge (the requester)',
  input: MaybeDecide,
  run: async (ctx, input, r) => {
    const to = nextState(r.status, 'cancel');
    if (ctx.principal.subjectId !== r.requester) throw refuse(ctx, `only the requester ${r.requester} may cancel purge ${r.purge_id}`);
    await transition(ctx.now, ctx.principal.subjectId, r, 'cancel', to, input.rationale ?? null);
    return detail(ctx.tenantId, (await getPurgeRequest(r.purge_id))!);
  },
});

export const listPurgeRequestsAction = defineAction({
  name: 'purge.request.list',
  method: 'GET',
  path: PATH,
  summary: "The caller tenant's purge requests, newest first",
  scope: 'tenant',
  query: Type.Object(
    { status: Type.Optional(State), limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$', description: '1 to 1000, default 100' })) },
    { additionalProperties: false },
  ),
  response: Type.Object({ requests: Type.Array(PurgeView) }),
  run: async (ctx) => ({ requests: await listPurgeRequests({ status: ctx.query.status, limit: Number(ctx.query.limit ?? 100) }) }),
});

export const getPurgeRequestAction = defineAction({
  name: 'purge.request.get',
  method: 'GET',
  path: `${PATH}/:id`,
  summary: 'A purge request with its approvals, rationales and, once it ran, its manifest',
  scope: 'tenant',
  params: IdParams,
  response: DetailView,
  resource: (ctx) => getPurgeRequest(ctx.params.id),
  target,
  run: (ctx, _input, r) => detail(ctx.tenantId, r),
});


/** How an operator is named in a tenant's purge history: never a subject id of the tenant (those hold no `:`). */
const operatorActor = (operatorTenant: string, subjectId: string): string => `operator:${operatorTenant}:${subjectId}`;

const OperatorPurgeParams = Type.Object({ id: TenantId, purgeId: IdParams.properties.id });
type OperatorCtx = ActionContext<Static<typeof OperatorPurgeParams>, unknown>;
const inTenant = <T>(ctx: OperatorCtx, fn: () => Promise<T>): Promise<T> => asTenant(ctx.params.id, fn, { scope: 'tenant' });

export const operatorApprovePurgeRequest = defineAction({
  name: 'purge.request.operator_approve',
  method: 'POST',
  path: '/tenants/:id/purge-requests/:purgeId/approve',
  summary: "Approve a tenant's whole-tenant purge as a platform operator, with a rationale, where the platform's policy asks for it (platform operators, step-up)",
  scope: 'platform',
  params: OperatorPurgeParams,
  input: Decide,
  response: DetailView,
  // Only what the path names: the tenant's request is read once the policy allowed the caller.
  resource: async (ctx) => ({ tenant_id: ctx.params.id, purge_id: ctx.params.purgeId }),
  target: (ctx) => `tenant:${ctx.params.id}/${purgeTarget(ctx.params.purgeId)}`,
  run: (ctx, input) =>
    inTenant(ctx, async () => {
      const r = await getPurgeRequest(ctx.params.purgeId, { lock: true });
      if (r === undefined) throw new Problem('not-found', `tenant ${ctx.params.id} has no purge request ${ctx.params.purgeId}`);
      const roles = platformApproverRoles(r.scope);
      if (roles.length === 0) throw new Problem('conflict', `a ${r.scope} purge takes no platform operator's approval; the tenant's own approvers decide it`, { state: r.status, scope: r.scope });
      nextState(r.status, 'approve');
      const refusal = `approving a tenant purge for the platform needs a role among ${roles.join(', ')}; ${ctx.principal.subjectId} has none`;
      if (!ctx.principal.roles.some((role) => roles.includes(role))) throw new Denied({ reasons: [refusal], bundleHash: ctx.bundleHash }, refusal, purgeTarget(r.purge_id));
      const me = operatorActor(ctx.tenantId, ctx.principal.subjectId);
      const history = await getPurgeHistory(r.purge_id);
      if (history.some((h) => h.transition === 'approve' && h.actor === me)) throw new Problem('conflict', `${me} has already approved purge ${r.purge_id}`, { state: r.status });
      await approve(ctx.now, r, history, me, input.rationale, { platform: true, operator_tenant: ctx.tenantId, roles: ctx.principal.roles, bundle_hash: ctx.bundleHash });
      return detail(ctx.params.id, (await getPurgeRequest(r.purge_id))!);
    }),
});

export const purgeActions = [createPurgeRequest, approvePurgeRequest, denyPurgeRequest, cancelPurgeRequest, listPurgeRequestsAction, getPurgeRequestAction, operatorApprovePurgeRequest];
