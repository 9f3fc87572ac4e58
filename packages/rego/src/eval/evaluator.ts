// The evaluator: documents under `data` (base data, `with` overrides and rules evaluated on
// demand and cached per query), rule semantics (defaults, else chains, conflicts) and calls
// (user functions, builtins with OPA's error mapping, the evaluator's own functions).

import type { Body, CallTerm, Expr, Location, RefTerm, Term } from '../ast/types.ts';
import type { BuiltinDef, BuiltinRegistry } from '../builtins/registry.ts';
import type { CompiledPolicy } from '../compile/compiler.ts';
import { intrinsicArity } from '../compile/intrinsics.ts';
import { nodeAt } from '../compile/rule-tree.ts';
import { staticName } from '../compile/terms.ts';
import { pathText, type CRule, type RuleNode } from '../compile/types.ts';
import { RegoError } from '../errors.ts';
import { canonicalText, equal, keyOf, RObject, RSet, type Value } from '../value/value.ts';
import { checkResult, overBudget } from '../builtins/budget.ts';
import { builtinFailure, runBuiltin } from './builtin-call.ts';
import { BUSY, NONE } from './caches.ts';
import { ContainerObject, ContainerSet, DocBuilder } from './doc-builder.ts';
import { Bindings } from './bindings.ts';
import { Frame, lookup, SLOW, type K, type RestOfBody, type VK } from './frame.ts';
import { callIntrinsic } from './intrinsics.ts';
import { patchDoc, type DataOverride } from './overrides.ts';
import { candidateRules } from './rule-index.ts';
import type { EvalSettings } from './settings.ts';

export type { ExplainEntry, EvalSettings } from './settings.ts';
export type { K, VK } from './frame.ts';

/**
 * One run of a complete rule or function with its else chain. Runs are pooled by nesting depth
 * (like the frame's continuations): `onSuccess`, the continuation of the running alternative's
 * body, is made once per pooled run rather than once per evaluation.
 */
interface RuleRun {
  r: CRule | undefined;
  /** The running alternative's value term and location. */
  valueTerm: Term | undefined;
  loc: Location | undefined;
  /** The value other rules at the node produced, which every value produced must equal. */
  prior: Value | undefined;
  result: Value | undefined;
  /** Whether the running alternative's body succeeded. */
  any: boolean;
  onSuccess: K;
}

/** A pooled continuation of a streamed set rule's body: its member goes to `k` in `outer`. */
interface MemberStream {
  r: CRule | undefined;
  outer: Bindings | undefined;
  name: string;
  k: K;
  run: K;
}

/** A pooled test of whether a set rule produces `key`: its body, then its key term. */
interface MemberProbe {
  r: CRule | undefined;
  key: Value | undefined;
  run: K;
}

/** The continuation of nothing (a pooled continuation not in use). */
const NOTHING: K = () => false;

/** A pooled continuation of a set rule's body: adds the member its key term has then. */
interface MemberSink {
  out: RSet | undefined;
  r: CRule | undefined;
  run: K;
}

const MULTIPLE_OUTPUTS = 'complete rules must not produce multiple outputs';
/** How many emptied binding maps an evaluation keeps for reuse. */
const MAX_SPARE_FRAMES = 32;
const FUNCTION_OUTPUTS = 'functions must not produce multiple outputs for same inputs';

export class Evaluator extends Frame {
  private readonly root: RuleNode;
  /** Rules already listed in explain (only when explaining). */
  private explained: Set<number> | undefined;
  /** Rules being evaluated, innermost last (for rego.metadata.*). */
  readonly ruleStack: CRule[] = [];
  private readonly spareFrames: Bindings[] = [];
  /**
   * Argument arrays of builtin calls, by nesting depth and argument count: a call borrows one while
   * its arguments are computed and the builtin runs (nested calls go one deeper), so argument
   * arrays are not allocated per call.
   */
  private readonly argPool: Value[][][] = [];
  private argDepth = 0;
  private readonly runs: RuleRun[] = [];
  private runDepth = 0;
  private readonly sinks: MemberSink[] = [];
  private sinkDepth = 0;
  private readonly streams: MemberStream[] = [];
  private streamDepth = 0;
  private readonly probes: MemberProbe[] = [];
  private probeDepth = 0;

  constructor(s: EvalSettings) {
    super(s);
    this.root = s.policy.root;
  }

  override begin(input: Value | undefined): void {
    super.begin(input);
    // Emptied only when an evaluation that threw left it so: truncating drops its storage.
    if (this.ruleStack.length > 0) this.ruleStack.length = 0;
    this.argDepth = 0;
    this.runDepth = 0;
    this.sinkDepth = 0;
    this.streamDepth = 0;
    this.probeDepth = 0;
  }

  override end(failed: boolean): void {
    super.end(failed);
    // Frames left by a failed evaluation may hold bindings.
    if (failed) this.spareFrames.length = 0;
  }

  protected evalDataRef(path: Term[], k: VK): boolean {
    return this.evalData(path, 0, this.root, this.data, this.overrides, k);
  }

  protected isFunctionName(name: string): boolean {
    return this.target(name).kind !== 'none';
  }

  /**
   * `evalData` for the common case, without continuations: no `with` replaces data and every
   * key is constant or bound. SLOW when the path needs enumeration (or anything else).
   */
  protected quickData(t: RefTerm): Value | undefined | typeof SLOW {
    if (this.overrides !== undefined) return SLOW;
    const path = t.path;
    let prefix = t.prefix as DataPrefix | undefined;
    if (prefix === undefined || prefix.data !== this.data || prefix.root !== this.root) prefix = this.dataPrefix(t);
    let node = prefix.node;
    let base = prefix.base;
    let i = prefix.i;
    for (; node !== undefined && node.hasRules; i++) {
      if (node.rules.length > 0 || node.defaultRule !== undefined) return this.quickRuleNode(node, path, i);
      if (node.funcs.length > 0 || node.defaultFunc !== undefined) return undefined;
      if (i === path.length) return this.fullDoc(node, base, undefined);
      const key = this.knownKey(path[i] as Term);
      if (key === undefined) return SLOW;
      node = typeof key === 'string' ? node.children.get(key) : undefined;
      if (base !== undefined) base = dataLookup(base, key);
    }
    for (; base !== undefined && i < path.length; i++) {
      const key = this.knownKey(path[i] as Term);
      if (key === undefined) return SLOW;
      base = dataLookup(base, key);
    }
    return base;
  }

