import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Problem } from '../../http/problem.ts';
import { Before, nextBefore, NextBefore, pageLimit, PageLimit } from '../../http/keyset-page.ts';
import { Nullable } from '../../http/schema.ts';
import { enqueue, enqueueStatement } from '../../jobs/index.ts';
import { defineAction, type ActionContext, type RunContext } from '../../pipeline/define-action.ts';
import { Denied } from '../../pipeline/execute.ts';
import { uuidv7 } from '../../util/ids.ts';
import { approvalsOf, lockedWithHistory } from '../shared/history.ts';
import { packReply } from '../shared/workflow-evidence.ts';
import { Decide, HistoryView, IdParams, MaybeDecide, Rationale } from '../shared/schemas.ts';
import { approvalSatisfied, missingApprovals, requestDecision, type HighRiskInput } from './high-risk-policy.ts';
import { highRiskDashboard } from './dashboard.ts';
import { requestsMissingReceipts } from './missing-receipts.ts';
import { appendHistory, getHistory, getRequest, insertRequest, listRequests, lockRequestWithHistory, recordApproval, requestHistory, requestTarget, setStatus, type HighRiskRequest, type HistoryEntry } from './request-store.ts';
import { requestPack } from './request-evidence.ts';
import { EXPIRE_JOB, highRiskSettings, REVERT_JOB } from './revert-jobs.ts';
import { nextState, REQUEST_STATES, type RequestState, type Transition } from './state-machine.ts';

const PATH = '/high-risk-ops/requests';
const Ident = Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' });
const Params = IdParams;
const State = Type.Union(REQUEST_STATES.map((s) => Type.Literal(s)));

