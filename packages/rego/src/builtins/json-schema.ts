// json.verify_schema and json.match_schema: JSON Schema (draft 4 to 7 keywords) with the error
// texts, types and field names OPA reports (`id: Invalid type. Expected: integer, given: string`).
// Only local references (`#`, `#/definitions/x`, any JSON pointer into the schema) resolve.

import { isIP } from 'node:net';
import {
  BigNum,
  RObject,
  RSet,
  compareNumbers,
  equal,
  isInteger,
  numberText,
  parseJSON,
  toJSONText,
  type Value,
} from '../value/value.ts';
import { BuiltinError } from './errors.ts';
import { runeLength } from './operands.ts';
import { matchesPattern } from './regex.ts';
import type { BuiltinRegistry } from './registry.ts';

const TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

class SchemaError extends Error {}

interface SchemaIssue {
  field: string;
  type: string;
  desc: string;
}

type Num = number | BigNum;
const isNum = (v: Value | undefined): v is Num => typeof v === 'number' || v instanceof BigNum;

/** A document or schema operand: an object or array, or JSON text. */
function load(v: Value): Value {
  if (v instanceof RObject || Array.isArray(v)) return v;
  if (typeof v !== 'string') throw new SchemaError('wrong type, expected string or object');
  try {
    return parseJSON(v);
  } catch {
    throw new SchemaError('invalid JSON string');
  }
}

// ---------------------------------------------------------------------------------------------
// Checking the schema itself.

function invalidType(expected: string, given: string): never {
  throw new SchemaError(`Invalid type. Expected: ${expected}, given: ${given}`);
}

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_ONE = ['additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const NUMBER_KEYS = ['minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];

function checkSchema(s: Value): void {
  if (typeof s === 'boolean') return;
  if (!(s instanceof RObject)) invalidType('object', 'schema');
  const type = s.getStr('type');
  if (type !== undefined) {
    const names = Array.isArray(type) ? type : [type];
    names.forEach((t, i) => {
      if (names.indexOf(t) !== i) throw new SchemaError(`${String(t)} type is duplicated`);
    });
    for (const t of names) {
      if (typeof t !== 'string') invalidType('string/array of strings', 'type');
      if (!TYPES.includes(t)) {
        throw new SchemaError(
          `has a primitive type that is NOT VALID -- given: /${t}/ Expected valid values are:[${TYPES.join(' ')}]`,
        );
      }
    }
  }
  for (const k of SCHEMA_MAPS) {
    const m = s.getStr(k);
    if (m === undefined) continue;
    if (!(m instanceof RObject)) invalidType('object', k);
    for (const sub of m.values()) checkSchema(sub);
  }
  for (const k of SCHEMA_LISTS) {
    const l = s.getStr(k);
    if (l === undefined) continue;
    if (!Array.isArray(l) || l.length === 0) invalidType('array', k);
    for (const sub of l) checkSchema(sub);
  }
  for (const k of SCHEMA_ONE) {
    const sub = s.getStr(k);
    if (sub !== undefined) checkSchema(sub);
  }
  const items = s.getStr('items');
  if (items !== undefined) for (const sub of Array.isArray(items) ? items : [items]) checkSchema(sub);
  const required = s.getStr('required');
  if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === 'string'))) {
    invalidType('array', 'required');
  }
  for (const k of NUMBER_KEYS) {
    const n = s.getStr(k);
    if (n !== undefined && !isNum(n)) invalidType('number', k);
  }
  const pattern = s.getStr('pattern');
  if (pattern !== undefined) {
    if (typeof pattern !== 'string') invalidType('string', 'pattern');
    try {
      matchesPattern(pattern, '');
    } catch {
      throw new SchemaError(`Invalid regex pattern '${pattern}'`);
    }
  }
  const enumValues = s.getStr('enum');
  if (enumValues !== undefined && !Array.isArray(enumValues)) invalidType('array', 'enum');
}

// ---------------------------------------------------------------------------------------------
// Validation.

function typeOf(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (isNum(v)) return isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v) || v instanceof RSet) return 'array';
  return 'object';
}

function fieldOf(path: string[]): string {
  return path.length === 0 ? '(root)' : path.join('.');
}

/** x is a multiple of m, computed exactly on decimal text. */
function isMultiple(x: Num, m: Num): boolean {
  const split = (n: Num): [bigint, number] => {
    const [w = '0', f = ''] = numberText(n).split('.');
    return [BigInt(w + f), f.length];
  };
  const [a, sa] = split(x);
  const [b, sb] = split(m);
  if (b === 0n) return false;
  const num = a * 10n ** BigInt(sb);
  const den = b * 10n ** BigInt(sa);
  return num % den === 0n;
}

