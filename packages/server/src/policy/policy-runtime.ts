import type { Database } from '../db/database.ts';
import type { BundleModule } from './bundle.ts';
import type { DraftPool } from './draft-pool.ts';
import type { PolicyEngine } from './policy-engine.ts';

/** What the policy actions use beyond the transaction. */
export interface PolicyRuntime {
  engine: PolicyEngine;
  db: Database;
  /** The base `*_test.rego` modules every proposed version must pass. */
  baseTests: BundleModule[];
  /** Where tenant-supplied drafts are evaluated, off the request thread. */
  drafts: DraftPool;
}

let runtime: PolicyRuntime | undefined;

/** Set by the app that mounts the policy actions (one app per process). */
export function setPolicyRuntime(r: PolicyRuntime): void {
  runtime = r;
}

export function policyRuntime(): PolicyRuntime {
  if (runtime === undefined) throw new Error('the policy runtime is not started');
  return runtime;
}