const RequestView = Type.Object({
  request_id: Type.String(),
  operation: Type.String(),
  requester: Type.String(),
  target: Type.Object({ database: Type.String(), schema: Type.String(), tables: Type.Array(Type.String()) }),
  duration_minutes: Type.Integer(),
  rationale: Type.String(),
  status: State,
  approver_roles: Type.Array(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  pending_until: Type.String({ format: 'date-time', description: 'a request not executed by then expires' }),
  role_name: Nullable(Type.String()),
  active_until: Nullable(Type.String({ format: 'date-time', description: 'when the access is reverted' })),
});
const DetailView = Type.Composite([RequestView, Type.Object({ missing_approvals: Type.Array(Type.String()), history: Type.Array(HistoryView) })]);

type Ctx = ActionContext<Static<typeof Params>, unknown>;
type RunCtx = RunContext<Static<typeof Params>, unknown>;
const target = (ctx: Ctx) => requestTarget(ctx.params.id);
/** A refusal by the rules of the workflow: recorded by the pipeline as a denial, under the decision's bundle. */
const refuse = (ctx: Pick<RunCtx, 'bundleHash' | 'params'>, reason: string) => new Denied({ reasons: [reason], bundleHash: ctx.bundleHash }, reason, requestTarget(ctx.params.id));

/** The policy input of a request with the approvals its history holds. */
export function policyInput(r: HighRiskRequest, history: HistoryEntry[]): HighRiskInput {
  const approvals = approvalsOf(history);
  // The requester's roles as recorded when the request was made.
  const requesterRoles = (history.find((h) => h.transition === 'request')?.details.roles as string[] | undefined) ?? [];
  return { requester: { id: r.requester, roles: requesterRoles }, operation: r.operation, duration_minutes: r.duration_minutes, approvals };
}

async function detail(ctx: Pick<Ctx, 'tenantId'>, r: HighRiskRequest): Promise<Static<typeof DetailView>> {
  return detailOf(ctx, r, await getHistory(r.request_id));
}

/** The request as its detail view shows it, with the history the caller has. */
function detailOf(ctx: Pick<Ctx, 'tenantId'>, r: HighRiskRequest, history: HistoryEntry[]): Static<typeof DetailView> {
  const missing = r.status === 'requested' ? missingApprovals(ctx.tenantId, policyInput(r, history)) : [];
  return { ...r, missing_approvals: missing, history };
}

/** Moves a request and records who did it and why. */
async function transition(
  ctx: Ctx,
  r: HighRiskRequest,
  t: Transition | 'revoke',
  to: RequestState,
  rationale: string | null,
  details: Record<string, unknown> = {},
  access?: { roleName: string; activeUntil: Date },
): Promise<void> {
  if (to !== r.status) await setStatus(r.request_id, to, ctx.now, access);
  await appendHistory(r.request_id, { at: ctx.now.toISOString(), actor: ctx.principal.subjectId, transition: t, from_state: r.status, to_state: to, rationale, details });
}

const lockedRequests = lockedWithHistory(requestHistory, (r: HighRiskRequest) => r.request_id);

/** The request, locked, with its history in the same read. */
async function loadLocked(ctx: Ctx): Promise<HighRiskRequest | undefined> {
  const locked = await lockRequestWithHistory(ctx.params.id);
  return locked === undefined ? undefined : lockedRequests.keep(locked.request, locked.history);
}

/** The history of a request its step loaded and locked. */
const historyOf = (r: HighRiskRequest): Promise<HistoryEntry[]> => lockedRequests.historyOf(r);

/** A POST on one request: `/requests/{id}/<verb>`, the request loaded and locked first. */
function onRequest<I extends TSchema, O>(
  verb: string,
  def: { summary: string; input?: I; status?: number; response?: TSchema; run: (ctx: RunContext<Static<typeof Params>, unknown>, input: Static<I>, r: HighRiskRequest) => Promise<O> },
) {
  return defineAction({ name: `high_risk.request.${verb}`, method: 'POST', path: `${PATH}/:id/${verb}`, scope: 'tenant', params: Params, response: DetailView, resource: loadLocked, target, ...def });
}

function requireApproverRole(ctx: RunCtx, r: HighRiskRequest, verb: string): void {
  if (ctx.principal.roles.some((role) => r.approver_roles.includes(role))) return;
  throw refuse(ctx, `${verb} ${r.operation} needs a role among ${r.approver_roles.join(', ')}; ${ctx.principal.subjectId} has none`);
}

export const createRequest = defineAction({
  name: 'high_risk.request.create',
  method: 'POST',
  path: PATH,
  summary: 'Request a high-risk operation (temporary read access to named tables); the tenant policy decides before anything is stored',
  scope: 'tenant',
  status: 201,
  input: Type.Object(
    {
      operation: Type.String({ pattern: '^[A-Z][A-Z0-9_]{0,63}$', description: 'e.g. TEMP_DB_READ_ACCESS' }),
      target: Type.Object({ database: Type.String({ minLength: 1, maxLength: 63 }), schema: Ident, tables: Type.Array(Ident, { minItems: 1, maxItems: 50, uniqueItems: true }) }, { additionalProperties: false }),
      duration_minutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'how long access lasts once executed (the policy sets the limit)' }),
      rationale: Rationale,
    },
    { additionalProperties: false },
  ),
  response: DetailView,
  target: (_ctx, _input, _r, result) => requestTarget((result as { request_id: string }).request_id),
  run: async (ctx, input) => {
    const requester = { id: ctx.principal.subjectId, roles: ctx.principal.roles };
    const decision = requestDecision(ctx.tenantId, { requester, operation: input.operation, duration_minutes: input.duration_minutes, approvals: [] });
    if (!decision.allow) throw new Denied({ reasons: decision.reasons, bundleHash: ctx.bundleHash }, `the high-risk policy refused ${input.operation}`);
    const { database, pendingMinutes } = highRiskSettings();
    if (database !== undefined && input.target.database !== database) {
      throw new Problem('invalid-request', `target.database must be ${database}, the database this server governs`, { errors: [{ in: 'body', field: 'target.database', message: `must be ${database}` }] });
    }
    const requestId = uuidv7(ctx.now.getTime());
    const pendingUntil = new Date(ctx.now.getTime() + pendingMinutes * 60_000);
    // The request, its first history entry and its expiry job are written in one round trip.
    const { request, history } = await insertRequest(
      {
        request_id: requestId,
        operation: input.operation,
        requester: requester.id,
        target: input.target,
        duration_minutes: input.duration_minutes,
        rationale: input.rationale,
        approver_roles: decision.approver_roles,
        created_at: ctx.now.toISOString(),
        pending_until: pendingUntil.toISOString(),
      },
      { at: ctx.now.toISOString(), actor: requester.id, transition: 'request', from_state: null, to_state: 'requested', rationale: input.rationale, details: { roles: requester.roles, bundle_hash: ctx.bundleHash } },
      { alongside: [enqueueStatement(EXPIRE_JOB, { request_id: requestId }, { now: ctx.now, runAt: pendingUntil, idempotencyKey: requestId })] },
    );
    return detailOf(ctx, request, history);
  },
});