const FORMATS: Record<string, (s: string) => boolean> = {
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s + 'T00:00:00Z')),
  time: (s) => /^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s),
  email: (s) => /^[^@\s]+@[^@\s]+$/.test(s),
  hostname: (s) => s.length <= 253 && /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/.test(s),
  ipv4: (s) => isIP(s) === 4,
  ipv6: (s) => isIP(s) === 6,
  uri: (s) => {
    try {
      return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && new URL(s) !== undefined;
    } catch {
      return false;
    }
  },
  uuid: (s) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s),
  regex: (s) => {
    try {
      matchesPattern(s, '');
      return true;
    } catch {
      return false;
    }
  },
  'json-pointer': (s) => /^(\/([^~/]|~[01])*)*$/.test(s),
};

/**
 * The failing branch closest to passing: fewest errors, and among those one that got past the
 * type check, which is likely the branch the author meant.
 */
function closest(results: SchemaIssue[][]): SchemaIssue[] {
  const badness = (r: SchemaIssue[]) => r.length * 2 + (r.some((i) => i.type === 'invalid_type') ? 1 : 0);
  return results.reduce((a, b) => (badness(b) < badness(a) ? b : a));
}

const keyText = (k: Value): string => (typeof k === 'string' ? k : toJSONText(k));

class Validator {
  readonly issues: SchemaIssue[] = [];

  constructor(private readonly root: Value) {}

  private add(path: string[], type: string, desc: string): void {
    this.issues.push({ field: fieldOf(path), type, desc });
  }

  private resolve(ref: string): Value {
    if (!ref.startsWith('#')) throw new SchemaError(`References to remote schemas are not supported: ${ref}`);
    let node: Value | undefined = this.root;
    const pointer = decodeURIComponent(ref.slice(1));
    if (pointer !== '') {
      for (const raw of pointer.replace(/^\//, '').split('/')) {
        const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
        node = node instanceof RObject ? node.getStr(key) : Array.isArray(node) ? node[Number(key)] : undefined;
        if (node === undefined) throw new SchemaError(`Object has no key '${key}'`);
      }
    }
    return node;
  }

  /** Validates into a separate list (for anyOf, oneOf, not, if). */
  private sub(schema: Value, v: Value, path: string[]): SchemaIssue[] {
    const inner = new Validator(this.root);
    inner.validate(schema, v, path);
    return inner.issues;
  }

  validate(schema: Value, v: Value, path: string[]): void {
    if (schema === true) return;
    if (schema === false) {
      this.add(path, 'false', 'False always fails validation');
      return;
    }
    if (!(schema instanceof RObject)) return;
    const ref = schema.getStr('$ref');
    if (typeof ref === 'string') {
      this.validate(this.resolve(ref), v, path);
      return;
    }
    const type = schema.getStr('type');
    if (type !== undefined) {
      const allowed = (Array.isArray(type) ? type : [type]) as string[];
      const actual = typeOf(v);
      if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
        const expected = allowed.length > 1 ? `[${allowed.join(',')}]` : allowed[0];
        this.add(path, 'invalid_type', `Invalid type. Expected: ${expected}, given: ${actual}`);
        return;
      }
    }
    // The order of checks decides the order of errors; it follows the reference validator.
    this.combinators(schema, v, path);
    if (isNum(v)) this.number(schema, v, path);
    if (Array.isArray(v) || v instanceof RSet) this.array(schema, Array.isArray(v) ? v : [...v.values()], path);
    if (v instanceof RObject) this.object(schema, v, path);
    this.common(schema, v, path);
    if (typeof v === 'string') this.string(schema, v, path);
    if (v instanceof RObject) this.properties(schema, v, path);
  }

