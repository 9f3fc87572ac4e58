import type { Logger } from 'pino';
import { compile, type EvalBudget, type Policy, type PreparedQuery } from '@companyos/rego';
import type { Database } from '../db/database.ts';
import { acrossDatabases } from '../db/region-router.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { uuidv7 } from '../util/ids.ts';
import type { Bundle } from './bundle.ts';
import { BundleArchive } from './bundle-archive.ts';
import type { BundleData } from './bundle-schema.ts';
import { activeHashes, activeVersion, getVersionByHash, POLICY_CHANNEL } from './bundle-store.ts';
import type { DecisionLogWriter } from './decision-log.ts';
import { applyMaskRules } from './masking.ts';
import { prepareResourcePeople, pseudonymousDecision } from './decision-pseudonyms.ts';
import { sealDecisionInput } from './sealed-decision-input.ts';

export const DECISION_PATH = 'companyos.authz.decision';
/** The decision's path as the decision log writes it (OPA's form). */
const LOGGED_DECISION_PATH = DECISION_PATH.replaceAll('.', '/');

export interface DecisionInput {
  subject: { id: string; tenant_id: string; roles: string[]; attributes: Record<string, unknown> };
  action: string;
  resource: unknown;
  tenant: { id: string; status: string; data_region: string; [key: string]: unknown };
  context: { request_id: string; time: string; step_up: boolean; [key: string]: unknown };
}

export interface Decision {
  allow: boolean;
  reasons: string[];
  obligations: Record<string, unknown>;
  bundleHash: string;
  /** The decision log's id of the decision (absent for an evaluation that is not logged). */
  decisionId?: string;
}

export interface PolicyEngineOptions {
  /** The base bundle, which every tenant without an active version of its own runs. */
  base: Bundle;
  log: Logger;
  /** A fixed bundle per tenant: the engine then follows no activations (tests, embedded use). */
  fixed?: ((tenantId: string) => Bundle) | undefined;
  /** What each evaluation may spend; past it, it fails with eval_cancel_error. */
  budget?: EvalBudget | undefined;
}

/**
 * Decides with each tenant's active bundle. Compiled policies are cached by (tenant, bundle
 * hash); the active bundles are kept in memory and follow activations: at once in the process
 * that activates, through LISTEN/NOTIFY in the others, and by polling as a safety net.
 */
export class PolicyEngine {
  private readonly compiled = new Map<string, Policy>();
  /** The decision query of each compiled policy, prepared once and reused by every decision. */
  private readonly decisions = new WeakMap<Policy, PreparedQuery>();
  private readonly active = new Map<string, Bundle>();
  private db: Database | undefined;
  private decisionLog: DecisionLogWriter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private following = false;
  private unlisten: (() => Promise<void>) | undefined;
  private refreshing: Promise<void> = Promise.resolve();
  /** Where every bundle a decision or receipt cites is kept, by hash, for the evidence. */
  readonly archive = new BundleArchive();

  constructor(private readonly options: PolicyEngineOptions) {}

  get base(): Bundle {
    return this.options.base;
  }

  /** The bundle this process runs for a tenant. */
  bundleFor(tenantId: string): Bundle {
    return this.options.fixed?.(tenantId) ?? this.active.get(tenantId) ?? this.options.base;
  }

  /**
   * The hash of the tenant's bundle for a receipt the server writes without a decision (a job's
   * step), with the bundle archived in the current transaction like a decision's.
   */
  async cite(tenantId: string, at: Date): Promise<string> {
    const bundle = this.bundleFor(tenantId);
    await this.archive.keep(bundle, at);
    return bundle.hash;
  }

  /** Tenants with a bundle of their own loaded, and its hash. */
  loadedHashes(): Map<string, string> {
    return new Map([...this.active].map(([tenant, bundle]) => [tenant, bundle.hash]));
  }

