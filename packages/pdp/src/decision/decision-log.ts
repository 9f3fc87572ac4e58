import { gzipSync } from 'node:zlib';
import type { Logger } from 'pino';

/** One decision event in OPA's decision log format. */
export interface DecisionEvent {
  labels: Record<string, string>;
  decision_id: string;
  bundles: Record<string, { revision: string }>;
  path: string;
  input?: unknown;
  result?: unknown;
  error?: { code: string; message: string; location?: unknown };
  requested_by: string;
  timestamp: string;
  metrics: Record<string, number>;
  req_id: number;
}

export interface DecisionLogTarget {
  url: string;
  apiKey: string;
  /** How often buffered events are uploaded. */
  uploadIntervalMs: number;
  /** Events kept while uploads fail; newer ones are dropped beyond it. */
  maxBufferedEvents: number;
  /** Events and uncompressed JSON bytes in one upload (the control plane's body limit counts uncompressed bytes). */
  maxBatchEvents: number;
  maxBatchBytes: number;
  timeoutMs: number;
}

export interface DecisionLogStatus {
  buffered: number;
  uploaded: number;
  dropped: number;
  lastUpload: Date | null;
  lastError: string | null;
}

interface Encoded {
  json: string;
  bytes: number;
}

/**
 * Buffers decision events and uploads them to the control plane in batches, gzip-compressed as
 * OPA does. A batch that fails to upload stays at the head of the buffer and is retried, so a
 * control-plane outage loses nothing until the buffer is full; a batch the control plane rejects
 * as malformed (400, 413) would never be accepted and is dropped.
 */
export class DecisionLogUploader {
  private buffer: Encoded[] = [];
  private timer: NodeJS.Timeout | undefined;
  private uploading: Promise<void> = Promise.resolve();
  readonly status: DecisionLogStatus = { buffered: 0, uploaded: 0, dropped: 0, lastUpload: null, lastError: null };

  constructor(
    private readonly target: DecisionLogTarget,
    private readonly log: Logger,
  ) {}

  start(): void {
    const tick = () => {
      this.timer = setTimeout(() => void this.flush().finally(tick), this.target.uploadIntervalMs).unref();
    };
    tick();
  }

  /** Stops the timer and makes a last attempt to upload what is buffered. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  append(event: DecisionEvent): void {
    const json = JSON.stringify(event);
    const bytes = Buffer.byteLength(json);
    // One event over the batch limit can never be uploaded: count it as dropped.
    if (bytes + 2 > this.target.maxBatchBytes) return this.drop(1);
    // A full buffer refuses the newest event: the head may be in flight, and stays untouched.
    if (this.buffer.length >= this.target.maxBufferedEvents) return this.drop(1);
    this.buffer.push({ json, bytes });
    this.status.buffered = this.buffer.length;
  }

  /** Uploads every buffered event, batch by batch, until one fails; uploads run one at a time. */
  flush(): Promise<void> {
    this.uploading = this.uploading.then(() => this.drain());
    return this.uploading;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.nextBatch();
      const outcome = await this.upload(batch);
      if (outcome === 'retry') return;
      // Events appended meanwhile sit behind the batch, so the batch is still at the head.
      this.buffer.splice(0, batch.length);
      if (outcome === 'uploaded') this.status.uploaded += batch.length;
      else this.drop(batch.length);
      this.status.buffered = this.buffer.length;
    }
  }

  private nextBatch(): Encoded[] {
    const batch: Encoded[] = [];
    let bytes = 2;
    for (const e of this.buffer) {
      if (batch.length >= this.target.maxBatchEvents || bytes + e.bytes + 1 > this.target.maxBatchBytes) break;
      batch.push(e);
      bytes += e.bytes + 1;
    }
    return batch;
  }

  private async upload(batch: Encoded[]): Promise<'uploaded' | 'rejected' | 'retry'> {
    const body = gzipSync(`[${batch.map((e) => e.json).join(',')}]`);
    try {
      const res = await fetch(this.target.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.target.apiKey}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body,
        signal: AbortSignal.timeout(this.target.timeoutMs),
      });
      const text = await res.text();
      if (res.ok) {
        this.status.lastUpload = new Date();
        this.status.lastError = null;
        return 'uploaded';
      }
      this.status.lastError = `the control plane answered ${res.status}: ${text.slice(0, 300)}`;
      if (res.status === 400 || res.status === 413) {
        this.log.error({ status: res.status, events: batch.length, detail: text.slice(0, 300) }, 'decision log batch rejected; dropped');
        return 'rejected';
      }
    } catch (error) {
      const e = error as { message?: string; cause?: { code?: string } };
      this.status.lastError = `the control plane is unreachable (${e.cause?.code ?? e.message ?? String(error)})`;
    }
    this.log.warn({ events: this.buffer.length, reason: this.status.lastError }, 'decision log upload failed; will retry');
    return 'retry';
  }

  private drop(n: number): void {
    this.status.dropped += n;
  }
}
