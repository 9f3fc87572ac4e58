// The core of the evaluator: a synchronous, continuation-passing interpreter of bodies, terms
// and unification. Each step evaluates one expression and calls the continuation for every way
// it succeeds; bindings are undone on return, so backtracking is simply returning. A
// continuation returns true to stop the enumeration early (a `not`, an existence check, an
// early exit). Documents under `data` and calls are the subclass's job (evaluator.ts).

import type { ArrayTerm, Body, CallTerm, Location, ComprehensionTerm, EveryExpr, Expr, ObjectTerm, RefTerm, SetTerm, SomeInExpr, TemplateStringTerm, Term, WithModifier } from '../ast/types.ts';
import { isGroundTerm, staticName } from '../compile/terms.ts';
import { overBudget } from '../builtins/budget.ts';
import { RegoError } from '../errors.ts';
import { canonicalText, equal, keyOf, RObject, RSet, type Value } from '../value/value.ts';
import { Bindings } from './bindings.ts';
import { Caches, NONE } from './caches.ts';
import { InputReads } from './input-reads.ts';
import { addOverride, setPath, type DataOverride, type FunctionOverride } from './overrides.ts';
import type { EvalSettings } from './settings.ts';

export type K = () => boolean;

/** What the budget's refusal of a too large comprehension names. */
const COMPREHENSION = 'comprehension';

/** The continuation that stops at the first solution. */
const FOUND: K = () => true;

/** Marks a term that needs full (continuation-passing) evaluation. */
export const SLOW = Symbol('slow');

/** `data` and `input`, which are never bound as local vars (kept local: this is hot). */
const isRoot = (name: string): boolean => name === 'data' || name === 'input';
export type VK = (v: Value) => boolean;

/** What a `with` replaces while it is in effect. */
interface Scope {
  input: Value | undefined;
  overrides: DataOverride | undefined;
  fns: Map<string, FunctionOverride> | undefined;
  caches: Caches;
}

/** What `quickTest` needs of a plain expression without `with`: its term, and whether it is negated. */
export interface Test {
  term: Term;
  call: CallTerm | undefined;
  negated: boolean;
  /** The test as a filter of a var's candidate values, made by the evaluator when first needed. */
  filter: unknown;
}

const NOT_A_TEST = Symbol('not a test');

/**
 * An expression with its test, made when the body is first evaluated and kept on the expression:
 * expressions come in many shapes, so reading the few fields a test needs from a single
 * object of one shape is cheaper on every evaluation.
 */
interface Tested {
  test?: Test | typeof NOT_A_TEST;
}

function testOf(e: Expr): Test | typeof NOT_A_TEST {
  let test: Test | typeof NOT_A_TEST = NOT_A_TEST;
  if (e.type === 'expr' && e.op === 'term' && e.with.length === 0) {
    const term = e.terms[0];
    test = { term, call: term.type === 'call' ? term : undefined, negated: e.negated, filter: undefined };
  }
  (e as Tested).test = test;
  return test;
}

/**
 * `some x in coll` with x already bound: k once for every element of coll equal to x (a set has
 * it at most once; nothing for scalars).
 */
function eachEqual(coll: Value, x: Value, k: K): boolean {
  if (coll instanceof RSet) return coll.has(x) && k();
  if (Array.isArray(coll)) {
    // A string equals only the same string: compared in the loop rather than by `equal`.
    if (typeof x === 'string') {
      for (let i = 0; i < coll.length; i++) if (coll[i] === x && k()) return true;
      return false;
    }
    for (let i = 0; i < coll.length; i++) if (equal(coll[i] as Value, x) && k()) return true;
  } else if (coll instanceof RObject) {
    const entries = coll.entries();
    for (let i = 0; i < entries.length; i++) if (equal((entries[i] as [Value, Value])[1], x) && k()) return true;
  }
  return false;
}

/** A reusable continuation: evaluate `body` from expression `i`, then `k`. */
export class RestOfBody {
  body: Body = [];
  i = 0;
  k: K = FOUND;
  readonly run: K;

  constructor(frame: Frame) {
    this.run = () => frame.evalBody(this.body, this.i, this.k);
  }
}

export abstract class Frame {
  /** Bindings of the current frame (a rule body or the query); undefined means unbound. */
  b = new Bindings();
  protected input: Value | undefined;
  protected readonly data: Value;
  protected overrides: DataOverride | undefined;
  protected fnOverrides: Map<string, FunctionOverride> | undefined;
  /** The caches in effect: the frame's own, or a `with` scope's. */
  protected caches: Caches;
  /** The frame's own caches, emptied after each evaluation and used again. */
  private readonly home = new Caches();
  /**
   * Whether the order of solutions can be observed (query rows, array comprehensions). Rule
   * bodies and set/object comprehensions collect into unordered documents, so they may
   * enumerate sets without sorting them.
   */
  protected ordered = true;
  private steps = 0;
  /**
   * Continuations "the rest of a body", by nesting depth. Continuations are only called while the
   * expression they were given to runs, so each is free again once that expression returns.
   */
  private readonly rests: RestOfBody[] = [];
  private restDepth = 0;
  /** Vars bound in place by quickAssign, innermost last; evalBody unbinds its own before returning. */
  private readonly assigned: string[] = [];
  private assignedTop = 0;
  /** Reads of the input along constant keys in this evaluation (prepared evaluations only). */
  private readonly inputReads = new InputReads();
  private keepInputReads = false;

