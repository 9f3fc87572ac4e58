import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, canonicalSha256 } from './canonical-json.ts';

test('object keys are sorted by UTF-16 code units at every depth', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  // U+1F600 (surrogates D83D DE00) sorts before U+FB01 in UTF-16 order, though its code point is larger.
  assert.equal(canonicalJson({ '\ufb01': 2, '😀': 3, '1': 0, '\r': 1 }), '{"\\r":1,"1":0,"😀":3,"\ufb01":2}');
});

test('numbers use the ECMAScript shortest form', () => {
  assert.equal(canonicalJson([1.0, -0, 1e21, 1e-7, 0.1 + 0.2, 333333333.3333333]), '[1,0,1e+21,1e-7,0.30000000000000004,333333333.3333333]');
  assert.throws(() => canonicalJson(Number.NaN), /non-finite/);
});

test('strings escape only what JSON requires', () => {
  assert.equal(canonicalJson('\u0000\u001f"\\/é'), '"\\u0000\\u001f\\"\\\\/é"');
});

test('undefined properties are omitted and the hash is order-independent', () => {
  assert.equal(canonicalJson({ a: undefined, b: true }), '{"b":true}');
  assert.equal(canonicalSha256({ x: 1, y: [2] }), canonicalSha256({ y: [2], x: 1 }));
  assert.match(canonicalSha256({}), /^[0-9a-f]{64}$/);
  assert.equal(canonicalSha256({}), '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
});
