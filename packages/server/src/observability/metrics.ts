import { Gauge, Registry } from 'prom-client';

/** One tenant's state for one kind of configuration: does what this process runs differ from what is active? */
export interface DriftReading {
  tenant: string;
  drifted: boolean;
}

/** Reports drift for every tenant it knows; called at each scrape. */
export type DriftSource = () => Promise<DriftReading[]>;

/**
 * The app's Prometheus registry (one per app, so apps built side by side never share series),
 * served on the public `/metrics` route.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly driftSources = new Map<string, DriftSource>();

  constructor() {
    const sources = this.driftSources;
    new Gauge({
      name: 'companyos_config_drift',
      help: '1 when the configuration this process has loaded for a tenant differs from the active one, else 0',
      labelNames: ['tenant', 'kind'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [kind, source] of sources) {
          for (const r of await source()) this.set({ tenant: r.tenant, kind }, r.drifted ? 1 : 0);
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
