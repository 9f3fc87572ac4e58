import type { JWTPayload } from 'jose';

/**
 * Tokens whose signature and claims this process checked lately, with their claims. A client
 * sends the same bearer token with every request, and an Ed25519 verification is the costliest
 * step of authenticating one; a hit skips it. Only an exact token string hits, never past the
 * token's `exp`, and never longer than `ttlMs` after the check, so a key the issuer withdraws
 * stops counting within that time.
 */
export class VerifiedTokens {
  private readonly seen = new Map<string, { claims: JWTPayload; until: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(token: string, now: number): JWTPayload | undefined {
    const hit = this.seen.get(token);
    if (hit === undefined) return undefined;
    if (now < hit.until) return hit.claims;
    this.seen.delete(token);
    return undefined;
  }

  remember(token: string, claims: JWTPayload, now: number): void {
    const until = Math.min(now + this.ttlMs, typeof claims.exp === 'number' ? claims.exp * 1000 : now);
    if (until <= now) return;
    this.seen.delete(token);
    this.seen.set(token, { claims, until });
    if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
  }
}
