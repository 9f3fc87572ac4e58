/**
 * Subjects this process has recently found active, per tenant. Only an early answer: a credential
 * naming an unknown or disabled subject is refused before its request body is read, and a hit
 * spares that check a transaction of its own. The request's transaction reads the subject again
 * and is what decides, so a subject disabled a moment ago is still refused there.
 */
export class ActiveSubjects {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  has(tenantId: string, subjectId: string, now: number): boolean {
    const key = `${tenantId}\u0000${subjectId}`;
    const at = this.seen.get(key);
    if (at === undefined) return false;
    if (now - at < this.ttlMs) return true;
    this.seen.delete(key);
    return false;
  }

  remember(tenantId: string, subjectId: string, now: number): void {
    const key = `${tenantId}\u0000${subjectId}`;
    this.seen.delete(key);
    this.seen.set(key, now);
    if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
  }
}
