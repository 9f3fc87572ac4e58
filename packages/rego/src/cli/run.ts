// Command dispatch for the `rego` CLI. Returns the exit code: 0 success, 1 failures (tests,
// conformance, evaluation errors), 2 usage errors.

import { FileError, UsageError, type CompileFn, type Io } from './api.ts';
import { inProcess } from '../conformance/suite.ts';
import { CONFORMANCE_USAGE, conformanceCommand, type ConformanceRunner } from './conformance-command.ts';
import { EVAL_USAGE, evalCommand } from './eval-command.ts';
import { TEST_USAGE, testCommand } from './test-command.ts';

export interface CliDeps {
  compile: CompileFn;
  /** Skip list used by `rego conformance` when `--skips` is not given. */
  defaultSkips?: string;
  /** How conformance cases run (default: in this thread with `compile`). */
  conformanceRunner?: () => ConformanceRunner;
}

export const USAGE = [
  'usage: rego <command> [options]',
  '',
  'commands:',
  '  eval         evaluate a query against policy and data files',
  '  test         run the test_* rules of policy files',
  "  conformance  run OPA's conformance cases from a directory",
  '',
  EVAL_USAGE,
  TEST_USAGE,
  CONFORMANCE_USAGE,
].join('\n');

export async function runCli(argv: string[], deps: CliDeps, io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'eval':
        return evalCommand(rest, deps.compile, io);
      case 'test':
        return testCommand(rest, deps.compile, io);
      case 'conformance':
        return await conformanceCommand(
          rest,
          deps.conformanceRunner ?? (() => ({ run: inProcess({ compile: deps.compile }), close: async () => {} })),
          deps.defaultSkips,
          io,
        );
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`rego: ${err.message}`);
      if (!err.message.includes('usage:')) io.err("run 'rego help' for usage");
      return 2;
    }
    if (err instanceof FileError) {
      io.err(`rego: ${err.message}`);
      return 1;
    }
    io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