  /** The compiled policy of a bundle; throws RegoErrors when it does not compile. */
  policy(tenantId: string, bundle: Bundle): Policy {
    const key = `${tenantId}\u0000${bundle.hash}`;
    let policy = this.compiled.get(key);
    if (policy === undefined) {
      policy = compile(bundle.modules, { data: bundle.data, budget: this.options.budget });
      this.compiled.set(key, policy);
    }
    return policy;
  }

  private decisionQuery(tenantId: string, bundle: Bundle): PreparedQuery {
    const policy = this.policy(tenantId, bundle);
    let query = this.decisions.get(policy);
    if (query === undefined) this.decisions.set(policy, (query = policy.prepare(DECISION_PATH)));
    return query;
  }

  /** Makes `bundle` the one this process runs for the tenant (compiling it first). */
  use(tenantId: string, bundle: Bundle): void {
    this.policy(tenantId, bundle);
    const previous = this.active.get(tenantId);
    this.active.set(tenantId, bundle);
    if (previous !== undefined && previous.hash !== bundle.hash) this.compiled.delete(`${tenantId}\u0000${previous.hash}`);
  }

  /**
   * The authorization decision with the tenant's active bundle, logged to the decision log. Runs
   * in the tenant's transaction, which archives the bundle for the receipt that will cite it.
   */
  async decide(input: DecisionInput): Promise<Decision> {
    const bundle = this.bundleFor(input.tenant.id);
    await this.archive.keep(bundle, new Date(input.context.time));
    const started = process.hrtime.bigint();
    const decision = normalize(this.decisionQuery(input.tenant.id, bundle).evaluate(input), bundle.hash);
    const latency = process.hrtime.bigint() - started;
    const result = { allow: decision.allow, reasons: decision.reasons, obligations: decision.obligations };
    const masked = applyMaskRules((bundle.data as Partial<BundleData>).mask_rules ?? [], input, result);
    // Sealed now, in the deciding transaction: sealed at the later log write, a purge in between would be undone.
    const logged = this.decisionLog === undefined ? masked.input : await sealDecisionInput(masked.input, new Date(input.context.time));
    if (this.decisionLog !== undefined) await prepareResourcePeople(logged, new Date(input.context.time));
    const decisionId = uuidv7();
    // Named by pseudonym now too, from what the deciding transaction prepared: a purge before the write cannot miss it.
    this.decisionLog?.append(
      bundle,
      pseudonymousDecision({
        decision_id: decisionId,
        tenant_id: input.tenant.id,
        timestamp: input.context.time,
        actor: input.subject.id,
        action: input.action,
        allow: decision.allow,
        reasons: decision.reasons,
        bundle_hash: bundle.hash,
        path: LOGGED_DECISION_PATH,
        input: logged,
        result: masked.result,
        latency_ns: Number(latency),
      }),
    );
    this.options.log.info(
      { decision_id: decisionId, path: LOGGED_DECISION_PATH, bundle_hash: bundle.hash, action: input.action, result: { allow: decision.allow, reasons: decision.reasons } },
      'policy decision',
    );
    return this.decisionLog === undefined ? decision : { ...decision, decisionId };
  }

  /**
   * Evaluates another rule than the authorization decision (which fields a viewer sees) with the
   * tenant's active bundle, logged to the decision log like a decision (allowed when the result
   * is not empty).
   */
  evaluateLogged(tenantId: string, path: string, input: Record<string, unknown>, meta: { actor: string; action: string; time: string }): unknown {
    const bundle = this.bundleFor(tenantId);
    const started = process.hrtime.bigint();
    const value = this.policy(tenantId, bundle).evaluate(path, input);
    const latency = process.hrtime.bigint() - started;
    const result = value instanceof Set ? [...value] : (value ?? null);
    this.decisionLog?.append(
      bundle,
      pseudonymousDecision({
        decision_id: uuidv7(),
        tenant_id: tenantId,
        timestamp: meta.time,
        actor: meta.actor,
        action: meta.action,
        allow: Array.isArray(result) ? result.length > 0 : result !== null && result !== false,
        reasons: [],
        bundle_hash: bundle.hash,
        path: path.replaceAll('.', '/'),
        input,
        result,
        latency_ns: Number(latency),
      }),
    );
    return result;
  }

