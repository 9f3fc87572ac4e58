// `rego conformance DIR [--verbose] [--folder NAME]...`: runs OPA's conformance cases and ends
// with the line `conformance: P passed, F failed, S skipped`.

import { existsSync } from 'node:fs';
import { listFolders } from '../conformance/cases.ts';
import { formatFolderCounts, loadSkipList, runSuite, summaryLine, type CaseRunner } from '../conformance/suite.ts';
import { UsageError, type Io } from './api.ts';
import { optionalString, parseCommandArgs, stringList } from './args.ts';

export const CONFORMANCE_USAGE = 'usage: rego conformance DIR [--verbose] [--folder NAME]... [--skips FILE]';

/** How cases run; `close` releases it (e.g. a worker thread). */
export interface ConformanceRunner {
  run: CaseRunner;
  close(): Promise<void>;
}

export async function conformanceCommand(
  argv: string[],
  runner: () => ConformanceRunner,
  defaultSkips: string | undefined,
  io: Io,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    verbose: { type: 'boolean', short: 'v' },
    folder: { type: 'string', multiple: true },
    skips: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError(`expected the conformance directory\n${CONFORMANCE_USAGE}`);
  const dir = positionals[0] as string;
  if (!existsSync(dir)) throw new UsageError(`no such directory: ${dir}`);
  const skipsOption = optionalString(values['skips']);
  if (skipsOption !== undefined && !existsSync(skipsOption)) throw new UsageError(`no such skip list: ${skipsOption}`);
  const skipsPath = skipsOption ?? defaultSkips;
  const skips = skipsPath !== undefined && existsSync(skipsPath) ? loadSkipList(skipsPath) : {};
  const verbose = values['verbose'] === true;
  const folders = stringList(values['folder']);
  try {
    listFolders(dir, folders);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { run, close } = runner();
  let report;
  try {
    report = await runSuite(dir, {
      run,
      folders,
      skips,
      onCase(outcome) {
        if (outcome.status === 'fail') io.out(`FAIL ${outcome.note} (${outcome.file})\n  ${outcome.reason ?? ''}`);
        else if (verbose && outcome.status === 'skip') io.out(`SKIP ${outcome.note}: ${outcome.reason ?? ''}`);
      },
    });
  } finally {
    await close();
  }
  if (verbose) io.out(formatFolderCounts(report).join('\n'));
  io.out(summaryLine(report));
  return report.failed === 0 ? 0 : 1;
}
