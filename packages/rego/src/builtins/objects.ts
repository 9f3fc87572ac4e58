// Object builtins and the path-based JSON builtins (json.filter, json.remove, json.patch).

import { RObject, RSet, equal, isInteger, isNumber, keyOf, toBigInt, typeName, type Value } from '../value/value.ts';
import { OperandTypeError } from './errors.ts';
import { arr, elementError, obj, operandError } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

/** One step into a value: object key, array index, set member. */
function child(v: Value, key: Value): Value | undefined {
  if (v instanceof RObject) return v.get(key);
  if (Array.isArray(v)) {
    const i = arrayIndex(key);
    return i !== undefined && i < v.length ? v[i] : undefined;
  }
  if (v instanceof RSet) return v.has(key) ? key : undefined;
  return undefined;
}

/** An array index from a number or a decimal string segment. */
function arrayIndex(key: Value): number | undefined {
  if (typeof key === 'string') return /^(0|[1-9]\d*)$/.test(key) ? Number(key) : undefined;
  if (isNumber(key) && isInteger(key)) {
    const i = toBigInt(key) as bigint;
    return i >= 0n && i <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(i) : undefined;
  }
  return undefined;
}

/** Keys named by object.remove / object.filter: an array, set, or the keys of an object. */
function keySet(args: Value[]): RSet {
  const v = args[1] as Value;
  if (v instanceof RObject) return new RSet(v.keys());
  if (v instanceof RSet) return v;
  if (Array.isArray(v)) return new RSet(v);
  throw new OperandTypeError(2, v, ['object', 'set', 'array']);
}

/** Recursive merge; `b` wins on conflicts unless both sides are objects. */
function union(a: RObject, b: RObject): RObject {
  const out = RObject.from(a.entries());
  for (const [k, v] of b.entries()) {
    const mine = a.get(k);
    out.set(k, mine instanceof RObject && v instanceof RObject ? union(mine, v) : v);
  }
  return out;
}

/**
 * object.subset. Objects recurse key by key; sets, arrays (a contiguous run) and an array
 * holding a set's members are compared one level deep, as OPA does.
 */
function isSubset(sup: Value, sub: Value): boolean {
  if (sup instanceof RObject && sub instanceof RObject) {
    return sub.entries().every(([k, v]) => {
      const s = sup.get(k);
      if (s === undefined) return false;
      if (equal(s, v)) return true;
      const sameKind =
        (s instanceof RObject && v instanceof RObject) ||
        (s instanceof RSet && v instanceof RSet) ||
        (Array.isArray(s) && Array.isArray(v));
      return sameKind && isSubset(s, v);
    });
  }
  if (sup instanceof RSet && sub instanceof RSet) return sub.values().every((v) => sup.has(v));
  if (Array.isArray(sup) && Array.isArray(sub)) {
    if (sub.length > sup.length) return false;
    for (let i = 0; i + sub.length <= sup.length; i++) {
      if (sub.every((v, j) => equal(sup[i + j] as Value, v))) return true;
    }
    return false;
  }
  if (Array.isArray(sup) && sub instanceof RSet) {
    // Counts array members found in the set, duplicates included, as OPA does.
    let unmatched = sub.size;
    for (const x of sup) {
      if (sub.has(x)) unmatched--;
      if (unmatched === 0) return true;
    }
    return false;
  }
  throw operandError(0, sup, 'both arguments object.subset must be of the same type or array and set');
}

// ---------------------------------------------------------------------------------------------
// Paths for json.filter and json.remove: "a/b/c" strings (JSON-pointer escapes) or arrays of
// segments, gathered into a trie whose leaves mark where a path ends.

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

const PATHS_ERROR = 'must be one of {set, array} containing string paths or array of path segments';