  /**
   * Where a walk of `data` along the constant keys that start a ref stops, before any rule is
   * evaluated: the same for every evaluation over the same data, so it is kept on the ref.
   */
  private dataPrefix(t: RefTerm): DataPrefix {
    const path = t.path;
    let node: RuleNode | undefined = this.root;
    let base: Value | undefined = this.data;
    let i = 0;
    for (; node !== undefined && node.hasRules && i < path.length; i++) {
      if (node.rules.length > 0 || node.defaultRule !== undefined || node.funcs.length > 0 || node.defaultFunc !== undefined) break;
      const p = path[i] as Term;
      if (p.type !== 'scalar') break;
      node = typeof p.value === 'string' ? node.children.get(p.value) : undefined;
      if (base !== undefined) base = dataLookup(base, p.value);
    }
    if (node === undefined || !node.hasRules) {
      for (; base !== undefined && i < path.length; i++) {
        const p = path[i] as Term;
        if (p.type !== 'scalar') break;
        base = dataLookup(base, p.value);
      }
    }
    const prefix: DataPrefix = { root: this.root, data: this.data, node, base, i };
    t.prefix = prefix;
    return prefix;
  }

  /** `evalRuleNode` without continuations (see quickData). */
  private quickRuleNode(node: RuleNode, path: Term[], i: number): Value | undefined | typeof SLOW {
    if (i === path.length) return this.ruleNodeValue(node);
    const kind = this.nodeKind(node);
    let v: Value | undefined;
    if (kind === 'complete') v = node.children.size === 0 ? this.completeValue(node) : this.ruleNodeValue(node);
    else {
      const key = this.knownKey(path[i] as Term);
      if (key === undefined) return SLOW;
      v = kind === 'set' && plainMembers(node) ? (this.setHas(node, key) ? key : undefined) : this.valueAtKey(node, key);
      i++;
    }
    for (; v !== undefined && i < path.length; i++) {
      const key = this.knownKey(path[i] as Term);
      if (key === undefined) return SLOW;
      v = lookup(v, key);
    }
    return v;
  }

  /** A path key that is a constant or a bound var. */
  private knownKey(p: Term): Value | undefined {
    return p.type === 'scalar' ? p.value : p.type === 'var' ? this.b.get(p.name) : undefined;
  }

  /**
   * Walks `data` along a path: base documents, `with` overrides and the rule tree together.
   * `node` is the rule node at the current prefix (undefined once no rules lie below).
   */
  private evalData(path: Term[], i: number, node: RuleNode | undefined, base: Value | undefined, ov: DataOverride | undefined, k: VK): boolean {
    if (ov?.value !== undefined) return this.evalPath(ov.value, path, i, k);
    if ((node === undefined || !node.hasRules) && ov === undefined) {
      if (base === undefined) return false;
      for (; i < path.length; i++) {
        const p = path[i] as Term;
        const key = p.type === 'scalar' ? p.value : p.type === 'var' ? this.b.get(p.name) : undefined;
        if (key === undefined) break;
        const child = dataLookup(base, key);
        if (child === undefined) return false;
        base = child;
      }
      const doc: Value = base;
      if (i < path.length && doc instanceof RObject && !this.isUnboundKey(path[i] as Term)) {
        return this.evalTerm(path[i] as Term, (key) => {
          const child = dataLookup(doc, key);
          return child === undefined ? false : this.evalData(path, i + 1, undefined, child, undefined, k);
        });
      }
      return this.evalPath(doc, path, i, k);
    }
    if (node !== undefined && (node.rules.length > 0 || node.defaultRule !== undefined)) {
      if (ov === undefined) return this.evalRuleNode(node, path, i, k);
      const doc = patchDoc(this.ruleNodeValue(node), ov);
      return doc === undefined ? false : this.evalPath(doc, path, i, k);
    }
    if (node !== undefined && (node.funcs.length > 0 || node.defaultFunc !== undefined)) return false;
    if (i === path.length) {
      const doc = this.fullDoc(node, base, ov);
      return doc === undefined ? false : k(doc);
    }
    const p = path[i] as Term;
    const known = p.type === 'scalar' ? p.value : p.type === 'var' ? this.b.get(p.name) : undefined;
    if (known !== undefined) return this.stepData(path, i, node, base, ov, known, k);
    if (!this.isUnboundKey(p)) return this.evalTerm(p, (key) => this.stepData(path, i, node, base, ov, key, k));
    const keys = new Map<string, Value>();
    if (node) for (const [key, c] of node.children) if (c.hasRules) keys.set(key, key);
    if (ov) for (const key of ov.children.keys()) keys.set(key, key);
    if (base instanceof RObject) for (const key of base.keys()) keys.set(keyOf(key), key);
    else if (base !== undefined) return this.evalPath(base, path, i, k);
    const sorted = [...keys.values()].sort((a, b) => (typeof a === 'string' && typeof b === 'string' ? (a < b ? -1 : a > b ? 1 : 0) : 0));
    for (const key of sorted) if (this.unifyValue(p, key, () => this.stepData(path, i, node, base, ov, key, k))) return true;
    return false;
  }

  private stepData(path: Term[], i: number, node: RuleNode | undefined, base: Value | undefined, ov: DataOverride | undefined, key: Value, k: VK): boolean {
    const child = typeof key === 'string' ? node?.children.get(key) : undefined;
    const childOv = typeof key === 'string' ? ov?.children.get(key) : undefined;
    const childBase = base === undefined ? undefined : dataLookup(base, key);
    return this.evalData(path, i + 1, child, childBase, childOv, k);
  }

