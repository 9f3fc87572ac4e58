import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { currentTenantId } from '../context.ts';
import { driftOfTenants, type DriftState } from '../flags/flag-service.ts';
import { canonicalSha256 } from '../util/canonical-json.ts';
import type { Clock } from '../util/clock.ts';
import { brandingEtag, type BrandingView } from './branding-model.ts';
import { currentBrandingView } from './branding-view.ts';

/** How long a process serves a tenant's public branding before re-reading its configuration. */
export const BRANDING_REFRESH_MS = 1000;

interface Entry {
  view: BrandingView;
  etag: string;
  /** The hash of the tenant configuration and branding this entry was built from. */
  hash: string;
  at: number;
}

type Found = NonNullable<Awaited<ReturnType<typeof currentBrandingView>>>;

/** The hash of a tenant's configuration as drift sees it: its settings and its branding. */
const configHash = (found: Found): string => canonicalSha256({ branding: found.view, config: found.config });

/** The configuration hash of the tenant in context, as the database holds it now. */
export async function desiredConfigHash(): Promise<string | null> {
  const found = await currentBrandingView();
  return found === undefined ? null : configHash(found);
}

/**
 * The public branding each tenant's sign-in page asks for, cached per process for a second. The
 * configuration each entry was built from is what this process has loaded: drift compares it
 * with the database.
 */
export class BrandingCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string): Promise<Entry | undefined> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(tenantId);
    if (hit !== undefined && now - hit.at < BRANDING_REFRESH_MS) return hit;
    const found = await withTenantTransaction(this.db, tenantId, currentBrandingView);
    if (found === undefined) return undefined;
    const entry = { view: found.view, etag: brandingEtag(found.view), hash: configHash(found), at: now };
    this.entries.set(tenantId, entry);
    return entry;
  }

  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
  }

  drift(): Promise<DriftState[]> {
    return driftOfTenants(this.db, [...this.entries.keys()], () => this.driftOfCurrent());
  }

  /** The tenant in context: the configuration hash this process serves (null: none loaded) against the database's. */
  async driftOfCurrent(): Promise<DriftState> {
    const tenant = currentTenantId();
    const loaded = this.entries.get(tenant)?.hash ?? null;
    const desired = await desiredConfigHash();
    return { tenant, drifted: loaded !== null && loaded !== desired, loaded, desired };
  }
}

let active: BrandingCache | undefined;

/** Makes `cache` the one branding changes invalidate (the app does this at build). */
export function useBrandingCache(cache: BrandingCache): void {
  active = cache;
}

/** The app's cache, for the drift action. */
export function brandingCache(): BrandingCache {
  if (active === undefined) throw new Error('no branding cache: build the app first');
  return active;
}

/** Drops the tenant's cached branding in this process, after a change. */
export function invalidateBranding(tenantId: string): void {
  active?.invalidate(tenantId);
}
