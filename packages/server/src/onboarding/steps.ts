import { queueExport } from '../audit/export-actions.ts';
import { getExport } from '../audit/export-store.ts';
import { verifyStoredExport } from '../audit/export-verify.ts';
import { asTenant } from '../db/tenant-tx.ts';
import { assignPlan } from '../finops/plan-assignments.ts';
import { planCatalog } from '../finops/plan-catalog.ts';
import { postSigned } from '../finops/signed-post.ts';
import { createWebhook, webhookSecret } from '../finops/webhooks.ts';
import { Problem } from '../http/problem.ts';
import { insertSubject } from '../identity/subjects.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { policyRuntime } from '../policy/policy-runtime.ts';
import { defaultTenantConfig } from '../tenancy/tenant-config.ts';
import { findTenant, insertTenant } from '../tenancy/tenants.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { uuidv7 } from '../util/ids.ts';
import { recordStep, STEPS, tenantEvents, type OnboardingEvent, type Outcome, type Step } from './onboarding-events.ts';
import type { RosterRow } from './roster.ts';
import { applyTemplate } from './template.ts';

/** Attempts of the signed test event, waiting BACKOFF_MS, then twice that, between them. */
export const WEBHOOK_ATTEMPTS = 3;
export const WEBHOOK_BACKOFF_MS = 250;

export interface StepContext {
  cohort: string;
  row: Omit<RosterRow, 'line'>;
  actor: string;
  requestId: string;
  now: Date;
}