  /** The whole document at a node: base data merged with every virtual document below. */
  private fullDoc(node: RuleNode | undefined, base: Value | undefined, ov: DataOverride | undefined): Value | undefined {
    if (ov?.value !== undefined) return ov.value;
    if ((node === undefined || !node.hasRules) && ov === undefined) return base;
    if (node !== undefined && (node.rules.length > 0 || node.defaultRule !== undefined)) {
      const doc = this.ruleNodeValue(node);
      return ov === undefined ? doc : patchDoc(doc, ov);
    }
    if (node !== undefined && (node.funcs.length > 0 || node.defaultFunc !== undefined)) return undefined;
    const out = new ContainerObject();
    if (base instanceof RObject) for (const [key, v] of base.entries()) out.set(key, v);
    const keys = new Set<string>();
    if (node) for (const [key, c] of node.children) if (c.hasRules) keys.add(key);
    if (ov) for (const key of ov.children.keys()) keys.add(key);
    for (const key of keys) {
      const doc = this.fullDoc(node?.children.get(key), base instanceof RObject ? base.get(key) : undefined, ov?.children.get(key));
      if (doc !== undefined) out.set(key, doc);
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Virtual documents

  private nodeKind(node: RuleNode): CRule['kind'] {
    return (node.rules[0] ?? (node.defaultRule as CRule)).kind;
  }

  private evalRuleNode(node: RuleNode, path: Term[], i: number, k: VK): boolean {
    const kind = this.nodeKind(node);
    if (kind === 'complete' && node.children.size === 0) {
      const v = this.completeValue(node);
      return v === undefined ? false : this.evalPath(v, path, i, k);
    }
    if (i < path.length && !this.isUnboundKey(path[i] as Term)) {
      if (kind === 'set' && plainMembers(node)) {
        return this.evalTerm(path[i] as Term, (key) => (this.setHas(node, key) ? this.evalPath(key, path, i + 1, k) : false));
      }
      if (kind === 'object' || kind === 'set') {
        return this.evalTerm(path[i] as Term, (key) => {
          const v = this.valueAtKey(node, key);
          return v === undefined ? false : this.evalPath(v, path, i + 1, k);
        });
      }
    }
    const v = this.ruleNodeValue(node);
    return v === undefined ? false : this.evalPath(v, path, i, k);
  }

  /** The full value of the rules at a node (and of refhead rules below it). */
  private ruleNodeValue(node: RuleNode): Value | undefined {
    const kind = this.nodeKind(node);
    if (kind === 'complete' && node.children.size === 0) return this.completeValue(node);
    const cached = this.caches.full.get(node);
    if (cached !== undefined) return this.cachedValue(cached, node);
    this.caches.full.set(node, BUSY);
    let out: Value | undefined;
    if (kind === 'complete') {
      const v = this.completeValue(node);
      out = v === undefined ? undefined : this.mergeChildren(v, node);
    } else if (kind === 'set' && plainMembers(node)) {
      out = this.setValue(node);
    } else {
      const builder = new DocBuilder();
      for (const r of candidateRules(this, node)) this.collectGenerated(r, builder, undefined);
      out = this.mergeChildren(builder.root, node);
    }
    this.caches.full.set(node, out === undefined ? NONE : out);
    return out;
  }

  /** A cached document; one still being computed means the rule depends on itself. */
  private cachedValue(cached: Value | typeof NONE | typeof BUSY, node: RuleNode): Value | undefined {
    if (cached === BUSY) {
      const loc = (node.rules[0] ?? node.defaultRule)?.loc;
      throw new RegoError('rego_recursion_error', `rule ${pathText(node.path)} is recursive`, loc);
    }
    return cached === NONE ? undefined : cached;
  }

  private mergeChildren(v: Value, node: RuleNode): Value {
    if (node.children.size === 0) return v;
    if (!(v instanceof RObject)) throw new RegoError('eval_conflict_error', 'object keys must be unique', node.rules[0]?.loc);
    const out = new DocBuilder();
    for (const [key, val] of v.entries()) out.root.set(key, val);
    for (const [key, child] of node.children) {
      if (!child.hasRules) continue;
      const doc = this.fullDoc(child, undefined, undefined);
      if (doc !== undefined) out.merge(key, doc, child.rules[0]?.loc ?? (node.rules[0] as CRule).loc);
    }
    return out.root;
  }

  /** Value at one key of an object-generating node, evaluating only rules that can match. */
  private valueAtKey(node: RuleNode, key: Value): Value | undefined {
    const perNode = this.caches.keyed(node);
    const ck = keyOf(key);
    const cached = perNode.get(ck);
    if (cached !== undefined) return cached === NONE ? undefined : cached;
    const full = this.caches.full.get(node);
    let out: Value | undefined;
    if (full !== undefined) {
      const doc = this.cachedValue(full, node);
      out = doc === undefined ? undefined : lookup(doc, key);
    } else {
      const builder = new DocBuilder();
      for (const r of candidateRules(this, node)) this.collectGenerated(r, builder, key);
      out = builder.root.get(key);
      const child = typeof key === 'string' ? node.children.get(key) : undefined;
      if (child?.hasRules) {
        const doc = this.fullDoc(child, undefined, undefined);
        if (doc !== undefined) {
          builder.merge(key as string, doc, child.rules[0]?.loc ?? (node.rules[0] as CRule).loc);
          out = builder.root.get(key);
        }
      }
    }
    perNode.set(ck, out === undefined ? NONE : out);
    return out;
  }

  /** Evaluates a rule with generated keys into the builder; only key `only` when given. */
  private collectGenerated(r: CRule, builder: DocBuilder, only: Value | undefined): void {
    const saved = this.enterFrame();
    try {
      if (only !== undefined && r.tail.length > 0 && isSimplePattern(r.tail[0] as Term)) {
        this.unifyValue(r.tail[0] as Term, only, () => this.generate(r, builder, only));
      } else this.generate(r, builder, only);
    } finally {
      this.leaveFrame(saved);
    }
  }

  private generate(r: CRule, builder: DocBuilder, only: Value | undefined): boolean {
    const member = r.kind === 'set';
    return this.evalRuleBody(r, r.body, () =>
      this.evalList(r.tail, 0, [], (keys) => {
        if (only !== undefined && !equal(keys[0] as Value, only)) return false;
        return this.evalTerm(member ? (r.key as Term) : r.value, (leaf) => {
          builder.insert(keys, leaf, member, r.loc);
          this.checkDocSize(builder.root.size, r);
          this.noteExplain(r);
          return false;
        });
      }),
    );
  }

  private setValue(node: RuleNode): Value {
    const out = new ContainerSet();
    const depth = this.sinkDepth++;
    const sink = this.sinks[depth] ?? (this.sinks[depth] = this.newMemberSink());
    sink.out = out;
    try {
      for (const r of candidateRules(this, node)) {
        const saved = this.enterFrame();
        try {
          sink.r = r;
          this.evalRuleBody(r, r.body, sink.run);
        } finally {
          this.leaveFrame(saved);
        }
      }
    } finally {
      sink.out = undefined;
      sink.r = undefined;
      this.sinkDepth = depth;
    }
    return out;
  }

  private newMemberSink(): MemberSink {
    const sink: MemberSink = {
      out: undefined,
      r: undefined,
      run: () => {
        const out = sink.out as RSet;
        const r = sink.r as CRule;
        const v = this.quickValue(r.key as Term);
        if (v === SLOW) return this.addMembers(out, r);
        return v !== undefined && this.addMember(out, v, r);
      },
    };
    return sink;
  }

  private addMembers(out: RSet, r: CRule): boolean {
    return this.evalTerm(r.key as Term, (x) => this.addMember(out, x, r));
  }

  /** Cancels the evaluation when a rule's document has grown past the budget's size cap. */
  private checkDocSize(size: number, r: CRule): void {
    const max = this.s.ctx.maxValueSize;
    if (max !== undefined && size > max) throw overBudget(pathText(r.path), size, max, r.loc);
  }

  private addMember(out: RSet, v: Value, r: CRule): boolean {
    out.add(v);
    this.checkDocSize(out.size, r);
    this.noteExplain(r);
    return false;
  }

  private setHas(node: RuleNode, key: Value): boolean {
    const full = this.caches.full.get(node);
    if (full instanceof RSet) return full.has(key);
    const perNode = this.caches.keyed(node);
    const ck = keyOf(key);
    const cached = perNode.get(ck);
    if (cached !== undefined) return cached !== NONE;
    const found = this.findMember(node, key);
    perNode.set(ck, found ? key : NONE);
    return found;
  }

  /** Whether a rule at a set node produces `key`, evaluating the rules that can. */
  private findMember(node: RuleNode, key: Value): boolean {
    const depth = this.probeDepth++;
    const probe = this.probes[depth] ?? (this.probes[depth] = this.newMemberProbe());
    probe.key = key;
    try {
      for (const r of candidateRules(this, node)) {
        const saved = this.enterFrame();
        try {
          probe.r = r;
          const found = isSimplePattern(r.key as Term) ? this.unifyValue(r.key as Term, key, probe.run) : probe.run();
          if (found) return true;
        } finally {
          this.leaveFrame(saved);
        }
      }
      return false;
    } finally {
      probe.r = probe.key = undefined;
      this.probeDepth = depth;
    }
  }

  private newMemberProbe(): MemberProbe {
    const matches = (v: Value): boolean => {
      if (!equal(v, probe.key as Value)) return false;
      this.noteExplain(probe.r as CRule);
      return true;
    };
    const keyMatches: K = () => this.evalTerm((probe.r as CRule).key as Term, matches);
    const probe: MemberProbe = {
      r: undefined,
      key: undefined,
      run: () => {
        const r = probe.r as CRule;
        return this.evalRuleBody(r, r.body, keyMatches);
      },
    };
    return probe;
  }

  /** The value of complete rules at a node (with default and else chains). */
  private completeValue(node: RuleNode): Value | undefined {
    const cached = this.caches.complete.get(node);
    if (cached !== undefined) return this.cachedValue(cached, node);
    this.caches.complete.set(node, BUSY);
    let result: Value | undefined;
    const rules = candidateRules(this, node);
    const constant = constantValue(node);
    for (const r of rules) {
      const v = this.ruleValue(r, result);
      if (v !== undefined) {
        result = v;
        if (constant) break;
      }
    }
    if (result === undefined && node.defaultRule) {
      const d = node.defaultRule;
      result = this.valueInFrame(d.value);
      if (result !== undefined) this.noteExplain(d);
    }
    this.caches.complete.set(node, result === undefined ? NONE : result);
    return result;
  }

  /**
   * Evaluates one complete rule (or function body once args are bound) with its else chain:
   * the value of the first alternative whose body succeeds. Every value produced must equal
   * `prior`, the value other rules at the node produced, when there is one.
   */
  private ruleValue(r: CRule, prior: Value | undefined, bindArgs?: (k: K) => boolean): Value | undefined {
    const saved = this.enterFrame();
    const depth = this.runDepth++;
    const run = this.runs[depth] ?? (this.runs[depth] = this.newRuleRun());
    run.r = r;
    run.prior = prior;
    run.result = undefined;
    try {
      if (this.produce(r, r.value, r.body, r.loc, bindArgs, run)) return run.result;
      for (const e of r.elses) {
        if (this.produce(r, e.value, e.body, e.loc, bindArgs, run)) return run.result;
      }
      return run.result;
    } finally {
      run.r = run.valueTerm = run.loc = run.prior = run.result = undefined;
      this.runDepth = depth;
      this.leaveFrame(saved);
    }
  }

  /** Runs one alternative of a rule; true when its body succeeded. */
  private produce(r: CRule, valueTerm: Term, body: Body, loc: Location, bindArgs: ((k: K) => boolean) | undefined, run: RuleRun): boolean {
    run.any = false;
    run.valueTerm = valueTerm;
    run.loc = loc;
    if (bindArgs) this.produceWithArgs(r, body, bindArgs, run);
    else this.evalRuleBody(r, body, run.onSuccess);
    return run.any;
  }

  /** A function's body runs once its arguments are bound (a closure kept off produce's path). */
  private produceWithArgs(r: CRule, body: Body, bindArgs: (k: K) => boolean, run: RuleRun): void {
    bindArgs(() => this.evalRuleBody(r, body, run.onSuccess));
  }

  private newRuleRun(): RuleRun {
    const onValue = (v: Value): boolean => {
      const r = run.r as CRule;
      if (run.prior !== undefined && !equal(run.prior, v)) {
        throw new RegoError('eval_conflict_error', r.kind === 'function' ? FUNCTION_OUTPUTS : MULTIPLE_OUTPUTS, r.loc);
      }
      if (run.result !== undefined && !equal(run.result, v)) {
        throw new RegoError('eval_conflict_error', r.kind === 'function' ? FUNCTION_OUTPUTS : MULTIPLE_OUTPUTS, run.loc);
      }
      run.result = v;
      this.noteExplain(r);
      // A constant value is the only one the body can produce: no need to look further.
      return (run.valueTerm as Term).type === 'scalar';
    };
    const run: RuleRun = {
      r: undefined,
      valueTerm: undefined,
      loc: undefined,
      prior: undefined,
      result: undefined,
      any: false,
      onSuccess: () => {
        run.any = true;
        return this.evalTerm(run.valueTerm as Term, onValue);
      },
    };
    return run;
  }

  private evalRuleBody(r: CRule, body: Body, k: K): boolean {
    const ordered = this.ordered;
    this.ordered = false;
    this.ruleStack.push(r);
    try {
      return this.evalBody(body, 0, k);
    } finally {
      this.ruleStack.pop();
      this.ordered = ordered;
    }
  }

  /** The first value of a term, in a fresh frame (a default rule's value). */
  private valueInFrame(t: Term): Value | undefined {
    const saved = this.enterFrame();
    try {
      return this.firstValue(t);
    } finally {
      this.leaveFrame(saved);
    }
  }

  /** Runs fn with a fresh frame (a rule body's own bindings). */
  private inFrame<T>(fn: () => T): T {
    const saved = this.enterFrame();
    try {
      return fn();
    } finally {
      this.leaveFrame(saved);
    }
  }

  /** Starts a frame with no bindings; returns the caller's bindings for leaveFrame. */
  private enterFrame(): Bindings {
    const saved = this.b;
    this.b = this.spareFrames.pop() ?? new Bindings();
    return saved;
  }

  /**
   * Ends a frame; its bindings map serves a later frame. Every var is unbound again when a frame
   * ends normally; one ended by an error is discarded with the evaluation (see `end`).
   */
  private leaveFrame(saved: Bindings): void {
    if (this.spareFrames.length < MAX_SPARE_FRAMES) {
      this.b.reset();
      this.spareFrames.push(this.b);
    }
    this.b = saved;
  }

  private noteExplain(r: CRule): void {
    const out = this.s.explain;
    if (out !== undefined && !(this.explained ??= new Set()).has(r.id)) {
      this.explained.add(r.id);
      out.push({ path: pathText(r.path), file: r.loc.file, line: r.loc.line });
    }
    if (this.s.coverage) this.s.coverage.add(`${r.loc.file}:${r.loc.line}`);
  }

  // -------------------------------------------------------------------------------------------
  // Calls

  /** A builtin function call whose arguments are quick values, without continuations. */
  protected quickCall(t: CallTerm): Value | undefined | typeof SLOW {
    if (this.fnOverrides !== undefined) return SLOW;
    const site = (t.site as CallSite | undefined) ?? this.resolveSite(t);
    const def = site.quick;
    if (def === undefined) return SLOW;
    if (site.members !== undefined) {
      const member = this.quickMembership(t, site.members);
      if (member !== SLOW) return member;
    }
    const args = this.siteArgs(t, site, def.arity);
    if (args === undefined) return SLOW;
    if (args === null) return undefined;
    try {
      // A quick builtin is one with a plain function (see resolveSite).
      const fn = def.fn as NonNullable<BuiltinDef['fn']>;
      return checkResult(this.s.ctx, def.name, fn(args, this.s.ctx));
    } catch (err) {
      return this.failedCall(def, err, t);
    } finally {
      this.argDepth--;
    }
  }

  /**
   * A builtin call that threw: undefined (the call is), or thrown again when errors are strict
   * or it cancels the evaluation.
   */
  private failedCall(def: BuiltinDef, err: unknown, t: CallTerm): undefined {
    const e = builtinFailure(def, err, t.loc);
    if (this.s.strict || e.code === 'eval_cancel_error' || e.code === 'eval_conflict_error') throw e;
    return undefined;
  }

  /**
   * `x in data.p` where p is a set of plain members not built yet: decided by evaluating p's
   * rules for x alone (cached per x), without building the set.
   */
  private quickMembership(t: CallTerm, node: RuleNode): boolean | undefined | typeof SLOW {
    if (this.overrides !== undefined || this.caches.full.has(node)) return SLOW;
    const x = this.quickValue(t.args[0] as Term);
    if (x === SLOW || x === undefined) return x;
    return this.setHas(node, x);
  }

  /**
   * `some x in data.p` where p is a set of plain members, in a body whose order of solutions
   * cannot be observed: each member goes to the rest of the body as a rule produces it, and the
   * set is never built. A member two rules produce is seen twice, which such a body cannot tell.
   */
  protected streamMembers(coll: Term, name: string, k: K): boolean | typeof SLOW {
    if (this.ordered || this.overrides !== undefined) return SLOW;
    const node = streamableSet(this.root, coll);
    if (node === undefined || this.caches.full.has(node)) return SLOW;
    const depth = this.streamDepth++;
    const stream = this.streams[depth] ?? (this.streams[depth] = this.newMemberStream());
    stream.outer = this.b;
    stream.name = name;
    stream.k = k;
    try {
      for (const r of candidateRules(this, node)) {
        const saved = this.enterFrame();
        try {
          stream.r = r;
          if (this.evalRuleBody(r, r.body, stream.run)) return true;
        } finally {
          this.leaveFrame(saved);
        }
      }
      return false;
    } finally {
      stream.r = stream.outer = undefined;
      stream.k = NOTHING;
      this.streamDepth = depth;
    }
  }

  private newMemberStream(): MemberStream {
    const stream: MemberStream = {
      r: undefined,
      outer: undefined,
      name: '',
      k: NOTHING,
      run: () => {
        const r = stream.r as CRule;
        const v = this.quickValue(r.key as Term);
        if (v === SLOW) return this.yieldMembers(stream);
        return v !== undefined && this.yieldMember(r, stream.outer as Bindings, stream.name, v, stream.k);
      },
    };
    return stream;
  }

  private yieldMembers(stream: MemberStream): boolean {
    const r = stream.r as CRule;
    const { outer, name, k } = stream;
    return this.evalTerm(r.key as Term, (x) => this.yieldMember(r, outer as Bindings, name, x, k));
  }

  /**
   * The members of a streamed set rule whose body ends in `some x in xs` and whose member is x:
   * the elements of xs go to the consumer one after another, in one switch to its frame, without
   * binding x in the rule's own frame (nothing after the expression reads it).
   */
  protected yieldEach(name: string, values: readonly Value[], k: K): boolean | typeof SLOW {
    const stream = this.streamDepth > 0 ? this.streams[this.streamDepth - 1] : undefined;
    if (stream === undefined || k !== stream.run) return SLOW;
    const r = stream.r as CRule;
    const key = r.key as Term;
    if (key.type !== 'var' || key.name !== name) return SLOW;
    if (values.length === 0) return false;
    this.noteExplain(r);
    const outer = stream.outer as Bindings;
    const member = stream.name;
    const consumer = stream.k;
    const inner = this.b;
    const producer = this.ruleStack.pop() as CRule;
    this.b = outer;
    try {
      const filtered = this.filterEach(member, values, consumer);
      if (filtered !== SLOW) return filtered;
      for (let i = 0; i < values.length; i++) {
        outer.set(member, values[i] as Value);
        if (consumer()) return true;
      }
      return false;
    } finally {
      outer.set(member, undefined);
      this.b = inner;
      this.ruleStack.push(producer);
    }
  }

  protected filterEach(name: string, values: readonly Value[], k: K): boolean | typeof SLOW {
    const rest = this.restOf(k);
    const filter = rest === undefined ? undefined : this.memberFilter(rest.body[rest.i] as Expr, name);
    return filter === undefined ? SLOW : this.eachFiltered(values, name, filter, rest as RestOfBody);
  }

  /**
   * The test `e` as a filter of var `name`'s values: a builtin call whose arguments are
   * constants and `name` itself (`endswith(p, ".*")`), computed without continuations.
   * Undefined when `e` is anything else, or when a `with` replaces functions.
   */
  private memberFilter(e: Expr, name: string): MemberFilter | undefined {
    if (this.fnOverrides !== undefined) return undefined;
    const test = this.testAt(e);
    if (test === undefined || test.call === undefined) return undefined;
    let filter = test.filter as MemberFilter | undefined;
    if (filter === undefined || filter.name !== name) test.filter = filter = this.filterOf(test.call, test.negated, name);
    return filter.def === undefined ? undefined : filter;
  }

  private filterOf(call: CallTerm, negated: boolean, name: string): MemberFilter {
    const site = (call.site as CallSite | undefined) ?? this.resolveSite(call);
    const def = site.quick;
    const none: MemberFilter = { name, def: undefined, call, places: [], negated };
    if (def === undefined || site.members !== undefined) return none;
    const places: number[] = [];
    for (let i = 0; i < def.arity; i++) {
      if (site.vars[i] === name) places.push(i);
      else if (site.consts[i] === undefined) return none;
    }
    if (places.length === 0) return none;
    // A string test of the member against a constant string is called on the two directly.
    const other = site.consts[places[0] === 0 ? 1 : 0];
    const direct = def.onStrings !== undefined && places.length === 1 && typeof other === 'string' ? { test: def.onStrings, other, memberFirst: places[0] === 0 } : undefined;
    return { name, def, call, places, negated, direct };
  }

  /**
   * Hands `values` as var `member` to the rest of a body that starts with a filter of it (see
   * memberFilter): each value is tested before it is bound, in one loop with one argument
   * array, and only those that pass are bound and go on to the rest of the body. The step is
   * taken for every value, as the body would take it. The caller unbinds `member`.
   */
  private eachFiltered(values: readonly Value[], member: string, filter: MemberFilter, rest: RestOfBody): boolean {
    const { body, k } = rest;
    const at = rest.i;
    const e = body[at] as Expr;
    const def = filter.def as BuiltinDef;
    const fn = def.fn as NonNullable<BuiltinDef['fn']>;
    const { places, negated, direct } = filter;
    const ctx = this.s.ctx;
    const depth = this.argDepth++;
    const args = this.argsAt(depth, def.arity);
    const consts = (filter.call.site as CallSite).consts;
    for (let i = 0; i < def.arity; i++) args[i] = consts[i] ?? null;
    try {
      for (let i = 0; i < values.length; i++) {
        const v = values[i] as Value;
        this.step(e);
        let q: Value | undefined;
        try {
          let r: Value | undefined;
          if (direct !== undefined && typeof v === 'string') r = direct.memberFirst ? direct.test(v, direct.other) : direct.test(direct.other, v);
          else {
            for (let j = 0; j < places.length; j++) args[places[j] as number] = v;
            r = fn(args, ctx);
          }
          q = checkResult(ctx, def.name, r);
        } catch (err) {
          q = this.failedCall(def, err, filter.call);
        }
        if ((q !== undefined && q !== false) === negated) continue;
        this.b.set(member, v);
        if (this.evalBody(body, at + 1, k)) return true;
      }
      return false;
    } finally {
      this.argDepth = depth;
    }
  }

  /** Runs the consumer of a streamed member in the consumer's frame, as the consumer's rule. */
  private yieldMember(r: CRule, outer: Bindings, name: string, v: Value, k: K): boolean {
    this.noteExplain(r);
    const inner = this.b;
    const producer = this.ruleStack.pop() as CRule;
    this.b = outer;
    outer.set(name, v);
    try {
      return k();
    } finally {
      outer.set(name, undefined);
      this.b = inner;
      this.ruleStack.push(producer);
    }
  }

  /** Evaluates a call; an argument beyond the arity is the output to unify with. */
  evalCall(t: CallTerm, k: VK): boolean {
    if (this.fnOverrides === undefined) {
      const site = (t.site as CallSite | undefined) ?? this.resolveSite(t);
      return this.callTarget(site.target, t, k, false);
    }
    const name = callName(t);
    const override = this.fnOverrides.get(name);
    if (override !== undefined) {
      const arity = this.arityOf(name, t);
      if (override.kind === 'value') return this.evalArgs(t, arity, () => this.withOutput(t, arity, override.value, k));
      return this.callNamed(override.name, t, k, true);
    }
    return this.callNamed(name, t, k, false);
  }

  private arityOf(name: string, t: CallTerm): number {
    const target = this.target(name);
    switch (target.kind) {
      case 'function':
      case 'builtin':
        return target.arity;
      default:
        return t.args.length;
    }
  }

  /** What a call term refers to, kept on the term (see CallTerm.site). */
  private resolveSite(t: CallTerm): CallSite {
    const target = this.target(callName(t));
    const def = target.kind === 'builtin' ? target.def : undefined;
    const quick = def !== undefined && def.fn !== undefined && def.refused === undefined && t.args.length === def.arity ? def : undefined;
    const members = quick?.name === 'internal.member_2' ? streamableSet(this.root, t.args[1] as Term) : undefined;
    const consts = t.args.map((a) => (a.type === 'scalar' ? a.value : undefined));
    const vars = t.args.map((a) => (a.type === 'var' && a.name !== 'data' && a.name !== 'input' ? a.name : undefined));
    const site: CallSite = { target, quick, members, consts, vars };
    t.site = site;
    return site;
  }

  /** What a call name refers to, resolved once per policy. */
  private target(name: string): CallTarget {
    let byName = targets.get(this.s.policy);
    if (byName === undefined) targets.set(this.s.policy, (byName = new Map()));
    let target = byName.get(name);
    if (target === undefined) {
      target = resolveTarget(this.root, this.s.policy.registry, name);
      byName.set(name, target);
    }
    return target;
  }

  private withOutput(t: CallTerm, arity: number, result: Value, k: VK): boolean {
    const out = t.args[arity];
    if (out !== undefined) return this.unifyValue(out, result, () => k(true));
    return k(result);
  }

  /** Calls a function or builtin by name; a mock (replacement) runs without the replacements. */
  private callNamed(name: string, t: CallTerm, k: VK, mock: boolean): boolean {
    return this.callTarget(this.target(name), t, k, mock);
  }

  private callTarget(target: CallTarget, t: CallTerm, k: VK, mock: boolean): boolean {
    switch (target.kind) {
      case 'function': {
        const { node, arity } = target;
        return this.evalArgs(t, arity, (args) => {
          const v = mock ? this.withoutMocks(() => this.callFunction(node, args)) : this.callFunction(node, args);
          return v === undefined ? false : this.withOutput(t, arity, v, k);
        });
      }
      case 'builtin': {
        const { def } = target;
        const args = this.directArgs(t, def.arity);
        if (args === null) return false;
        if (args !== undefined) return this.callBuiltin(def, args, t, k, true);
        return this.evalArgs(t, def.arity, (vals) => this.callBuiltin(def, vals, t, k, false));
      }
      case 'print':
        return this.callPrint(t, k);
      case 'intrinsic': {
        const name = target.name;
        const intrinsic: BuiltinDef = { name, arity: target.arity, relation: (args) => callIntrinsic(this, name, args) };
        return this.evalArgs(t, target.arity, (args) => this.callBuiltin(intrinsic, args, t, k, false));
      }
      case 'none':
        if (target.name.startsWith('data.')) return false;
        throw new RegoError('eval_internal_error', `undefined function ${target.name}`, t.loc);
    }
  }

  /**
   * Argument values computed without continuations when every argument is a constant, a bound
   * var or a ref along constant keys; null when one of those is undefined (so is the call);
   * undefined when some argument needs full evaluation. The array is borrowed from the pool:
   * the caller gives it back (`argDepth--`) once it no longer needs it.
   */
  private directArgs(t: CallTerm, arity: number): Value[] | null | undefined {
    return this.siteArgs(t, (t.site as CallSite | undefined) ?? this.resolveSite(t), arity);
  }

  /** directArgs with the call's site at hand. */
  private siteArgs(t: CallTerm, site: CallSite, arity: number): Value[] | null | undefined {
    const n = Math.min(arity, t.args.length);
    const depth = this.argDepth++;
    const out = this.argsAt(depth, n);
    const { consts, vars } = site;
    for (let i = 0; i < n; i++) {
      // Constants and bound vars, the most common arguments, without looking at the term.
      let v: Value | undefined | typeof SLOW = consts[i];
      if (v === undefined) {
        const name = vars[i];
        if (name !== undefined) v = this.b.get(name);
        if (v === undefined) v = this.quickValue(t.args[i] as Term);
      }
      if (v === SLOW || v === undefined) {
        this.argDepth--;
        return v === SLOW ? undefined : null;
      }
      out[i] = v;
    }
    return out;
  }

  /** The pooled argument array of `n` values at call depth `depth`. */
  private argsAt(depth: number, n: number): Value[] {
    // One array per argument count: setting an array's length on every call costs more.
    const byCount = this.argPool[depth] ?? (this.argPool[depth] = []);
    return byCount[n] ?? (byCount[n] = new Array<Value>(n).fill(null));
  }

  private evalArgs(t: CallTerm, arity: number, k: (args: Value[]) => boolean): boolean {
    const direct = this.directArgs(t, arity);
    if (direct === null) return false;
    if (direct !== undefined) {
      try {
        return k(direct);
      } finally {
        this.argDepth--;
      }
    }
    const n = Math.min(arity, t.args.length);
    const args = n === t.args.length ? t.args : t.args.slice(0, n);
    // A plain var bound by enumerating a ref in a later argument (`x == xs[x]`) goes last.
    const late = args.findIndex((a) => a.type === 'var' && this.isPattern(a));
    if (late < 0) return this.evalList(args, 0, [], k);
    const order = args.map((_, i) => i).sort((a, b) => Number(this.isPattern(args[a] as Term)) - Number(this.isPattern(args[b] as Term)));
    const permuted = order.map((i) => args[i] as Term);
    return this.evalList(permuted, 0, [], (vals) => {
      const out: Value[] = new Array(vals.length);
      order.forEach((pos, i) => (out[pos] = vals[i] as Value));
      return k(out);
    });
  }

  /** Calls a builtin; `pooled` args are given back to the pool once it returned. */
  private callBuiltin(def: BuiltinDef, args: Value[], t: CallTerm, k: VK, pooled: boolean): boolean {
    let result: Value | undefined;
    let results: Value[] | undefined;
    try {
      if (def.fn !== undefined && def.refused === undefined) result = checkResult(this.s.ctx, def.name, def.fn(args, this.s.ctx));
      else {
        results = runBuiltin(def, args, this.s.ctx);
        for (const r of results) checkResult(this.s.ctx, def.name, r);
      }
    } catch (err) {
      const e = builtinFailure(def, err, t.loc);
      if (this.s.strict || e.code === 'eval_cancel_error' || e.code === 'eval_conflict_error') throw e;
      return false;
    } finally {
      if (pooled) this.argDepth--;
    }
    if (results === undefined) return result === undefined ? false : this.withOutput(t, def.arity, result, k);
    for (const v of results) if (this.withOutput(t, def.arity, v, k)) return true;
    return false;
  }

  private callPrint(t: CallTerm, k: VK): boolean {
    const parts = t.args.map((a) => {
      const values: Value[] = [];
      this.evalTerm(a, (v) => (values.push(v), false));
      if (values.length === 0) return '<undefined>';
      return values.map((v) => (typeof v === 'string' ? v : canonicalText(v))).join(', ');
    });
    this.s.ctx.print(parts.join(' '));
    return k(true);
  }

  private withoutMocks<T>(fn: () => T): T {
    const saved = this.fnOverrides;
    this.fnOverrides = undefined;
    try {
      return fn();
    } finally {
      this.fnOverrides = saved;
    }
  }

  /** Calls a user function with argument values; undefined when no definition applies. */
  callFunction(node: RuleNode, args: Value[]): Value | undefined {
    let result: Value | undefined;
    for (const r of node.funcs) {
      const v = this.ruleValue(r, result, this.argBinder(r, args));
      if (v !== undefined) result = v;
    }
    if (result === undefined && node.defaultFunc) {
      const d = node.defaultFunc;
      result = this.valueInFrame(d.value);
      if (result !== undefined) this.noteExplain(d);
    }
    return result;
  }

  private argBinder(r: CRule, args: Value[]): (k: K) => boolean {
    return (k) => this.unifyArgs(r.args, args, 0, k);
  }

  private unifyArgs(patterns: Term[], args: Value[], i: number, k: K): boolean {
    if (i === patterns.length) return k();
    return this.unifyValue(patterns[i] as Term, args[i] as Value, () => this.unifyArgs(patterns, args, i + 1, k));
  }
}

/** Lookup in a base document: number keys also find objects' string keys (`data[2]`). */
function dataLookup(v: Value, key: Value): Value | undefined {
  const out = lookup(v, key);
  if (out !== undefined || typeof key !== 'number' || !(v instanceof RObject)) return out;
  return v.get(String(key));
}

/** Terms unification can bind directly (so a ground key may be pushed into a rule head). */
function isSimplePattern(t: Term): boolean {
  switch (t.type) {
    case 'var':
    case 'scalar':
      return true;
    case 'array':
      return t.items.every(isSimplePattern);
    default:
      return false;
  }
}

type CallTarget =
  | { kind: 'function'; node: RuleNode; arity: number }
  | { kind: 'builtin'; def: BuiltinDef; arity: number }
  | { kind: 'print' }
  | { kind: 'intrinsic'; name: string; arity: number }
  | { kind: 'none'; name: string };

const targets = new WeakMap<CompiledPolicy, Map<string, CallTarget>>();

/** A walk of `data` along a ref's leading constant keys (see dataPrefix). */
interface DataPrefix {
  root: RuleNode;
  data: Value;
  /** The rule node reached, when rules lie at or below it. */
  node: RuleNode | undefined;
  /** The base document reached. */
  base: Value | undefined;
  /** How many path terms the walk consumed. */
  i: number;
}

/** A test expression as a filter of one var's values (see Evaluator.memberFilter). */
interface MemberFilter {
  /** The var filtered. */
  name: string;
  /** The builtin; undefined when the test is no filter of `name`. */
  def: BuiltinDef | undefined;
  call: CallTerm;
  /** The argument positions `name` takes (the others are constants). */
  places: number[];
  negated: boolean;
  /** The builtin on strings (`onStrings`) with the constant operand, when it has one. */
  direct?: { test: (a: string, b: string) => Value; other: string; memberFirst: boolean };
}

/** A call term's target, resolved once (each call term belongs to one compiled policy). */
interface CallSite {
  target: CallTarget;
  /** The builtin, when `quickCall` may compute the call from its operands' values. */
  quick: BuiltinDef | undefined;
  /** For `x in data.p` where p is a set of plain members: p's node (see quickMembership). */
  members: RuleNode | undefined;
  /** By argument: its value when it is a constant. */
  consts: (Value | undefined)[];
  /** By argument: its name when it is a local var. */
  vars: (string | undefined)[];
}

function resolveTarget(root: RuleNode, registry: BuiltinRegistry, name: string): CallTarget {
  if (name.startsWith('data.')) {
    const node = nodeAt(root, name.split('.').slice(1), false);
    const f = node?.funcs[0] ?? node?.defaultFunc;
    return node && f ? { kind: 'function', node, arity: f.args.length } : { kind: 'none', name };
  }
  if (name === 'print' || name === 'internal.print') return { kind: 'print' };
  const def = registry.get(name);
  if (def !== undefined) return { kind: 'builtin', def, arity: def.arity };
  const arity = intrinsicArity(name);
  return arity === undefined ? { kind: 'none', name } : { kind: 'intrinsic', name, arity };
}

const callNames = new WeakMap<CallTerm, string>();

function callName(t: CallTerm): string {
  let name = callNames.get(t);
  if (name === undefined) {
    name = staticName(t.operator) ?? '';
    callNames.set(t, name);
  }
  return name;
}

const streamable = new WeakMap<Term, RuleNode | null>();

/**
 * The rule node a term names when it is `data.<path>` of a set of plain members (no default, no
 * rules below), computed once per term.
 */
function streamableSet(root: RuleNode, t: Term): RuleNode | undefined {
  let node = streamable.get(t);
  if (node === undefined) {
    node = null;
    if (t.type === 'ref' && t.head.type === 'var' && t.head.name === 'data' && t.path.every((p) => p.type === 'scalar' && typeof p.value === 'string')) {
      const found = nodeAt(root, t.path.map((p) => (p as { value: string }).value), false);
      if (found !== undefined && found.rules.length > 0 && found.defaultRule === undefined && found.children.size === 0 && found.rules[0]?.kind === 'set' && plainMembers(found)) node = found;
    }
    streamable.set(t, node);
  }
  return node ?? undefined;
}

const plainSets = new WeakMap<RuleNode, boolean>();

/** True when every rule at a set node is `p contains x` with no key path (membership is by value). */
function plainMembers(node: RuleNode): boolean {
  let plain = plainSets.get(node);
  if (plain === undefined) plainSets.set(node, (plain = node.rules.every((r) => r.tail.length === 0)));
  return plain;
}

const constants = new WeakMap<RuleNode, boolean>();

/** True when all complete rules at a node produce one constant: the first success decides. */
function constantValue(node: RuleNode): boolean {
  let c = constants.get(node);
  if (c === undefined) {
    const first = node.rules[0]?.value;
    c =
      first !== undefined &&
      first.type === 'scalar' &&
      node.rules.every((r) => r.elses.length === 0 && r.value.type === 'scalar' && equal(r.value.value, first.value));
    constants.set(node, c);
  }
  return c;
}
