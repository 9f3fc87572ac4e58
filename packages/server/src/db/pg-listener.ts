import pg from 'pg';

interface Subscriber {
  onNotify: (payload: string) => void;
  onResume: (() => void) | undefined;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * One LISTEN connection per database, shared by every channel, outside the pool. When it is lost
 * (a restart, an outage, terminated backends) it reconnects with backoff, listens again, and calls
 * each subscriber's `onResume`: notifications sent in between are gone, so subscribers re-read.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private readonly channels = new Map<string, Set<Subscriber>>();
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_MIN_MS;
  private lost = false;
  private closed = false;

  constructor(private readonly config: pg.ClientConfig) {}

  /** Subscribes to a channel; the first subscription connects (and throws when it cannot). */
  async subscribe(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>> {
    const sub: Subscriber = { onNotify, onResume };
    let subs = this.channels.get(channel);
    const fresh = subs === undefined;
    if (subs === undefined) {
      subs = new Set();
      this.channels.set(channel, subs);
    }
    subs.add(sub);
    if (this.client === undefined) await this.connect();
    // Listening twice is harmless; missing a channel added while connecting is not.
    if (fresh) await this.client?.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      subs.delete(sub);
      if (subs.size > 0) return;
      this.channels.delete(channel);
      await this.client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new pg.Client(this.config);
      // A lost connection must not crash the process: it is replaced.
      client.on('error', () => this.onLost(client));
      client.on('end', () => this.onLost(client));
      client.on('notification', (n) => {
        for (const sub of this.channels.get(n.channel) ?? []) sub.onNotify(n.payload ?? '');
      });
      try {
        await client.connect();
        for (const channel of this.channels.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      if (this.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.retryMs = RETRY_MIN_MS;
      if (this.lost) {
        this.lost = false;
        for (const subs of this.channels.values()) for (const sub of subs) sub.onResume?.();
      }
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private onLost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.lost = true;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect().catch(() => {
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
        this.scheduleReconnect();
      });
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
