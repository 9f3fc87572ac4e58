import type { Readable } from 'node:stream';
import type { Static, TSchema } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { Scope } from '../db/tenant-tx.ts';
import type { QuotaKind } from '../finops/usage-events.ts';
import type { Principal } from '../identity/principal.ts';
import type { Tenant } from '../tenancy/tenants.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What an action's `resource` and `run` see. The tenant transaction is in the async context. */
export interface ActionContext<P = Record<string, string>, Q = Record<string, unknown>> {
  action: string;
  tenantId: string;
  requestId: string;
  principal: Principal;
  /** The caller's tenant as loaded in this transaction. */
  tenant: Tenant;
  params: P;
  query: Q;
  now: Date;
  log: Logger;
  /** The request's headers (lower-case names), for conditional requests such as If-None-Match. */
  headers: Record<string, string | string[] | undefined>;
}

/** What `run` sees in addition: the decision's obligations (e.g. a redaction preset) and bundle hash. */
export interface RunContext<P = Record<string, string>, Q = Record<string, unknown>> extends ActionContext<P, Q> {
  obligations: Record<string, unknown>;
  bundleHash: string;
}

export interface ActionDefinition<I extends TSchema = TSchema, P extends TSchema = TSchema, Q extends TSchema = TSchema, R = unknown, O = unknown, D = undefined> {
  /** The policy action, the receipt action and the metric label. */
  name: string;
  method: HttpMethod;
  /** Route path below /api/v1, with `:param` segments. */
  path: string;
  /** One line for the API description and `companyos actions` (default: the name). */
  summary?: string;
  scope: Scope;
  /** Body schema (POST/PUT/PATCH). */
  input?: I;
  params?: P;
  query?: Q;
  response?: TSchema;
  /** HTTP status on success (default 200). */
  status?: number;
  /**
   * A path parameter that names a tenant; a value other than the caller's is a cross-tenant
   * attempt. Default: `tenantId` when the path has it.
   */
  tenantParam?: string;
  /** Loads what the action is about, inside the transaction; undefined means 404. */
  resource?: (ctx: ActionContext<Static<P>, Static<Q>>, input: Static<I>) => Promise<R | undefined>;
  /** The receipt's target (default: none). */
  target?: (ctx: ActionContext<Static<P>, Static<Q>>, input: Static<I>, resource: R, result: O) => string | null;
  /**
   * Slow work that must not hold the tenant's transaction open (a draft's evaluation in the worker
   * pool). Called once the action is allowed, in the request's transaction, to read what the work
   * needs; the function it returns runs after that transaction committed, with none open, and its
   * result reaches `run`, which writes the effect and its receipt in a second transaction (the
   * tenant and subject checked again). Returning undefined keeps the request in one transaction.
   */
  detach?: (ctx: RunContext<Static<P>, Static<Q>>, input: Static<I>, resource: R) => Promise<(() => Promise<D>) | undefined>;
  run: (ctx: RunContext<Static<P>, Static<Q>>, input: Static<I>, resource: R, detached: D | undefined) => Promise<O>;
  /** References the receipt carries besides the request (e.g. the digest of the terms an approval froze, what a delete removed). */
  evidenceRefs?: (ctx: ActionContext<Static<P>, Static<Q>>, input: Static<I>, resource: R, result: O) => string[];
  quota?: QuotaKind;
  /** A larger body limit in bytes than the server's default (batch ingest). */
  bodyLimit?: number;
}

// Erased form used by the registry and the pipeline.
// The registry holds actions of every input type.
export type AnyAction = ActionDefinition<any, any, any, any, any, any>;

/** A result sent as it is (a file, a 304) instead of as JSON; the receipt is written all the same. */
export class RawReply {
  constructor(
    readonly body: Buffer | string | Readable,
    readonly headers: Record<string, string>,
    readonly status?: number,
  ) {}
}

export function defineAction<I extends TSchema, P extends TSchema, Q extends TSchema, R, O, D = undefined>(
  def: ActionDefinition<I, P, Q, R, O, D>,
): ActionDefinition<I, P, Q, R, O, D> {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(def.name)) throw new Error(`invalid action name ${def.name}`);
  if (!def.path.startsWith('/')) throw new Error(`action ${def.name}: path must start with /`);
  return def;
}

/** The path parameter of a tenant-scope action that names a tenant, if any. */
export function tenantParamOf(action: AnyAction): string | undefined {
  if (action.scope !== 'tenant') return undefined;
  return action.tenantParam ?? (/:tenantId(\/|$)/.test(action.path) ? 'tenantId' : undefined);
}
