import { Type } from '@sinclair/typebox';
import { defineAction, type AnyAction } from '../pipeline/define-action.ts';
import { preflight } from '../pipeline/preflight.ts';

/** How many checks one preflight may ask: a console screen asks a few dozen at most. */
export const MAX_CHECKS = 100;

const Check = Type.Object(
  {
    action: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', maxLength: 100, description: 'an action name, as `companyos actions` lists it' }),
    resource: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 }), { maxProperties: 5, description: "the path parameters of the action's route that name its resource (e.g. {\"id\": ...})" })),
  },
  { additionalProperties: false },
);

const Answer = Type.Object({
  action: Type.String(),
  resource: Type.Optional(Type.Record(Type.String(), Type.String())),
  allowed: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  step_up_required: Type.Boolean({ description: 'denied now, allowed after a fresh step-up authentication' }),
});

/**
 * `policy.can`: a batched preflight. Each check is decided as the real request would be (its
 * resource loaded by the action's loader, the same decision input, the caller's principal) and
 * nothing is run. `catalog` is every action the server mounts.
 */
export function canAction(catalog: () => AnyAction[]) {
  return defineAction({
    name: 'policy.can',
    method: 'POST',
    path: '/policy/can',
    summary: 'Ask whether actions would be allowed for the caller (a batched preflight, decided as the real requests would be, nothing run)',
    scope: 'tenant',
    input: Type.Object({ checks: Type.Array(Check, { minItems: 1, maxItems: MAX_CHECKS }) }, { additionalProperties: false }),
    response: Type.Object({ results: Type.Array(Answer), bundle_hash: Type.String() }),
    run: async (ctx, input) => {
      const byName = new Map(catalog().map((a) => [a.name, a]));
      const results = [];
      for (const check of input.checks) {
        const action = byName.get(check.action);
        const answer = action === undefined ? { allowed: false, reasons: [`${check.action} is not an action of this server`], step_up_required: false } : await preflight(ctx, action, check.resource);
        results.push({ action: check.action, ...(check.resource !== undefined ? { resource: check.resource } : {}), ...answer });
      }
      return { results, bundle_hash: ctx.bundleHash };
    },
  });
}
