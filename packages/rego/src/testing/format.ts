// Text output of a test run, in the shape `opa test` prints.

import type { CoverageReport } from './coverage.ts';
import type { TestReport, TestResult } from './run-tests.ts';

const RULE = '-'.repeat(80);

/** Failures and errors (or every test when verbose), then the PASS/FAIL/ERROR summary. */
export function formatTestReport(report: TestReport, opts: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  const shown = opts.verbose ? report.results : report.results.filter((r) => r.status === 'fail' || r.status === 'error');
  let file: string | undefined;
  for (const result of shown) {
    if (result.file !== file) {
      if (file !== undefined) lines.push('');
      file = result.file;
      lines.push(`${file}:`);
    }
    lines.push(`${result.fullName}: ${statusWord(result)} (${formatMs(result.ms)})`);
    if (result.error !== undefined) lines.push(...result.error.split('\n').map((l) => `  ${l}`));
  }
  if (shown.length > 0) lines.push(RULE);
  const total = report.results.length;
  if (total === 0) {
    lines.push('no tests found');
    return lines.join('\n');
  }
  if (report.passed > 0) lines.push(`PASS: ${report.passed}/${total}`);
  if (report.failed > 0) lines.push(`FAIL: ${report.failed}/${total}`);
  if (report.errored > 0) lines.push(`ERROR: ${report.errored}/${total}`);
  if (report.skipped > 0) lines.push(`SKIPPED: ${report.skipped}/${total}`);
  return lines.join('\n');
}

function statusWord(result: TestResult): string {
  return { pass: 'PASS', fail: 'FAIL', error: 'ERROR', skip: 'SKIPPED' }[result.status];
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : ms >= 1 ? `${ms.toFixed(1)}ms` : `${Math.round(ms * 1000)}µs`;
}

/** Per-file coverage with the lines not covered, then the total. */
export function formatCoverage(coverage: CoverageReport): string {
  const lines = coverage.files.map((f) => {
    const missing = f.notCovered.length > 0 ? `  not covered: ${lineRanges(f.notCovered)}` : '';
    return `${f.file}: ${f.percent.toFixed(2)}% (${f.covered.length}/${f.covered.length + f.notCovered.length} lines)${missing}`;
  });
  lines.push(`coverage: ${coverage.percent.toFixed(2)}%`);
  return lines.join('\n');
}

/** [1,2,3,7] → "1-3, 7" */
export function lineRanges(sorted: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
