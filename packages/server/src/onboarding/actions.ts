import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../http/schema.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { cohortReport } from './cohort.ts';
import { cohortEvents, STEPS } from './onboarding-events.ts';
import { runNextStep, type StepResult } from './steps.ts';

const Cohort = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'the cohort name (the file it came from, say)' });
const TenantIdParams = Type.Object({ id: Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' }) });
const Step = StringEnum([...STEPS]);

/** A row of the cohort file (validated by the CLI as a whole file first; checked again here). */
const Row = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    region: StringEnum(['eu', 'us', 'uk', 'apac']),
    owner: Type.String({ format: 'email', maxLength: 254 }),
    admin: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$' }),
    admin_name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    webhook_url: Type.String({ pattern: '^https?://', maxLength: 2000 }),
    plan: Type.String({ minLength: 1, maxLength: 64 }),
    env: Type.Optional(StringEnum(['dev', 'staging', 'prod'])),
  },
  { additionalProperties: false },
);

export const runOnboardingStep = defineAction({
  name: 'onboarding.step.run',
  method: 'POST',
  path: '/onboarding/tenants/:id/steps',
  summary: 'Run the next unfinished onboarding step of a partner tenant (tenant, admin, template, webhook, evidence) and record it as an onboarding event',
  scope: 'platform',
  params: TenantIdParams,
  input: Type.Object({ cohort: Cohort, row: Row }, { additionalProperties: false }),
  response: Type.Object({
    tenant_id: Type.String(),
    step: Nullable(Step),
    outcome: StringEnum(['done', 'failed', 'pending', 'skipped']),
    detail: Type.Record(Type.String(), Type.Unknown()),
    webhook_secret: Type.Optional(Type.String({ description: "the webhook's signing secret, in the answer of the step that registered it only" })),
    done: Type.Array(Step),
    next: Nullable(Step),
  }),
  target: (ctx) => `tenant:${ctx.params.id}`,
  evidenceRefs: (_ctx, input, _r, result: StepResult) => [`onboarding-cohort:${input.cohort}`, ...(result.step === null ? [] : [`onboarding-step:${result.step}:${result.outcome}`])],
  run: async (ctx, input) => {
    const row = { id: ctx.params.id, ...input.row, admin_name: input.row.admin_name ?? input.row.admin, env: input.row.env ?? 'prod' };
    return runNextStep({ cohort: input.cohort, row, actor: ctx.principal.subjectId, requestId: ctx.requestId, now: ctx.now });
  },
});

const CohortTenantView = Type.Object({
  tenant_id: Type.String(),
  state: StringEnum(['in progress', 'onboarded', 'verified', 'failed']),
  done: Type.Array(Step),
  failed_step: Nullable(Step),
  error: Nullable(Type.String()),
  time_to_first_verify_ms: Nullable(Type.Integer()),
});

export const getCohort = defineAction({
  name: 'onboarding.cohort.get',
  method: 'GET',
  path: '/onboarding/cohorts/:cohort',
  summary: 'The cohort dashboard: onboarded, verified and failed tenants, time to first verify per tenant and cohort, and the alert when more than 10% failed',
  scope: 'platform',
  params: Type.Object({ cohort: Cohort }),
  response: Type.Object({
    cohort: Type.String(),
    tenants: Type.Array(CohortTenantView),
    totals: Type.Object({ tenants: Type.Integer(), onboarded: Type.Integer(), verified: Type.Integer(), failed: Type.Integer(), in_progress: Type.Integer() }),
    time_to_first_verify_ms: Type.Object({ p50: Nullable(Type.Integer()), max: Nullable(Type.Integer()) }),
    alert: Type.Object({ raised: Type.Boolean(), failed_share: Type.Number(), threshold: Type.Number(), message: Nullable(Type.String()) }),
  }),
  run: async (ctx) => cohortReport(ctx.params.cohort, await cohortEvents(ctx.params.cohort)),
});

export const onboardingActions = [runOnboardingStep, getCohort];
