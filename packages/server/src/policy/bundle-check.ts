import { compile, RegoErrors, type TestReport } from '@companyos/rego';
import type { Bundle, BundleModule } from './bundle.ts';
import { dataProblems } from './bundle-schema.ts';

export interface BundleCheck {
  /** One line per problem: schema, compile and test failures, in that order. */
  failures: string[];
  tests: { passed: number; failed: number };
}

function compileErrors(error: unknown): string[] {
  if (error instanceof RegoErrors) return error.errors.map((e) => `compile: ${e.message}`);
  throw error;
}

/**
 * What a proposed bundle must pass: its data matches the schema, its modules compile, and every
 * test module (the server's base tests and the bundle's own) passes against its data.
 */
export function checkBundle(bundle: Bundle, baseTests: BundleModule[]): BundleCheck {
  const failures = dataProblems(bundle.data).map((p) => `schema: ${p}`);
  try {
    compile(bundle.modules, { data: bundle.data });
  } catch (error) {
    return { failures: [...failures, ...compileErrors(error)], tests: { passed: 0, failed: 0 } };
  }
  let report: TestReport;
  try {
    report = compile([...bundle.modules, ...baseTests, ...bundle.tests], { data: bundle.data }).test();
  } catch (error) {
    return { failures: [...failures, ...compileErrors(error)], tests: { passed: 0, failed: 0 } };
  }
  const failed = report.results.filter((r) => r.status === 'fail' || r.status === 'error');
  failures.push(...failed.map((r) => `test: ${r.fullName} ${r.status === 'fail' ? 'failed' : `errored: ${r.error ?? ''}`} (${r.file}:${r.line})`));
  return { failures, tests: { passed: report.passed, failed: failed.length } };
}
