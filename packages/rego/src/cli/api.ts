// The part of the public API the commands use, passed in by `main.ts` so each command can be
// tested with a stand-in engine.

import type { Module } from '../ast/types.ts';
import type { Coverage } from '../testing/coverage.ts';
import type { Value } from '../value/value.ts';

export interface CliQueryResult {
  rows: Record<string, Value>[];
  explain?: unknown;
  coverage?: Coverage;
}

export interface CliPolicy {
  readonly modules: readonly Module[];
  query(query: string, opts?: { inputValue?: Value; strictBuiltinErrors?: boolean; explain?: boolean; coverage?: boolean }): CliQueryResult;
}

export type CompileFn = (
  modules: { file: string; source: string }[],
  opts: { data?: Value; strictBuiltinErrors?: boolean; inputSchema?: unknown; schemas?: Record<string, unknown> },
) => CliPolicy;

/** Where a command writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** A command used wrongly (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file that cannot be read or merged (exit code 1). */
export class FileError extends Error {
  override name = 'FileError';
}
