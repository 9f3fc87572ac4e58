import type { Clock } from '../util/clock.ts';

// The use of tenant-held KEKs (ADR 0030), counted in memory as it happens: each unwrap of a data
// key under a tenant's KEK version. A periodic summary (kek-use-summaries.ts) turns the counts
// into a receipt in the tenant's ledger, so the tenant sees how often its key was used and when.

/** Unwraps of one tenant's KEK version between two instants, by this process. */
export interface KekUse {
  tenantId: string;
  version: number;
  unwraps: number;
  from: Date;
  to: Date;
}

const keyOf = (tenantId: string, version: number) => `${tenantId}\u0000${version}`;

export class KekUseTally {
  private open = new Map<string, KekUse>();

  constructor(private readonly clock: Clock) {}

  /** Counts one unwrap of a data key under the tenant's KEK `version`. */
  record(tenantId: string, version: number): void {
    const at = this.clock.now();
    const use = this.open.get(keyOf(tenantId, version));
    if (use === undefined) this.open.set(keyOf(tenantId, version), { tenantId, version, unwraps: 1, from: at, to: at });
    else {
      use.unwraps++;
      use.to = at;
    }
  }

  /** Every count since the last take, cleared: the caller owns them now (and puts back what it could not keep). */
  take(): KekUse[] {
    const taken = [...this.open.values()];
    this.open = new Map();
    return taken;
  }

  /** Returns counts taken but not summarised; they merge with those recorded meanwhile. */
  putBack(uses: KekUse[]): void {
    for (const u of uses) {
      const now = this.open.get(keyOf(u.tenantId, u.version));
      if (now === undefined) this.open.set(keyOf(u.tenantId, u.version), { ...u });
      else this.open.set(keyOf(u.tenantId, u.version), { ...u, unwraps: u.unwraps + now.unwraps, from: u.from < now.from ? u.from : now.from, to: u.to > now.to ? u.to : now.to });
    }
  }
}
