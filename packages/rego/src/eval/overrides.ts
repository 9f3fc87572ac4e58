// `with` replacements: values patched into input, a persistent tree of data overrides, and the
// setting of a value at a path inside a document.

import { RObject, type Value } from '../value/value.ts';

export interface DataOverride {
  value?: Value;
  children: Map<string, DataOverride>;
}

/** A copy of `root` with `value` placed at `path` (the tree is never mutated). */
export function addOverride(root: DataOverride | undefined, path: readonly string[], value: Value): DataOverride {
  if (path.length === 0) return { value, children: new Map() };
  const node: DataOverride = { children: new Map(root?.children ?? []) };
  if (root?.value !== undefined) {
    return { value: setPath(root.value, path, value), children: new Map() };
  }
  const [first, ...rest] = path as [string, ...string[]];
  node.children.set(first, addOverride(root?.children.get(first), rest, value));
  return node;
}

/** `doc` with `value` at `path`, creating objects as needed (non-objects are replaced). */
export function setPath(doc: Value | undefined, path: readonly Value[], value: Value): Value {
  if (path.length === 0) return value;
  const [first, ...rest] = path as [Value, ...Value[]];
  const obj = doc instanceof RObject ? doc : undefined;
  const out = new RObject();
  if (obj) for (const [k, v] of obj.entries()) out.set(k, v);
  out.set(first, setPath(obj?.get(first), rest, value));
  return out;
}

/** A document with the overrides below it applied. */
export function patchDoc(doc: Value | undefined, ov: DataOverride): Value | undefined {
  if (ov.value !== undefined) return ov.value;
  let out = doc;
  for (const [key, child] of ov.children) {
    const inner = patchDoc(out instanceof RObject ? out.get(key) : undefined, child);
    if (inner !== undefined) out = setPath(out, [key], inner);
  }
  return out;
}

/** What a `with` on a function or builtin name replaces it by: another function or a value. */
export type FunctionOverride = { kind: 'function'; name: string } | { kind: 'value'; value: Value };
