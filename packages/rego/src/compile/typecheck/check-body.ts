// Type checking of one body, expression by expression (in the order safety left them): every
// reference is checked against what its document can hold, calls against the signatures of the
// builtins and functions they name, unifications for compatible sides, and the vars each
// expression binds get the types of what they are bound to. A call nested in another term is
// checked as if written on its own before the expression that uses its result, as OPA does
// after lifting such calls out.

import type { Body, CallTerm, ComprehensionTerm, Expr, Location, ObjectTerm, RefTerm, Term } from '../../ast/types.ts';
import { RegoError } from '../../errors.ts';
import { argsText } from '../../types/notation.ts';
import {
  ANY,
  NUMBER,
  STRING,
  BOOLEAN,
  NULL,
  arrayOf,
  dictOf,
  hasUnknown,
  keysOf,
  objectType,
  or,
  select,
  setOf,
  tuple,
  unifies,
  valuesOf,
  type ArrayType,
  type FunctionType,
  type MaybeType,
  type ObjectType,
  type StaticProperty,
  type Type,
} from '../../types/types.ts';
import { compare, type Value } from '../../value/value.ts';
import { isGlobalVar, staticName } from '../terms.ts';
import { extent, selectPath, type TypeEnv, type TypeNode } from './env.ts';
import { collect, collectRefsDeep, newParts, type Parts } from './expression-parts.ts';
import { argError, callText, matchError, refInvalid, refUnsupported, RegoTypeError } from './type-errors.ts';

/** What a body check needs besides its scope. */
export interface CheckContext {
  /** The signature of a builtin or evaluator function by name, or undefined when unknown. */
  builtinType(name: string): FunctionType | undefined;
  /** Comprehensions already checked (each is checked once, in the scope where it appears). */
  closures: WeakMap<ComprehensionTerm, ClosureResult>;
}

export interface ClosureResult {
  type: MaybeType;
  errors: RegoError[];
}

export class BodyChecker {
  readonly errors: RegoError[] = [];
  private readonly callTypes = new Map<CallTerm, MaybeType>();
  /** Counter for the key vars `some x in xs` implies. */
  private fresh = 0;

  private constructor(
    private readonly ctx: CheckContext,
    readonly env: TypeEnv,
  ) {}

  /** Checks `body` in a new scope nested in `outer`; the checker keeps the scope and errors. */
  static check(ctx: CheckContext, outer: TypeEnv, body: Body): BodyChecker {
    const c = new BodyChecker(ctx, outer.wrap());
    for (const e of body) c.expr(e);
    return c;
  }

