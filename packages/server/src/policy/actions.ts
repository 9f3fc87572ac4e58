import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { defineAction, RawReply, type ActionContext } from '../pipeline/define-action.ts';
import { TenantId } from '../tenancy/tenant-config.ts';
import type { Bundle } from './bundle.ts';
import { refOrNotFound, resolveRef } from './bundle-resolve.ts';
import { composeBundle, type Draft } from './bundle-compose.ts';
import { dataChanges, decisionFlips, moduleChanges } from './bundle-diff.ts';
import { activeVersion, getVersion, insertActivation, insertVersion, listVersions, wasActive, type StoredVersion, type VersionSummary } from './bundle-store.ts';
import { bundleTarball } from './bundle-tarball.ts';
import { listDecisions } from './decision-log.ts';
import { uploadDecisionLogs } from './decision-upload.ts';
import { DECISION_PATH, normalize } from './policy-engine.ts';
import { evaluating } from './draft-eval.ts';
import { policyRuntime } from './policy-runtime.ts';

const VersionNumber = Type.String({ pattern: '^[1-9][0-9]{0,8}$', description: 'a version number' });
/** A version number, `active` (the tenant's active bundle) or `base` (the server's base bundle). */
const BundleRef = Type.String({ pattern: '^([1-9][0-9]{0,8}|active|base)$', description: 'a version number, active or base' });
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });

const DraftFields = {
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'a whole new data document' })),
  data_patch: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'a JSON merge patch over the parent version’s data' })),
  modules: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 200_000 }), Type.Null()]), { description: 'tenant modules by path (tenant/x.rego); null removes one' })),
};
const DraftSchema = Type.Object(DraftFields, { additionalProperties: false });

const VersionView = Type.Object({
  version: Type.Integer(),
  hash: Hash,
  parent_hash: Type.Union([Hash, Type.Null()]),
  author: Type.String(),
  message: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});

const ActivationView = Type.Object({
  version: Type.Integer(),
  hash: Hash,
  kind: Type.String(),
  actor: Type.String(),
  activated_at: Type.String({ format: 'date-time' }),
});

const DecisionOutcome = Type.Object({ allow: Type.Boolean(), reasons: Type.Array(Type.String()) });

const target = (v: { version: number; hash: string }) => `policy-bundle:v${v.version}:${v.hash}`;

export const listBundleVersions = defineAction({
  name: 'policy.bundle.list',
  method: 'GET',
  path: '/policy/versions',
  summary: "The tenant's policy bundle versions, newest first, with the active one and the hash this process runs",
  scope: 'tenant',
  response: Type.Object({
    active: Type.Union([ActivationView, Type.Null()]),
    base_hash: Hash,
    loaded_hash: Hash,
    versions: Type.Array(VersionView),
  }),
  run: async (ctx) => {
    const { engine } = policyRuntime();
    return { active: (await activeVersion()) ?? null, base_hash: engine.base.hash, loaded_hash: engine.bundleFor(ctx.tenantId).hash, versions: await listVersions() };
  },
});

export const getBundleVersion = defineAction({
  name: 'policy.bundle.get',
  method: 'GET',
  path: '/policy/versions/:version',
  summary: 'One policy bundle version with its files',
  scope: 'tenant',
  params: Type.Object({ version: BundleRef }),
  response: Type.Object({
    version: Type.Union([Type.Integer(), Type.Null()]),
    hash: Hash,
    files: Type.Array(Type.Object({ path: Type.String(), content: Type.String() })),
  }),
  resource: (ctx) => resolveRef(ctx.params.version),
  run: async (_ctx, _input, v) => ({ version: v.version, hash: v.bundle.hash, files: v.bundle.files }),
});

