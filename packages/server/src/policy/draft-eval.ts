import { compile, RegoError, RegoErrors, type EvalBudget, type Policy } from '@companyos/rego';
import { budgetProblem, Problem, type ProblemSlug } from '../http/problem.ts';
import type { Bundle, BundleModule } from './bundle.ts';
import { checkBundle, refuseDeepNesting, type BundleCheck } from './bundle-check.ts';

// Evaluation of tenant-supplied drafts. Runs in a worker of the draft pool (draft-pool.ts), so
// everything crossing the boundary is plain data: tasks in, outcomes (or a problem) out.

/** Runs `fn`; an evaluation error of the policy (a conflict, a type error) is the bundle's fault, not a 500. */
export function evaluating<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RegoError && error.code === 'eval_cancel_error') throw budgetProblem(error.message);
    if (error instanceof RegoError) throw new Problem('policy-bundle-invalid', 'the policy failed to evaluate', { failures: [`eval: ${error.message}`] });
    throw error;
  }
}

/** Compiles without caching (drafts are one-off); a bundle that does not compile is a client error. */
export function compileDraft(bundle: Pick<Bundle, 'modules' | 'data'>, budget?: EvalBudget): Policy {
  try {
    return compile(bundle.modules, { data: bundle.data, budget });
  } catch (error) {
    refuseDeepNesting(error);
    if (error instanceof RegoErrors) throw new Problem('policy-bundle-invalid', 'the draft does not compile', { failures: error.errors.map((e) => `compile: ${e.message}`) });
    throw error;
  }
}

export type DraftTask =
  | { kind: 'simulate'; bundle: Pick<Bundle, 'modules' | 'data'>; path: string; inputs: unknown[]; budget?: EvalBudget | undefined }
  | { kind: 'check'; bundle: Pick<Bundle, 'modules' | 'tests' | 'data'>; baseTests: BundleModule[]; budget?: EvalBudget | undefined };

/** A problem as plain data, rebuilt into a Problem on the other side. */
export interface ProblemData {
  slug: ProblemSlug;
  detail: string;
  extensions: Record<string, unknown>;
}

export type DraftOutcome = { results: unknown[] } | { check: BundleCheck } | { problem: ProblemData };

export function runDraftTask(task: DraftTask): DraftOutcome {
  try {
    if (task.kind === 'check') return { check: checkBundle(task.bundle, task.baseTests, task.budget) };
    const policy = compileDraft(task.bundle, task.budget);
    return { results: task.inputs.map((input) => evaluating(() => policy.evaluate(task.path, input)) ?? null) };
  } catch (error) {
    if (error instanceof Problem) return { problem: { slug: error.slug, detail: error.detail, extensions: error.extensions } };
    throw error;
  }
}