function pathSegments(p: Value): Value[] {
  if (typeof p === 'string') {
    if (p === '') return [];
    return p
      .replace(/^\/+/, '')
      .split('/')
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  if (Array.isArray(p)) return p;
  throw operandError(2, p, `operand 2 ${PATHS_ERROR} but got ${typeName(p)}`);
}

function pathTrie(args: Value[]): Trie {
  const v = args[1] as Value;
  let paths: readonly Value[];
  if (v instanceof RSet) paths = v.values();
  else if (Array.isArray(v)) paths = v;
  else throw new OperandTypeError(2, v, ['set', 'array']);
  const root: Trie = { end: false, next: new Map() };
  for (const p of paths) {
    const segments = pathSegments(p);
    // An empty path names nothing (it does not select the whole document).
    if (segments.length === 0) continue;
    let node = root;
    for (const seg of segments) {
      const k = keyOf(seg);
      let n = node.next.get(k);
      if (!n) node.next.set(k, (n = { end: false, next: new Map() }));
      node = n;
    }
    node.end = true;
  }
  return root;
}

/** The trie node for an object key, array index or set member (indices match "0" and 0). */
function step(t: Trie, key: Value, index?: number): Trie | undefined {
  return t.next.get(keyOf(key)) ?? (index === undefined ? undefined : t.next.get(String(index)));
}

/** Keeps what the trie selects; a scalar where the paths go deeper is kept whole. */
function filterValue(v: Value, t: Trie): Value {
  if (t.end) return v;
  if (v instanceof RObject) {
    const out = new RObject();
    for (const [k, x] of v.entries()) {
      const n = step(t, k);
      const f = n && filterValue(x, n);
      if (f !== undefined) out.set(k, f);
    }
    return out;
  }
  if (Array.isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const n = step(t, i, i);
      const f = n && filterValue(x, n);
      if (f !== undefined) out.push(f);
    });
    return out;
  }
  if (v instanceof RSet) {
    const out = new RSet();
    for (const x of v.values()) {
      const n = step(t, x);
      const f = n && filterValue(x, n);
      if (f !== undefined) out.add(f);
    }
    return out;
  }
  return v;
}

