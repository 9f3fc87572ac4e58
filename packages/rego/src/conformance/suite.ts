// Running a whole conformance directory: every folder, every case, with a skip list.

import { readFileSync } from 'node:fs';
import { listFolders, loadFolder, type LoadedCase } from './cases.ts';
import { runCase, type CaseResult, type CaseStatus, type Engine } from './run-case.ts';

/**
 * Cases deliberately not supported: note → reason. A key ending in `*` matches every note that
 * starts with the text before it.
 */
export type SkipList = Record<string, string>;

export interface CaseOutcome extends CaseResult {
  folder: string;
  file: string;
  note: string;
}

export interface FolderCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface SuiteReport {
  outcomes: CaseOutcome[];
  folders: Record<string, FolderCounts>;
  passed: number;
  failed: number;
  skipped: number;
}

/** Runs one case: in this thread, or in a worker (see isolated.ts). */
export type CaseRunner = (loaded: LoadedCase) => CaseResult | Promise<CaseResult>;

export interface SuiteOptions {
  run: CaseRunner;
  /** Only these folders (default: all). */
  folders?: string[];
  skips?: SkipList;
  /** Called after each case, e.g. for progress output. */
  onCase?: (outcome: CaseOutcome) => void;
}

/** Runs cases in this thread with the given engine. */
export function inProcess(engine: Engine): (loaded: LoadedCase) => CaseResult {
  return ({ testCase }) => {
    try {
      return runCase(engine, testCase);
    } catch (err) {
      return { status: 'fail', reason: `harness error: ${err instanceof Error ? err.message : String(err)}`, ms: 0 };
    }
  };
}

export function loadSkipList(path: string): SkipList {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${path}: expected an object mapping case notes to reasons`);
  }
  for (const [note, reason] of Object.entries(parsed)) {
    if (typeof reason !== 'string' || reason === '') throw new Error(`${path}: skip "${note}" needs a reason`);
  }
  return parsed as SkipList;
}

export function skipReason(skips: SkipList, note: string): string | undefined {
  const exact = skips[note];
  if (exact !== undefined) return exact;
  for (const [key, reason] of Object.entries(skips)) {
    if (key.endsWith('*') && note.startsWith(key.slice(0, -1))) return reason;
  }
  return undefined;
}

export async function runSuite(dir: string, opts: SuiteOptions): Promise<SuiteReport> {
  const report: SuiteReport = { outcomes: [], folders: {}, passed: 0, failed: 0, skipped: 0 };
  for (const folder of listFolders(dir, opts.folders)) {
    const counts: FolderCounts = { passed: 0, failed: 0, skipped: 0 };
    report.folders[folder] = counts;
    let cases: LoadedCase[];
    try {
      cases = loadFolder(dir, folder);
    } catch (err) {
      // A file that cannot be read counts as one failure rather than aborting the run.
      record(report, counts, opts, { folder, file: folder, note: `${folder} (unreadable)`, status: 'fail', reason: String(err), ms: 0 });
      continue;
    }
    for (const loaded of cases) {
      const { file, testCase } = loaded;
      const skip = skipReason(opts.skips ?? {}, testCase.note);
      const result: CaseResult = skip !== undefined ? { status: 'skip', reason: skip, ms: 0 } : await opts.run(loaded);
      record(report, counts, opts, { folder, file, note: testCase.note, ...result });
    }
  }
  return report;
}

const COUNTER: Record<CaseStatus, keyof FolderCounts> = { pass: 'passed', fail: 'failed', skip: 'skipped' };

function record(report: SuiteReport, counts: FolderCounts, opts: SuiteOptions, outcome: CaseOutcome): void {
  report.outcomes.push(outcome);
  counts[COUNTER[outcome.status]]++;
  report[COUNTER[outcome.status]]++;
  opts.onCase?.(outcome);
}

/** One `folder  passed/total` line per folder, by name. */
export function formatFolderCounts(report: SuiteReport): string[] {
  const names = Object.keys(report.folders).sort();
  const width = Math.max(0, ...names.map((n) => n.length));
  return names.map((name) => {
    const c = report.folders[name] as FolderCounts;
    const total = c.passed + c.failed + c.skipped;
    const extra = c.skipped > 0 ? ` (${c.skipped} skipped)` : '';
    return `${name.padEnd(width)}  ${c.passed}/${total}${extra}`;
  });
}

export function summaryLine(report: SuiteReport): string {
  return `conformance: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`;
}