  constructor(readonly s: EvalSettings) {
    this.input = s.input;
    this.data = s.data;
    this.caches = this.home;
  }

  /** Evaluates `data` followed by path terms. */
  protected abstract evalDataRef(path: Term[], k: VK): boolean;

  /** Evaluates a call; an argument beyond the arity is the output to unify with. */
  abstract evalCall(t: CallTerm, k: VK): boolean;

  /** Whether a name is a function or builtin (a `with` on it replaces the function). */
  protected abstract isFunctionName(name: string): boolean;

  /**
   * `some name in coll` without building the collection when it is a set of rules whose members
   * can go to `k` as they are produced; SLOW when it is not.
   */
  protected abstract streamMembers(coll: Term, name: string, k: K): boolean | typeof SLOW;

  /**
   * `some name in xs` as the last expression of a streamed set rule whose member is `name`: each
   * element goes straight to the stream's consumer (see Evaluator.yieldEach). SLOW otherwise.
   */
  protected abstract yieldEach(name: string, values: readonly Value[], k: K): boolean | typeof SLOW;

  /**
   * `some name in values` followed by a test of name alone (`startswith(name, "a")`): each value
   * is tested before it is bound, and only those that pass go on to the rest of the body. SLOW
   * when `k` is no such body.
   */
  protected abstract filterEach(name: string, values: readonly Value[], k: K): boolean | typeof SLOW;

  /** The value of a call computed without continuations, or SLOW (see quickValue). */
  protected abstract quickCall(t: CallTerm): Value | undefined | typeof SLOW;

  /** The value of `data` followed by path terms without continuations, or SLOW. */
  protected abstract quickData(t: RefTerm): Value | undefined | typeof SLOW;

  // -------------------------------------------------------------------------------------------
  // Bodies and expressions

  evalBody(body: Body, i: number, k: K): boolean {
    // Tests (expressions with one value that bind nothing) are decided in place, and so are
    // assignments of one value to an unbound var (undone before returning); only an expression
    // that enumerates gets a continuation: the rest of the body.
    const mark = this.assignedTop;
    for (; i < body.length; i++) {
      const e = body[i] as Expr;
      this.step(e);
      const passed = this.quickTest(e);
      if (passed === SLOW) {
        const assigned = this.quickAssign(e);
        if (assigned === SLOW) break;
        if (!assigned) return this.unassign(mark, false);
        continue;
      }
      if (!passed) return this.unassign(mark, false);
    }
    if (i === body.length) return this.unassign(mark, k());
    const e = body[i] as Expr;
    if (i === body.length - 1) return this.unassign(mark, this.evalStepped(e, k));
    // The rest of the body is a continuation from the pool, held while this expression runs.
    const depth = this.restDepth++;
    const rest = this.rests[depth] ?? (this.rests[depth] = new RestOfBody(this));
    rest.body = body;
    rest.i = i + 1;
    rest.k = k;
    try {
      return this.unassign(mark, this.evalStepped(e, rest.run));
    } finally {
      this.restDepth = depth;
    }
  }

  /**
   * `x = v` or `v = x` (also `:=`) with x an unbound local var and v a term with at most one
   * value that binds nothing: binds x in place, as unification would, and records it for
   * `unassign`. False when v is undefined; SLOW for any other expression.
   */
  private quickAssign(e: Expr): boolean | typeof SLOW {
    if (e.type !== 'expr' || e.op === 'term' || e.negated || e.with.length > 0) return SLOW;
    const [a, b] = e.terms as [Term, Term];
    let name: string;
    let other: Term;
    if (a.type === 'var' && !isRoot(a.name) && this.b.get(a.name) === undefined) {
      name = a.name;
      other = b;
    } else if (b.type === 'var' && !isRoot(b.name) && this.b.get(b.name) === undefined) {
      name = b.name;
      other = a;
    } else return SLOW;
    if (this.isPattern(other)) return SLOW;
    const v = this.quickValue(other);
    if (v === SLOW) return SLOW;
    if (v === undefined) return false;
    this.b.set(name, v);
    this.assigned[this.assignedTop++] = name;
    return true;
  }