  private combinators(schema: RObject, v: Value, path: string[]): void {
    const anyOf = schema.getStr('anyOf');
    if (Array.isArray(anyOf)) {
      const results = anyOf.map((s) => this.sub(s, v, path));
      if (!results.some((r) => r.length === 0)) {
        this.add(path, 'number_any_of', 'Must validate at least one schema (anyOf)');
        this.issues.push(...closest(results));
      }
    }
    const oneOf = schema.getStr('oneOf');
    if (Array.isArray(oneOf)) {
      const results = oneOf.map((s) => this.sub(s, v, path));
      const valid = results.filter((r) => r.length === 0).length;
      if (valid !== 1) {
        this.add(path, 'number_one_of', 'Must validate one and only one schema (oneOf)');
        if (valid === 0) this.issues.push(...closest(results));
      }
    }
    const allOf = schema.getStr('allOf');
    if (Array.isArray(allOf)) {
      const results = allOf.map((s) => this.sub(s, v, path));
      for (const r of results) this.issues.push(...r);
      if (results.some((r) => r.length > 0)) this.add(path, 'number_all_of', 'Must validate all the schemas (allOf)');
    }
    const not = schema.getStr('not');
    if (not !== undefined && this.sub(not, v, path).length === 0) {
      this.add(path, 'number_not', 'Must not validate the schema (not)');
    }
    const cond = schema.getStr('if');
    if (cond !== undefined) {
      const ok = this.sub(cond, v, path).length === 0;
      const branch = schema.getStr(ok ? 'then' : 'else');
      if (branch !== undefined) {
        const r = this.sub(branch, v, path);
        if (r.length > 0) {
          if (ok) this.add(path, 'condition_then', 'Must validate "then" as "if" was valid');
          else this.add(path, 'condition_else', 'Must validate "else" as "if" was not valid');
          this.issues.push(...r);
        }
      }
    }
    const deps = schema.getStr('dependencies');
    if (deps instanceof RObject && v instanceof RObject) {
      for (const [k, dep] of deps.entries()) {
        if (!v.has(k)) continue;
        if (Array.isArray(dep)) {
          for (const d of dep) if (!v.has(d)) this.add(path, 'missing_dependency', `Has a dependency on ${String(d)}`);
        } else this.validate(dep, v, path);
      }
    }
  }

  private common(schema: RObject, v: Value, path: string[]): void {
    const field = fieldOf(path);
    const c = schema.getStr('const');
    if (c !== undefined && !equal(c, v)) this.add(path, 'const', `${field} does not match: ${toJSONText(c)}`);
    const e = schema.getStr('enum');
    if (Array.isArray(e) && !e.some((x) => equal(x, v))) {
      this.add(path, 'enum', `${field} must be one of the following: ${e.map(toJSONText).join(', ')}`);
    }
  }

  private array(schema: RObject, v: Value[], path: string[]): void {
    const items = schema.getStr('items');
    if (Array.isArray(items)) {
      v.forEach((x, i) => {
        if (i < items.length) this.validate(items[i] as Value, x, [...path, String(i)]);
      });
      const extra = schema.getStr('additionalItems');
      if (extra === false && v.length > items.length) this.add(path, 'array_no_additional_items', 'No additional items allowed on array');
      else if (extra instanceof RObject) v.slice(items.length).forEach((x, i) => this.validate(extra, x, [...path, String(items.length + i)]));
    } else if (items !== undefined) v.forEach((x, i) => this.validate(items, x, [...path, String(i)]));
    const min = schema.getStr('minItems');
    if (isNum(min) && compareNumbers(v.length, min) < 0) this.add(path, 'array_min_items', `Array must have at least ${numberText(min)} items`);
    const max = schema.getStr('maxItems');
    if (isNum(max) && compareNumbers(v.length, max) > 0) this.add(path, 'array_max_items', `Array must have at most ${numberText(max)} items`);
    if (schema.getStr('uniqueItems') === true) {
      // Each item equal to an earlier one is reported against the latest such earlier item.
      for (let j = 1; j < v.length; j++) {
        for (let i = j - 1; i >= 0; i--) {
          if (equal(v[i] as Value, v[j] as Value)) {
            this.add(path, 'unique', `array items[${i},${j}] must be unique`);
            break;
          }
        }
      }
    }
    const contains = schema.getStr('contains');
    if (contains !== undefined) {
      const results = v.map((x, i) => this.sub(contains, x, [...path, String(i)]));
      if (!results.some((r) => r.length === 0)) {
        this.add(path, 'contains', 'At least one of the items must match');
        if (results.length > 0) this.issues.push(...closest(results));
      }
    }
  }

  private object(schema: RObject, v: RObject, path: string[]): void {
    const min = schema.getStr('minProperties');
    if (isNum(min) && compareNumbers(v.size, min) < 0) this.add(path, 'array_min_properties', `Must have at least ${numberText(min)} properties`);
    const max = schema.getStr('maxProperties');
    if (isNum(max) && compareNumbers(v.size, max) > 0) this.add(path, 'array_max_properties', `Must have at most ${numberText(max)} properties`);
    const required = schema.getStr('required');
    if (Array.isArray(required)) {
      for (const r of required) if (!v.has(r)) this.add(path, 'required', `${String(r)} is required`);
    }
    const props = schema.getStr('properties');
    const patterns = schema.getStr('patternProperties');
    const additional = schema.getStr('additionalProperties');
    for (const [k, x] of v.entries()) {
      const key = keyText(k);
      let matched = props instanceof RObject && props.has(k);
      if (patterns instanceof RObject) {
        for (const [pat, s] of patterns.entries()) {
          if (typeof pat === 'string' && matchesPattern(pat, key)) {
            matched = true;
            this.validate(s, x, [...path, key]);
          }
        }
      }
      if (!matched && additional !== undefined) {
        if (additional === false) this.add(path, 'additional_property_not_allowed', `Additional property ${key} is not allowed`);
        else this.validate(additional, x, [...path, key]);
      }
    }
    const names = schema.getStr('propertyNames');
    if (names !== undefined) {
      for (const k of v.keys()) {
        const key = keyText(k);
        const r = this.sub(names, key, path);
        if (r.length > 0) {
          this.add(path, 'invalid_property_name', `Property name of "${key}" does not match`);
          this.issues.push(...r);
        }
      }
    }
  }

