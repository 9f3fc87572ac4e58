// What one evaluation is given: the compiled policy, documents, mode and what to record.

import type { BuiltinContext } from '../builtins/registry.ts';
import type { CompiledPolicy } from '../compile/compiler.ts';
import type { Value } from '../value/value.ts';

/** A rule definition that contributed to a result. */
export interface ExplainEntry {
  path: string;
  file: string;
  line: number;
}

export interface EvalSettings {
  policy: CompiledPolicy;
  data: Value;
  input: Value | undefined;
  strict: boolean;
  ctx: BuiltinContext;
  /** performance.now() value after which evaluation is cancelled. */
  deadline?: number;
  /** A prepared evaluator's time budget: each evaluation's deadline is set from it at its start. */
  timeoutMs?: number;
  explain?: ExplainEntry[];
  coverage?: Set<string>;
}