  /** Unbinds the vars quickAssign bound since `mark` (in the current frame); returns r. */
  private unassign(mark: number, r: boolean): boolean {
    while (this.assignedTop > mark) this.b.set(this.assigned[--this.assignedTop] as string, undefined);
    return r;
  }

  /**
   * The rest of a body that `k` stands for, when `k` is a pooled continuation in use: whoever
   * enumerates values for it may look at the expression it starts with.
   */
  protected restOf(k: K): RestOfBody | undefined {
    for (let d = this.restDepth - 1; d >= 0; d--) {
      const rest = this.rests[d] as RestOfBody;
      if (rest.run === k) return rest;
    }
    return undefined;
  }

  /** An expression's test (see quickTest), or undefined when it is not one. */
  protected testAt(e: Expr): Test | undefined {
    const test = (e as Tested).test ?? testOf(e);
    return test === NOT_A_TEST ? undefined : test;
  }

  /** Whether a test expression holds, decided without continuations; SLOW for anything else. */
  private quickTest(e: Expr): boolean | typeof SLOW {
    const test = (e as Tested).test ?? testOf(e);
    if (test === NOT_A_TEST) return SLOW;
    const q = test.call !== undefined ? this.quickCall(test.call) : this.quickValue(test.term);
    if (q === SLOW) return SLOW;
    return (q !== undefined && q !== false) !== test.negated;
  }

  /** Cancels the evaluation when a value being built has grown past the budget's size cap. */
  protected checkBuilt(size: number, what: string, loc: Location): void {
    const max = this.s.ctx.maxValueSize;
    if (max !== undefined && size > max) throw overBudget(what, size, max, loc);
  }

  /**
   * Every evaluation step passes here: each expression of every body, before it is evaluated.
   * Budgets on an evaluation (time, work) belong here and nowhere else; it throws to cancel.
   */
  protected step(e: Expr): void {
    if (this.s.coverage) this.s.coverage.add(`${e.loc.file}:${e.loc.line}`);
    if (this.s.deadline !== undefined && (++this.steps & 255) === 0 && performance.now() > this.s.deadline) {
      throw new RegoError('eval_cancel_error', 'caller cancelled query execution', e.loc);
    }
  }

  /**
   * Makes the frame ready for another evaluation with `input`: a prepared query runs every
   * evaluation on one frame, so its binding storage is reused rather than allocated again.
   */
  begin(input: Value | undefined): void {
    this.input = input;
    this.overrides = undefined;
    this.fnOverrides = undefined;
    this.caches = this.home;
    this.ordered = true;
    this.steps = 0;
    this.restDepth = 0;
    this.assignedTop = 0;
    this.keepInputReads = true;
    if (this.s.timeoutMs !== undefined) this.s.deadline = performance.now() + this.s.timeoutMs;
  }

  /**
   * Lets go of the last evaluation's input and documents (so they can be collected). After an
   * evaluation that threw, bindings may still be set: the frame's storage is replaced.
   */
  end(failed: boolean): void {
    this.input = undefined;
    this.inputReads.clear();
    this.keepInputReads = false;
    this.home.clear();
    this.caches = this.home;
    // Pooled continuations let go of the last evaluation's continuations (and what they hold).
    for (const rest of this.rests) rest.k = FOUND;
    if (failed) this.b = new Bindings();
  }

  protected evalExpr(e: Expr, k: K): boolean {
    this.step(e);
    return this.evalStepped(e, k);
  }

  /** evalExpr once the step has been taken. */
  private evalStepped(e: Expr, k: K): boolean {
    if (e.with.length > 0) return this.evalWith(e, k);
    if (e.negated) {
      const found = this.evalPositive(e, FOUND);
      return found ? false : k();
    }
    return this.evalPositive(e, k);
  }

  protected evalPositive(e: Expr, k: K): boolean {
    switch (e.type) {
      case 'expr': {
        if (e.op !== 'term') return this.unify(e.terms[0], e.terms[1] as Term, k);
        const t = e.terms[0];
        const q = t.type === 'call' ? this.quickCall(t) : this.quickValue(t);
        if (q !== SLOW) return q !== undefined && q !== false ? k() : false;
        return this.evalTruthy(t, k);
      }
      case 'some-decl':
        return k();
      case 'some-in':
        return this.evalSomeIn(e, k);
      case 'every':
        return this.evalEvery(e, k);
    }
  }

  // Hot methods keep the closures of their slow paths in separate methods: a closure that
  // captures a parameter makes V8 allocate a context on every call of its method, slow path or not.

  /** A term that must be defined and not false, evaluated with continuations. */
  private evalTruthy(t: Term, k: K): boolean {
    const truthy = (v: Value) => (v !== false ? k() : false);
    return t.type === 'call' ? this.evalCall(t, truthy) : this.evalTerm(t, truthy);
  }

