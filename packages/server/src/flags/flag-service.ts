import { Counter } from 'prom-client';
import { currentContext, currentTenantId } from '../context.ts';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import type { DriftReading } from '../observability/metrics.ts';
import type { Bundle } from '../policy/bundle.ts';
import { canonicalSha256 } from '../util/canonical-json.ts';
import type { Clock } from '../util/clock.ts';
import { flagDefinitions } from './flag-definitions.ts';
import type { FlagDefinition, FlagSetting } from './flag-model.ts';
import { flagSettings, recordFlagUsage } from './flag-store.ts';
import { evaluateFlag, type Evaluation } from './evaluate.ts';

/** Counted per flag and variant; one series set per process, added to each app's registry. */
export const flagEvaluations = new Counter({
  name: 'companyos_flag_evaluations_total',
  help: 'Feature flag evaluations by flag and served variant',
  labelNames: ['flag', 'variant'] as const,
  registers: [],
});

/** How long a process serves a tenant's cached flag settings before re-reading them. */
export const FLAG_REFRESH_MS = 1000;
const USAGE_WRITE_MS = 3_600_000;

export interface FlagServiceOptions {
  db: Database;
  clock: Clock;
  /** The tenant's policy bundle, whose data may veto features. */
  bundleFor: (tenantId: string) => Bundle;
}

export interface EvaluationRequest {
  /** Default: the caller's subject id. */
  targetingKey?: string | undefined;
  /** Default: the caller's id, roles and attributes. */
  subject?: Record<string, unknown> | undefined;
  context?: Record<string, unknown> | undefined;
}

/** A drift reading with the two hashes it compares. */
export interface DriftState extends DriftReading {
  loaded: string | null;
  desired: string | null;
}

/** Runs `read` in each tenant's transaction: the drift of every tenant a process has loaded. */
export async function driftOfTenants(db: Database, tenants: string[], read: () => Promise<DriftState>): Promise<DriftState[]> {
  const out = [];
  for (const tenant of tenants) out.push(await withTenantTransaction(db, tenant, read));
  return out;
}

interface Loaded {
  settings: Map<string, FlagSetting>;
  hash: string;
  at: number;
}

/** The hash of a tenant's flag settings: what drift compares between processes and the database. */
export function flagSettingsHash(settings: Map<string, FlagSetting>): string {
  return canonicalSha256(Object.fromEntries(settings));
}

/** The reason the bundle's feature access denies a flag, if it does: data.features[flag] = {allowed: false, reason}. */
export function featureVeto(bundleData: unknown, flagId: string): string | undefined {
  const entry = (bundleData as { features?: Record<string, { allowed?: unknown; reason?: unknown }> } | null)?.features?.[flagId];
  if (entry === undefined || entry.allowed !== false) return undefined;
  return typeof entry.reason === 'string' && entry.reason !== '' ? `the policy bundle denies ${flagId}: ${entry.reason}` : `the policy bundle denies ${flagId}`;
}

/**
 * Evaluates flags for the tenant in context. Settings are cached per tenant for a second (so hot
 * paths do not query per evaluation) and dropped at once when this process changes them.
 */
export class FlagService {
  readonly definitions: Map<string, FlagDefinition> = flagDefinitions();
  private readonly loaded = new Map<string, Loaded>();
  private readonly usageWritten = new Map<string, number>();
  private readonly usagePending = new Map<string, { tenantId: string; flagId: string; at: Date }>();
  private usageFlush: Promise<void> | undefined;

  constructor(private readonly options: FlagServiceOptions) {}

