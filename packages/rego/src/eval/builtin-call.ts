// Calling a registered builtin: errors become OPA's codes with the builtin's name in front.

import type { Location } from '../ast/types.ts';
import { BuiltinError, OperandTypeError } from '../builtins/errors.ts';
import type { BuiltinContext, BuiltinDef } from '../builtins/registry.ts';
import { RegoError } from '../errors.ts';
import type { Value } from '../value/value.ts';

/** The error a builtin failure maps to (`name: message` at the call's location). */
export function builtinFailure(def: BuiltinDef, err: unknown, loc: Location): RegoError {
  if (err instanceof RegoError) return err;
  if (err instanceof OperandTypeError) return new RegoError('eval_type_error', `${def.name}: ${err.message}`, loc);
  if (err instanceof BuiltinError) return new RegoError('eval_builtin_error', `${def.name}: ${err.message}`, loc);
  if (err instanceof RangeError && /call stack/.test(err.message)) throw err;
  const msg = err instanceof Error ? err.message : String(err);
  return new RegoError('eval_builtin_error', `${def.name}: ${msg}`, loc);
}

/** Runs a builtin: its results (one for functions, any number for relations, none = undefined). */
export function runBuiltin(def: BuiltinDef, args: Value[], ctx: BuiltinContext): Value[] {
  if (def.refused !== undefined) throw new BuiltinError(def.refused);
  if (def.relation) return [...def.relation(args, ctx)];
  const out = (def.fn as NonNullable<BuiltinDef['fn']>)(args, ctx);
  return out === undefined ? [] : [out];
}
