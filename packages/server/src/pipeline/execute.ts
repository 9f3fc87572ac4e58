import type { Logger } from 'pino';
import { appendAuditEvent, auditEventStatement } from '../audit/audit-events.ts';
import { currentContext, runWithContext } from '../context.ts';
import type { Database, Row } from '../db/database.ts';
import { batchAtCommit } from '../db/statement.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { meterForAction } from '../finops/meters.ts';
import { usageEventStatement, usageSince } from '../finops/usage-events.ts';
import { lockTenant } from '../db/tenant-locks.ts';
import type { Authenticator, Credential } from '../identity/authenticate.ts';
import { Problem } from '../http/problem.ts';
import { buildReceipt, receiptStatements } from '../ledger/receipts.ts';
import type { ReceiptDecision } from '../graph/mirror.ts';
import { DECISION_PATH, type Decision, type PolicyEngine } from '../policy/policy-engine.ts';
import type { Signals } from '../observability/signals.ts';
import { SPAN_ATTRIBUTES, type ActionTrace, type PipelineStep, type Tracing } from '../observability/tracing.ts';
import { getCurrentTenant, type Tenant } from '../tenancy/tenants.ts';
import type { Clock } from '../util/clock.ts';
import type { ConfigFollower } from '../fleet/config-follower.ts';
import { tenantParamOf, type ActionContext, type AnyAction, type RunContext } from './define-action.ts';
import { decisionInput } from './decision-input.ts';
import { REQUEST_STATE_READ, requestState, SUBJECT_SETTING } from './request-state.ts';
import { prepareActors, rememberActorKey, storedActor, subjectNamedBy } from '../identity/actor-pseudonyms.ts';
import { rememberLiveKeyRow } from '../keys/data-keys.ts';

export interface PipelineDeps {
  db: Database;
  authenticator: Authenticator;
  policy: PolicyEngine;
  clock: Clock;
  log: Logger;
  /** Keeps this process's per-tenant state current across a fleet (absent: nothing to follow). */
  config?: ConfigFollower | undefined;
  /** Where decisions, receipts and usage events are counted (absent: not measured). */
  signals?: Signals | undefined;
  /** Makes the spans of each action request (absent: none). */
  tracing?: Tracing | undefined;
}

export interface ActionRequest {
  requestId: string;
  authorization: string | undefined;
  /** X-Tenant-Id header, if sent. */
  tenantHeader: string | undefined;
  route: string;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** The request's spans, when traced. */
  trace?: ActionTrace | undefined;
  /** Told the tenant of the verified credential, before anything that may fail after. */
  onTenant?: ((tenantId: string) => void) | undefined;
}

export interface ActionOutcome {
  status: number;
  result: unknown;
  receiptId: string;
}

/** The policy package every action's decision comes from (the decision rule's package). */
const DECISION_PACKAGE = DECISION_PATH.slice(0, DECISION_PATH.lastIndexOf('.'));
export const QUOTA_WINDOWS: Record<'runs' | 'exports', { ms: number; limit: (t: Tenant) => number }> = {
  runs: { ms: 3_600_000, limit: (t) => t.config.limits.max_runs_per_hour },
  exports: { ms: 86_400_000, limit: (t) => t.config.limits.max_exports_per_day },
};

/**
 * A denial with the policy's reasons and bundle hash: the pipeline's own decision, or a refusal an
 * action's `run` reaches by consulting the policy further. Either way the action's transaction is
 * rolled back and the denial is recorded as an `action.denied` audit event of its own.
 */
export class Denied extends Error {
  constructor(
    readonly decision: Pick<Decision, 'reasons' | 'bundleHash'>,
    /** The problem's detail (default: that the policy denied the action). */
    readonly detail?: string,
    /** What the refused action was aimed at, for the denial's audit event (when the action knows it). */
    readonly target?: string,
  ) {
    super('denied');
  }
}

/**
 * Steps 1-2: who is calling, and for which tenant. Runs before the request body is validated, and
 * without the database for tokens: the subject is read in the action's transaction (executeStep).
 */
