// Runs conformance cases in a worker thread under a time limit, so a case that never
// finishes (or crashes the thread) is reported as a failure instead of stopping the run.

import { Worker } from 'node:worker_threads';
import type { LoadedCase } from './cases.ts';
import type { CaseResult } from './run-case.ts';

const TSX_API = import.meta.resolve('tsx/esm/api');
const WORKER = new URL('./worker.ts', import.meta.url).href;

/**
 * One worker at a time, replaced when a case overruns its time or the worker dies.
 * `engineModule` is the URL of a module exporting `engine` (an Engine), imported in the worker.
 */
export class IsolatedRunner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly engineModule: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** A CaseRunner for runSuite. */
  readonly run = ({ file, index }: LoadedCase): Promise<CaseResult> => this.runAt(file, index);

  private start(): { worker: Worker; ready: Promise<void> } {
    if (this.worker !== undefined && this.ready !== undefined) return { worker: this.worker, ready: this.ready };
    // The worker runs TypeScript sources: a small script registers the tsx loader first.
    const bootstrap = `import(${JSON.stringify(TSX_API)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER)}); })`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { engineModule: this.engineModule } });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    return { worker, ready: this.ready };
  }

  private async runAt(file: string, index: number): Promise<CaseResult> {
    const { worker, ready } = this.start();
    try {
      await ready;
    } catch (err) {
      // The engine itself does not load: every case would fail the same way.
      await this.discard();
      throw new Error(`conformance worker failed to start: ${err instanceof Error ? err.message : String(err)}`);
    }
    return new Promise<CaseResult>((resolve) => {
      const done = (result: CaseResult, discard: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (discard) void this.discard().then(() => resolve(result));
        else resolve(result);
      };
      const onMessage = (result: CaseResult) => done(result, false);
      const onError = (err: Error) => done({ status: 'fail', reason: `worker error: ${err.message}`, ms: 0 }, true);
      const onExit = (code: number) => done({ status: 'fail', reason: `worker exited with code ${code}`, ms: 0 }, true);
      const timer = setTimeout(
        () => done({ status: 'fail', reason: `timed out after ${this.timeoutMs} ms`, ms: this.timeoutMs }, true),
        this.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ file, index });
    });
  }

  private async discard(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker !== undefined) await worker.terminate();
  }

  close(): Promise<void> {
    return this.discard();
  }
}
