import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalText, parseJSON } from '../value/value.ts';
import { callBuiltin } from './testing.ts';

const match = (doc: string, schema: string) => canonicalText(callBuiltin('json.match_schema', [parseJSON(doc), parseJSON(schema)]) as never);
const errors = (doc: string, schema: string) => {
  // Strings are JSON text for both operands.
  const [, list] = callBuiltin('json.match_schema', [doc, schema]) as [boolean, { getStr(k: string): unknown }[]];
  return list.map((e) => `${e.getStr('type')}|${e.getStr('error')}`);
};
const schema = '{"properties": {"id": {"type": "integer"}}, "required": ["id"]}';

test('json.verify_schema', () => {
  assert.equal(canonicalText(callBuiltin('json.verify_schema', ['{"type": "boolean"}']) as never), '[true, null]');
  assert.equal(canonicalText(callBuiltin('json.verify_schema', [parseJSON('{"type": "boolean"}')]) as never), '[true, null]');
  assert.equal(
    canonicalText(callBuiltin('json.verify_schema', [parseJSON('{"type": "unknown_type"}')]) as never),
    '[false, "jsonschema: has a primitive type that is NOT VALID -- given: /unknown_type/ Expected valid values are:[array boolean integer number null object string]"]',
  );
  assert.equal(canonicalText(callBuiltin('json.verify_schema', ['{"required": 1}']) as never), '[false, "jsonschema: Invalid type. Expected: array, given: required"]');
  assert.equal(canonicalText(callBuiltin('json.verify_schema', ['{']) as never), '[false, "jsonschema: invalid JSON string"]');
  assert.equal(canonicalText(callBuiltin('json.verify_schema', [true]) as never), '[false, "jsonschema: wrong type, expected string or object"]');
});

test('json.match_schema reports OPA-shaped errors', () => {
  assert.equal(match('{"id": 5}', schema), '[true, []]');
  assert.equal(canonicalText(callBuiltin('json.match_schema', ['{"id": 5}', schema]) as never), '[true, []]');
  assert.equal(
    match('{"id": "foo"}', schema),
    '[false, [{"desc": "Invalid type. Expected: integer, given: string", "error": "id: Invalid type. Expected: integer, given: string", "field": "id", "type": "invalid_type"}]]',
  );
  assert.deepEqual(errors('{}', schema), ['required|(root): id is required']);
  assert.throws(
    () => callBuiltin('json.match_schema', [parseJSON('{}'), parseJSON('{"type": "unknown"}')]),
    /^BuiltinError: has a primitive type that is NOT VALID -- given: \/unknown\//,
  );
});

test('json.match_schema keywords', () => {
  assert.deepEqual(errors('{"a": [1, 1, "x"]}', '{"properties": {"a": {"type": "array", "items": {"type": "integer"}, "uniqueItems": true, "maxItems": 2}}}'), [
    'invalid_type|a.2: Invalid type. Expected: integer, given: string',
    'array_max_items|a: Array must have at most 2 items',
    'unique|a: array items[0,1] must be unique',
  ]);
  assert.deepEqual(errors('{"n": 7.5}', '{"properties": {"n": {"minimum": 8, "multipleOf": 0.5}}}'), ['number_gte|n: Must be greater than or equal to 8']);
  assert.deepEqual(errors('{"n": 0.3}', '{"properties": {"n": {"multipleOf": 0.1}}}'), []);
  assert.deepEqual(errors('"ab"', '{"minLength": 3, "pattern": "^a+$", "format": "ipv4"}'), [
    'string_gte|(root): String length must be greater than or equal to 3',
    "pattern|(root): Does not match pattern '^a+$'",
    "format|(root): Does not match format 'ipv4'",
  ]);
  assert.deepEqual(errors('{"a": 1, "b": 2}', '{"properties": {"a": {}}, "additionalProperties": false}'), [
    'additional_property_not_allowed|(root): Additional property b is not allowed',
  ]);
  assert.deepEqual(errors('"x"', '{"enum": ["a", 1]}'), ['enum|(root): (root) must be one of the following: "a", 1']);
  assert.deepEqual(errors('3', '{"anyOf": [{"type": "string"}, {"maximum": 2}]}'), [
    'number_any_of|(root): Must validate at least one schema (anyOf)',
    'number_lte|(root): Must be less than or equal to 2',
  ]);
  assert.deepEqual(errors('3', '{"oneOf": [{"type": "integer"}, {"minimum": 1}]}'), ['number_one_of|(root): Must validate one and only one schema (oneOf)']);
  assert.deepEqual(errors('3', '{"not": {"type": "integer"}}'), ['number_not|(root): Must not validate the schema (not)']);
  assert.deepEqual(errors('true', '{"type": ["string", "number"]}'), ['invalid_type|(root): Invalid type. Expected: [string,number], given: boolean']);
  assert.deepEqual(errors('{"x": {"y": "z"}}', '{"definitions": {"s": {"type": "string"}}, "properties": {"x": {"properties": {"y": {"$ref": "#/definitions/s"}}}}}'), []);
  assert.deepEqual(errors('{"x": {"y": 1}}', '{"definitions": {"s": {"type": "string"}}, "properties": {"x": {"properties": {"y": {"$ref": "#/definitions/s"}}}}}'), [
    'invalid_type|x.y: Invalid type. Expected: string, given: integer',
  ]);
});
