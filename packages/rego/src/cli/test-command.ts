// `rego test PATH... [--coverage] [--threshold N] [-v] [--run REGEX]`

import { formatCoverage, formatTestReport } from '../testing/format.ts';
import { runTests } from '../testing/run-tests.ts';
import { UsageError, type CompileFn, type Io } from './api.ts';
import { optionalString, parseCommandArgs } from './args.ts';
import { loadPaths } from './load-paths.ts';

export const TEST_USAGE = 'usage: rego test PATH... [--coverage] [--threshold PERCENT] [-v] [--run REGEX]';

export function testCommand(argv: string[], compile: CompileFn, io: Io): number {
  const { values, positionals } = parseCommandArgs(argv, {
    coverage: { type: 'boolean' },
    threshold: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    run: { type: 'string', short: 'r' },
  });
  if (positionals.length === 0) throw new UsageError(`expected at least one path\n${TEST_USAGE}`);
  const thresholdText = optionalString(values['threshold']);
  const threshold = thresholdText === undefined ? undefined : Number(thresholdText);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100)) {
    throw new UsageError(`--threshold must be a percentage between 0 and 100, not ${thresholdText}`);
  }
  const runText = optionalString(values['run']);
  let filter: RegExp | undefined;
  try {
    filter = runText === undefined ? undefined : new RegExp(runText);
  } catch (err) {
    throw new UsageError(`--run: ${err instanceof Error ? err.message : String(err)}`);
  }
  const coverage = values['coverage'] === true || threshold !== undefined;

  const loaded = loadPaths(positionals);
  const policy = compile(loaded.modules, { data: loaded.data });
  const report = runTests(policy, { ...(filter ? { filter } : {}), coverage });
  io.out(formatTestReport(report, { verbose: values['verbose'] === true }));
  let ok = report.failed === 0 && report.errored === 0;
  if (report.coverage) {
    io.out(formatCoverage(report.coverage));
    if (threshold !== undefined && report.coverage.percent < threshold) {
      io.err(`coverage ${report.coverage.percent.toFixed(2)}% is below the threshold ${threshold}%`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