export async function authenticateStep(deps: PipelineDeps, action: AnyAction, req: Omit<ActionRequest, 'body' | 'query' | 'headers'>): Promise<Credential> {
  const paramName = tenantParamOf(action);
  const param = paramName === undefined ? undefined : req.params[paramName];
  const requested = req.tenantHeader ?? (typeof param === 'string' ? param : undefined);
  const principal = await inStep(req.trace, 'authenticate', () => deps.authenticator.identify(req.authorization, requested, req.onTenant));
  req.trace?.annotate({ [SPAN_ATTRIBUTES.tenant]: principal.tenantId });
  if (requested !== undefined && requested !== principal.tenantId) {
    await recordIsolationDenied(deps, action, req, principal, requested);
    throw new Problem('tenant-isolation', `the credential belongs to tenant ${principal.tenantId}, not ${requested}`);
  }
  return principal;
}

/**
 * Steps 3-6: the subject and tenant state, decision, then the effect with its receipt, audit and
 * usage, in one transaction. An action with detached work (`detach`) commits its decision first,
 * does that work with no transaction open, and writes its effect and receipt in a second one.
 */
export async function executeStep(deps: PipelineDeps, action: AnyAction, credential: Credential, req: ActionRequest): Promise<ActionOutcome> {
  const { db, clock } = deps;
  const tenantId = credential.tenantId;
  const base = { tenantId, requestId: req.requestId, traceId: req.trace?.traceId };
  const step = <T>(name: PipelineStep, fn: () => Promise<T>): Promise<T> => inStep(req.trace, name, fn);
  // The transaction opens with the request's state (tenant row, subject) read in its first round trip.
  const inTransaction = <T>(fn: (opened: Row[]) => Promise<T>): Promise<T> =>
    withTenantTransaction(db, tenantId, fn, { scope: action.scope, context: base, settings: [[SUBJECT_SETTING, credential.subjectId]], opening: REQUEST_STATE_READ });
  // When the effect was decided, for the metering delay of its usage event once committed.
  let decidedAt: Date | undefined;

  /** The subject and the tenant as this transaction sees them; refuses a disabled tenant or a used-up quota. */
  const admit = (now: Date, opened: Row[]) =>
    step('tenant', async () => {
      const state = requestState(opened);
      const principal = credential.principal !== undefined ? credential.principal(state.subject) : await credential.resolve();
      // The transaction's context (its own object) names the subject from here on, and what it
      // records names a person by pseudonym: the key read with the subject, or one made now.
      currentContext()!.subject = principal;
      if (state.actorKey !== undefined && state.subject?.subject_id === principal.subjectId) {
        rememberActorKey(principal.subjectId, state.actorKey.key_id);
        rememberLiveKeyRow(state.actorKey);
      }
      await prepareActors([principal.subjectId], now);
      const current = state.tenant;
      if (current === undefined) throw new Problem('unauthenticated', 'the credential names an unknown tenant');
      const { tenant } = current;
      // A configuration change made on another server is in force before this request decides.
      await deps.config?.observe(tenantId, current.configVersion);
      currentContext()!.configVersion = current.configVersion;
      if (tenant.status !== 'active') throw new Problem('tenant-disabled', `tenant ${tenantId} is disabled`);
      if (action.quota !== undefined) await checkQuota(action.quota, tenant, now);
      return { principal, tenant };
    });

  /** The action's effect and its receipt, audit event and usage event, in the current transaction. */
  const effect = async (ctx: RunContext, input: unknown, resource: unknown, detached: unknown, decision: ReceiptDecision | undefined): Promise<ActionOutcome> => {
    const { principal, now } = ctx;
    const result = await step('run', () => action.run(ctx, input, resource, detached));
    const target = action.target?.(ctx, input, resource, result) ?? null;
    const evidenceRefs = [`request:${req.requestId}`, ...(action.evidenceRefs?.(ctx, input, resource, result) ?? [])];
    return step('receipt', async () => {
      // A person the receipt names besides the caller is stored by pseudonym too: one read, none
      // when the only person named is the caller (prepared with the subject).
      await prepareActors([target, ...evidenceRefs].map(subjectNamedBy), now);
      const receipt = buildReceipt(
        {
          actor: principal.subjectId,
          action: action.name,
          target,
          decision: 'allow',
          bundle_hash: ctx.bundleHash,
          evidence_refs: evidenceRefs,
          request_id: req.requestId,
        },
        now,
      );
      decidedAt = now;
      // Written with the COMMIT: the effect, its receipt, audit and usage commit together or not at all.
      batchAtCommit([
        ...receiptStatements(receipt, { link: action.method !== 'GET', decision }),
        auditEventStatement({
          type: 'action.allowed',
          actor: principal.subjectId,
          action: action.name,
          target,
          decision: 'allow',
          requestId: req.requestId,
          details: { receipt_id: receipt.body.receipt_id, bundle_hash: ctx.bundleHash, route: req.route },
          at: now,
        }),
        usageEventStatement({
          action: action.name,
          meter: meterForAction(action),
          quota: action.quota ?? null,
          at: now,
          subject: principal.subjectId,
          // One per action: the receipt's id (a request id may be sent again by a client).
          key: `receipt:${receipt.body.receipt_id}`,
        }),
      ]);
      return { status: action.status ?? 200, result, receiptId: receipt.body.receipt_id };
    });
  };

  return runWithContext(base, async () => {
    try {
      const input = req.body ?? {};
      const first = await inTransaction(async (opened) => {
        const now = clock.now();
        const { principal, tenant } = await admit(now, opened);
        const ctx: ActionContext = {
          action: action.name,
          tenantId,
          requestId: req.requestId,
          principal,
          tenant,
          params: req.params as Record<string, string>,
          query: req.query,
          headers: req.headers,
          now,
          log: deps.log,
        };
        const { resource, decision } = await step('decide', async () => {
          const resource: unknown = action.resource === undefined ? null : await action.resource(ctx, input);
          const decideStarted = performance.now();
          const decision = await deps.policy.decide(decisionInput({ principal, tenant, requestId: req.requestId, now }, action, resource));
          deps.signals?.decision({ package: DECISION_PACKAGE, allow: decision.allow, seconds: (performance.now() - decideStarted) / 1000, traceId: req.trace?.traceId });
          req.trace?.annotate({ [SPAN_ATTRIBUTES.bundleHash]: decision.bundleHash });
          req.trace?.root.setAttribute(SPAN_ATTRIBUTES.allow, decision.allow);
          return { resource, decision };
        });
        if (!decision.allow) throw new Denied(decision);
        // Decided first, so only a caller allowed to act learns that the resource does not exist.
        if (resource === undefined) throw new Problem('not-found', `no such resource for ${action.name}`);

        const runCtx: RunContext = { ...ctx, obligations: decision.obligations, bundleHash: decision.bundleHash };
        const work = await action.detach?.(runCtx, input, resource);
        if (work === undefined) return { outcome: await effect(runCtx, input, resource, undefined, decisionOf(decision)) };
        return { outcome: undefined, runCtx, resource, work, decision: decisionOf(decision) };
      });
      let outcome: ActionOutcome;
      if (first.outcome !== undefined) outcome = first.outcome;
      else {
        const { runCtx, resource, work, decision } = first;
        const detached = await step('detached', work);
        outcome = await inTransaction(async (opened) => {
          const { principal, tenant } = await admit(runCtx.now, opened);
          return effect({ ...runCtx, principal, tenant }, input, resource, detached, decision);
        });
      }
      if (decidedAt !== undefined) deps.signals?.committed({ action: action.name, decidedAt, committedAt: clock.now() });
      return outcome;
    } catch (error) {
      // Past the decision only the receipt's batch and the COMMIT remain: the evidence was not written.
      if (decidedAt !== undefined) deps.signals?.evidenceWriteFailures.inc({ kind: 'receipt' });
      if (!(error instanceof Denied)) throw error;
      // The action's transaction is rolled back; the denial is recorded in a transaction of its own.
      const { decision } = error;
      await withTenantTransaction(
        db,
        tenantId,
        () =>
          appendAuditEvent({
            type: 'action.denied',
            actor: credential.subjectId,
            action: action.name,
            target: error.target ?? null,
            decision: 'deny',
            reasons: decision.reasons,
            requestId: req.requestId,
            details: { bundle_hash: decision.bundleHash, route: req.route },
            at: clock.now(),
          }),
        { scope: action.scope, context: base },
      );
      throw new Problem('policy-denied', error.detail ?? `the policy denied ${action.name}`, { reasons: decision.reasons, bundle_hash: decision.bundleHash });
    }
  });
}

