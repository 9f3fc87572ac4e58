import { compile, type Policy } from '@companyos/rego';
import type { BundleContents } from '../bundle/archive.ts';

/** Evaluates one document for an input; undefined when the document is undefined. */
export type PreparedQuery = (input: unknown, options: { timeoutMs: number; strictBuiltinErrors: boolean }) => unknown;

// Client-chosen paths must not grow the cache without bound.
const MAX_PREPARED = 512;

/**
 * A compiled bundle, ready to decide. Activation builds a whole new one and swaps a single
 * reference, so a request sees either the old bundle or the new one, never a mix.
 */
export class ActiveBundle {
  private readonly prepared = new Map<string, PreparedQuery>();

  private constructor(
    readonly revision: string,
    readonly policy: Policy,
    readonly activatedAt: Date,
  ) {}

  /** Compiles the bundle's modules over its data; throws RegoErrors when it does not compile. */
  static compile(contents: BundleContents, at: Date): ActiveBundle {
    return new ActiveBundle(contents.revision, compile(contents.modules, { data: contents.data }), at);
  }

  /** An evaluator for a data path (segments below `data`), reused across requests. */
  query(segments: string[]): PreparedQuery {
    const key = segments.join('/');
    let q = this.prepared.get(key);
    if (q === undefined) {
      q = prepare(this.policy, segments);
      if (this.prepared.size >= MAX_PREPARED) this.prepared.clear();
      this.prepared.set(key, q);
    }
    return q;
  }
}

/**
 * The seam for a prepared-query API (`policy.prepare(path)` returning a reusable evaluator): until
 * the engine offers one, a closure over `policy.evaluate`. The `data/` prefix keeps a segment that
 * contains a dot, or is itself named `data`, one segment.
 */
function prepare(policy: Policy, segments: string[]): PreparedQuery {
  const path = ['data', ...segments].join('/');
  return (input, options) => policy.evaluate(path, input, options);
}
