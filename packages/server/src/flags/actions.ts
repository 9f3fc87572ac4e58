import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { StringEnum } from '../http/schema.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { FlagId, FLAG_KINDS, FlagSetting, unknownVariants, type FlagDefinition } from './flag-model.ts';
import { getConfigDrift } from './drift-action.ts';
import { flagService } from './flag-service.ts';
import { flagChanges, flagSettings, flagUsage, writeFlagSetting, type FlagChange } from './flag-store.ts';

const Params = Type.Object({ flagId: FlagId });

const NullableSetting = Type.Union([FlagSetting, Type.Null()]);

const FlagView = Type.Object({
  flag_id: Type.String(),
  description: Type.String(),
  owner: Type.String(),
  kind: StringEnum(FLAG_KINDS),
  type: Type.String(),
  variants: Type.Record(Type.String(), Type.Unknown()),
  default_variant: Type.String(),
  off_variant: Type.String(),
  expires_at: Type.Union([Type.String(), Type.Null()]),
  setting: NullableSetting,
  setting_source: StringEnum(['tenant', 'seed', 'none']),
  last_evaluated_at: Type.Union([Type.String(), Type.Null()]),
});

const ChangeView = Type.Object({
  change_id: Type.String(),
  flag_id: Type.String(),
  changed_at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  kind: Type.String(),
  before: NullableSetting,
  after: NullableSetting,
  request_id: Type.Union([Type.String(), Type.Null()]),
});

const EvaluationView = Type.Object({
  flag_id: Type.String(),
  value: Type.Unknown(),
  variant: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  detail: Type.String(),
  error_code: Type.Optional(Type.String()),
});

function view(def: FlagDefinition, tenantId: string, settings: Map<string, FlagSetting>, usage: Map<string, string>) {
  const own = settings.get(def.flag_id);
  const seeded = def.per_tenant_overrides?.[tenantId];
  return {
    flag_id: def.flag_id,
    description: def.description,
    owner: def.owner,
    kind: def.kind,
    type: def.type,
    variants: def.variants,
    default_variant: def.default_variant,
    off_variant: def.off_variant,
    expires_at: def.expires_at ?? null,
    setting: own ?? seeded ?? null,
    setting_source: own !== undefined ? ('tenant' as const) : seeded !== undefined ? ('seed' as const) : ('none' as const),
    last_evaluated_at: usage.get(def.flag_id) ?? null,
  };
}

const definitionOf = async (ctx: { params: { flagId: string } }): Promise<FlagDefinition | undefined> => flagService().definitions.get(ctx.params.flagId);

export const listFlags = defineAction({
  name: 'flag.list',
  method: 'GET',
  path: '/flags',
  summary: "List the feature flags and the caller tenant's setting of each",
  scope: 'tenant',
  response: Type.Object({ flags: Type.Array(FlagView) }),
  run: async (ctx) => {
    const [settings, usage] = [await flagSettings(), await flagUsage()];
    return { flags: [...flagService().definitions.values()].map((d) => view(d, ctx.tenantId, settings, usage)) };
  },
});

export const getFlag = defineAction({
  name: 'flag.get',
  method: 'GET',
  path: '/flags/:flagId',
  summary: "Read one flag, the tenant's setting and its change history (newest first)",
  scope: 'tenant',
  params: Params,
  response: Type.Intersect([FlagView, Type.Object({ history: Type.Array(ChangeView) })]),
  resource: definitionOf,
  target: (ctx) => `flag:${ctx.params.flagId}`,
  run: async (ctx, _input, def) => ({ ...view(def, ctx.tenantId, await flagSettings(), await flagUsage()), history: await flagChanges(def.flag_id) }),
});

export const evaluateFlags = defineAction({
  name: 'flag.evaluate',
  method: 'POST',
  path: '/flags/evaluate',
  summary: 'Evaluate flags for the caller: value, variant and reason of each',
  scope: 'tenant',
  input: Type.Object(
    {
      flags: Type.Optional(Type.Array(FlagId, { minItems: 1, maxItems: 100, uniqueItems: true })),
      context: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ evaluations: Type.Array(EvaluationView) }),
  run: async (_ctx, input) => {
    const service = flagService();
    const ids = input.flags ?? [...service.definitions.keys()];
    const evaluations = [];
    for (const id of ids) evaluations.push(await service.evaluate(id, { context: input.context }));
    return { evaluations };
  },
});

async function change(ctx: { tenantId: string; requestId: string; now: Date; principal: { subjectId: string } }, flagId: string, setting: FlagSetting | null, kind: 'set' | 'revert'): Promise<FlagChange> {
  const done = await writeFlagSetting(flagId, setting, { actor: ctx.principal.subjectId, kind, requestId: ctx.requestId, at: ctx.now });
  flagService().invalidate(ctx.tenantId);
  return done;
}

export const setFlag = defineAction({
  name: 'flag.set',
  method: 'PUT',
  path: '/flags/:flagId/setting',
  summary: "Change the tenant's setting of a flag; applies to the next evaluation, no redeploy",
  scope: 'tenant',
  params: Params,
  input: FlagSetting,
  response: ChangeView,
  resource: definitionOf,
  target: (ctx) => `flag:${ctx.params.flagId}`,
  run: async (ctx, input, def) => {
    const unknown = unknownVariants(def, input);
    if (unknown.length > 0) {
      throw new Problem('invalid-request', `flag ${def.flag_id} has no variant ${unknown.join(', ')}`, {
        errors: [{ in: 'body', field: 'variant', message: `must be one of ${Object.keys(def.variants).join(', ')}` }],
      });
    }
    return change(ctx, def.flag_id, input, 'set');
  },
});

export const revertFlag = defineAction({
  name: 'flag.revert',
  method: 'POST',
  path: '/flags/:flagId/revert',
  summary: "Undo the last change of the tenant's setting of a flag",
  scope: 'tenant',
  params: Params,
  response: ChangeView,
  resource: definitionOf,
  target: (ctx) => `flag:${ctx.params.flagId}`,
  run: async (ctx, _input, def) => {
    const [last] = await flagChanges(def.flag_id, 1);
    if (last === undefined) throw new Problem('conflict', `flag ${def.flag_id} has no change to revert`);
    return change(ctx, def.flag_id, last.before, 'revert');
  },
});

export const flagActions = [listFlags, getFlag, evaluateFlags, setFlag, revertFlag, getConfigDrift];
