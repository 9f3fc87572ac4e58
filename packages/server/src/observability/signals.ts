import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * How a governed action ended, as counted on /metrics: allowed (done, with its receipt), denied
 * (no credential, another tenant's, or the policy said no), rejected (the client's mistake: bad
 * input, not found, conflict, quota) or error (the server failed: what availability counts).
 */
export type ActionOutcome = 'allowed' | 'denied' | 'rejected' | 'error';

export function outcomeOf(status: number): ActionOutcome {
  if (status >= 500) return 'error';
  if (status === 401 || status === 403) return 'denied';
  if (status >= 400) return 'rejected';
  return 'allowed';
}

export interface ActionObservation {
  action: string;
  outcome: ActionOutcome;
  tenant: string;
  seconds: number;
  traceId?: string | undefined;
}

/** Where a piece of evidence failed to be written. */
export type EvidenceWriteKind = 'receipt' | 'ledger' | 'export';

export interface SignalOptions {
  /** Adds a `tenant` label to the per-action series (opt-in: tenant ids are unbounded). */
  tenantLabel?: boolean;
}

/** Latency buckets (seconds) around the 500 ms decision SLO, fine below it. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Receipt integration and metering delays: milliseconds up to the 60 s completeness bound and past it. */
const DELAY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
/** Evidence packs take seconds to many minutes; the alert is at 9 minutes. */
const PACK_BUCKETS = [0.5, 1, 5, 15, 30, 60, 120, 300, 540, 900, 1800];

/**
 * The event-driven series of the service: what the pipeline, the ledger integrator and the jobs
 * report as things happen. Gauges of stored state (backlogs, ages) are read from the database
 * at scrape time instead (stored-signals.ts).
 */
export class Signals {
  readonly actionRequests: Counter<'action' | 'outcome' | 'tenant'>;
  readonly actionDuration: Histogram<'action' | 'outcome' | 'tenant'>;
  readonly decisionDuration: Histogram<'package' | 'allow'>;
  readonly receiptsAppended: Counter<'action'>;
  readonly integrationDelay: Histogram;
  readonly evidenceWriteFailures: Counter<'kind'>;
  readonly usageEvents: Counter<'action'>;
  readonly meteringDelay: Histogram;
  readonly exportTimeToPack: Histogram<'result'>;
  private readonly tenantLabel: boolean;
  private readonly actionListeners: Array<(o: ActionObservation) => void> = [];

  constructor(registry: Registry, options: SignalOptions = {}) {
    this.tenantLabel = options.tenantLabel === true;
    const registers = [registry];
    const actionLabels = this.tenantLabel ? (['action', 'outcome', 'tenant'] as const) : (['action', 'outcome'] as const);
    this.actionRequests = new Counter({
      name: 'companyos_action_requests_total',
      help: 'Governed action requests by action and outcome (allowed, denied, error)',
      labelNames: actionLabels,
      registers,
    });
    this.actionDuration = new Histogram({
      name: 'companyos_action_duration_seconds',
      help: 'Time from authentication to the committed effect (or the refusal) of a governed action',
      labelNames: actionLabels,
      buckets: LATENCY_BUCKETS,
      enableExemplars: true,
      registers,
    });
    this.decisionDuration = new Histogram({
      name: 'companyos_policy_decision_duration_seconds',
      help: 'Policy evaluation time per policy package',
      labelNames: ['package', 'allow'] as const,
      buckets: LATENCY_BUCKETS,
      enableExemplars: true,
      registers,
    });
    this.receiptsAppended = new Counter({
      name: 'companyos_receipts_appended_total',
      help: 'Receipts committed with their effect, by action',
      labelNames: ['action'] as const,
      registers,
    });
    this.integrationDelay = new Histogram({
      name: 'companyos_ledger_integration_delay_seconds',
      help: 'Time from a receipt being issued to its leaf index in the tenant ledger',
      buckets: DELAY_BUCKETS,
      registers,
    });
    this.evidenceWriteFailures = new Counter({
      name: 'companyos_evidence_write_failures_total',
      help: 'Failed evidence writes: receipts with their effect, ledger integration steps, evidence packs',
      labelNames: ['kind'] as const,
      registers,
    });
    this.usageEvents = new Counter({
      name: 'companyos_usage_events_total',
      help: 'Usage events written for metering, by action',
      labelNames: ['action'] as const,
      registers,
    });
    this.meteringDelay = new Histogram({
      name: 'companyos_metering_delay_seconds',
      help: 'Time from an action being decided to its usage event being committed',
      buckets: DELAY_BUCKETS,
      registers,
    });
    this.exportTimeToPack = new Histogram({
      name: 'companyos_export_time_to_pack_seconds',
      help: 'Time from an evidence export being requested to its pack being stored (or failing for good)',
      labelNames: ['result'] as const,
      buckets: PACK_BUCKETS,
      registers,
    });
    // Known label sets start at zero, so rates and ratios exist before the first failure.
    for (const kind of ['receipt', 'ledger', 'export'] as const) this.evidenceWriteFailures.inc({ kind }, 0);
  }

  /** Also hands every governed action's outcome and latency to `listener` (the stored service samples). */
  onAction(listener: (o: ActionObservation) => void): void {
    this.actionListeners.push(listener);
  }

  /** Counts one governed action and its latency; the trace id (when sampled) becomes the exemplar. */
  action(o: ActionObservation): void {
    for (const listener of this.actionListeners) listener(o);
    const labels = this.tenantLabel ? { action: o.action, outcome: o.outcome, tenant: o.tenant } : { action: o.action, outcome: o.outcome };
    this.actionRequests.inc(labels);
    this.actionDuration.observe({ labels, value: o.seconds, exemplarLabels: exemplar(o.traceId) });
  }

  decision(o: { package: string; allow: boolean; seconds: number; traceId?: string | undefined }): void {
    this.decisionDuration.observe({ labels: { package: o.package, allow: String(o.allow) }, value: o.seconds, exemplarLabels: exemplar(o.traceId) });
  }

  /** A committed action's receipt and usage event (written in its transaction). */
  committed(o: { action: string; decidedAt: Date; committedAt: Date }): void {
    this.receiptsAppended.inc({ action: o.action });
    this.usageEvents.inc({ action: o.action });
    this.meteringDelay.observe(Math.max(0, o.committedAt.getTime() - o.decidedAt.getTime()) / 1000);
  }
}

const exemplar = (traceId: string | undefined): Record<string, string> => (traceId === undefined ? {} : { trace_id: traceId });