/** The logged decision a receipt cites, when the decision was logged. */
const decisionOf = (d: Decision): ReceiptDecision | undefined => (d.decisionId === undefined ? undefined : { decision_id: d.decisionId, bundle_hash: d.bundleHash });

/** Runs a pipeline step in its span when the request is traced. */
function inStep<T>(trace: ActionTrace | undefined, name: PipelineStep, fn: () => Promise<T>): Promise<T> {
  return trace === undefined ? fn() : trace.step(name, fn);
}

async function checkQuota(quota: 'runs' | 'exports', tenant: Tenant, now: Date): Promise<void> {
  const window = QUOTA_WINDOWS[quota];
  const limit = window.limit(tenant);
  // Held to the end of the transaction, which records the use: the next request counts it.
  await lockTenant('quota');
  const used = await usageSince(quota, new Date(now.getTime() - window.ms));
  if (used.count < limit) return;
  // Room frees up when the oldest event in the window leaves it.
  const freeAt = used.oldest === null ? now.getTime() + window.ms : used.oldest.getTime() + window.ms;
  const retryAfter = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
  throw new Problem(
    'quota-exceeded',
    `the tenant's ${quota} quota (${limit} per ${quota === 'runs' ? 'hour' : 'day'}) is used up`,
    { quota, limit, retry_after: retryAfter },
    { 'retry-after': String(retryAfter) },
  );
}

