// The public API: compile modules once, then evaluate rules or ad-hoc queries many times.

import type { Body, Module, RefTerm, Term } from './ast/types.ts';
import { defaultRegistry } from './builtins/index.ts';
import type { BuiltinContext, BuiltinRegistry } from './builtins/registry.ts';
import { compileModules, compileQuery, type CompiledPolicy } from './compile/compiler.ts';
import { forEachVarInExpr, isGenerated, isGlobalVar } from './compile/terms.ts';
import { coverableLines, coverageReport, type QueryCoverage } from './eval/coverage.ts';
import { Evaluator, type ExplainEntry } from './eval/evaluator.ts';
import { RegoError, RegoErrors } from './errors.ts';
import type { EvalBudget } from './limits.ts';
import { parseModule, parseQuery } from './parser/index.ts';
import { PreparedQuery } from './prepared.ts';
import { runTests, type TestOptions, type TestReport } from './testing/run-tests.ts';
import { fromJS, RObject, toJS, type Value } from './value/value.ts';

export interface ModuleSource {
  file: string;
  source: string;
}

export interface CompileOptions {
  /** Base document: plain JSON-shaped data or a Value (RObject). */
  data?: unknown;
  builtins?: BuiltinRegistry;
  strictBuiltinErrors?: boolean;
  /** Nanoseconds since the epoch; default Date.now() * 1e6. */
  clock?: () => bigint;
  /** Output of `print`; default stderr. */
  print?: (line: string) => void;
  /** JSON Schema of `input` for every rule and query (type checking only). */
  inputSchema?: unknown;
  /** JSON Schemas that `schemas` annotations name as `schema.<id>` (ids may contain `/`). */
  schemas?: Record<string, unknown>;
  /** The budget of every evaluation of this policy (an evaluation's `timeoutMs` overrides the time). */
  budget?: EvalBudget;
}

export interface EvalOptions {
  input?: unknown;
  /** Input already converted to a Value (takes precedence over `input`). */
  inputValue?: Value;
  strictBuiltinErrors?: boolean;
  /** List the rules that produced the result in `explain`. */
  explain?: boolean;
  /** Record evaluated lines in `coverage`. */
  coverage?: boolean;
  /** Per-call replacement of the base document. */
  data?: unknown;
  /** Cancels evaluation (eval_cancel_error) once this many milliseconds have passed. */
  timeoutMs?: number;
}

export type Row = Record<string, Value>;

export interface QueryResult {
  rows: Row[];
  explain?: ExplainEntry[];
  coverage?: QueryCoverage;
}

export type { QueryCoverage, ExplainEntry };

let sharedRegistry: BuiltinRegistry | undefined;

