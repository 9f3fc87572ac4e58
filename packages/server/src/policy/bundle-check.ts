import { compile, MAX_NESTING_DEPTH, type EvalBudget, NestingLimitError, RegoErrors, type TestReport } from '@companyos/rego';
import { Problem } from '../http/problem.ts';
import type { Bundle, BundleModule } from './bundle.ts';
import { dataProblems } from './bundle-schema.ts';

export interface BundleCheck {
  /** One line per problem: schema, compile and test failures, in that order. */
  failures: string[];
  tests: { passed: number; failed: number };
}

/** A module nested past the parser's limit is refused as a bad request, like a body nested too deep. */
export function refuseDeepNesting(error: unknown): void {
  const deep = error instanceof RegoErrors ? error.errors.find((e) => e instanceof NestingLimitError) : undefined;
  if (deep === undefined) return;
  const where = deep.location === undefined ? '' : ` (${deep.location.file}:${deep.location.line})`;
  throw new Problem('nesting-too-deep', `a module nests terms or expressions deeper than ${MAX_NESTING_DEPTH} levels${where}`, { max_depth: MAX_NESTING_DEPTH });
}

function compileErrors(error: unknown): string[] {
  refuseDeepNesting(error);
  if (error instanceof RegoErrors) return error.errors.map((e) => `compile: ${e.message}`);
  throw error;
}

/**
 * What a proposed bundle must pass: its data matches the schema, its modules compile, and every
 * test module (the server's base tests and the bundle's own) passes against its data.
 */
export function checkBundle(bundle: Pick<Bundle, 'modules' | 'tests' | 'data'>, baseTests: BundleModule[], budget?: EvalBudget): BundleCheck {
  const failures = dataProblems(bundle.data).map((p) => `schema: ${p}`);
  try {
    compile(bundle.modules, { data: bundle.data, budget });
  } catch (error) {
    return { failures: [...failures, ...compileErrors(error)], tests: { passed: 0, failed: 0 } };
  }
  let report: TestReport;
  try {
    report = compile([...bundle.modules, ...baseTests, ...bundle.tests], { data: bundle.data, budget }).test();
  } catch (error) {
    return { failures: [...failures, ...compileErrors(error)], tests: { passed: 0, failed: 0 } };
  }
  const failed = report.results.filter((r) => r.status === 'fail' || r.status === 'error');
  failures.push(...failed.map((r) => `test: ${r.fullName} ${r.status === 'fail' ? 'failed' : `errored: ${r.error ?? ''}`} (${r.file}:${r.line})`));
  return { failures, tests: { passed: report.passed, failed: failed.length } };
}
