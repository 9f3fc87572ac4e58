import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { PROBE_CHECKS, type ProbeReport } from './golden-path.ts';

/** A check waits on the ledger's checkpoint and the export job: seconds to a minute. */
const PROBE_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

/** The series of the scheduled golden-path probe, one label value per check. */
export class ProbeSignals {
  private readonly runs: Counter<'check' | 'outcome'>;
  private readonly duration: Histogram<'check'>;
  private readonly lastSuccess: Gauge<'check'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.runs = new Counter({
      name: 'companyos_probe_runs_total',
      help: 'Golden-path probe checks run by the server, by check and outcome (ok, failed, skipped)',
      labelNames: ['check', 'outcome'] as const,
      registers,
    });
    this.duration = new Histogram({
      name: 'companyos_probe_duration_seconds',
      help: 'How long each golden-path probe check took',
      labelNames: ['check'] as const,
      buckets: PROBE_BUCKETS,
      registers,
    });
    this.lastSuccess = new Gauge({
      name: 'companyos_probe_last_success_timestamp_seconds',
      help: 'When each golden-path probe check last passed (Unix seconds; absent until it has)',
      labelNames: ['check'] as const,
      registers,
    });
    // Every check and outcome starts at zero, so a failure ratio exists from the first run.
    for (const check of PROBE_CHECKS) for (const outcome of ['ok', 'failed', 'skipped']) this.runs.inc({ check, outcome }, 0);
  }

  record(report: ProbeReport, at: Date): void {
    for (const c of report.checks) {
      this.runs.inc({ check: c.check, outcome: c.outcome });
      if (c.outcome === 'skipped') continue;
      this.duration.observe({ check: c.check }, c.seconds);
      if (c.outcome === 'ok') this.lastSuccess.set({ check: c.check }, at.getTime() / 1000);
    }
  }
}