  /** The `properties` subschemas, checked after everything else about the object. */
  private properties(schema: RObject, v: RObject, path: string[]): void {
    const props = schema.getStr('properties');
    if (!(props instanceof RObject)) return;
    for (const [k, s] of props.entries()) {
      const x = v.get(k);
      if (x !== undefined) this.validate(s, x, [...path, keyText(k)]);
    }
  }

  private string(schema: RObject, v: string, path: string[]): void {
    const len = runeLength(v);
    const min = schema.getStr('minLength');
    if (isNum(min) && compareNumbers(len, min) < 0) this.add(path, 'string_gte', `String length must be greater than or equal to ${numberText(min)}`);
    const max = schema.getStr('maxLength');
    if (isNum(max) && compareNumbers(len, max) > 0) this.add(path, 'string_lte', `String length must be less than or equal to ${numberText(max)}`);
    const pattern = schema.getStr('pattern');
    if (typeof pattern === 'string' && !matchesPattern(pattern, v)) this.add(path, 'pattern', `Does not match pattern '${pattern}'`);
    const format = schema.getStr('format');
    if (typeof format === 'string' && FORMATS[format] !== undefined && !FORMATS[format](v)) {
      this.add(path, 'format', `Does not match format '${format}'`);
    }
  }

  private number(schema: RObject, v: Num, path: string[]): void {
    const multiple = schema.getStr('multipleOf');
    if (isNum(multiple) && !isMultiple(v, multiple)) this.add(path, 'multiple_of', `Must be a multiple of ${numberText(multiple)}`);
    // Draft 4 spells exclusive bounds as booleans beside maximum/minimum; later drafts as numbers.
    const max = schema.getStr('maximum');
    const exMax = schema.getStr('exclusiveMaximum');
    if (isNum(max)) {
      if (exMax === true && compareNumbers(v, max) >= 0) this.add(path, 'number_lt', `Must be less than ${numberText(max)}`);
      else if (exMax !== true && compareNumbers(v, max) > 0) this.add(path, 'number_lte', `Must be less than or equal to ${numberText(max)}`);
    }
    if (isNum(exMax) && compareNumbers(v, exMax) >= 0) this.add(path, 'number_lt', `Must be less than ${numberText(exMax)}`);
    const min = schema.getStr('minimum');
    const exMin = schema.getStr('exclusiveMinimum');
    if (isNum(min)) {
      if (exMin === true && compareNumbers(v, min) <= 0) this.add(path, 'number_gt', `Must be greater than ${numberText(min)}`);
      else if (exMin !== true && compareNumbers(v, min) < 0) this.add(path, 'number_gte', `Must be greater than or equal to ${numberText(min)}`);
    }
    if (isNum(exMin) && compareNumbers(v, exMin) <= 0) this.add(path, 'number_gt', `Must be greater than ${numberText(exMin)}`);
  }
}

function issueValue(i: SchemaIssue): Value {
  return RObject.fromRecord({ error: `${i.field}: ${i.desc}`, desc: i.desc, field: i.field, type: i.type });
}

export function register(registry: BuiltinRegistry): void {
  registry.fn('json.verify_schema', 1, (a) => {
    try {
      checkSchema(load(a[0] as Value));
      return [true, null];
    } catch (e) {
      if (e instanceof SchemaError) return [false, `jsonschema: ${e.message}`];
      throw e;
    }
  });
  registry.fn('json.match_schema', 2, (a) => {
    try {
      const doc = load(a[0] as Value);
      const schema = load(a[1] as Value);
      checkSchema(schema);
      const v = new Validator(schema);
      v.validate(schema, doc, []);
      return [v.issues.length === 0, v.issues.map(issueValue)];
    } catch (e) {
      if (e instanceof SchemaError) throw new BuiltinError(e.message);
      throw e;
    }
  });
}
