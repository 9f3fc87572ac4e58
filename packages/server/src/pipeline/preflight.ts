import { Value } from '@sinclair/typebox/value';
import { Problem } from '../http/problem.ts';
import { policyRuntime } from '../policy/policy-runtime.ts';
import type { ActionContext, AnyAction } from './define-action.ts';
import { decisionInput } from './decision-input.ts';

// Answers "would this request be allowed?" without making it: the resource is loaded by the
// action's own loader and the question goes to the tenant's active bundle through the same
// decision input the pipeline builds, with the caller's principal as the real request has it.

export interface PreflightAnswer {
  allowed: boolean;
  reasons: string[];
  /** Denied now, but allowed after a fresh step-up authentication (the console then offers it and asks for one). */
  step_up_required: boolean;
}

export const NO_SUCH_RESOURCE = 'no such resource';

/**
 * Decides `action` for the caller in `ctx`. `params` are the path parameters that name the
 * resource (as the real request's URL would); without them the action is decided with no
 * resource, i.e. "may I do this at all". An allowed action on a resource that does not exist
 * is not allowed, as the real request would answer 404 (only after its decision).
 */
export async function preflight(ctx: ActionContext<unknown, unknown>, action: AnyAction, params: Record<string, string> | undefined): Promise<PreflightAnswer> {
  let resource: unknown = null;
  if (params !== undefined) {
    if (action.params === undefined || action.resource === undefined) throw new Problem('invalid-request', `${action.name} takes no resource`);
    if (!Value.Check(action.params, params)) throw new Problem('invalid-request', `the resource of ${action.name} is not valid for its path parameters`, { action: action.name });
    resource = await action.resource({ ...ctx, action: action.name, params, query: {} }, {});
  }
  const { engine } = policyRuntime();
  const input = decisionInput(ctx, action, resource);
  const decision = await engine.decide(input);
  if (!decision.allow) {
    const stepUp = !input.context.step_up && engine.wouldAllow({ ...input, context: { ...input.context, step_up: true } });
    return { allowed: false, reasons: decision.reasons, step_up_required: stepUp && resource !== undefined };
  }
  if (resource === undefined) return { allowed: false, reasons: [NO_SUCH_RESOURCE], step_up_required: false };
  return { allowed: true, reasons: decision.reasons, step_up_required: false };
}