export interface StepResult {
  tenant_id: string;
  step: Step | null;
  outcome: Outcome | 'skipped';
  detail: Record<string, unknown>;
  /** The webhook's signing secret, in the answer of the step that registered it only. */
  webhook_secret?: string;
  done: Step[];
  next: Step | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The steps done so far, and the next one to run (null: all done). */
export function progressOf(events: OnboardingEvent[]): { done: Step[]; next: Step | null; pending: OnboardingEvent | undefined } {
  const done = STEPS.filter((s) => events.some((e) => e.step === s && e.outcome === 'done'));
  const next = STEPS.find((s) => !done.includes(s)) ?? null;
  const pending = next === null ? undefined : events.findLast((e) => e.step === next && e.outcome !== 'done');
  return { done, next, pending: pending?.outcome === 'pending' ? pending : undefined };
}

/**
 * Runs the next unfinished step of onboarding one tenant, in the caller's platform transaction,
 * and records its outcome as an onboarding event of that tenant. A step that fails for a reason
 * outside our control (the webhook does not answer) is recorded as failed and run again next time.
 */
export async function runNextStep(c: StepContext): Promise<StepResult> {
  const id = c.row.id;
  const existing = await findTenant(id);
  const events = existing === undefined ? [] : await asTenant(id, () => tenantEvents(), { scope: 'tenant' });
  if (existing !== undefined && events.length === 0) throw new Problem('conflict', `tenant ${id} already exists and was not onboarded with a cohort`);
  const foreign = events.find((e) => e.cohort !== c.cohort);
  if (foreign !== undefined) throw new Problem('conflict', `tenant ${id} is being onboarded in cohort ${foreign.cohort}`);
  const { done, next, pending } = progressOf(events);
  if (next === null) return { tenant_id: id, step: null, outcome: 'skipped', detail: {}, done, next };

  const started = performance.now();
  const outcome = next === 'tenant' ? await createTenantStep(c) : await asTenant(id, () => tenantStep(next, c, events, pending), { scope: 'tenant' });
  // A step still waited on is recorded when it starts and when it ends, not at every look.
  if (!(outcome.outcome === 'pending' && pending !== undefined)) {
    const record = { cohort: c.cohort, step: next, outcome: outcome.outcome, detail: outcome.detail, duration_ms: Math.round(performance.now() - started) };
    const bundleHash = policyRuntime().engine.bundleFor(id).hash;
    await asTenant(id, () => recordStep(record, { actor: c.actor, bundleHash, requestId: c.requestId, at: c.now }), { scope: 'tenant' });
  }
  const after = outcome.outcome === 'done' ? [...done, next] : done;
  const { secret, ...result } = outcome;
  return { tenant_id: id, step: next, ...result, ...(secret === undefined ? {} : { webhook_secret: secret }), done: after, next: STEPS.find((s) => !after.includes(s)) ?? null };
}

/** A step's outcome; `secret` (the webhook's, the first time) is answered once and never stored. */
type Done = { outcome: Outcome; detail: Record<string, unknown>; secret?: string };

async function createTenantStep(c: StepContext): Promise<Done> {
  const r = c.row;
  const config = defaultTenantConfig({ tenant_id: r.id, display_name: r.name, data_region: r.region as 'eu', owner_contact: r.owner, env: r.env });
  const created = await insertTenant(config, c.now);
  if (created === undefined) throw new Problem('conflict', `tenant ${r.id} already exists`);
  const plan = planCatalog().latest(r.plan);
  if (plan === undefined) throw new Problem('invalid-request', `no plan ${r.plan}`, { errors: [{ in: 'body', field: 'row.plan', message: 'names no plan of the catalog' }] });
  await asTenant(r.id, () => assignPlan({ effective_from: c.now.toISOString().slice(0, 10), plan_id: plan.id, plan_version: plan.version, internal: false, assigned_by: c.actor }, c.now));
  return { outcome: 'done', detail: { region: r.region, env: r.env, plan: `${plan.id}@${plan.version}` } };
}

async function tenantStep(step: Exclude<Step, 'tenant'>, c: StepContext, events: OnboardingEvent[], pending: OnboardingEvent | undefined): Promise<Done> {
  const r = c.row;
  switch (step) {
    case 'admin': {
      const admin = await insertSubject({ subject_id: r.admin, display_name: r.admin_name, roles: ['CompanyAdmin'], attributes: { region: r.region } }, c.now);
      return { outcome: 'done', detail: { subject_id: r.admin, created: admin !== undefined } };
    }
    case 'template':
      return { outcome: 'done', detail: await applyTemplate({ tenantId: r.id, name: r.name, actor: c.actor, requestId: c.requestId, at: c.now }) };
    case 'webhook':
      return webhookStep(c, events);
    case 'evidence':
      return evidenceStep(c, events, pending);
  }
}

/**
 * Registers the row's URL as the tenant's invoice webhook (once; its secret is shown this once)
 * and sends it a signed test event, retrying with backoff.
 */
async function webhookStep(c: StepContext, events: OnboardingEvent[]): Promise<Done> {
  const { keys } = ledgerServices();
  // The webhook registered by an earlier attempt, unless the row now names another URL.
  const registered = events.findLast((e) => e.step === 'webhook' && typeof e.detail.webhook_id === 'string');
  const found = registered === undefined ? undefined : await webhookSecret(String(registered.detail.webhook_id), keys.provider);
  let hook: { webhook_id: string; secret: string; url: string; new: boolean };
  if (found === undefined || found.url !== c.row.webhook_url) {
    const made = await createWebhook(c.row.webhook_url, c.actor, c.now, keys.provider);
    hook = { webhook_id: made.webhook_id, secret: made.secret, url: made.url, new: true };
  } else {
    hook = { webhook_id: String(registered!.detail.webhook_id), ...found, new: false };
  }
  const deliveryId = uuidv7(c.now.getTime());
  const body = canonicalJson({ type: 'onboarding.test', tenant_id: c.row.id, cohort: c.cohort, delivery_id: deliveryId, sent_at: c.now.toISOString() });
  const attempts: Array<{ status: number | null; error: string | null }> = [];
  for (let i = 0; i < WEBHOOK_ATTEMPTS; i++) {
    if (i > 0) await sleep(WEBHOOK_BACKOFF_MS * 2 ** (i - 1));
    const a = await postSigned({ url: hook.url, secret: hook.secret, body, at: c.now, deliveryId });
    attempts.push(a);
    if (a.error === null) break;
  }
  const ok = attempts.at(-1)!.error === null;
  return {
    outcome: ok ? 'done' : 'failed',
    detail: { webhook_id: hook.webhook_id, delivery_id: deliveryId, attempts: attempts.length, last_status: attempts.at(-1)!.status, error: attempts.at(-1)!.error },
    ...(hook.new ? { secret: hook.secret } : {}),
  };
}

/** Starts the tenant's first evidence pack, then (a later run) verifies it once written. */
async function evidenceStep(c: StepContext, events: OnboardingEvent[], pending: OnboardingEvent | undefined): Promise<Done> {
  const exportId = pending?.detail.export_id;
  if (typeof exportId !== 'string') {
    const created = events.find((e) => e.step === 'tenant' && e.outcome === 'done')!.occurred_at;
    // The pack's window ends now, exclusive: in the very instant the tenant was made it would be empty.
    if (c.now.getTime() <= Date.parse(created)) return { outcome: 'pending', detail: {} };
    const e = await queueExport({ window: { from: created, to: c.now.toISOString() }, filters: {}, requestedBy: c.actor, requestId: c.requestId, at: c.now });
    return { outcome: 'pending', detail: { export_id: e.export_id } };
  }
  const e = await getExport(exportId);
  if (e === undefined || e.status === 'failed') return { outcome: 'failed', detail: { export_id: exportId, error: e?.error ?? 'the export is gone' } };
  if (e.status !== 'done') return { outcome: 'pending', detail: { export_id: exportId } };
  const { result } = await verifyStoredExport(e);
  const first = events.find((x) => x.step === 'tenant' && x.outcome === 'done')!.occurred_at;
  const detail = { export_id: exportId, pack_sha256: e.pack_sha256, verified: result.ok, failures: result.failures.map((f) => f.code), time_to_first_verify_ms: c.now.getTime() - Date.parse(first) };
  return { outcome: result.ok ? 'done' : 'failed', detail };
}