export const approveRequest = onRequest('approve', {
  summary: 'Approve a high-risk request with a rationale; it is approved once the policy says the approvals suffice',
  input: Decide,
  run: async (ctx, input, r) => {
    nextState(r.status, 'approve');
    const me = ctx.principal.subjectId;
    if (me === r.requester) throw refuse(ctx, `${me} requested ${r.request_id} and cannot approve it`);
    const history = await historyOf(r);
    if (history.some((h) => h.transition === 'approve' && h.actor === me)) throw new Problem('conflict', `${me} has already approved ${r.request_id}`, { state: r.status });
    requireApproverRole(ctx, r, 'approving');
    const input0 = policyInput(r, history);
    input0.approvals.push({ approver: { id: me, roles: ctx.principal.roles } });
    const to = approvalSatisfied(ctx.tenantId, input0) ? nextState(r.status, 'approve') : r.status;
    // The approval, and the move when it is the last one needed, in one round trip; the answer is
    // what was written.
    const after = await recordApproval(r, history, { at: ctx.now.toISOString(), actor: me, to_state: to, rationale: input.rationale, details: { roles: ctx.principal.roles, bundle_hash: ctx.bundleHash } });
    return detailOf(ctx, after.request, after.history);
  },
});

export const denyRequest = onRequest('deny', {
  summary: 'Deny a pending high-risk request with a rationale',
  input: Decide,
  run: async (ctx, input, r) => {
    const to = nextState(r.status, 'deny');
    requireApproverRole(ctx, r, 'denying');
    await transition(ctx, r, 'deny', to, input.rationale, { roles: ctx.principal.roles });
    return detail(ctx, (await getRequest(r.request_id))!);
  },
});

export const executeRequest = onRequest('execute', {
  summary: 'Carry out an approved request: creates the temporary role and returns its credentials, this once',
  response: Type.Composite([
    DetailView,
    Type.Object({
      credentials: Type.Object({ username: Type.String(), password: Type.String(), database: Type.String(), valid_until: Type.String({ format: 'date-time' }) }),
    }),
  ]),
  run: async (ctx, _input, r) => {
    const to = nextState(r.status, 'execute');
    if (ctx.principal.subjectId !== r.requester) throw refuse(ctx, `only the requester ${r.requester} may execute ${r.request_id}`);
    if (Date.parse(r.pending_until) <= ctx.now.getTime()) throw new Problem('conflict', `the request expired at ${r.pending_until}`, { state: 'expired' });
    const { adapter, database } = highRiskSettings();
    if (adapter === undefined || database === undefined) throw new Problem('unavailable', 'no governed database is configured (COMPANYOS_HIGH_RISK_DATABASE_URL)');
    const activeUntil = new Date(ctx.now.getTime() + r.duration_minutes * 60_000);
    // The revert is queued first: it commits with the grant, and VALID UNTIL covers a grant whose transaction fails.
    const job = await enqueue(REVERT_JOB, { request_id: r.request_id }, { now: ctx.now, runAt: activeUntil, idempotencyKey: `expiry:${r.request_id}`, maxAttempts: 8 });
    let access;
    try {
      access = await adapter.grant(r.request_id, r.target, activeUntil);
    } catch (err) {
      throw new Problem('unavailable', `the governed database refused the grant: ${(err as Error).message}`);
    }
    await transition(ctx, r, 'execute', to, null, { role: access.role, active_until: activeUntil.toISOString(), revert_job_id: job.job_id }, { roleName: access.role, activeUntil });
    const view = await detail(ctx, (await getRequest(r.request_id))!);
    return { ...view, credentials: { username: access.role, password: access.password, database, valid_until: activeUntil.toISOString() } };
  },
});

export const revokeRequest = onRequest('revoke', {
  summary: 'End active access early (requester, approvers or security): the revert job drops the role at once',
  status: 202,
  input: MaybeDecide,
  run: async (ctx, input, r) => {
    // Legal only while active; the job makes the move.
    nextState(r.status, 'revert');
    const me = ctx.principal.subjectId;
    const history = await historyOf(r);
    const involved = me === r.requester || history.some((h) => h.transition === 'approve' && h.actor === me);
    if (!involved && !ctx.principal.roles.some((role) => role === 'security' || role === 'security_officer')) {
      throw refuse(ctx, `only the requester, an approver or security may revoke ${r.request_id}`);
    }
    const job = await enqueue(REVERT_JOB, { request_id: r.request_id }, { now: ctx.now, idempotencyKey: `revoke:${r.request_id}`, maxAttempts: 8 });
    await transition(ctx, r, 'revoke', r.status, input.rationale ?? null, { revert_job_id: job.job_id });
    return detail(ctx, r);
  },
});