export const proposeBundle = defineAction({
  name: 'policy.bundle.propose',
  method: 'POST',
  path: '/policy/versions',
  summary: 'Propose a new policy bundle version; refused unless its data matches the schema, it compiles and every test passes',
  scope: 'tenant',
  status: 201,
  input: Type.Object(
    {
      message: Type.String({ minLength: 3, maxLength: 500 }),
      parent: Type.Optional(BundleRef),
      ...DraftFields,
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ version: VersionView, tests: Type.Object({ passed: Type.Integer(), failed: Type.Integer() }) }),
  target: (_ctx, _input, _r, result) => target((result as { version: VersionSummary }).version),
  // The proposal's compile and tests run in the draft pool with no transaction open.
  detach: async (ctx, input) => {
    const { engine, baseTests, drafts } = policyRuntime();
    const parent = await refOrNotFound(input.parent ?? 'active');
    const { bundle, problems } = composeBundle(engine.base, parent.bundle, input as Draft);
    if (problems.length > 0) throw new Problem('invalid-request', problems.join('; '), { failures: problems });
    return async () => ({ bundle, parent, check: await drafts.check(ctx.tenantId, bundle, baseTests) });
  },
  run: async (ctx, input, _resource, proposed) => {
    const { bundle, parent, check } = proposed!;
    if (check.failures.length > 0) {
      throw new Problem('policy-bundle-invalid', `the proposed bundle fails ${check.failures.length} check(s)`, { failures: check.failures, tests: check.tests });
    }
    const version = await insertVersion({ bundle, parent_hash: parent.bundle.hash, author: ctx.principal.subjectId, message: input.message }, ctx.now).catch((error: unknown) => {
      // Two proposals racing for the same version number: the later one is told to retry.
      if ((error as { code?: unknown }).code === '23505') throw new Problem('conflict', 'another version was proposed at the same time; propose again');
      throw error;
    });
    if (version === undefined) throw new Problem('conflict', `the tenant already has a version with hash ${bundle.hash}`, { hash: bundle.hash });
    return { version, tests: check.tests };
  },
});

/** Makes a stored version the tenant's active one: recorded, notified to every process, and used by this one at once. */
async function activate(ctx: Pick<ActionContext, 'tenantId' | 'principal' | 'now'>, stored: StoredVersion, kind: 'activate' | 'rollback') {
  const { engine } = policyRuntime();
  // Compiles (and caches) before anything is written: a version that cannot run is never activated.
  engine.policy(ctx.tenantId, stored.bundle);
  const activation = await insertActivation({ version: stored.version, hash: stored.hash, kind, actor: ctx.principal.subjectId }, ctx.now);
  engine.use(ctx.tenantId, stored.bundle);
  return activation;
}

export const activateBundle = defineAction({
  name: 'policy.bundle.activate',
  method: 'POST',
  path: '/policy/versions/:version/activate',
  summary: 'Activate a policy bundle version: the next request of the tenant is decided by it, in every server process',
  scope: 'tenant',
  params: Type.Object({ version: VersionNumber }),
  response: ActivationView,
  resource: (ctx) => getVersion(Number(ctx.params.version)),
  target: (_ctx, _input, v) => target(v),
  run: async (ctx, _input, stored) => activate(ctx, stored, 'activate'),
});

export const rollbackBundle = defineAction({
  name: 'policy.bundle.rollback',
  method: 'POST',
  path: '/policy/rollback',
  summary: 'Roll back to an earlier version that was active before; the same hash comes back',
  scope: 'tenant',
  input: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  response: ActivationView,
  resource: (_ctx, input) => getVersion(input.version),
  target: (_ctx, _input, v) => target(v),
  run: async (ctx, _input, stored) => {
    const active = await activeVersion();
    if (active?.version === stored.version) throw new Problem('conflict', `version ${stored.version} is already active`);
    if (!(await wasActive(stored.version))) throw new Problem('conflict', `version ${stored.version} was never active; activate it instead`);
    return activate(ctx, stored, 'rollback');
  },
});

