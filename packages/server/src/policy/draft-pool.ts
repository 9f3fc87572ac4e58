import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { EvalBudget } from '@companyos/rego';
import type { Logger } from 'pino';
import { budgetProblem, Problem } from '../http/problem.ts';
import type { Bundle, BundleModule } from './bundle.ts';
import type { BundleCheck } from './bundle-check.ts';
import type { DraftOutcome, DraftTask } from './draft-eval.ts';

export interface DraftPoolOptions {
  /** Worker threads evaluating drafts at once. */
  threads: number;
  /** Longest a draft task may run (from its start in a worker); past it, its worker is terminated. */
  timeoutMs: number;
  /** Heap limit of each worker: a draft that builds huge values kills its worker, not the server. */
  maxHeapMb: number;
  /** The budget of each evaluation inside a task (as for every evaluation the server runs). */
  budget?: EvalBudget | undefined;
}

/**
 * Evaluates tenant-supplied drafts (simulations, proposal checks) in worker threads, off the
 * request thread: a slow or hostile draft delays only its own request. Each task has a deadline
 * after which its worker is terminated, and a tenant may hold at most `threads - 1` workers (at
 * least one), so another tenant always finds one free.
 */
export class DraftPool {
  private readonly pool: Piscina<{ started: MessagePort; task: DraftTask }, DraftOutcome>;
  private readonly perTenant: number;
  private readonly inFlight = new Map<string, number>();
  private started = 0;

  constructor(
    private readonly options: DraftPoolOptions,
    log?: Logger,
  ) {
    this.perTenant = Math.max(1, options.threads - 1);
    this.pool = new Piscina({
      filename: new URL('./draft-worker.mjs', import.meta.url).href,
      // Started on first use, kept a while, so a server that never sees a draft runs no workers.
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: 300_000,
      maxQueue: options.threads * 8,
      // The worker entry loads its own TypeScript loader; it inherits no flags from this process.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
    });
    // A worker that dies between tasks (its task already failed with the cause) is replaced.
    this.pool.on('error', (error: unknown) => log?.warn({ err: error }, 'a draft worker stopped'));
  }

  async simulate(tenantId: string, bundle: Pick<Bundle, 'modules' | 'data'>, path: string, inputs: unknown[]): Promise<unknown[]> {
    const outcome = await this.run(tenantId, { kind: 'simulate', bundle: { modules: bundle.modules, data: bundle.data }, path, inputs, budget: this.options.budget });
    return (outcome as { results: unknown[] }).results;
  }

  async check(tenantId: string, bundle: Pick<Bundle, 'modules' | 'tests' | 'data'>, baseTests: BundleModule[]): Promise<BundleCheck> {
    const outcome = await this.run(tenantId, { kind: 'check', bundle: { modules: bundle.modules, tests: bundle.tests, data: bundle.data }, baseTests, budget: this.options.budget });
    return (outcome as { check: BundleCheck }).check;
  }

  /** Tasks running in a worker now (not those waiting for one). */
  get running(): number {
    return this.started;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }

  private async run(tenantId: string, task: DraftTask): Promise<DraftOutcome> {
    const held = this.inFlight.get(tenantId) ?? 0;
    if (held >= this.perTenant) {
      throw new Problem('quota-exceeded', `the tenant already has ${held} draft evaluation(s) running; retry when they finish`, {}, { 'retry-after': '1' });
    }
    this.inFlight.set(tenantId, held + 1);
    // The deadline starts when a worker takes the task up: a worker's own start (loading the
    // engine takes seconds on a busy machine) and the wait in the queue are not the draft's doing.
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let deadline: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      this.started++;
      deadline = setTimeout(() => abort.abort(), this.options.timeoutMs);
    });
    let outcome: DraftOutcome;
    try {
      outcome = await this.pool.run({ started: port2, task }, { signal: abort.signal, transferList: [port2] });
    } catch (error) {
      throw this.failure(error);
    } finally {
      if (deadline !== undefined) this.started--;
      clearTimeout(deadline);
      port1.close();
      const left = (this.inFlight.get(tenantId) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(tenantId);
      else this.inFlight.set(tenantId, left);
    }
    if ('problem' in outcome) throw new Problem(outcome.problem.slug, outcome.problem.detail, outcome.problem.extensions);
    return outcome;
  }

  private failure(error: unknown): unknown {
    const e = error as { name?: string; code?: string; message?: string };
    if (e.name === 'AbortError') {
      return budgetProblem(`eval_cancel_error: the draft did not finish within ${this.options.timeoutMs} ms, so its evaluation was stopped`, { time_ms: this.options.timeoutMs });
    }
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return budgetProblem(`eval_cancel_error: the draft built values larger than its ${this.options.maxHeapMb} MB memory budget, so its evaluation was stopped`, { heap_mb: this.options.maxHeapMb });
    }
    if (e.message === 'Task queue is at limit') {
      return new Problem('overloaded', 'too many draft evaluations are waiting; retry shortly', {}, { 'retry-after': '1' });
    }
    return error;
  }
}
