export type Priority = 'request' | 'background';

/**
 * Requests that may go ahead of the oldest waiting background work before it runs anyway: a bound
 * that keeps background work (flushes with deadlines, drains at shutdown) from waiting forever
 * under a steady stream of requests.
 */
export const MAX_OVERTAKES = 8;

/**
 * The turn-taking for a database of one connection: one unit of work (a transaction or a single
 * statement) holds it at a time. When it is let go, a waiting request goes before waiting
 * background work, unless that work has already been overtaken MAX_OVERTAKES times. Within a
 * priority, first come first served.
 */
export class ConnectionQueue {
  private held = false;
  private readonly waiting: Record<Priority, Array<() => void>> = { request: [], background: [] };
  /** Requests that went ahead of the background work now first in line. */
  private overtakes = 0;

  async run<T>(priority: Priority, work: () => Promise<T>): Promise<T> {
    if (this.held) await new Promise<void>((resolve) => this.waiting[priority].push(resolve));
    else this.held = true;
    try {
      return await work();
    } finally {
      this.handOver();
    }
  }

  /** Passes the connection to the next in line (it stays held), or frees it. */
  private handOver(): void {
    const { request, background } = this.waiting;
    const backgroundsTurn = background.length > 0 && (request.length === 0 || this.overtakes >= MAX_OVERTAKES);
    const next = backgroundsTurn ? background.shift() : request.shift();
    if (next === undefined) {
      this.held = false;
      return;
    }
    if (backgroundsTurn) this.overtakes = 0;
    else if (background.length > 0) this.overtakes++;
    next();
  }
}