export const diffBundles = defineAction({
  name: 'policy.bundle.diff',
  method: 'POST',
  path: '/policy/diff',
  summary: 'What changes between two versions: modules, data, and which recorded or fixture decisions would flip',
  scope: 'tenant',
  input: Type.Object(
    {
      from: Type.Optional(BundleRef),
      to: BundleRef,
      fixtures: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 1000 })),
      recorded: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'how many recent logged decisions to replay (default 100)' })),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    from: Type.Object({ version: Type.Union([Type.Integer(), Type.Null()]), hash: Hash }),
    to: Type.Object({ version: Type.Union([Type.Integer(), Type.Null()]), hash: Hash }),
    modules: Type.Object({ added: Type.Array(Type.String()), removed: Type.Array(Type.String()), changed: Type.Array(Type.String()) }),
    data: Type.Array(Type.Object({ path: Type.String(), from: Type.Optional(Type.Unknown()), to: Type.Optional(Type.Unknown()) })),
    replayed: Type.Integer(),
    decisions: Type.Array(
      Type.Object({ source: Type.String(), ref: Type.String(), action: Type.Unknown(), actor: Type.Unknown(), from: DecisionOutcome, to: DecisionOutcome }),
    ),
  }),
  run: async (ctx, input) => {
    const { engine } = policyRuntime();
    const from = await refOrNotFound(input.from ?? 'active');
    const to = await refOrNotFound(input.to);
    // Logged decisions are replayed as logged, i.e. after the tenant's mask rules.
    const recorded = await listDecisions({ limit: input.recorded ?? 100 });
    const cases = [
      ...recorded.filter((d) => d.path === DECISION_PATH.replaceAll('.', '/')).map((d) => ({ source: 'recorded' as const, ref: d.decision_id, input: d.input })),
      ...(input.fixtures ?? []).map((f, i) => ({ source: 'fixture' as const, ref: String(i), input: f })),
    ];
    return {
      from: { version: from.version, hash: from.bundle.hash },
      to: { version: to.version, hash: to.bundle.hash },
      modules: moduleChanges(from.bundle, to.bundle),
      data: dataChanges(from.bundle.data, to.bundle.data),
      replayed: cases.length,
      decisions: evaluating(() =>
        decisionFlips(
          { policy: engine.policy(ctx.tenantId, from.bundle), hash: from.bundle.hash },
          { policy: engine.policy(ctx.tenantId, to.bundle), hash: to.bundle.hash },
          cases,
        ),
      ),
    };
  },
});

export const simulatePolicy = defineAction({
  name: 'policy.simulate',
  method: 'POST',
  path: '/policy/simulate',
  summary: 'Evaluate inputs against a bundle version or a draft, with no effects (nothing is logged or changed)',
  scope: 'tenant',
  input: Type.Object(
    {
      version: Type.Optional(BundleRef),
      draft: Type.Optional(DraftSchema),
      path: Type.Optional(Type.String({ pattern: '^(data\\.)?[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*$', description: `the rule to evaluate (default ${DECISION_PATH})` })),
      inputs: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000 }),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    bundle_hash: Hash,
    path: Type.String(),
    results: Type.Array(Type.Object({ allow: Type.Optional(Type.Boolean()), reasons: Type.Optional(Type.Array(Type.String())), result: Type.Unknown() })),
  }),
  // A draft is code no one has reviewed yet: it runs in the draft pool, never on this thread, and with no transaction open.
  detach: async (ctx, input) => {
    if (input.version !== undefined && input.draft !== undefined) throw new Problem('invalid-request', 'give a version or a draft, not both');
    if (input.draft === undefined) return undefined;
    const { engine, drafts } = policyRuntime();
    const composed = composeBundle(engine.base, (await refOrNotFound('active')).bundle, input.draft as Draft);
    if (composed.problems.length > 0) throw new Problem('invalid-request', composed.problems.join('; '), { failures: composed.problems });
    const { bundle } = composed;
    const path = input.path ?? DECISION_PATH;
    return async () => ({ bundle, outputs: await drafts.simulate(ctx.tenantId, bundle, path, input.inputs) });
  },
  run: async (ctx, input, _resource, draft) => {
    const path = input.path ?? DECISION_PATH;
    let bundle: Bundle;
    let outputs: unknown[];
    if (draft !== undefined) ({ bundle, outputs } = draft);
    else {
      const { engine } = policyRuntime();
      // The active bundle is the one this request was decided with: the request's opening read
      // brought the engine up to the tenant's configuration version, so no read is needed.
      bundle = input.version === undefined || input.version === 'active' ? engine.bundleFor(ctx.tenantId) : (await refOrNotFound(input.version)).bundle;
      const policy = engine.policy(ctx.tenantId, bundle);
      outputs = input.inputs.map((i) => evaluating(() => policy.evaluate(path, i)) ?? null);
    }
    const isDecision = path.replace(/^data\./, '') === DECISION_PATH;
    const results = outputs.map((result) => {
      if (!isDecision) return { result };
      const d = normalize(result, bundle.hash);
      return { allow: d.allow, reasons: d.reasons, result };
    });
    return { bundle_hash: bundle.hash, path, results };
  },
});

