// Type environments: a tree of types per scope (local vars, `input`, and `data` with the rule
// types under it), chained to the enclosing scope. Lookups of `data.a.b.c` walk the tree and
// fall back to the enclosing scopes; what no scope knows about `data` or `input` is `any`.

import { compare, keyOf, type Value } from '../../value/value.ts';
import type { Term } from '../../ast/types.ts';
import {
  ANY,
  STRING,
  dictOf,
  objectType,
  or,
  select,
  valuesOf,
  type MaybeType,
  type ObjectType,
  type StaticProperty,
  type Type,
} from '../../types/types.ts';

export class TypeNode {
  readonly children = new Map<string, TypeNode>();
  value: MaybeType;

  constructor(readonly key: Value) {}

  child(key: Value): TypeNode | undefined {
    return this.children.get(keyOf(key));
  }

  /** The child at `key`, created when missing. */
  at(key: Value): TypeNode {
    const k = keyOf(key);
    let c = this.children.get(k);
    if (c === undefined) this.children.set(k, (c = new TypeNode(key)));
    return c;
  }

  get leaf(): boolean {
    return this.value !== undefined;
  }

  /** Children's keys in sorted order (the keys a reference at this node may name). */
  sortedKeys(): Value[] {
    return [...this.children.values()].map((c) => c.key).sort(compare);
  }

  /** Replaces the type at `path`. */
  put(path: readonly Value[], t: MaybeType): void {
    let node: TypeNode = this;
    for (const k of path) node = node.at(k);
    node.value = t;
  }

  /**
   * Adds a type at `path`, merging it with what is there: a rule's type joins the types of the
   * other rules of the same name, and an object type on the path absorbs the rules below it.
   */
  insert(path: readonly Value[], t: Type, typeOfKey: (k: Value) => MaybeType): void {
    let node: TypeNode = this;
    path.forEach((k, i) => {
      const existed = node.child(k);
      node = node.at(k);
      if (existed && node.value?.kind === 'object' && i + 1 < path.length) {
        node.value = insertIntoObject(node.value, path.slice(i + 1), t, typeOfKey);
      }
    });
    node.value = mergeTypes(node.value, t);
    if (t.kind === 'object' && node.children.size > 0) {
      for (const [p, leaf] of node.leafs()) node.value = insertIntoObject(node.value as ObjectType, p, leaf, typeOfKey);
    }
  }

  private leafs(): [Value[], Type][] {
    const out: [Value[], Type][] = [];
    const walk = (n: TypeNode, prefix: Value[]): void => {
      for (const c of n.children.values()) {
        const p = [...prefix, c.key];
        if (c.value !== undefined) out.push([p, c.value]);
        else walk(c, p);
      }
    };
    walk(this, []);
    return out;
  }
}

/** Joins two rule types; open objects merge their keys and values instead of forming a union. */
export function mergeTypes(a: MaybeType, b: MaybeType): MaybeType {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.kind === 'object' && a.static.length === 0) {
    if (b.kind === 'object' && b.static.length === 0 && a.dynamic && b.dynamic) {
      return dictOf(or(a.dynamic.key, b.dynamic.key), mergeTypes(a.dynamic.value, b.dynamic.value));
    }
  }
  if (a.kind === 'set' && b.kind === 'set') return { kind: 'set', of: or(a.of, b.of) };
  if (a.kind === 'any' && b.kind !== 'any') return mergeTypes(b, a);
  return or(a, b);
}

function insertIntoObject(o: ObjectType, path: readonly Value[], t: Type, typeOfKey: (k: Value) => MaybeType): ObjectType {
  if (path.length === 0) return o;
  const key = typeOfKey(path[0] as Value);
  const value: MaybeType = path.length === 1 ? t : insertIntoObject(objectType([]), path.slice(1), t, typeOfKey);
  const dynamic = o.dynamic ? { key: or(o.dynamic.key, key), value: or(o.dynamic.value, value) } : { key, value };
  return objectType(o.static, dynamic);
}

/** One scope: its own tree and the scope it is nested in. */
export class TypeEnv {
  readonly tree = new TypeNode(null);
  constructor(readonly next?: TypeEnv) {}

  wrap(): TypeEnv {
    return new TypeEnv(this);
  }

  /** The type of a local var, looked up through the enclosing scopes. */
  varType(name: string): MaybeType {
    for (let e: TypeEnv | undefined = this; e; e = e.next) {
      const node = e.tree.child(name);
      if (node !== undefined) return node.value;
    }
    return undefined;
  }

  bindVar(name: string, t: MaybeType): void {
    this.tree.at(name).value = t;
  }

  /**
   * The type of `head.path...` where head is a root (`data`, `input`) or a var; path terms that
   * are not constants select every value.
   */
  refType(head: string, path: readonly Term[]): MaybeType {
    const node = this.tree.child(head);
    if (node === undefined) return this.fallback(head, path);
    return this.refRec(node, head, path, 0);
  }

  private fallback(head: string, path: readonly Term[]): MaybeType {
    if (this.next) return this.next.refType(head, path);
    return head === 'data' || head === 'input' ? ANY : undefined;
  }

  private refRec(node: TypeNode, head: string, path: readonly Term[], i: number): MaybeType {
    if (i === path.length) return extent(node);
    const p = path[i] as Term;
    if (node.leaf) {
      const child = p.type === 'scalar' ? node.child(p.value) : undefined;
      if (child !== undefined) return this.refRec(child, head, path, i + 1);
      return selectPath(node.value, path.slice(i));
    }
    if (p.type !== 'scalar') return selectPath(extent(node), path.slice(i));
    const child = node.child(p.value);
    if (child === undefined) return this.fallback(head, path);
    return this.refRec(child, head, path, i + 1);
  }
}

/** The type of a node: its own, or an object of its children's types open to other string keys. */
export function extent(node: TypeNode): Type {
  if (node.value !== undefined) return node.value;
  const props: StaticProperty[] = [];
  for (const c of node.children.values()) {
    if (typeof c.key === 'string' || typeof c.key === 'number' || typeof c.key === 'boolean') props.push({ key: c.key, value: extent(c) });
  }
  return objectType(props, { key: STRING, value: ANY });
}

/** The type reached from `t` along `path`: constants select a key, anything else every value. */
export function selectPath(t: MaybeType, path: readonly Term[]): MaybeType {
  let cur = t;
  for (const p of path) {
    if (cur === undefined) return undefined;
    cur = p.type === 'scalar' ? select(cur, p.value) : valuesOf(cur);
  }
  return cur;
}