  protected evalSomeIn(e: SomeInExpr, k: K): boolean {
    const v = e.value;
    if (e.key === undefined && v.type === 'var' && !isRoot(v.name)) {
      const bound = this.b.get(v.name);
      if (bound === undefined) {
        const streamed = this.streamMembers(e.collection, v.name, k);
        if (streamed !== SLOW) return streamed;
      }
      const coll = this.quickValue(e.collection);
      if (coll !== SLOW) return coll !== undefined && (bound === undefined ? this.bindEach(v.name, coll, k) : eachEqual(coll, bound, k));
    }
    return this.evalSomeInSlow(e, k);
  }

  private evalSomeInSlow(e: SomeInExpr, k: K): boolean {
    const v = e.value;
    if (e.key === undefined && v.type === 'var' && this.b.get(v.name) === undefined && !isRoot(v.name)) {
      return this.evalTerm(e.collection, (c) => this.bindEach(v.name, c, k));
    }
    return this.evalTerm(e.collection, (coll) =>
      this.iterate(coll, (key, val) => {
        if (e.key === undefined) return this.unifyValue(e.value, val, k);
        return this.unifyValue(e.key, key, () => this.unifyValue(e.value, val, k));
      }),
    );
  }

  /** Binds a var to each element of a collection in turn (the common `some x in xs`). */
  private bindEach(name: string, coll: Value, k: K): boolean {
    const values = Array.isArray(coll)
      ? coll
      : coll instanceof RSet
        ? this.ordered
          ? coll.values()
          : coll.unorderedValues()
        : coll instanceof RObject
          ? coll.values()
          : undefined;
    if (values === undefined) return false;
    const yielded = this.yieldEach(name, values, k);
    if (yielded !== SLOW) return yielded;
    try {
      const filtered = this.filterEach(name, values, k);
      if (filtered !== SLOW) return filtered;
      for (let i = 0; i < values.length; i++) {
        this.b.set(name, values[i] as Value);
        if (k()) return true;
      }
      return false;
    } finally {
      this.b.set(name, undefined);
    }
  }

  /** Calls fn(key, value) for each element of a collection; nothing for scalars. */
  protected iterate(coll: Value, fn: (k: Value, v: Value) => boolean): boolean {
    if (Array.isArray(coll)) {
      for (let i = 0; i < coll.length; i++) if (fn(i, coll[i] as Value)) return true;
    } else if (coll instanceof RObject) {
      for (const [key, v] of coll.entries()) if (fn(key, v)) return true;
    } else if (coll instanceof RSet) {
      for (const v of this.ordered ? coll.values() : coll.unorderedValues()) if (fn(v, v)) return true;
    }
    return false;
  }

  protected evalEvery(e: EveryExpr, k: K): boolean {
    let ok = true;
    const defined = this.evalTerm(e.domain, (dom) => {
      if (!(Array.isArray(dom) || dom instanceof RObject || dom instanceof RSet)) return false;
      this.iterate(dom, (key, val) => {
        const found = this.bindVars(e, key, val, () => this.evalBody(e.body, 0, FOUND));
        if (!found) ok = false;
        return !ok;
      });
      return true;
    });
    return defined && ok ? k() : false;
  }

  protected bindVars(e: EveryExpr, key: Value, val: Value, k: K): boolean {
    if (e.key === undefined) return this.unifyValue(e.value, val, k);
    return this.unifyValue(e.key, key, () => this.unifyValue(e.value, val, k));
  }

  // -------------------------------------------------------------------------------------------
  // with

  protected evalWith(e: Expr, k: K): boolean {
    const inner: Expr = { ...e, with: [] };
    return this.withScope(e.with, (next) => this.evalExpr(inner, next), k);
  }

  /** Runs `run` with the modifiers in effect; its continuation runs without them. */
  protected withScope(mods: WithModifier[], run: (k: K) => boolean, k: K): boolean {
    const saved: Scope = { input: this.input, overrides: this.overrides, fns: this.fnOverrides, caches: this.caches };
    let input = this.input;
    let overrides = this.overrides;
    let fns = this.fnOverrides;
    for (const w of mods) {
      const value = this.firstValue(w.value);
      const target = w.target;
      const name = staticName(target);
      const head = target.type === 'ref' ? target.head : target;
      if (head.type === 'var' && head.name === 'input') {
        if (value === undefined) return false;
        const path = target.type === 'ref' ? target.path.map((p) => this.groundKey(p)) : [];
        input = setPath(input, path, value);
        continue;
      }
      const fnTarget = name !== undefined && this.isFunctionName(name);
      if (head.type === 'var' && head.name === 'data' && !fnTarget) {
        if (value === undefined) return false;
        const path = target.type === 'ref' ? target.path.map((p) => String(this.groundKey(p))) : [];
        overrides = addOverride(overrides, path, value);
        continue;
      }
      if (name === undefined) continue;
      const replacement = this.functionReplacement(w);
      if (replacement === undefined && value === undefined) return false;
      fns = new Map(fns ?? []);
      fns.set(name, replacement ?? { kind: 'value', value: value as Value });
    }
    const scoped: Scope = { input, overrides, fns, caches: new Caches() };
    this.setScope(scoped);
    try {
      return run(() => {
        this.setScope(saved);
        try {
          return k();
        } finally {
          this.setScope(scoped);
        }
      });
    } finally {
      this.setScope(saved);
    }
  }