/** Parses and compiles modules; throws RegoErrors with every parse or compile error. */
export function compile(modules: ModuleSource[] | Record<string, string>, opts: CompileOptions = {}): Policy {
  const sources = Array.isArray(modules) ? modules : Object.entries(modules).map(([file, source]) => ({ file, source }));
  const parsed: Module[] = [];
  const errors: RegoError[] = [];
  for (const m of sources) {
    try {
      parsed.push(parseModule(m.source, m.file));
    } catch (e) {
      if (e instanceof RegoErrors) errors.push(...e.errors);
      else if (e instanceof RegoError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length > 0) throw new RegoErrors(errors);
  const registry = opts.builtins ?? (sharedRegistry ??= defaultRegistry());
  const schemas = { input: opts.inputSchema, ...(opts.schemas ? { byId: opts.schemas } : {}) };
  return new Policy(compileModules(parsed, registry, schemas), opts);
}

const toValue = (x: unknown): Value => (x instanceof RObject ? x : fromJS(x));

interface CompiledQuery {
  body: Body;
  vars: string[];
}

export class Policy {
  private readonly data: Value;
  private readonly paths = new Map<string, RefTerm>();
  private readonly queries = new Map<string, CompiledQuery>();
  private coverable: Set<string> | undefined;

  constructor(
    private readonly compiled: CompiledPolicy,
    private readonly opts: CompileOptions,
  ) {
    this.data = opts.data === undefined ? new RObject() : toValue(opts.data);
  }

  get modules(): Module[] {
    return this.compiled.modules;
  }

  /** The value of a document as plain JS, or undefined. Path: `a.b`, `data.a.b` or `a/b`. */
  evaluate(path: string, input?: unknown, opts: EvalOptions = {}): unknown {
    const v = this.evaluateValue(path, input === undefined ? opts : { ...opts, input });
    return v === undefined ? undefined : toJS(v);
  }

  evaluateValue(path: string, opts: EvalOptions = {}): Value | undefined {
    let ref = this.paths.get(path);
    if (ref === undefined) {
      ref = dataRef(path);
      remember(this.paths, path, ref);
    }
    return this.evaluator(opts).ev.firstValue(ref);
  }

  /**
   * A reusable evaluator of one document, for evaluating it many times with different inputs:
   * `prepare(path).evaluate(input)` equals `evaluate(path, input)` but reads the input in place
   * and reuses the evaluator's storage across calls.
   */
  prepare(path: string): PreparedQuery {
    const strict = this.opts.strictBuiltinErrors ?? false;
    return new PreparedQuery(dataRef(path), () => {
      const ctx = new EvalContext(strict, this.opts.clock, this.opts.print, this.opts.budget?.maxValueSize);
      const timeoutMs = this.opts.budget?.timeMs;
      const ev = new Evaluator({ policy: this.compiled, data: this.data, input: undefined, strict, ctx, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
      return { ev, reset: () => ctx.reset() };
    });
  }

  /** Evaluates a query; each row binds the query's own variables. */
  query(query: string, opts: EvalOptions = {}): QueryResult {
    let q = this.queries.get(query);
    if (q === undefined) {
      const body = compileQuery(parseQuery(query), this.compiled);
      const vars = new Set<string>();
      for (const e of body) forEachVarInExpr(e, (v) => {
        if (!isGenerated(v.name) && !isGlobalVar(v.name)) vars.add(v.name);
      });
      q = { body, vars: [...vars] };
      remember(this.queries, query, q);
    }
    const { ev, explain, coverage } = this.evaluator(opts);
    const rows: Row[] = [];
    const { body, vars } = q;
    ev.evalBody(body, 0, () => {
      const row: Row = {};
      for (const name of vars) {
        const v = ev.b.get(name);
        if (v !== undefined) row[name] = v;
      }
      rows.push(row);
      return false;
    });
    const result: QueryResult = { rows };
    if (explain) result.explain = explain;
    if (coverage) result.coverage = coverageReport((this.coverable ??= coverableLines(this.compiled.rules)), coverage);
    return result;
  }

  /** Runs the `test_*` rules, as `opa test` does. */
  test(opts: TestOptions = {}): TestReport {
    return runTests(this, opts);
  }

  private evaluator(opts: EvalOptions): { ev: Evaluator; explain?: ExplainEntry[]; coverage?: Set<string> } {
    const input = opts.inputValue ?? (opts.input === undefined ? undefined : fromJS(opts.input));
    const explain = opts.explain ? [] : undefined;
    const coverage = opts.coverage ? new Set<string>() : undefined;
    const strict = opts.strictBuiltinErrors ?? this.opts.strictBuiltinErrors ?? false;
    const timeoutMs = opts.timeoutMs ?? this.opts.budget?.timeMs;
    const ev = new Evaluator({
      policy: this.compiled,
      data: opts.data === undefined ? this.data : toValue(opts.data),
      input,
      strict,
      ctx: this.context(strict),
      ...(timeoutMs !== undefined ? { deadline: performance.now() + timeoutMs } : {}),
      ...(explain ? { explain } : {}),
      ...(coverage ? { coverage } : {}),
    });
    return { ev, ...(explain ? { explain } : {}), ...(coverage ? { coverage } : {}) };
  }

  private context(strict: boolean): BuiltinContext {
    return new EvalContext(strict, this.opts.clock, this.opts.print, this.opts.budget?.maxValueSize);
  }
}

/** What builtins see of one evaluation; the clock is read once so `time.now_ns` is stable. */
class EvalContext implements BuiltinContext {
  private now: bigint | undefined;
  private cacheMap: Map<string, unknown> | undefined;

  constructor(
    readonly strict: boolean,
    private readonly clock: (() => bigint) | undefined,
    private readonly printer: ((line: string) => void) | undefined,
    readonly maxValueSize?: number,
  ) {}

  nowNs(): bigint {
    return (this.now ??= this.clock ? this.clock() : BigInt(Date.now()) * 1_000_000n);
  }

  print(line: string): void {
    if (this.printer) this.printer(line);
    else process.stderr.write(line + '\n');
  }

  /** Starts another evaluation: the clock is read again and memoised calls are forgotten. */
  reset(): void {
    this.now = undefined;
    this.cacheMap = undefined;
  }

  get cache(): Map<string, unknown> {
    return (this.cacheMap ??= new Map());
  }

  random(): number {
    return Math.random();
  }
}

const LOC = { file: 'query', line: 1, col: 1 };

/** Compiled paths and queries are kept per policy, up to a bound (callers may vary them). */
const CACHE_LIMIT = 512;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

/** `a.b.c`, `data.a.b.c` or `a/b/c` as a ref under `data`. */
function dataRef(path: string): RefTerm {
  let parts = path.includes('/') ? path.split('/') : path.split('.');
  parts = parts.filter((p) => p.length > 0);
  if (parts[0] === 'data') parts = parts.slice(1);
  const terms: Term[] = parts.map((value) => ({ type: 'scalar', value, loc: LOC }));
  return { type: 'ref', head: { type: 'var', name: 'data', loc: LOC }, path: terms, loc: LOC };
}