  /** Checks a rule head term (a value, key or generated key) after the body, and types it. */
  headTerm(t: Term): MaybeType {
    const parts = newParts();
    collect(t, parts);
    this.prepare(parts);
    return this.typeOf(t);
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private expr(e: Expr): void {
    const parts = newParts();
    switch (e.type) {
      case 'some-decl':
        return;
      case 'expr': {
        const [a, b] = e.terms;
        if (b === undefined && a.type === 'call') a.args.forEach((x) => collect(x, parts));
        else e.terms.forEach((x) => collect(x, parts));
        break;
      }
      case 'some-in':
        collect(e.collection, parts);
        // A reference is checked with the key the iteration adds (see checkSomeIn).
        if (parts.refs[0] === e.collection) parts.refs.shift();
        if (e.key) collect(e.key, parts);
        collect(e.value, parts);
        break;
      case 'every':
        collect(e.domain, parts);
        for (const x of e.body) collectRefsDeep(x, parts);
        break;
    }
    const explained = this.prepare(parts);
    const err = this.checkWiths(e) ?? this.checkMain(e);
    if (err !== undefined && !(explained && err.fromUnknown)) this.errors.push(err);
  }

  /**
   * Checks the nested calls, the comprehensions and the references of an expression (in that
   * order); true when one of the latter failed, which explains errors about unknown types.
   */
  private prepare(parts: Parts): boolean {
    for (const c of parts.calls) this.nestedCall(c);
    const before = this.errors.length;
    for (const c of parts.closures) this.errors.push(...this.closure(c).errors);
    for (const r of parts.refs) {
      const err = this.checkRefTerm(r);
      if (err !== undefined) this.errors.push(err);
    }
    return this.errors.length > before;
  }

  private nestedCall(c: CallTerm): void {
    if (this.callTypes.has(c)) return;
    const parts = newParts();
    c.args.forEach((a) => collect(a, parts));
    const explained = this.prepare(parts);
    const { type, error } = this.checkCall(c, true);
    this.callTypes.set(c, type);
    if (error !== undefined && !(explained && error.fromUnknown)) this.errors.push(error);
  }

  private checkMain(e: Expr): RegoTypeError | undefined {
    switch (e.type) {
      case 'expr': {
        const [a, b] = e.terms;
        if (b !== undefined) return this.checkEq(a, b, e.loc);
        if (a.type !== 'call') return undefined;
        // A comparison `a == b` standing alone is checked as the unification it amounts to.
        if (staticName(a.operator) === 'equal' && a.args.length === 2) return this.checkEq(a.args[0] as Term, a.args[1] as Term, e.loc);
        return this.checkCall(a, false).error;
      }
      case 'some-in':
        return this.checkSomeIn(e.collection, e.key, e.value, e.loc);
      default:
        return undefined;
    }
  }

  private checkEq(a: Term, b: Term, loc: Location): RegoTypeError | undefined {
    const ta = this.typeOf(a);
    const tb = this.typeOf(b);
    return this.unify2(a, ta, b, tb) ? undefined : matchError(loc, ta, tb);
  }

  /** `some k, v in xs` is `xs[k] = v` for a reference `xs`; other collections type their members. */
  private checkSomeIn(collection: Term, key: Term | undefined, value: Term, loc: Location): RegoTypeError | undefined {
    if (collection.type === 'ref' || (collection.type === 'var' && !isGlobalVar(collection.name))) {
      const k: Term = key ?? { type: 'var', name: `$some${++this.fresh}`, loc: collection.loc };
      const ref: RefTerm =
        collection.type === 'ref'
          ? { ...collection, path: [...collection.path, k] }
          : { type: 'ref', head: collection, path: [k], loc: collection.loc };
      const err = this.checkRefTerm(ref);
      if (err !== undefined) return err;
      return this.checkEq(ref, value, loc);
    }
    const t = this.typeOf(collection);
    if (key) this.unify1(key, keysOf(t) ?? ANY, false);
    this.unify1(value, valuesOf(t) ?? ANY, false);
    return undefined;
  }

  /** A function replaced `with` another function must take as many arguments of fitting types. */
  private checkWiths(e: Expr): RegoTypeError | undefined {
    for (const w of e.with) {
      const target = staticName(w.target);
      const value = w.value.type === 'var' || w.value.type === 'ref' ? staticName(w.value) : undefined;
      const want = target === undefined ? undefined : this.functionType(target);
      const have = value === undefined ? undefined : this.functionType(value);
      if (want?.kind !== 'function' || have?.kind !== 'function' || unifies(want, have)) continue;
      return new RegoTypeError(`${target}: arity mismatch`, w.loc, [`have: ${argsText(have.args)}`, `want: ${argsText(want.args, want.argNames, want.variadic)}`], have.args.some(hasUnknown));
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Calls

  /** The type a call name refers to: a function signature, `any` (a function with errors) or nothing. */
  private functionType(name: string): Type | undefined {
    if (name.startsWith('data.')) {
      const path = name.split('.').slice(1).map((value): Term => ({ type: 'scalar', value, loc: LOC }));
      return this.env.refType('data', path);
    }
    return this.ctx.builtinType(name);
  }

  /**
   * Checks a call's arguments against the signature of what it calls. A nested call has an
   * implicit last argument, its result; a call standing alone may give one explicitly.
   */
  private checkCall(c: CallTerm, nested: boolean): { type: MaybeType; error?: RegoTypeError } {
    const name = staticName(c.operator) ?? callText(c.operator);
    const f = this.functionType(name);
    // Unknown names were reported before; `any` stands for a function whose body has errors.
    if (f?.kind !== 'function') return { type: undefined };
    if (nested && f.result === undefined) {
      return { type: undefined, error: new RegoTypeError(`${callText(c)} used as value`, c.loc, [], false) };
    }
    const wanted: MaybeType[] = f.result === undefined ? [...f.args] : [...f.args, f.result];
    const given = c.args.length + (nested ? 1 : 0);
    const have = (): MaybeType[] => [...c.args.map((a) => this.typeOf(a)), ...(nested ? [undefined] : [])];
    if (given > wanted.length && f.variadic === undefined) return { type: undefined, error: argError(c.loc, name, 'too many arguments', have(), f) };
    if (given < f.args.length) return { type: undefined, error: argError(c.loc, name, 'too few arguments', have(), f) };
    for (let i = 0; i < c.args.length; i++) {
      const want = i < wanted.length ? wanted[i] : f.variadic;
      if (!this.unify1(c.args[i] as Term, want, false)) return { type: undefined, error: argError(c.loc, name, 'invalid argument(s)', have(), f) };
    }
    return { type: f.result };
  }

  private callType(c: CallTerm): MaybeType {
    if (!this.callTypes.has(c)) this.nestedCall(c);
    return this.callTypes.get(c);
  }

  // -------------------------------------------------------------------------------------------
  // Comprehensions

  private closure(c: ComprehensionTerm): ClosureResult {
    let r = this.ctx.closures.get(c);
    if (r === undefined) {
      const inner = BodyChecker.check(this.ctx, this.env, c.body);
      let type: MaybeType;
      if (inner.errors.length === 0) {
        const head = inner.typeOf(c.head);
        if (c.kind === 'array') type = arrayOf(head);
        else if (c.kind === 'set') type = setOf(head);
        else type = dictOf(head, inner.typeOf(c.value as Term));
      }
      r = { type, errors: inner.errors };
      this.ctx.closures.set(c, r);
    }
    return r;
  }

  // -------------------------------------------------------------------------------------------
  // Types of terms

  typeOf(t: Term): MaybeType {
    switch (t.type) {
      case 'scalar':
        return scalarType(t.value);
      case 'var':
        return isGlobalVar(t.name) ? this.env.refType(t.name, []) : this.env.varType(t.name);
      case 'ref':
        return t.head.type === 'var' ? this.env.refType(t.head.name, t.path) : selectPath(this.typeOf(t.head), t.path);
      case 'array':
        return t.items.length === 0 ? arrayOf(ANY) : tuple(t.items.map((i) => this.typeOf(i)));
      case 'set': {
        let of: MaybeType;
        for (const i of t.items) of = or(of, this.typeOf(i));
        return setOf(t.items.length === 0 ? ANY : of);
      }
      case 'object':
        return this.objectTypeOf(t);
      case 'comprehension':
        return this.closure(t).type;
      case 'call':
        return this.callType(t);
      case 'template':
        return STRING;
    }
  }

  private objectTypeOf(t: ObjectTerm): ObjectType {
    if (t.entries.length === 0) return dictOf(ANY, ANY);
    const props: StaticProperty[] = [];
    let dynamic: { key: MaybeType; value: MaybeType } | undefined;
    for (const [k, v] of t.entries) {
      if (k.type === 'scalar') props.push({ key: k.value, value: this.typeOf(v) });
      else dynamic = { key: this.typeOf(k), value: this.typeOf(v) };
    }
    return objectType(props, dynamic);
  }

  // -------------------------------------------------------------------------------------------
  // Unification

  /** Whether `t` can take a value of type `want`; unbound vars in `t` take that type. */
  private unify1(t: Term, want: MaybeType, union: boolean): boolean {
    switch (t.type) {
      case 'array':
        if (want?.kind === 'array') return this.unifyArray(t.items, want, union);
        return want?.kind === 'any' ? this.unifyWithUnion(t, t.items, want.of) : false;
      case 'set':
        if (want?.kind === 'set') return t.items.every((i) => this.unify1(i, valuesOf(want), union));
        return want?.kind === 'any' ? this.unifyWithUnion(t, t.items, want.of) : false;
      case 'object':
        if (want?.kind === 'object') return this.unifyObject(t, want, union);
        return want?.kind === 'any' ? this.unifyWithUnion(t, t.entries.flat(), want.of) : false;
      case 'var': {
        if (isGlobalVar(t.name)) return unifies(this.typeOf(t), want);
        const exist = this.env.varType(t.name);
        if (!union && exist !== undefined) return unifies(exist, want);
        const bound = union ? or(exist, want) : want;
        if (bound !== undefined) this.env.bindVar(t.name, bound);
        return true;
      }
      case 'call': {
        // A call is checked on its own; its result is a fresh var until then.
        const ct = this.typeOf(t);
        return ct === undefined || unifies(ct, want);
      }
      default:
        return unifies(this.typeOf(t), want);
    }
  }

  /** A composite term against a union: any member that fits will do, and each adds its types. */
  private unifyWithUnion(t: Term, parts: Term[], members: readonly Type[]): boolean {
    if (members.length === 0) {
      for (const p of parts) this.unify1(p, ANY, true);
      return true;
    }
    let ok = false;
    for (const m of members) ok = this.unify1(t, m, true) || ok;
    return ok;
  }

  private unifyArray(items: Term[], want: ArrayType, union: boolean): boolean {
    if (items.length !== want.static.length && want.dynamic === undefined) return false;
    return items.every((item, i) => this.unify1(item, i < want.static.length ? want.static[i] : want.dynamic, union));
  }

  private unifyObject(t: ObjectTerm, want: ObjectType, union: boolean): boolean {
    if (t.entries.length !== want.static.length && want.dynamic === undefined) return false;
    for (const [k, v] of t.entries) {
      if (k.type !== 'scalar') {
        this.unify1(v, ANY, union);
        continue;
      }
      const child = select(want, k.value);
      if (child === undefined || !this.unify1(v, child, union)) return false;
    }
    return true;
  }

  /** Whether two terms with the given types can be unified (`a = b`, `a := b`). */
  private unify2(a: Term, ta: MaybeType, b: Term, tb: MaybeType): boolean {
    const unknownA = hasUnknown(ta);
    const unknownB = hasUnknown(tb);
    if (unknownA && !unknownB) return this.unify1(a, tb, false);
    if (unknownB && !unknownA) return this.unify1(b, ta, false);
    if (!unknownA && !unknownB) return unifies(ta, tb);
    if (a.type === 'array') return this.unify2Array(a.items, a, b);
    if (a.type === 'object') return this.unify2Object(a, b);
    if (isVarLike(a)) {
      if (isVarLike(b)) return this.unify1(a, ANY, false) && this.unify1(b, this.typeOf(a), false);
      if (b.type === 'array') return this.unify2Array(b.items, b, a);
      if (b.type === 'object') return this.unify2Object(b, a);
    }
    return false;
  }

  private unify2Array(items: Term[], a: Term, b: Term): boolean {
    if (b.type === 'array') {
      if (items.length !== b.items.length) return false;
      return items.every((x, i) => {
        const y = b.items[i] as Term;
        return this.unify2(x, this.typeOf(x), y, this.typeOf(y));
      });
    }
    if (isVarLike(b)) return this.unify1(a, ANY, false) && this.unify1(b, this.typeOf(a), false);
    return false;
  }

  private unify2Object(a: ObjectTerm, b: Term): boolean {
    if (b.type === 'object') {
      if (a.entries.length !== b.entries.length) return false;
      for (const [k, v] of a.entries) {
        const other = b.entries.find(([k2]) => sameKey(k, k2));
        if (other === undefined) return false;
        if (!this.unify2(v, this.typeOf(v), other[1], this.typeOf(other[1]))) return false;
      }
      return true;
    }
    if (isVarLike(b)) return this.unify1(a, ANY, false) && this.unify1(b, this.typeOf(a), false);
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // References

  /** Checks a reference against the types of what it refers to; binds vars used as its keys. */
  private checkRefTerm(r: RefTerm): RegoTypeError | undefined {
    const ref: Term[] = [r.head, ...r.path];
    if (r.head.type !== 'var') return this.checkRefLeaf(this.typeOf(r.head) ?? ANY, ref, 1);
    const t = this.env.refType(r.head.name, r.path);
    if (t?.kind === 'function') return refUnsupported(ref, ref.length - 1, t);
    return this.checkRef(this.env, this.env.tree, ref, 0);
  }

  private checkRef(curr: TypeEnv, node: TypeNode, ref: Term[], idx: number): RegoTypeError | undefined {
    if (idx === ref.length) return undefined;
    const head = ref[idx] as Term;
    // Below `data`, the first two keys name packages: they are strings.
    if ((idx === 1 || idx === 2) && !isVarLike(head) && !(head.type === 'scalar' && typeof head.value === 'string')) {
      return refInvalid(ref, idx, this.typeOf(head), STRING, node.sortedKeys());
    }
    if (idx !== 0 && isVarLike(head)) {
      const keys = keysOf(extent(node));
      const exist = this.typeOf(head);
      if (exist !== undefined) {
        if (!unifies(keys, exist)) return refInvalid(ref, idx, exist, keys, node.sortedKeys());
      } else if (head.type === 'var' && keys !== undefined) this.env.bindVar(head.name, keys);
    }
    const child = idx === 0 ? (head.type === 'var' ? node.child(head.name) : undefined) : head.type === 'scalar' ? node.child(head.value) : undefined;
    if (child === undefined) {
      if (curr.next) return this.checkRef(curr.next, curr.next.tree, ref, 0);
      const root = ref[0] as Term;
      if (root.type === 'var' && isGlobalVar(root.name)) {
        if (idx === 0) return this.checkRefLeaf(ANY, ref, 1);
        // An unknown document below data: its keys may be anything the children have.
        for (const c of node.children.values()) this.checkRef(curr, c, ref, idx + 1);
        return undefined;
      }
      return this.checkRefLeaf(ANY, ref, 0);
    }
    if (child.leaf) return this.checkRefLeaf(child.value, ref, idx + 1);
    return this.checkRef(curr, child, ref, idx + 1);
  }

  private checkRefLeaf(t: MaybeType, ref: Term[], idx: number): RegoTypeError | undefined {
    if (idx === ref.length) return undefined;
    const head = ref[idx] as Term;
    const keys = keysOf(t);
    if (keys === undefined) return refUnsupported(ref, idx - 1, t);
    switch (head.type) {
      case 'var':
      case 'ref':
      case 'call':
      case 'comprehension':
      case 'template': {
        const exist = this.typeOf(head);
        if (exist !== undefined) {
          if (!unifies(exist, keys)) return refInvalid(ref, idx, exist, keys, oneOfForType(t));
        } else if (head.type === 'var') this.env.bindVar(head.name, keys);
        break;
      }
      case 'array':
      case 'object':
      case 'set':
        if (!this.unify1(head, keys, false)) return refInvalid(ref, idx, this.typeOf(head), keys, []);
        break;
      case 'scalar': {
        const child = select(t, head.value);
        if (child === undefined) return refInvalid(ref, idx, undefined, keys, oneOfForType(t));
        return this.checkRefLeaf(child, ref, idx + 1);
      }
    }
    return this.checkRefLeaf(valuesOf(t), ref, idx + 1);
  }
}

const LOC: Location = { file: '', line: 0, col: 0 };

function scalarType(v: Value): Type {
  if (v === null) return NULL;
  if (typeof v === 'boolean') return BOOLEAN;
  if (typeof v === 'string') return STRING;
  return NUMBER;
}

/** Terms that stand for a single value not known statically: vars, and calls (lifted to vars). */
function isVarLike(t: Term): boolean {
  return (t.type === 'var' && !isGlobalVar(t.name)) || t.type === 'call' || t.type === 'comprehension' || t.type === 'template';
}

function sameKey(a: Term, b: Term): boolean {
  return a.type === 'scalar' && b.type === 'scalar' ? compare(a.value, b.value) === 0 : false;
}

/** The keys an object type (or a union of them) lists, for "want (one of)". */
function oneOfForType(t: MaybeType): Value[] {
  const out: Value[] = [];
  const visit = (x: MaybeType): void => {
    if (x?.kind === 'object') out.push(...x.static.map((p) => p.key));
    else if (x?.kind === 'any') x.of.forEach(visit);
  };
  visit(t);
  return out.sort(compare).filter((v, i, all) => i === 0 || compare(v, all[i - 1] as Value) !== 0);
}