  protected setScope(s: Scope): void {
    this.input = s.input;
    this.overrides = s.overrides;
    this.fnOverrides = s.fns;
    this.caches = s.caches;
  }

  protected functionReplacement(w: WithModifier): FunctionOverride | undefined {
    const name = staticName(w.value);
    if (name !== undefined && (w.value.type === 'var' || w.value.type === 'ref') && this.isFunctionName(name)) {
      return { kind: 'function', name };
    }
    return undefined;
  }

  protected groundKey(t: Term): Value {
    const v = this.firstValue(t);
    if (v === undefined) throw new RegoError('eval_internal_error', 'with target path must be ground', t.loc);
    return v;
  }

  /**
   * The value of a term that has at most one, computed without continuations: a constant, a
   * bound var, a ref along constant or bound keys, a builtin call or array of such terms; SLOW
   * for anything else (it needs full evaluation). Undefined when the term is.
   */
  protected quickValue(t: Term): Value | undefined | typeof SLOW {
    switch (t.type) {
      case 'scalar':
        return t.value;
      case 'var': {
        const v = this.b.get(t.name);
        return v !== undefined ? v : t.name === 'input' ? this.input : SLOW;
      }
      case 'call':
        return this.quickCall(t);
      case 'array':
        return this.quickArray(t);
      case 'ref':
        break;
      default:
        return SLOW;
    }
    if (t.head.type !== 'var') return SLOW;
    const name = t.head.name;
    let v = this.b.get(name);
    if (v === undefined) {
      if (name === 'data') return this.quickData(t);
      if (name !== 'input') return SLOW;
      v = this.input;
      if (v === undefined) return undefined;
      if (this.keepInputReads) return this.readInput(v, t.path);
    }
    for (const p of t.path) {
      const key = p.type === 'scalar' ? p.value : p.type === 'var' ? this.b.get(p.name) : undefined;
      if (key === undefined) return SLOW;
      const child: Value | undefined = lookup(v, key);
      if (child === undefined) return undefined;
      v = child;
    }
    return v;
  }

  /** `input` along `path`, kept for the rest of the evaluation when every key is a constant. */
  private readInput(input: Value, path: Term[]): Value | undefined | typeof SLOW {
    const kept = this.inputReads.get(input, path);
    if (kept !== undefined) return kept === NONE ? undefined : kept;
    let constant = true;
    let v: Value = input;
    for (let i = 0; i < path.length; i++) {
      const p = path[i] as Term;
      const key = p.type === 'scalar' ? p.value : p.type === 'var' ? this.b.get(p.name) : undefined;
      if (key === undefined) return SLOW;
      if (p.type !== 'scalar') constant = false;
      const child: Value | undefined = lookup(v, key);
      if (child === undefined) {
        if (constant && path.every((q) => q.type === 'scalar')) this.inputReads.keep(input, path, undefined);
        return undefined;
      }
      v = child;
    }
    if (constant) this.inputReads.keep(input, path, v);
    return v;
  }

  private quickArray(t: ArrayTerm): Value[] | undefined | typeof SLOW {
    const c = constantOf(t);
    if (c !== undefined) return c as Value[];
    const items = t.items;
    const out: Value[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const v = this.quickValue(items[i] as Term);
      if (v === SLOW || v === undefined) return v;
      out[i] = v;
    }
    return out;
  }

  /** The first value of a term, or undefined. */
  firstValue(t: Term): Value | undefined {
    const q = this.quickValue(t);
    return q === SLOW ? this.firstValueSlow(t) : q;
  }

