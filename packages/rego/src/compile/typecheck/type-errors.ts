// The type errors, worded as OPA words them: a one-line message and `have:`/`want:` lines.
// Each error remembers whether an unknown type caused it, so an error that only follows from a
// more precise one in the same expression can be left out.

import type { Location, RefTerm, ScalarTerm, Term } from '../../ast/types.ts';
import { RegoError } from '../../errors.ts';
import { termText } from '../../parser/print.ts';
import { argsText, typeText, wantedArgsText } from '../../types/notation.ts';
import { ANY, STRING, arrayOf, dictOf, hasUnknown, objectType, or, setOf, tuple, typeOfValue, type FunctionType, type MaybeType } from '../../types/types.ts';
import { canonicalText, type Value } from '../../value/value.ts';
import { displayName } from '../terms.ts';

export class RegoTypeError extends RegoError {
  constructor(
    detail: string,
    location: Location | undefined,
    lines: readonly string[],
    /** An unknown type took part: a more precise error elsewhere in the expression explains it. */
    readonly fromUnknown: boolean,
  ) {
    super('rego_type_error', detail, location, lines);
  }
}

/** `name: invalid argument(s)` (or too few/many) with the argument types found and wanted. */
export function argError(loc: Location, name: string, msg: string, have: readonly MaybeType[], want: FunctionType, named = true): RegoTypeError {
  const wanted = named ? wantedArgsText(want) : argsText(want.args, undefined, want.variadic);
  return new RegoTypeError(`${name}: ${msg}`, loc, [`have: ${argsText(have)}`, `want: ${wanted}`], have.some(hasUnknown));
}

export function matchError(loc: Location, left: MaybeType, right: MaybeType): RegoTypeError {
  return new RegoTypeError('match error', loc, [`left  : ${typeText(left)}`, `right : ${typeText(right)}`], hasUnknown(left) || hasUnknown(right));
}

/** A reference into a value that has no keys at all (a number, a function). */
export function refUnsupported(ref: readonly Term[], pos: number, have: MaybeType): RegoTypeError {
  const text = refText(ref);
  return new RegoTypeError(`undefined ref: ${text}`, ref[0]?.loc, [text, '^'.repeat(refText(ref.slice(0, pos + 1)).length), `have: ${typeText(have)}`], false);
}

/** A reference whose key at `pos` the value cannot have (a missing object key, a wrong key type). */
export function refInvalid(ref: readonly Term[], pos: number, have: MaybeType, want: MaybeType, oneOf: readonly Value[]): RegoTypeError {
  const text = refText(ref);
  const pad = ' '.repeat(refText(ref.slice(0, pos)).length + 1);
  const lines = [text, `${pad}^`];
  lines.push(have !== undefined ? `${pad}have (type): ${typeText(have)}` : `${pad}have: ${termText(shown(ref[pos] as Term))}`);
  lines.push(oneOf.length > 0 ? `${pad}want (one of): [${oneOf.map(canonicalText).join(' ')}]` : `${pad}want (type): ${typeText(want)}`);
  return new RegoTypeError(`undefined ref: ${text}`, ref[0]?.loc, lines, false);
}

/** A ref (head and path terms) as written, with the names the author gave its vars. */
export function refText(ref: readonly Term[]): string {
  const [head, ...path] = ref;
  if (head === undefined) return '';
  const term: RefTerm | Term = path.length === 0 ? head : { type: 'ref', head, path: [...path], loc: head.loc };
  return termText(shown(term));
}

/** A copy of a term with generated var names replaced by what the author wrote (`_` for wildcards). */
function shown(t: Term): Term {
  switch (t.type) {
    case 'var':
      return { ...t, name: t.name.startsWith('$') ? '_' : displayName(t.name) };
    case 'ref':
      return { ...t, head: shown(t.head), path: t.path.map(shown) };
    case 'array':
    case 'set':
      return { ...t, items: t.items.map(shown) };
    case 'object':
      return { ...t, entries: t.entries.map(([k, v]) => [shown(k), shown(v)] as [Term, Term]) };
    case 'call':
      return { ...t, args: t.args.map(shown) };
    default:
      return t;
  }
}

export const callText = (t: Term): string => termText(shown(t));

/** The type of a term as far as it shows without a scope: literals, and `input`/`data` as any. */
export function literalType(t: Term): MaybeType {
  switch (t.type) {
    case 'scalar':
      return typeOfValue(t.value);
    case 'array':
      return t.items.length === 0 ? arrayOf(ANY) : tuple(t.items.map(literalType));
    case 'set': {
      let of: MaybeType;
      for (const i of t.items) of = or(of, literalType(i));
      return setOf(t.items.length === 0 ? ANY : of);
    }
    case 'object': {
      if (t.entries.length === 0) return dictOf(ANY, ANY);
      const props = t.entries.filter(([k]) => k.type === 'scalar').map(([k, v]) => ({ key: (k as ScalarTerm).value, value: literalType(v) }));
      const dyn = t.entries.filter(([k]) => k.type !== 'scalar').pop();
      return objectType(props, dyn ? { key: literalType(dyn[0]), value: literalType(dyn[1]) } : undefined);
    }
    case 'ref':
    case 'var': {
      const root = t.type === 'ref' ? t.head : t;
      return root.type === 'var' && (root.name === 'data' || root.name === 'input') ? ANY : undefined;
    }
    case 'template':
      return STRING;
    default:
      return undefined;
  }
}
