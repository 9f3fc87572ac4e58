import type { Logger } from 'pino';
import { RegoErrors } from '@companyos/rego';
import { ActiveBundle } from '../decision/active-bundle.ts';
import { BundleError, readBundleArchive } from './archive.ts';
import { loadSavedBundle, saveBundle } from './persisted-bundle.ts';

export interface BundleSource {
  url: string;
  apiKey: string;
  pollIntervalMs: number;
  /** How long one download may take. */
  timeoutMs: number;
  /** Limit on the downloaded archive and on its decompressed size. */
  maxBytes: number;
  /** Where the last activated bundle is kept across restarts (none: not kept). */
  persistDir: string | undefined;
}

/** OPA's bundle status, reduced to what /health and the logs need. */
export interface BundleStatus {
  /** The active revision, or null before the first activation. */
  revision: string | null;
  lastActivation: Date | null;
  lastSuccessfulDownload: Date | null;
  lastRequest: Date | null;
  /** Why the last download or activation failed (null after a success). */
  lastError: string | null;
}

/**
 * Polls the bundle URL with the ETag of the active bundle (so an unchanged bundle costs a 304),
 * activates each new bundle atomically once it compiles, and keeps serving the last good one when
 * the control plane is unreachable or serves a bundle that does not load.
 */
export class BundlePoller {
  private active: ActiveBundle | undefined;
  private etag: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private inFlight: Promise<void> = Promise.resolve();
  private abort: AbortController | undefined;
  readonly status: BundleStatus = { revision: null, lastActivation: null, lastSuccessfulDownload: null, lastRequest: null, lastError: null };

  constructor(
    private readonly source: BundleSource,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The bundle requests are decided with right now. */
  current(): ActiveBundle | undefined {
    return this.active;
  }

  /** Activates the saved bundle (if any), then polls: at once, and every interval after. */
  start(): void {
    this.restoreSaved();
    const tick = () => {
      this.inFlight = this.poll().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.source.pollIntervalMs);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort?.abort();
    await this.inFlight;
  }

  /** One download-and-activate round; never throws. */
  async poll(): Promise<void> {
    this.status.lastRequest = this.now();
    this.abort = new AbortController();
    const timeout = setTimeout(() => this.abort?.abort(), this.source.timeoutMs);
    try {
      const res = await fetch(this.source.url, {
        headers: { authorization: `Bearer ${this.source.apiKey}`, ...(this.etag !== null ? { 'if-none-match': this.etag } : {}) },
        signal: this.abort.signal,
      });
      if (res.status === 304) {
        await res.body?.cancel();
        this.succeeded();
        return;
      }
      if (res.status !== 200) {
        const detail = (await res.text()).slice(0, 500);
        throw new BundleError(`the bundle server answered ${res.status}: ${detail}`);
      }
      const archive = await readLimited(res, this.source.maxBytes);
      this.activate(archive, res.headers.get('etag'));
      this.succeeded();
    } catch (error) {
      if (this.stopped) return;
      const reason = describe(error);
      if (this.status.lastError !== reason) this.log.warn({ err_message: reason, revision: this.status.revision }, 'bundle download failed; serving the last good bundle');
      this.status.lastError = reason;
    } finally {
      clearTimeout(timeout);
    }
  }

  private succeeded(): void {
    this.status.lastSuccessfulDownload = this.now();
    if (this.status.lastError !== null) this.log.info({ revision: this.status.revision }, 'bundle server reachable again');
    this.status.lastError = null;
  }

  /** Compiles, then swaps the active bundle in one assignment, then keeps a copy on disk. */
  private activate(archive: Buffer, etag: string | null): void {
    const next = ActiveBundle.compile(readBundleArchive(archive, this.source.maxBytes), this.now());
    this.active = next;
    this.etag = etag;
    this.status.revision = next.revision;
    this.status.lastActivation = next.activatedAt;
    this.log.info({ revision: next.revision }, 'bundle activated');
    if (this.source.persistDir === undefined) return;
    try {
      saveBundle(this.source.persistDir, { archive, etag, revision: next.revision });
    } catch (error) {
      this.log.error({ err_message: (error as Error).message }, 'the activated bundle could not be saved to disk');
    }
  }

  private restoreSaved(): void {
    if (this.source.persistDir === undefined) return;
    try {
      const saved = loadSavedBundle(this.source.persistDir);
      if (saved === undefined) return;
      this.activate(saved.archive, saved.etag);
      this.log.info({ revision: this.status.revision }, 'serving the bundle saved on disk until the bundle server answers');
    } catch (error) {
      this.log.warn({ err_message: describe(error) }, 'the bundle saved on disk does not load; waiting for the bundle server');
    }
  }
}

/** The body, refusing one larger than `max` bytes without reading it all. */
async function readLimited(res: Response, max: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) throw new BundleError(`the bundle is larger than ${max} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += chunk.length;
    if (size > max) throw new BundleError(`the bundle is larger than ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function describe(error: unknown): string {
  if (error instanceof RegoErrors) return `the bundle does not compile: ${error.errors.map((e) => e.message).join('; ')}`;
  if (error instanceof BundleError) return error.message;
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'AbortError') return 'the bundle download timed out';
  return `the bundle server is unreachable (${e.cause?.code ?? e.cause?.message ?? e.message ?? String(error)})`;
}