// Written to the audit of the tenant that was targeted (the one with a reason to know), or the
// caller's own when the target does not exist.
async function recordIsolationDenied(
  deps: PipelineDeps,
  action: AnyAction,
  req: Omit<ActionRequest, 'body' | 'query' | 'headers'>,
  principal: Credential,
  requested: string,
): Promise<void> {
  const context = { requestId: req.requestId };
  // The caller is a person of another tenant. The target tenant records them by their pseudonym in
  // their own tenant (made there): it holds no id of theirs, and their tenant's purge unlinks it.
  const actor = await withTenantTransaction(
    deps.db,
    principal.tenantId,
    async () => {
      await prepareActors([principal.subjectId], deps.clock.now());
      return storedActor(principal.subjectId);
    },
    { context },
  );
  const event = {
    type: 'isolation.denied',
    actor,
    action: action.name,
    decision: 'deny' as const,
    reasons: ['cross-tenant attempt'],
    requestId: req.requestId,
    details: { claimed_tenant: principal.tenantId, requested_tenant: requested, route: req.route, actor_tenant: principal.tenantId },
    at: deps.clock.now(),
  };
  // An empty path segment names no tenant (and cannot open a tenant transaction).
  const written =
    requested !== '' &&
    (await withTenantTransaction(
      deps.db,
      requested,
      async () => {
        if ((await getCurrentTenant()) === undefined) return false;
        await appendAuditEvent(event);
        return true;
      },
      { context },
    ));
  if (!written) await withTenantTransaction(deps.db, principal.tenantId, () => appendAuditEvent(event), { context });
  deps.log.warn({ actor: principal.subjectId, claimed_tenant: principal.tenantId, requested_tenant: requested, route: req.route }, 'cross-tenant attempt denied');
}
