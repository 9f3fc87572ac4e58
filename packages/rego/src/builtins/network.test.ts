import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RObject } from '../value/value.ts';
import { OperandTypeError } from './errors.ts';
import { defaultRegistry } from './index.ts';
import { callBuiltin } from './testing.ts';

test('http.send checks its request like OPA, then refuses to send it', () => {
  assert.throws(() => callBuiltin('http.send', [{ method: 'get', url: 'http://127.0.0.1', bad_key: 1 }]), (e: Error) => {
    assert.ok(e instanceof OperandTypeError);
    assert.equal(e.message, 'operand 1 invalid request parameters(s): {"bad_key"}');
    return true;
  });
  assert.throws(() => callBuiltin('http.send', [{ method: 'get' }]), {
    message: 'operand 1 missing required request parameters(s): {"url"}',
  });
  assert.throws(() => callBuiltin('http.send', ['x']), { message: 'operand 1 must be object but got string' });
  assert.throws(() => callBuiltin('http.send', [{ method: 'get', url: 'http://127.0.0.1' }]), { message: /^network access is disabled/ });
});

test('DNS lookups are refused with a reason', () => {
  const def = defaultRegistry().get('net.lookup_ip_addr');
  assert.ok(def);
  assert.equal(def.arity, 1);
  assert.equal(def.fn, undefined);
  assert.match(def.refused ?? '', /\w+ .*\w/);
});

test('opa.runtime reports an empty runtime', () => {
  const v = callBuiltin('opa.runtime', []);
  assert.ok(v instanceof RObject);
  assert.equal(v.size, 0);
});