function removeValue(v: Value, t: Trie): Value {
  if (v instanceof RObject) {
    const out = new RObject();
    for (const [k, x] of v.entries()) {
      const n = step(t, k);
      if (n?.end) continue;
      out.set(k, n ? removeValue(x, n) : x);
    }
    return out;
  }
  if (Array.isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const n = step(t, i, i);
      if (!n?.end) out.push(n ? removeValue(x, n) : x);
    });
    return out;
  }
  if (v instanceof RSet) {
    const out = new RSet();
    for (const x of v.values()) {
      const n = step(t, x);
      if (!n?.end) out.add(n ? removeValue(x, n) : x);
    }
    return out;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// json.patch (RFC 6902), extended to sets as OPA does: a set member is addressed by itself.
// Any failed operation makes the whole call undefined.

class PatchFailed extends Error {}

function fail(): never {
  throw new PatchFailed();
}

/** A JSON pointer; OPA also accepts it without the leading slash, or as an array. */
function pointer(p: Value | undefined): Value[] {
  if (typeof p === 'string') {
    if (p === '') return [];
    return p
      .replace(/^\/+/, '')
      .split('/')
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  if (Array.isArray(p)) return p;
  return fail();
}

function getPath(doc: Value, path: Value[]): Value {
  let v: Value | undefined = doc;
  for (const seg of path) {
    v = child(v, seg);
    if (v === undefined) fail();
  }
  return v;
}

/** Rebuilds `doc` with `edit` applied to the parent of the path's last segment. */
function editParent(doc: Value, path: Value[], edit: (parent: Value, last: Value) => Value): Value {
  if (path.length === 0) return fail();
  const [head, ...rest] = path as [Value, ...Value[]];
  if (rest.length === 0) return edit(doc, head);
  const inner = child(doc, head);
  if (inner === undefined) fail();
  const updated = editParent(inner, rest, edit);
  if (doc instanceof RObject) return RObject.from(doc.entries()).set(head, updated);
  if (Array.isArray(doc)) {
    const out = [...doc];
    out[arrayIndex(head) as number] = updated;
    return out;
  }
  if (doc instanceof RSet) {
    const out = new RSet(doc.values().filter((x) => !equal(x, head)));
    out.add(updated);
    return out;
  }
  return fail();
}

function addAt(doc: Value, path: Value[], value: Value): Value {
  if (path.length === 0) return value;
  return editParent(doc, path, (parent, last) => {
    if (parent instanceof RObject) return RObject.from(parent.entries()).set(last, value);
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : arrayIndex(last);
      if (i === undefined || i > parent.length) fail();
      return [...parent.slice(0, i), value, ...parent.slice(i)];
    }
    if (parent instanceof RSet) {
      if (!equal(last, value)) fail();
      return new RSet([...parent.values(), value]);
    }
    return fail();
  });
}

function removeAt(doc: Value, path: Value[]): Value {
  return editParent(doc, path, (parent, last) => {
    if (parent instanceof RObject) {
      if (!parent.has(last)) fail();
      return RObject.from(parent.entries().filter(([k]) => !equal(k, last)));
    }
    if (Array.isArray(parent)) {
      const i = arrayIndex(last);
      if (i === undefined || i >= parent.length) fail();
      return [...parent.slice(0, i), ...parent.slice(i + 1)];
    }
    if (parent instanceof RSet) {
      if (!parent.has(last)) fail();
      return new RSet(parent.values().filter((x) => !equal(x, last)));
    }
    return fail();
  });
}

function applyPatch(doc: Value, op: Value): Value {
  if (!(op instanceof RObject)) return fail();
  const kind = op.getStr('op');
  const path = pointer(op.getStr('path'));
  const value = op.getStr('value');
  switch (kind) {
    case 'add':
      return addAt(doc, path, value === undefined ? fail() : value);
    case 'remove':
      return removeAt(doc, path);
    case 'replace':
      if (value === undefined) fail();
      if (path.length === 0) return value;
      getPath(doc, path);
      return addAt(removeAt(doc, path), path, value);
    case 'move': {
      const from = pointer(op.getStr('from'));
      const moved = getPath(doc, from);
      return addAt(removeAt(doc, from), path, moved);
    }
    case 'copy':
      return addAt(doc, path, getPath(doc, pointer(op.getStr('from'))));
    case 'test':
      if (value === undefined || !equal(getPath(doc, path), value)) fail();
      return doc;
    default:
      return fail();
  }
}

export function register(registry: BuiltinRegistry): void {
  registry.fn('object.get', 3, (a) => {
    const o = obj(a, 0);
    const key = a[1] as Value;
    if (!Array.isArray(key)) return o.get(key) ?? (a[2] as Value);
    let v: Value | undefined = o;
    for (const seg of key) {
      v = child(v, seg);
      if (v === undefined) return a[2] as Value;
    }
    return v;
  });
  registry.fn('object.keys', 1, (a) => new RSet(obj(a, 0).keys()));
  registry.fn('object.union', 2, (a) => union(obj(a, 0), obj(a, 1)));
  registry.fn('object.union_n', 1, (a) => {
    const items = arr(a, 0);
    // Checked from the end, so the reported member is the one OPA reports.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i] as Value;
      if (!(item instanceof RObject)) throw elementError(1, items, item, 'object');
    }
    return (items as RObject[]).reduce(union, new RObject());
  });
  registry.fn('object.remove', 2, (a) => {
    const o = obj(a, 0);
    const keys = keySet(a);
    return RObject.from(o.entries().filter(([k]) => !keys.has(k)));
  });
  registry.fn('object.filter', 2, (a) => {
    const o = obj(a, 0);
    const keys = keySet(a);
    return RObject.from(o.entries().filter(([k]) => keys.has(k)));
  });
  registry.fn('object.subset', 2, (a) => isSubset(a[0] as Value, a[1] as Value));
  registry.fn('json.filter', 2, (a) => {
    const o = obj(a, 0);
    return filterValue(o, pathTrie(a));
  });
  registry.fn('json.remove', 2, (a) => {
    const o = obj(a, 0);
    return removeValue(o, pathTrie(a));
  });
  registry.fn('json.patch', 2, (a) => {
    const ops = arr(a, 1);
    let doc = a[0] as Value;
    try {
      for (const op of ops) doc = applyPatch(doc, op);
    } catch (e) {
      if (e instanceof PatchFailed) return undefined;
      throw e;
    }
    return doc;
  });
}