export const cancelRequest = onRequest('cancel', {
  summary: 'Withdraw a request before it is executed (the requester)',
  input: MaybeDecide,
  run: async (ctx, input, r) => {
    const to = nextState(r.status, 'cancel');
    if (ctx.principal.subjectId !== r.requester) throw refuse(ctx, `only the requester ${r.requester} may cancel ${r.request_id}`);
    await transition(ctx, r, 'cancel', to, input.rationale ?? null);
    return detail(ctx, (await getRequest(r.request_id))!);
  },
});

export const listRequestsAction = defineAction({
  name: 'high_risk.request.list',
  method: 'GET',
  path: PATH,
  summary: "The caller tenant's high-risk requests, newest first, filtered by status, requester and time, paged with `before` (the next_before of the page before)",
  scope: 'tenant',
  query: Type.Object(
    {
      status: Type.Optional(State),
      requester: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      from: Type.Optional(Type.String({ format: 'date-time', description: 'created at or after' })),
      to: Type.Optional(Type.String({ format: 'date-time', description: 'created before' })),
      limit: PageLimit,
      before: Before,
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ requests: Type.Array(RequestView), next_before: NextBefore }),
  run: async (ctx) => {
    const limit = pageLimit(ctx.query);
    const requests = await listRequests({ ...ctx.query, limit });
    return { requests, next_before: nextBefore(requests, limit, (r) => r.request_id) };
  },
});

export const getRequestAction = defineAction({
  name: 'high_risk.request.get',
  method: 'GET',
  path: `${PATH}/:id`,
  summary: 'A high-risk request with its history (approvals and denials with their rationales)',
  scope: 'tenant',
  params: Params,
  response: DetailView,
  resource: (ctx) => getRequest(ctx.params.id),
  target,
  run: (ctx, _input, r) => detail(ctx, r),
});

export const getEvidenceAction = defineAction({
  name: 'high_risk.evidence.get',
  method: 'GET',
  path: '/evidence/high-risk-ops/:id',
  summary:
    'The evidence pack of a high-risk request (.tar.gz, the audit export format): its history with rationales, receipts proven against the newest checkpoint, decisions, bundles and revert records; verify it offline with `companyos verify`',
  scope: 'tenant',
  params: Params,
  resource: (ctx) => getRequest(ctx.params.id),
  target,
  run: async (ctx, _input, r) => {
    return packReply(await requestPack(r, ctx.now), `evidence-${ctx.tenantId}-high-risk-${r.request_id}.tar.gz`);
  },
});

const MissingStepView = Type.Object({ step: Type.String(), action: Type.String(), expected: Type.Integer(), found: Type.Integer() });

export const missingReceiptsAction = defineAction({
  name: 'high_risk.receipts.missing',
  method: 'GET',
  path: '/high-risk-ops/missing-receipts',
  summary: 'Executed high-risk requests (active, reverted or failed) missing a receipt for a step of their history; empty in normal operation',
  scope: 'tenant',
  response: Type.Object({
    requests: Type.Array(
      Type.Object({ request_id: Type.String(), status: State, requester: Type.String(), operation: Type.String(), missing_steps: Type.Array(MissingStepView) }),
    ),
  }),
  run: async () => ({ requests: await requestsMissingReceipts() }),
});

const Count = Type.Integer({ minimum: 0 });

export const getDashboard = defineAction({
  name: 'high_risk.dashboard.get',
  method: 'GET',
  path: '/high-risk-ops/dashboard',
  summary: 'The High-Risk Ops dashboard from stored records: requests, approvals, executions and reverts, average approval time, missing receipts, and the last 7 days of decision latency and receipts',
  scope: 'tenant',
  query: Type.Object({ days: Type.Optional(Type.String({ pattern: '^([1-9]|[1-8][0-9]|90)$', description: 'the window in days, 1 to 90 (default 30)' })) }, { additionalProperties: false }),
  response: Type.Object({
    window: Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }),
    requests: Count,
    approved: Count,
    executed: Count,
    reverted: Count,
    approval_time_s: Type.Object({ count: Count, average: Nullable(Type.Number()) }),
    missing_receipts: Count,
    by_day: Type.Array(Type.Object({ day: Type.String(), requests: Count, approved: Count, executed: Count, reverted: Count })),
    last_7_days: Type.Object({ decisions: Count, decision_p95_ms: Nullable(Type.Number()), missing_receipts: Count, kept: Type.Boolean() }),
  }),
  run: async (ctx) => highRiskDashboard(ctx.now, Number(ctx.query.days ?? 30)),
});

export const highRiskActions = [
  getDashboard,
  createRequest,
  approveRequest,
  denyRequest,
  executeRequest,
  revokeRequest,
  cancelRequest,
  listRequestsAction,
  getRequestAction,
  getEvidenceAction,
  missingReceiptsAction,
];
