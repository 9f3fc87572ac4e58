// Comparing a query's outcome with a case's expectations, following OPA's own runner: results
// are compared as JSON (sets become sorted arrays, non-string keys their JSON text), numbers by
// value, rows as a set; errors by code and message substring.

import { canonicalText, compare, equal, isArray, isObject, isSet, RObject, toJSONText, type Value } from '../value/value.ts';
import type { ConformanceCase } from './cases.ts';

export type Row = Record<string, Value>;

/** Variables the compiler introduces, which OPA hides when `ignore_generated_vars` is set. */
const GENERATED_VAR = /^(?:__local|\$)/;

/** A value as it would look after a JSON round trip. */
export function jsonShape(v: Value): Value {
  if (isArray(v)) return v.map(jsonShape);
  if (isSet(v)) return v.values().map(jsonShape);
  if (isObject(v)) {
    const o = new RObject();
    // OPA serialises a non-string key as its compact JSON text.
    for (const [k, val] of v.entries()) o.set(typeof k === 'string' ? k : toJSONText(k), jsonShape(val));
    return o;
  }
  return v;
}

function sortedIfArray(v: Value): Value {
  return isArray(v) ? [...v].sort(compare) : v;
}

/** Normalises rows for comparison: JSON shape, generated vars dropped, arrays sorted on demand. */
export function normalizeRows(
  rows: readonly (Row | RObject)[],
  opts: { sortBindings: boolean; ignoreGeneratedVars: boolean },
): RObject[] {
  const out: RObject[] = [];
  for (const row of rows) {
    const entries: [string, Value][] =
      row instanceof RObject
        ? row.entries().map(([k, v]) => [String(k), v])
        : Object.entries(row);
    const o = new RObject();
    for (const [name, value] of entries) {
      if (opts.ignoreGeneratedVars && GENERATED_VAR.test(name)) continue;
      const shaped = jsonShape(value);
      o.set(name, opts.sortBindings ? sortedIfArray(shaped) : shaped);
    }
    out.push(o);
  }
  return dedupe(out.sort(compare));
}

function dedupe(sorted: RObject[]): RObject[] {
  return sorted.filter((row, i) => i === 0 || !equal(row, sorted[i - 1] as RObject));
}

export interface Verdict {
  pass: boolean;
  reason?: string;
}

/** Compares the rows a query returned with `want_result`. */
export function compareRows(testCase: ConformanceCase, actual: readonly Row[]): Verdict {
  const want = testCase.wantResult;
  if (testCase.wantErrorCode !== undefined || testCase.wantError !== undefined) {
    return { pass: false, reason: `expected error ${describeWantedError(testCase)}, got ${rowsText(actual)}` };
  }
  if (want === undefined) return { pass: true };
  const opts = { sortBindings: testCase.sortBindings, ignoreGeneratedVars: testCase.ignoreGeneratedVars };
  const got = normalizeRows(actual, opts);
  const expected = normalizeRows(want, opts);
  if (got.length === expected.length && got.every((row, i) => equal(row, expected[i] as RObject))) {
    return { pass: true };
  }
  return {
    pass: false,
    reason: expected.length === 0 ? `expected undefined, got ${rowsText(got)}` : `expected ${rowsText(expected)}, got ${rowsText(got)}`,
  };
}

interface ErrorInfo {
  code?: string;
  message: string;
}

/** The individual errors inside whatever was thrown (RegoErrors holds several). */
export function errorInfos(err: unknown): ErrorInfo[] {
  if (err !== null && typeof err === 'object') {
    const list = (err as { errors?: unknown }).errors;
    if (Array.isArray(list) && list.length > 0) return list.flatMap(errorInfos);
    const code = (err as { code?: unknown }).code;
    const message = String((err as { message?: unknown }).message ?? err);
    return [typeof code === 'string' ? { code, message } : { message }];
  }
  return [{ message: String(err) }];
}

/** Compares a thrown error with `want_error_code` / `want_error`. */
export function compareError(testCase: ConformanceCase, err: unknown): Verdict {
  const infos = errorInfos(err);
  const text = infos.map((e) => (e.code !== undefined && !e.message.includes(e.code) ? `${e.code}: ` : '') + e.message).join(' | ');
  if (testCase.wantErrorCode === undefined && testCase.wantError === undefined) {
    return { pass: false, reason: `unexpected error: ${text}` };
  }
  const whole = err instanceof Error ? err.message : String(err);
  const ok = infos.some(
    (e) =>
      (testCase.wantErrorCode === undefined || e.code === testCase.wantErrorCode) &&
      (testCase.wantError === undefined || e.message.includes(testCase.wantError) || whole.includes(testCase.wantError)),
  );
  return ok ? { pass: true } : { pass: false, reason: `expected error ${describeWantedError(testCase)}, got ${text}` };
}

function describeWantedError(testCase: ConformanceCase): string {
  const parts = [testCase.wantErrorCode, testCase.wantError !== undefined ? JSON.stringify(testCase.wantError) : undefined];
  return parts.filter((p) => p !== undefined).join(' ');
}

function rowsText(rows: readonly (Row | RObject)[]): string {
  if (rows.length === 0) return 'undefined';
  const shown = rows.slice(0, 5).map((r) => canonicalText(r instanceof RObject ? r : RObject.fromRecord(r)));
  return `[${shown.join(', ')}${rows.length > 5 ? `, … (${rows.length} rows)` : ''}]`;
}