  /**
   * Whether the active bundle would allow a hypothetical input (a preflight's "after a step-up"):
   * not logged, since nobody asked to act on it.
   */
  wouldAllow(input: DecisionInput): boolean {
    const bundle = this.bundleFor(input.tenant.id);
    return normalize(this.decisionQuery(input.tenant.id, bundle).evaluate(input), bundle.hash).allow;
  }

  /**
   * Loads every tenant's active bundle from the database, then follows activations until
   * `stop()`: notifications where the database delivers them, and a poll every `pollMs`.
   */
  async start(db: Database, o: { pollMs: number; decisionLog?: DecisionLogWriter | undefined }): Promise<void> {
    this.db = db;
    this.decisionLog = o.decisionLog;
    if (this.options.fixed !== undefined) return;
    await this.refresh();
    // After a lost listening connection comes back, notifications may have been missed: re-read.
    this.unlisten = await db.listen(POLICY_CHANNEL, () => void this.refresh(), () => void this.refresh());
    this.following = true;
    const poll = () => {
      if (this.following) this.timer = setTimeout(() => void this.refresh().finally(poll), o.pollMs).unref();
    };
    poll();
  }

  /** Writes the decisions logged so far. */
  async flushDecisions(): Promise<void> {
    await this.decisionLog?.flush();
  }

  /** Stops following and writes the decisions not yet stored. */
  async stop(): Promise<void> {
    this.following = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.unlisten?.();
    this.unlisten = undefined;
    await this.refreshing;
    await this.decisionLog?.flush();
  }

  /**
   * Loads the current tenant's active bundle, if it is not the one this process runs, inside the
   * open tenant transaction: the per-request safety net behind notifications and polling.
   */
  async syncCurrentTenant(tenantId: string): Promise<void> {
    if (this.options.fixed !== undefined) return;
    const active = await activeVersion();
    if (active === undefined || this.active.get(tenantId)?.hash === active.hash) return;
    const version = await getVersionByHash(active.hash);
    if (version !== undefined) this.use(tenantId, version.bundle);
  }

  /** Re-reads the active hashes and loads the bundles that changed. Runs one at a time. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.load()).catch((error: unknown) => this.options.log.error({ err: error }, 'policy bundle refresh failed'));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const db = this.db;
    if (db === undefined) return;
    const hashes = await acrossDatabases(db, async (each) => [...(await withPlatformTransaction(each, () => activeHashes()))]);
    for (const [tenant, hash] of hashes) {
      if (this.active.get(tenant)?.hash === hash) continue;
      const version = await withTenantTransaction(db, tenant, () => getVersionByHash(hash));
      if (version !== undefined) this.use(tenant, version.bundle);
    }
  }
}

// A policy that returns nothing, or not a boolean `allow`, denies: fail closed.
export function normalize(result: unknown, bundleHash: string): Decision {
  if (result === null || typeof result !== 'object') {
    return { allow: false, reasons: ['the policy returned no decision'], obligations: {}, bundleHash };
  }
  const r = result as { allow?: unknown; reasons?: unknown; obligations?: unknown };
  const reasons = toStrings(r.reasons);
  const allow = r.allow === true && reasons.length === 0;
  if (!allow && reasons.length === 0) reasons.push('the policy did not allow the action');
  const obligations = r.obligations !== null && typeof r.obligations === 'object' && !Array.isArray(r.obligations) ? (r.obligations as Record<string, unknown>) : {};
  return { allow, reasons, obligations, bundleHash };
}

function toStrings(value: unknown): string[] {
  const items = value instanceof Set ? [...value] : Array.isArray(value) ? value : [];
  return items.map(String).sort();
}
