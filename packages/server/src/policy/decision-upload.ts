import { Type, type Static } from '@sinclair/typebox';
import { defineAction } from '../pipeline/define-action.ts';
import type { BundleData } from './bundle-schema.ts';
import { insertDecisions, type DecisionRecord } from './decision-log.ts';
import { applyMaskRules } from './masking.ts';
import { DECISION_PATH, normalize } from './policy-engine.ts';
import { policyRuntime } from './policy-runtime.ts';

const Label = Type.String({ maxLength: 256 });

/**
 * One decision event in OPA's decision log format. Fields OPA may add that CompanyOS does not
 * keep (`requested_by`, `req_id`, `nd_builtin_cache`, trace ids ...) are accepted and dropped.
 */
const DecisionEvent = Type.Object(
  {
    decision_id: Type.String({ format: 'uuid' }),
    timestamp: Type.String({ format: 'date-time' }),
    path: Type.Optional(Type.String({ maxLength: 1024 })),
    query: Type.Optional(Type.String({ maxLength: 4096 })),
    input: Type.Optional(Type.Unknown()),
    result: Type.Optional(Type.Unknown()),
    error: Type.Optional(Type.Unknown()),
    // CompanyOS serves a tenant one bundle, whose revision is its hash.
    bundles: Type.Record(Type.String({ minLength: 1, maxLength: 128 }), Type.Object({ revision: Type.String({ pattern: '^[0-9a-f]{64}$' }) }), {
      minProperties: 1,
      maxProperties: 1,
    }),
    labels: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Label, { maxProperties: 32 })),
    metrics: Type.Optional(Type.Record(Type.String({ maxLength: 128 }), Type.Unknown(), { maxProperties: 64 })),
  },
  { additionalProperties: true },
);
type DecisionEvent = Static<typeof DecisionEvent>;

const DECISION_SLASH_PATH = DECISION_PATH.replaceAll('.', '/');
const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const shortString = (x: unknown): string | null => (typeof x === 'string' && x.length <= 256 ? x : null);

/**
 * Allow and reasons as the server reads them: the authorization decision exactly as the pipeline
 * normalises it; any other document allows only when it is `true` or has `allow: true`.
 */
function outcome(path: string, result: unknown, hash: string): { allow: boolean; reasons: string[] } {
  if (path === DECISION_SLASH_PATH) return normalize(result, hash);
  const reasons = isObject(result) && Array.isArray(result.reasons) ? result.reasons.map(String).sort() : [];
  return { allow: result === true || (isObject(result) && result.allow === true && reasons.length === 0), reasons };
}

/** The event as a row of the tenant's decision log, masked by the tenant's current mask rules. */
function toRecord(event: DecisionEvent, tenantId: string, source: string, maskRules: BundleData['mask_rules']): DecisionRecord {
  const hash = Object.values(event.bundles)[0]!.revision;
  const path = (event.path ?? event.query ?? '').replace(/^\/+|\/+$/g, '').replace(/^data\//, '');
  const input: unknown = event.input ?? null;
  const result: unknown = event.result ?? null;
  const masked = applyMaskRules(maskRules, input, result);
  const latency = event.metrics?.timer_rego_query_eval_ns;
  return {
    decision_id: event.decision_id,
    tenant_id: tenantId,
    timestamp: new Date(event.timestamp).toISOString(),
    actor: isObject(input) && isObject(input.subject) ? shortString(input.subject.id) : null,
    action: isObject(input) ? shortString(input.action) : null,
    ...outcome(path, result, hash),
    bundle_hash: hash,
    path,
    input: masked.input,
    result: masked.result,
    latency_ns: Number.isSafeInteger(latency) && (latency as number) >= 0 ? (latency as number) : 0,
    source,
    error: event.error ?? null,
  };
}

export const uploadDecisionLogs = defineAction({
  name: 'policy.decision.upload',
  method: 'POST',
  path: '/policy/decision-logs',
  summary:
    "Store decisions a decision service of the tenant made: OPA's decision log upload (a JSON array of events, gzip-encoded as OPA sends it). The tenant's mask rules apply; a decision already stored is skipped",
  scope: 'tenant',
  input: Type.Array(DecisionEvent, { minItems: 1, maxItems: 1000 }),
  response: Type.Object({ received: Type.Integer(), stored: Type.Integer() }),
  target: (ctx) => `policy-decisions:${ctx.principal.subjectId}`,
  run: async (ctx, events) => {
    const bundle = policyRuntime().engine.bundleFor(ctx.tenantId);
    const maskRules = (bundle.data as Partial<BundleData>).mask_rules ?? [];
    const records = events.map((e) => {
      const instance = e.labels?.id;
      return toRecord(e, ctx.tenantId, instance === undefined ? ctx.principal.subjectId : `${ctx.principal.subjectId}/${instance}`, maskRules);
    });
    return { received: events.length, stored: await insertDecisions(records, ctx.now) };
  },
});
