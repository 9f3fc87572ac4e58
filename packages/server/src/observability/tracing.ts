import { createRequire } from 'node:module';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's tracer provider (flush spans on demand). */
    tracing: Tracing;
  }
}

/** The steps of the governed-action pipeline, each one span. */
export type PipelineStep = 'authenticate' | 'tenant' | 'decide' | 'detached' | 'run' | 'receipt';

/** Span attribute names of our own (namespaced, per the OpenTelemetry naming rules). */
export const SPAN_ATTRIBUTES = {
  action: 'companyos.action',
  tenant: 'companyos.tenant_id',
  bundleHash: 'companyos.bundle_hash',
  requestId: 'companyos.request_id',
  allow: 'companyos.decision.allow',
} as const;

// The OTLP exporter is loaded only where spans are exported, not by every process that loads the app.
const require = createRequire(import.meta.url);

export interface TracingOptions {
  /** OTLP/HTTP base URL (COMPANYOS_OTLP_ENDPOINT); spans go to `<endpoint>/v1/traces`. Unset: nothing is exported. */
  endpoint?: string | undefined;
  serviceName?: string;
}

/**
 * The app's tracer provider (one per app, never the process-global one, so apps side by side keep
 * their spans apart). Spans are always made, so every action has a trace id for its log lines
 * and exemplars; they leave the process only when an OTLP endpoint is configured.
 */
export class Tracing {
  private readonly provider: NodeTracerProvider;
  private readonly tracer: Tracer;
  readonly exporting: boolean;

  constructor(o: TracingOptions = {}) {
    this.exporting = o.endpoint !== undefined;
    const spanProcessors = o.endpoint === undefined ? [] : [new BatchSpanProcessor(otlpExporter(o.endpoint))];
    this.provider = new NodeTracerProvider({ resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: o.serviceName ?? 'companyos' }), spanProcessors });
    this.tracer = this.provider.getTracer('companyos');
  }

  /** Starts the span of one action request; its steps become child spans. */
  startAction(action: string, requestId: string): ActionTrace {
    const root = this.tracer.startSpan(`action ${action}`, { kind: SpanKind.SERVER, attributes: { [SPAN_ATTRIBUTES.action]: action, [SPAN_ATTRIBUTES.requestId]: requestId } });
    return new ActionTrace(this.tracer, root, this.exporting);
  }

  /** Sends what is buffered (tests, shutdown). */
  flush(): Promise<void> {
    return this.provider.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

function otlpExporter(endpoint: string) {
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  return new OTLPTraceExporter({ url: new URL('v1/traces', withSlash(endpoint)).href });
}

/** The spans of one action request: the request's own and one per pipeline step under it. */
export class ActionTrace {
  private readonly parent;
  /** Attributes every later step span carries too (the tenant, the bundle hash). */
  private shared: Attributes = {};
  private ended = false;

  constructor(
    private readonly tracer: Tracer,
    readonly root: Span,
    /** Spans leave the process: without that, only the request span is made (its trace id names the request). */
    private readonly exporting: boolean,
  ) {
    this.parent = trace.setSpan(ROOT_CONTEXT, root);
  }

  get traceId(): string {
    return this.root.spanContext().traceId;
  }

  /** Attributes that apply to the whole request (tenant, bundle hash) once known. */
  annotate(attributes: Attributes): void {
    this.shared = { ...this.shared, ...attributes };
    this.root.setAttributes(attributes);
  }

  /** Runs one pipeline step in its span when spans are exported; a thrown error marks the span as failed. */
  async step<T>(name: PipelineStep, fn: () => Promise<T>, attributes: Attributes = {}): Promise<T> {
    if (!this.exporting) return fn();
    const span = this.tracer.startSpan(name, { attributes: { ...this.shared, ...attributes } }, this.parent);
    try {
      return await fn();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  }

  /** Ends the request span with its HTTP status (5xx: an error). */
  end(status: number): void {
    if (this.ended) return;
    this.ended = true;
    this.root.setAttribute('http.response.status_code', status);
    if (status >= 500) this.root.setStatus({ code: SpanStatusCode.ERROR });
    this.root.end();
  }
}
