import assert from 'node:assert/strict';
import { test } from 'node:test';
import { schemaType } from './from-schema.ts';
import { typeText } from './notation.ts';

const show = (schema: unknown): string => typeText(schemaType(schema));

test('listed properties make a closed object; additionalProperties opens it', () => {
  const user = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } };
  assert.equal(show(user), 'object<age: number, name: string>');
  assert.equal(show({ ...user, additionalProperties: true }), 'object<age: number, name: string>[string: any]');
  assert.equal(show({ ...user, additionalProperties: { type: 'boolean' } }), 'object<age: number, name: string>[string: boolean]');
  assert.equal(show({ type: 'object' }), 'object[any: any]');
  assert.equal(show({ properties: { a: { type: 'boolean' } } }), 'object<a: boolean>');
});

test('arrays, tuples, unions and untyped schemas', () => {
  assert.equal(show({ type: 'array', items: { type: 'string' } }), 'array[string]');
  assert.equal(show({ type: 'array', items: [{ type: 'string' }, { type: 'number' }] }), 'array<string, number>');
  assert.equal(show({ type: 'array' }), 'array[any]');
  assert.equal(show({ anyOf: [{ type: 'string' }, { type: 'number' }] }), 'any<number, string>');
  assert.equal(show({ type: ['null', 'string'] }), 'string');
  assert.equal(show({ enum: ['a', 'b'] }), 'any');
  assert.equal(show(true), 'any');
});

test('local references are followed; a cycle is any', () => {
  const schema = {
    $defs: { role: { type: 'object', properties: { id: { type: 'string' }, parent: { $ref: '#/$defs/role' } } } },
    type: 'object',
    properties: { role: { $ref: '#/$defs/role' } },
  };
  assert.equal(show(schema), 'object<role: object<id: string, parent: any>>');
  assert.equal(show({ allOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'number' } } }] }), 'object<a: string, b: number>');
});

test('schemas that are not schemas are refused with a reason', () => {
  assert.throws(() => schemaType('string'), /a schema must be an object or a boolean/);
  assert.throws(() => schemaType({ type: 'text' }), /invalid type "text"/);
  assert.throws(() => schemaType({ $ref: 'https://example.com/s.json' }), /only local references/);
  assert.throws(() => schemaType({ $ref: '#/definitions/missing' }), /points at nothing/);
  assert.throws(() => schemaType({ allOf: [{ type: 'string' }, { type: 'number' }] }), /unable to merge these schemas/);
});