  private firstValueSlow(t: Term): Value | undefined {
    let out: Value | undefined;
    this.evalTerm(t, (v) => {
      out = v;
      return true;
    });
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Terms

  evalTerm(t: Term, k: VK): boolean {
    switch (t.type) {
      case 'scalar':
        return k(t.value);
      case 'var': {
        const v = this.b.get(t.name);
        if (v !== undefined) return k(v);
        if (t.name === 'input') return this.input === undefined ? false : k(this.input);
        if (t.name === 'data') return this.evalDataRef([], k);
        return false;
      }
      case 'ref':
        return this.evalRef(t, k);
      case 'array':
      case 'set':
      case 'object': {
        const c = constantOf(t);
        if (c !== undefined) return k(c);
        return this.evalComposite(t, k);
      }
      case 'comprehension':
        return this.evalComprehension(t, k);
      case 'call': {
        const q = this.quickCall(t);
        if (q !== SLOW) return q === undefined ? false : k(q);
        return this.evalCall(t, k);
      }
      case 'template':
        return this.evalTemplate(t, k);
    }
  }

  private evalComposite(t: ArrayTerm | SetTerm | ObjectTerm, k: VK): boolean {
    if (t.type === 'object') {
      const q = this.quickObject(t);
      if (q !== SLOW) return q === undefined ? false : k(q);
      return this.evalObject(t.entries, 0, new Map(), k);
    }
    if (t.type === 'set') return this.evalList(t.items, 0, [], (items) => k(new RSet(items)));
    return this.evalList(t.items, 0, [], k);
  }

  /** An object literal with constant string keys and quick values, built without continuations. */
  private quickObject(t: ObjectTerm): RObject | undefined | typeof SLOW {
    const keys = stringKeysOf(t);
    if (keys === undefined) return SLOW;
    // Small objects are built straight into their entry list.
    const n = keys.length;
    const small = RObject.isSmall(n);
    const out: Value[] = new Array(small ? 2 * n : n);
    for (let i = 0; i < n; i++) {
      const v = this.quickValue((t.entries[i] as [Term, Term])[1]);
      if (v === SLOW || v === undefined) return v;
      if (small) {
        out[2 * i] = keys[i] as string;
        out[2 * i + 1] = v;
      } else out[i] = v;
    }
    return small ? RObject.fromEntryList(out) : RObject.fromStringKeys(keys, out);
  }

  protected evalList(items: Term[], i: number, acc: Value[], k: (vs: Value[]) => boolean): boolean {
    if (i === items.length) return k(acc.slice());
    return this.evalTerm(items[i] as Term, (v) => {
      acc[i] = v;
      return this.evalList(items, i + 1, acc, k);
    });
  }

  protected evalObject(entries: [Term, Term][], i: number, acc: Map<number, [Value, Value]>, k: VK): boolean {
    if (i === entries.length) {
      const o = new RObject();
      for (const [key, v] of acc.values()) o.set(key, v);
      return k(o);
    }
    const [kt, vt] = entries[i] as [Term, Term];
    return this.evalTerm(kt, (key) =>
      this.evalTerm(vt, (v) => {
        acc.set(i, [key, v]);
        return this.evalObject(entries, i + 1, acc, k);
      }),
    );
  }

  protected evalComprehension(t: ComprehensionTerm, k: VK): boolean {
    const ordered = this.ordered;
    this.ordered = t.kind === 'array';
    let value: Value;
    try {
      value = this.collect(t);
    } finally {
      this.ordered = ordered;
    }
    return k(value);
  }

  private collect(t: ComprehensionTerm): Value {
    if (t.kind === 'array') {
      const out: Value[] = [];
      this.evalBody(t.body, 0, () => this.evalTerm(t.head, (v) => (out.push(v), this.checkBuilt(out.length, COMPREHENSION, t.loc), false)));
      return out;
    }
    if (t.kind === 'set') {
      const out = new RSet();
      this.evalBody(t.body, 0, () => this.evalTerm(t.head, (v) => (out.add(v), this.checkBuilt(out.size, COMPREHENSION, t.loc), false)));
      return out;
    }
    const out = new RObject();
    this.evalBody(t.body, 0, () =>
      this.evalTerm(t.head, (key) =>
        this.evalTerm(t.value as Term, (v) => {
          const existing = out.get(key);
          if (existing !== undefined && !equal(existing, v)) {
            throw new RegoError('eval_conflict_error', 'object keys must be unique', t.loc);
          }
          out.set(key, v);
          this.checkBuilt(out.size, COMPREHENSION, t.loc);
          return false;
        }),
      ),
    );
    return out;
  }

  protected evalTemplate(t: TemplateStringTerm, k: VK): boolean {
    let out = '';
    for (let i = 0; i < t.parts.length; i++) {
      const p = t.parts[i] as string | Term;
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const values: Value[] = [];
      const mods = t.withs?.[i];
      if (mods !== undefined && mods.length > 0) {
        this.withScope(mods, (next) => this.evalTerm(p, (v) => (values.push(v), values.length > 1 || next())), () => false);
      } else this.evalTerm(p, (v) => (values.push(v), values.length > 1));
      if (values.length > 1) {
        throw new RegoError('eval_conflict_error', 'template expression produced multiple outputs', p.loc);
      }
      const v = values[0];
      out += v === undefined ? '<undefined>' : typeof v === 'string' ? v : canonicalText(v);
    }
    return k(out);
  }

  // -------------------------------------------------------------------------------------------
  // Refs

  protected evalRef(t: RefTerm, k: VK): boolean {
    const head = t.head;
    if (head.type === 'var') {
      const bound = this.b.get(head.name);
      if (bound !== undefined) return this.evalPath(bound, t.path, 0, k);
      if (head.name === 'data') {
        const q = this.quickData(t);
        if (q !== SLOW) return q === undefined ? false : k(q);
        return this.evalDataRef(t.path, k);
      }
      if (head.name === 'input') return this.input === undefined ? false : this.evalPath(this.input, t.path, 0, k);
      return false;
    }
    return this.evalRefHead(t, k);
  }

  private evalRefHead(t: RefTerm, k: VK): boolean {
    return this.evalTerm(t.head, (v) => this.evalPath(v, t.path, 0, k));
  }

  /** Walks a value along ref path terms, enumerating unbound vars. */
  evalPath(v: Value, path: Term[], i: number, k: VK): boolean {
    // Constant and bound keys are looked up in a loop; only the rest needs continuations.
    for (; i < path.length; i++) {
      const p = path[i] as Term;
      const key = p.type === 'scalar' ? p.value : p.type === 'var' ? this.b.get(p.name) : undefined;
      if (key === undefined) break;
      const child = lookup(v, key);
      if (child === undefined) return false;
      v = child;
    }
    if (i === path.length) return k(v);
    return this.evalPathStep(v, path, i, k);
  }

  /** evalPath at a key that needs evaluation or enumeration. */
  private evalPathStep(v: Value, path: Term[], i: number, k: VK): boolean {
    const p = path[i] as Term;
    if (p.type === 'scalar') {
      const child = lookup(v, p.value);
      return child === undefined ? false : this.evalPath(child, path, i + 1, k);
    }
    if (p.type === 'var') {
      const key = this.b.get(p.name);
      if (key !== undefined) {
        const child = lookup(v, key);
        return child === undefined ? false : this.evalPath(child, path, i + 1, k);
      }
      if (isRoot(p.name)) {
        return this.evalTerm(p, (key) => {
          const child = lookup(v, key);
          return child === undefined ? false : this.evalPath(child, path, i + 1, k);
        });
      }
      const name = p.name;
      return this.iterate(v, (key, child) => {
        this.b.set(name, key);
        const r = this.evalPath(child, path, i + 1, k);
        this.b.set(name, undefined);
        return r;
      });
    }
    if (this.isPattern(p)) {
      return this.iterate(v, (key, child) => this.unifyValue(p, key, () => this.evalPath(child, path, i + 1, k)));
    }
    return this.evalTerm(p, (key) => {
      const child = lookup(v, key);
      return child === undefined ? false : this.evalPath(child, path, i + 1, k);
    });
  }

  protected isUnboundKey(p: Term): boolean {
    if (p.type === 'var') return this.b.get(p.name) === undefined && !isRoot(p.name);
    return this.isPattern(p);
  }

  // -------------------------------------------------------------------------------------------
  // Unification

  /** True when the term holds unbound vars in positions unification can bind. */
  isPattern(t: Term): boolean {
    switch (t.type) {
      case 'var':
        return this.b.get(t.name) === undefined && !isRoot(t.name);
      case 'array':
        return t.items.some((i) => this.isPattern(i));
      case 'object':
        return t.entries.some(([, v]) => this.isPattern(v));
      default:
        return false;
    }
  }

  unify(a: Term, b: Term, k: K): boolean {
    const pa = this.isPattern(a);
    const pb = this.isPattern(b);
    if (!pa && !pb) {
      const qa = this.quickValue(a);
      const qb = this.quickValue(b);
      if (qa !== SLOW && qb !== SLOW) return qa !== undefined && qb !== undefined && equal(qa, qb) ? k() : false;
    }
    if (pa && !pb) {
      const qb = this.quickValue(b);
      if (qb !== SLOW) return qb === undefined ? false : this.unifyValue(a, qb, k);
    }
    return this.unifySlow(a, b, pa, pb, k);
  }

  private unifySlow(a: Term, b: Term, pa: boolean, pb: boolean, k: K): boolean {
    if (!pa && !pb) return this.evalTerm(a, (va) => this.evalTerm(b, (vb) => (equal(va, vb) ? k() : false)));
    if (pa && !pb) return this.evalTerm(b, (vb) => this.unifyValue(a, vb, k));
    if (pb && !pa) return this.evalTerm(a, (va) => this.unifyValue(b, va, k));
    if (a.type === 'array' && b.type === 'array') {
      if (a.items.length !== b.items.length) return false;
      return this.unifyPairs(a.items.map((x, i) => [x, b.items[i] as Term]), k);
    }
    if (a.type === 'object' && b.type === 'object') {
      if (a.entries.length !== b.entries.length) return false;
      return this.evalObjectPairs(a.entries, b.entries, k);
    }
    return false;
  }

  protected unifyPairs(pairs: [Term, Term][], k: K): boolean {
    if (pairs.length === 0) return k();
    let idx = pairs.findIndex(([x, y]) => !this.isPattern(x) || !this.isPattern(y));
    if (idx < 0) idx = 0;
    const [x, y] = pairs[idx] as [Term, Term];
    const rest = pairs.filter((_, i) => i !== idx);
    return this.unify(x, y, () => this.unifyPairs(rest, k));
  }

  protected evalObjectPairs(a: [Term, Term][], b: [Term, Term][], k: K): boolean {
    const keysA: Value[] = [];
    for (const [kt] of a) {
      const v = this.firstValue(kt);
      if (v === undefined) return false;
      keysA.push(v);
    }
    const byKey = new Map<string, Term>();
    for (const [kt, vt] of b) {
      const v = this.firstValue(kt);
      if (v === undefined) return false;
      byKey.set(keyOf(v), vt);
    }
    const pairs: [Term, Term][] = [];
    for (let i = 0; i < a.length; i++) {
      const other = byKey.get(keyOf(keysA[i] as Value));
      if (other === undefined) return false;
      pairs.push([(a[i] as [Term, Term])[1], other]);
    }
    return this.unifyPairs(pairs, k);
  }

  /** Unifies a term (possibly with unbound vars) with a value. */
  unifyValue(p: Term, v: Value, k: K): boolean {
    switch (p.type) {
      case 'var': {
        const cur = this.b.get(p.name);
        if (cur !== undefined) return equal(cur, v) ? k() : false;
        if (isRoot(p.name)) return this.equalsEvaluated(p, v, k);
        this.b.set(p.name, v);
        const r = k();
        this.b.set(p.name, undefined);
        return r;
      }
      case 'scalar':
        return equal(p.value, v) ? k() : false;
      case 'array':
        if (!Array.isArray(v) || v.length !== p.items.length) return false;
        return this.unifyItems(p.items, v, 0, k);
      case 'object': {
        if (!(v instanceof RObject) || v.size !== p.entries.length) return false;
        if (!this.isPattern(p)) return this.equalsEvaluated(p, v, k);
        return this.unifyEntries(p.entries, v, 0, k);
      }
      default:
        return this.equalsEvaluated(p, v, k);
    }
  }

  /** Succeeds for each value of `p` equal to `v`. */
  private equalsEvaluated(p: Term, v: Value, k: K): boolean {
    return this.evalTerm(p, (x) => (equal(x, v) ? k() : false));
  }

  protected unifyItems(items: Term[], v: Value[], i: number, k: K): boolean {
    if (i === items.length) return k();
    return this.unifyValue(items[i] as Term, v[i] as Value, () => this.unifyItems(items, v, i + 1, k));
  }

  protected unifyEntries(entries: [Term, Term][], v: RObject, i: number, k: K): boolean {
    if (i === entries.length) return k();
    const [kt, vt] = entries[i] as [Term, Term];
    return this.evalTerm(kt, (key) => {
      const child = v.get(key);
      return child === undefined ? false : this.unifyValue(vt, child, () => this.unifyEntries(entries, v, i + 1, k));
    });
  }
}

/** Looks up a key in a collection; undefined when absent or not a collection. */
export function lookup(v: Value, key: Value): Value | undefined {
  if (v instanceof RObject) return typeof key === 'string' ? v.getStr(key) : v.get(key);
  if (Array.isArray(v)) {
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= v.length) return undefined;
    return v[key];
  }
  if (v instanceof RSet) return v.has(key) ? key : undefined;
  return undefined;
}

