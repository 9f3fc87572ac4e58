import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJS } from '../value/value.ts';
import { callBuiltin, testContext } from './testing.ts';

test('uuid.rfc4122 is a v4 UUID, stable per argument within one evaluation', () => {
  const ctx = testContext();
  const a = callBuiltin('uuid.rfc4122', ['k'], ctx);
  assert.match(String(a), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(callBuiltin('uuid.rfc4122', ['k'], ctx), a);
  assert.notEqual(callBuiltin('uuid.rfc4122', ['other'], ctx), a);
  assert.notEqual(callBuiltin('uuid.rfc4122', ['k'], testContext()), a);
});

test('uuid.parse decodes version, variant and v1/v2 fields', () => {
  const v2 = {
    clocksequence: 12800,
    domain: 'Person',
    id: 1000,
    macvariables: 'local:unicast',
    nodeid: '32-50-96-b3-9f-47',
    time: 1693566990121469600,
    variant: 'RFC4122',
    version: 2,
  };
  assert.deepEqual(toJS(callBuiltin('uuid.parse', ['000003e8-48b9-21ee-b200-325096b39f47']) ?? null), v2);
  assert.deepEqual(toJS(callBuiltin('uuid.parse', ['urn:uuid:000003e8-48b9-21ee-b200-325096b39f47']) ?? null), v2);
  const v4 = { variant: 'RFC4122', version: 4 };
  assert.deepEqual(toJS(callBuiltin('uuid.parse', ['{00000000-0000-4000-8000-000000000000}']) ?? null), v4);
  assert.deepEqual(toJS(callBuiltin('uuid.parse', ['6bea8ef2d3d33cd184e09bab06a52ece']) ?? null), { variant: 'RFC4122', version: 3 });
  assert.equal(callBuiltin('uuid.parse', ['not-a-uuid']), undefined);
  assert.throws(() => callBuiltin('uuid.parse', [123]), { message: 'operand 1 must be string but got number' });
});