  /** Evaluates inside the current tenant transaction. Unknown flags answer with an error reason. */
  async evaluate(flagId: string, request: EvaluationRequest = {}): Promise<Evaluation> {
    const tenantId = currentTenantId();
    const def = this.definitions.get(flagId);
    if (def === undefined) return { flag_id: flagId, value: null, variant: null, reason: 'ERROR', detail: `no flag ${flagId}`, error_code: 'FLAG_NOT_FOUND' };
    const principal = currentContext()?.subject;
    const subject = request.subject ?? (principal === undefined ? {} : { id: principal.subjectId, roles: principal.roles, attributes: principal.attributes });
    const settings = await this.settings();
    const result = evaluateFlag(def, {
      tenantId,
      targetingKey: request.targetingKey ?? principal?.subjectId,
      subject,
      context: { ...request.context, tenant_id: tenantId },
      setting: settings.get(flagId),
      veto: featureVeto(this.bundle(tenantId).data, flagId),
    });
    flagEvaluations.inc({ flag: flagId, variant: result.variant ?? 'none' });
    this.noteUsage(tenantId, flagId);
    return result;
  }

  /** The tenant's policy bundle, as the app's policy engine sees it. */
  bundle(tenantId: string): Bundle {
    return this.options.bundleFor(tenantId);
  }

  /** Whether a boolean flag is on for the caller: the guard around a risky behaviour. */
  async isOn(flagId: string): Promise<Evaluation & { on: boolean }> {
    const result = await this.evaluate(flagId);
    return { ...result, on: result.value === true };
  }

  /** The tenant's settings as this process has them loaded (from the cache when fresh). */
  async settings(): Promise<Map<string, FlagSetting>> {
    const tenantId = currentTenantId();
    const now = this.options.clock.now().getTime();
    const cached = this.loaded.get(tenantId);
    if (cached !== undefined && now - cached.at < FLAG_REFRESH_MS) return cached.settings;
    const settings = await flagSettings();
    this.loaded.set(tenantId, { settings, hash: flagSettingsHash(settings), at: now });
    return settings;
  }

  /** Drops the tenant's cached settings: a change made here applies to the next evaluation. */
  invalidate(tenantId: string): void {
    this.loaded.delete(tenantId);
  }

  /** For each tenant this process has loaded: does its copy differ from the database? */
  drift(db: Database): Promise<DriftState[]> {
    return driftOfTenants(db, [...this.loaded.keys()], () => this.driftOfCurrent());
  }

  /** The tenant in context: the settings hash this process holds (null: none loaded) against the database's. */
  async driftOfCurrent(): Promise<DriftState> {
    const tenant = currentTenantId();
    const loaded = this.loaded.get(tenant)?.hash ?? null;
    const desired = flagSettingsHash(await flagSettings());
    return { tenant, drifted: loaded !== null && loaded !== desired, loaded, desired };
  }

  /** Writes pending last-evaluation times; the app awaits it on close. */
  async flushUsage(): Promise<void> {
    const batch = [...this.usagePending.values()];
    this.usagePending.clear();
    const tenants = [...new Set(batch.map((u) => u.tenantId))];
    for (const tenant of tenants) {
      await withTenantTransaction(this.options.db, tenant, async () => {
        for (const u of batch.filter((b) => b.tenantId === tenant)) await recordFlagUsage(u.flagId, u.at);
      });
    }
  }

  // Recorded in a transaction of its own, after the request's: an evaluation that guards a refused
  // (rolled back) action still counts as use. At most one write per tenant and flag per hour.
  private noteUsage(tenantId: string, flagId: string): void {
    const key = `${tenantId}\u0000${flagId}`;
    const now = this.options.clock.now();
    const last = this.usageWritten.get(key);
    if (last !== undefined && now.getTime() - last < USAGE_WRITE_MS) return;
    this.usageWritten.set(key, now.getTime());
    this.usagePending.set(key, { tenantId, flagId, at: now });
    this.usageFlush ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flushUsage())
      .catch(() => undefined)
      .finally(() => {
        this.usageFlush = undefined;
      });
  }

  /** Resolves when the usage writes scheduled so far are done. */
  async settled(): Promise<void> {
    await this.usageFlush;
  }
}

let active: FlagService | undefined;

/** Makes `service` the one actions and the OpenFeature provider use (the app does this at build). */
export function useFlagService(service: FlagService): void {
  active = service;
}

export function flagService(): FlagService {
  if (active === undefined) throw new Error('no flag service: build the app first');
  return active;
}