const stringKeys = new WeakMap<ObjectTerm, string[] | null>();

/** The keys of an object literal when all are distinct constant strings (computed once). */
function stringKeysOf(t: ObjectTerm): string[] | undefined {
  let keys = stringKeys.get(t);
  if (keys === undefined) {
    const ks = t.entries.map(([k]) => (k.type === 'scalar' && typeof k.value === 'string' ? k.value : undefined));
    keys = ks.every((k) => k !== undefined) && new Set(ks).size === ks.length ? (ks as string[]) : null;
    stringKeys.set(t, keys);
  }
  return keys ?? undefined;
}

const groundValues = new WeakMap<Term, Value | null>();

/** The value of a composite literal without vars (computed once), else undefined. */
function constantOf(t: Term): Value | undefined {
  const cached = groundValues.get(t);
  if (cached !== undefined) return cached === null ? undefined : cached;
  const v = isGroundTerm(t) ? literalValue(t) : undefined;
  groundValues.set(t, v === undefined ? null : v);
  return v;
}

function literalValue(t: Term): Value {
  switch (t.type) {
    case 'scalar':
      return t.value;
    case 'array':
      return t.items.map(literalValue);
    case 'set':
      return new RSet(t.items.map(literalValue));
    case 'object':
      return RObject.from(t.entries.map(([k, v]) => [literalValue(k), literalValue(v)] as [Value, Value]));
    default:
      throw new Error('not a literal');
  }
}
