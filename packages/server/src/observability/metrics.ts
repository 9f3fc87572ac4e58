import { collectDefaultMetrics, Gauge, Registry, type RegistryContentType } from 'prom-client';
import { Signals, type SignalOptions } from './signals.ts';

/** One tenant's state for one kind of configuration: does what this process runs differ from what is active? */
export interface DriftReading {
  tenant: string;
  drifted: boolean;
}

/** Reports drift for every tenant it knows; called at each scrape. */
export type DriftSource = () => Promise<DriftReading[]>;

/**
 * The app's Prometheus registry (one per app, so apps built side by side never share series),
 * served on the public `/metrics` route. It speaks OpenMetrics, the format that carries the
 * exemplars (trace ids) of the latency histograms; Prometheus asks for it by default.
 */
export interface MetricsOptions extends SignalOptions {
  /** Told when a series read at scrape cannot be read (the series is left out of that scrape). */
  onError?: (err: unknown) => void;
}

export class Metrics {
  readonly registry = new Registry();
  readonly signals: Signals;
  private readonly driftSources = new Map<string, DriftSource>();

  constructor(options: MetricsOptions = {}) {
    // Set before any metric is created: histograms with exemplars need it.
    (this.registry as Registry<RegistryContentType>).setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
    // Process (CPU, memory, handles) and runtime (event-loop lag and utilisation, GC, heap) series.
    collectDefaultMetrics({ register: this.registry });
    this.signals = new Signals(this.registry, options);
    const sources = this.driftSources;
    new Gauge({
      name: 'companyos_config_drift',
      help: '1 when the configuration this process has loaded for a tenant differs from the active one, else 0',
      labelNames: ['tenant', 'kind'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [kind, source] of sources) {
          // A kind that cannot be read (the database is down) is left out: the scrape still
          // answers, with the error counts of that very outage.
          const readings = await source().catch((err: unknown) => {
            options.onError?.(err);
            return [];
          });
          for (const r of readings) this.set({ tenant: r.tenant, kind }, r.drifted ? 1 : 0);
        }
      },
    });
  }

  /**
   * Adds a kind of configuration (`policy`, `flags`, `config`) to the drift gauge. A kind is
   * registered once per app.
   */
  registerDriftSource(kind: string, source: DriftSource): void {
    if (this.driftSources.has(kind)) throw new Error(`drift source ${kind} is registered twice`);
    this.driftSources.set(kind, source);
  }

  /** The exposition text for `/metrics`. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
