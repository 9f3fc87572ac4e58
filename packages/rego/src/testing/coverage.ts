// Line coverage of policy files, merged over many evaluations (one per test).

/** Lines of one file that evaluation reached (covered) and did not reach (notCovered). */
export interface FileCoverage {
  covered: number[];
  notCovered: number[];
}

/** Coverage of one evaluation, as the evaluator reports it (lines by file name). */
export interface Coverage {
  files: Record<string, FileCoverage>;
}

export interface FileCoverageReport extends FileCoverage {
  file: string;
  /** Covered lines in percent of all coverable lines (100 when there are none). */
  percent: number;
}

export interface CoverageReport {
  files: FileCoverageReport[];
  percent: number;
}

/** Accumulates coverage: a line is covered when any evaluation covered it. */
export class CoverageCollector {
  private readonly covered = new Map<string, Set<number>>();
  private readonly seen = new Map<string, Set<number>>();

  add(coverage: Coverage | undefined): void {
    if (coverage === undefined) return;
    for (const [file, lines] of Object.entries(coverage.files)) {
      const covered = getOrCreate(this.covered, file);
      const seen = getOrCreate(this.seen, file);
      for (const line of lines.covered) {
        covered.add(line);
        seen.add(line);
      }
      for (const line of lines.notCovered) seen.add(line);
    }
  }

  report(): CoverageReport {
    let coveredTotal = 0;
    let allTotal = 0;
    const files = [...this.seen.keys()].sort().map((file) => {
      const seen = this.seen.get(file) as Set<number>;
      const covered = this.covered.get(file) as Set<number>;
      const notCovered = [...seen].filter((line) => !covered.has(line)).sort((a, b) => a - b);
      coveredTotal += covered.size;
      allTotal += seen.size;
      return { file, covered: [...covered].sort((a, b) => a - b), notCovered, percent: percent(covered.size, seen.size) };
    });
    return { files, percent: percent(coveredTotal, allTotal) };
  }
}

function getOrCreate(map: Map<string, Set<number>>, key: string): Set<number> {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 10000) / 100;
}