const DecisionView = Type.Object({
  decision_id: Type.String(),
  timestamp: Type.String({ format: 'date-time' }),
  path: Type.String(),
  input: Type.Unknown(),
  result: Type.Unknown(),
  bundles: Type.Record(Type.String(), Type.Object({ revision: Type.String() })),
  metrics: Type.Object({ timer_rego_query_eval_ns: Type.Integer() }),
  labels: Type.Object({ tenant_id: Type.String() }),
  actor: Type.Union([Type.String(), Type.Null()]),
  action: Type.Union([Type.String(), Type.Null()]),
  allow: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  bundle_hash: Type.String(),
  source: Type.Union([Type.String({ description: 'the decision service that made it (null: this server)' }), Type.Null()]),
  error: Type.Optional(Type.Unknown({ description: "OPA's error object, when the evaluation failed" })),
});

export const listPolicyDecisions = defineAction({
  name: 'policy.decision.list',
  method: 'GET',
  path: '/policy/decisions',
  summary: "The tenant's decision log (OPA's shape, masked; written in batches within a second), newest first, filtered by time, action, subject and outcome",
  scope: 'tenant',
  query: Type.Object(
    {
      from: Type.Optional(Type.String({ format: 'date-time' })),
      to: Type.Optional(Type.String({ format: 'date-time' })),
      action: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_.]{0,99}$' })),
      subject: Type.Optional(Type.String({ maxLength: 128 })),
      allow: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
      limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$', description: '1 to 1000, default 100' })),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ decisions: Type.Array(DecisionView) }),
  run: async (ctx) => {
    const q = ctx.query;
    const rows = await listDecisions({
      from: q.from,
      to: q.to,
      action: q.action,
      subject: q.subject,
      allow: q.allow === undefined ? undefined : q.allow === 'true',
      limit: q.limit === undefined ? 100 : Number(q.limit),
    });
    return {
      decisions: rows.map((r) => ({
        ...r,
        bundles: { [r.tenant_id]: { revision: r.bundle_hash } },
        metrics: { timer_rego_query_eval_ns: r.latency_ns },
        labels: { tenant_id: r.tenant_id },
      })),
    };
  },
});

export const downloadBundle = defineAction({
  name: 'policy.bundle.download',
  method: 'GET',
  path: '/policy/bundles/:tenantId.tar.gz',
  summary: "The tenant's active bundle in OPA's bundle format (ETag = the bundle hash; If-None-Match gives 304)",
  scope: 'tenant',
  tenantParam: 'tenantId',
  params: Type.Object({ tenantId: TenantId }),
  target: (ctx) => `policy-bundle:${ctx.tenantId}`,
  run: async (ctx) => {
    const bundle = (await refOrNotFound('active')).bundle;
    // A decision service's uploaded decisions will cite this bundle: archive it for their evidence.
    await policyRuntime().engine.archive.keep(bundle, ctx.now);
    const etag = `"${bundle.hash}"`;
    const match = ctx.headers['if-none-match'];
    const tags = (Array.isArray(match) ? match.join(',') : (match ?? '')).split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (tags.includes(etag) || tags.includes('*')) return new RawReply('', { etag }, 304);
    return new RawReply(bundleTarball(bundle), { etag, 'content-type': 'application/gzip', 'cache-control': 'no-cache' });
  },
});

export const getPolicyDrift = defineAction({
  name: 'policy.drift.get',
  method: 'GET',
  path: '/policy/drift',
  summary: "The bundle hash this process runs for the tenant against the active one",
  scope: 'tenant',
  response: Type.Object({ tenant: Type.String(), loaded_hash: Hash, active_hash: Hash, active_version: Type.Union([Type.Integer(), Type.Null()]), drifted: Type.Boolean() }),
  run: async (ctx) => {
    const { engine } = policyRuntime();
    const active = await activeVersion();
    const loaded = engine.bundleFor(ctx.tenantId).hash;
    const activeHash = active?.hash ?? engine.base.hash;
    return { tenant: ctx.tenantId, loaded_hash: loaded, active_hash: activeHash, active_version: active?.version ?? null, drifted: loaded !== activeHash };
  },
});

export const policyActions = [
  listBundleVersions,
  getBundleVersion,
  proposeBundle,
  activateBundle,
  rollbackBundle,
  diffBundles,
  simulatePolicy,
  listPolicyDecisions,
  uploadDecisionLogs,
  downloadBundle,
  getPolicyDrift,
];
