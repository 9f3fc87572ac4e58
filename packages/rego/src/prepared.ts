// Prepared queries: one document of a compiled policy evaluated again and again, as a server
// does for every decision. The query is resolved once; each evaluation reuses one evaluator (its
// frames and binding storage) and reads its input in place from plain JS data.

import type { RefTerm } from './ast/types.ts';
import type { Evaluator } from './eval/evaluator.ts';
import { viewOf } from './value/js-view.ts';
import { toJS, type Value } from './value/value.ts';

/** What an evaluator needs besides its frame between evaluations (the builtins' context). */
export interface EvaluatorLease {
  ev: Evaluator;
  /** Forgets what the last evaluation's builtins cached (the clock reading, memoised calls). */
  reset(): void;
}

export class PreparedQuery {
  /** The evaluator not in use; a nested evaluation (a builtin evaluating again) gets another. */
  private idle: EvaluatorLease | undefined;

  constructor(
    private readonly ref: RefTerm,
    private readonly lease: () => EvaluatorLease,
  ) {}

  /** The document as plain JS (sets become sorted arrays), or undefined when it is undefined. */
  evaluate(input?: unknown): unknown {
    const v = this.evaluateValue(input);
    return v === undefined ? undefined : toJS(v);
  }

  /**
   * The document as a Value. Input arrays of scalars are used in place, so the result may share
   * them: do not mutate the input while holding the result.
   */
  evaluateValue(input?: unknown): Value | undefined {
    const lease = this.idle ?? this.lease();
    this.idle = undefined;
    const ev = lease.ev;
    lease.reset();
    ev.begin(input === undefined ? undefined : viewOf(input));
    let failed = true;
    try {
      const out = ev.firstValue(this.ref);
      failed = false;
      return out;
    } finally {
      ev.end(failed);
      this.idle = lease;
    }
  }
}
